#include "fix/compose.hpp"

#include <string>

namespace enclint::fix {

bool compose(std::vector<Edit>& composed, const std::vector<Edit>& round) {
  std::vector<Edit> out;
  out.reserve(composed.size() + round.size());
  // Signed: a replacement may shorten the text.
  std::ptrdiff_t shift = 0;  // T offset minus original offset, after the edits passed
  std::size_t i = 0;
  // Merges into composed[i], in T coordinates relative to its text: applied
  // last to first once every edit of the round that falls in it is known.
  std::vector<const Edit*> pending;
  auto finish = [&] {
    Edit c = std::move(composed[i]);
    std::size_t kb = c.begin + static_cast<std::size_t>(shift);
    shift +=
        static_cast<std::ptrdiff_t>(c.text.size()) - static_cast<std::ptrdiff_t>(c.end - c.begin);
    for (auto it = pending.rbegin(); it != pending.rend(); ++it)
      c.text.replace((*it)->begin - kb, (*it)->end - (*it)->begin, (*it)->text);
    pending.clear();
    out.push_back(std::move(c));
    ++i;
  };
  for (const Edit& n : round) {
    while (true) {
      if (i == composed.size()) {
        out.push_back({static_cast<std::size_t>(static_cast<std::ptrdiff_t>(n.begin) - shift),
                       static_cast<std::size_t>(static_cast<std::ptrdiff_t>(n.end) - shift),
                       n.text});
        break;
      }
      const Edit& c = composed[i];
      std::size_t kb = c.begin + static_cast<std::size_t>(shift);
      std::size_t ke = kb + c.text.size();
      if (n.begin >= kb && n.end <= ke) {  // within (or touching) inserted text
        pending.push_back(&n);
        break;
      }
      if (n.end <= kb) {  // original bytes before c
        out.push_back({static_cast<std::size_t>(static_cast<std::ptrdiff_t>(n.begin) - shift),
                       static_cast<std::size_t>(static_cast<std::ptrdiff_t>(n.end) - shift),
                       n.text});
        break;
      }
      if (n.begin >= ke) {
        finish();
        continue;
      }
      return false;  // covers inserted and original bytes at once
    }
  }
  while (i < composed.size()) finish();
  composed = std::move(out);
  return true;
}

}  // namespace enclint::fix
