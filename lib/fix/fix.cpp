#include "fix/fix.hpp"

namespace enclint::fix {

const char* to_string(Applicability a) { return a == Applicability::Safe ? "safe" : "unsafe"; }

bool same_edits(const Fix& a, const Fix& b) {
  if (a.edits.size() != b.edits.size()) return false;
  for (std::size_t i = 0; i < a.edits.size(); ++i)
    if (a.edits[i].begin != b.edits[i].begin || a.edits[i].end != b.edits[i].end ||
        a.edits[i].text != b.edits[i].text)
      return false;
  return true;
}

}  // namespace enclint::fix
