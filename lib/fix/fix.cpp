#include "fix/fix.hpp"

namespace enclint::fix {

namespace {
// Same value in every respect (kind, text, intrinsic form, key order): safe to share.
bool identical(const model::Value& a, const model::Value& b) {
  if (a.kind != b.kind || a.intrinsic != b.intrinsic || a.scalar != b.scalar ||
      a.entries.size() != b.entries.size() || a.items.size() != b.items.size())
    return false;
  for (std::size_t i = 0; i < a.entries.size(); ++i)
    if (a.entries[i].first != b.entries[i].first ||
        !identical(a.entries[i].second, b.entries[i].second))
      return false;
  for (std::size_t i = 0; i < a.items.size(); ++i)
    if (!identical(a.items[i], b.items[i])) return false;
  return true;
}
}  // namespace

std::shared_ptr<const model::Value> shared_value(model::Value v) {
  // A run uses a handful of distinct blocks; a small cache per thread finds them.
  thread_local std::vector<std::shared_ptr<const model::Value>> recent;
  for (const auto& r : recent)
    if (identical(*r, v)) return r;
  if (recent.size() >= 16) recent.erase(recent.begin());
  recent.push_back(std::make_shared<const model::Value>(std::move(v)));
  return recent.back();
}

const char* to_string(Applicability a) { return a == Applicability::Safe ? "safe" : "unsafe"; }

bool same_edits(const Fix& a, const Fix& b) {
  if (a.edits.size() != b.edits.size()) return false;
  for (std::size_t i = 0; i < a.edits.size(); ++i)
    if (a.edits[i].begin != b.edits[i].begin || a.edits[i].end != b.edits[i].end ||
        a.edits[i].text != b.edits[i].text)
      return false;
  return true;
}

bool add_part(Fix& combined, Fix part) {
  // A part in a node no alias shares changes one place: the combined fix is
  // shared as much as its shared parts are.
  if (part.shared_uses != 0) {
    if (combined.shared_uses == 0) {
      combined.shared_uses = part.shared_uses;
      combined.shared_anchor = std::move(part.shared_anchor);
    } else if (combined.shared_uses != part.shared_uses ||
               combined.shared_anchor != part.shared_anchor) {
      return false;
    }
  }
  for (auto& e : part.edits) combined.edits.push_back(std::move(e));
  for (auto& a : part.additions) combined.additions.push_back(std::move(a));
  return true;
}

}  // namespace enclint::fix
