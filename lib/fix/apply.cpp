#include "fix/apply.hpp"

#include <algorithm>

namespace enclint::fix {

namespace {
std::pair<std::size_t, std::size_t> span(const Fix& f) {
  std::size_t b = SIZE_MAX, e = 0;
  for (const Edit& ed : f.edits) {
    b = std::min(b, ed.begin);
    e = std::max(e, ed.end);
  }
  return {b, e};
}
}  // namespace

std::vector<const Fix*> non_overlapping(const std::vector<const Fix*>& candidates) {
  std::vector<const Fix*> sorted = candidates;
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const Fix* a, const Fix* b) { return span(*a).first < span(*b).first; });
  std::vector<const Fix*> chosen;
  std::size_t last_end = 0;
  bool any = false;
  for (const Fix* f : sorted) {
    if (f->edits.empty()) continue;
    auto [b, e] = span(*f);
    // Two insertions at one point would be ordered arbitrarily: one waits.
    if (any && b <= last_end) continue;
    chosen.push_back(f);
    last_end = e;
    any = true;
  }
  return chosen;
}

std::string apply(std::string_view text, const std::vector<const Fix*>& fixes) {
  std::vector<const Edit*> edits;
  for (const Fix* f : fixes)
    for (const Edit& e : f->edits) edits.push_back(&e);
  std::stable_sort(edits.begin(), edits.end(),
                   [](const Edit* a, const Edit* b) { return a->begin < b->begin; });
  std::string out;
  std::size_t extra = 0;
  for (const Edit* e : edits) extra += e->text.size();
  out.reserve(text.size() + extra);
  std::size_t pos = 0;
  for (const Edit* e : edits) {
    out.append(text.substr(pos, e->begin - pos));
    out.append(e->text);
    pos = e->end;
  }
  out.append(text.substr(pos));
  return out;
}

bool is_insert_only(std::string_view original, std::string_view fixed) {
  std::size_t j = 0;
  for (char c : original) {
    while (j < fixed.size() && fixed[j] != c) ++j;
    if (j == fixed.size()) return false;
    ++j;
  }
  return true;
}

}  // namespace enclint::fix
