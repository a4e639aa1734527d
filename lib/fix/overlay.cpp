#include "fix/overlay.hpp"

namespace enclint::fix::detail {

std::string describe(const std::vector<PathStep>& path, const std::string& key) {
  std::string s;
  for (const PathStep& p : path) s += (p.index >= 0 ? std::to_string(p.index) : p.key) + "/";
  return s + key;
}

std::optional<std::string> Placer::place(const Addition& a) {
  Cursor c{&original_, original_.root(), false};
  Overlay* ov = &root_;
  for (const PathStep& step : a.path) {
    View v = view(c);
    if (step.index >= 0) {
      if (v.shape != Shape::Seq || static_cast<std::size_t>(step.index) >= v.node->children().size())
        return "the place of an addition does not exist: " + describe(a.path, a.key);
      c = {&original_, v.node->children()[static_cast<std::size_t>(step.index)], false};
      auto& next = ov->items[step.index];
      if (!next) next = std::make_unique<Overlay>();
      ov = next.get();
    } else {
      std::optional<Cursor> found = find(c, v, step.key);
      // A path through another addition's value: never made by one round's fixes.
      if (!found || ov->set.count(step.key))
        return "the place of an addition does not exist: " + describe(a.path, a.key);
      c = *found;
      auto& next = ov->keys[step.key];
      if (!next) next = std::make_unique<Overlay>();
      ov = next.get();
    }
  }
  Shape target = view(c).shape;
  if (target != Shape::Map && target != Shape::Null)
    return "the place of an addition is not a mapping: " + describe(a.path, a.key);
  if (ov->keys.count(a.key))
    return "two additions overlap at " + describe(a.path, a.key);
  if (!a.value) return "an addition without a value: " + describe(a.path, a.key);
  ov->set[a.key] = a.value.get();
  return std::nullopt;
}

}  // namespace enclint::fix::detail
