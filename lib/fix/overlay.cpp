#include "fix/overlay.hpp"

#include <algorithm>
#include <type_traits>

namespace enclint::fix::detail {

std::string describe(const std::vector<PathStep>& path, const std::string& key) {
  std::string s;
  for (const PathStep& p : path) s += (p.index >= 0 ? std::to_string(p.index) : p.key) + "/";
  return s + key;
}

namespace {

// Index steps before key steps; then by index or key.
int compare_step(const PathStep& a, const PathStep& b) {
  bool ai = a.index >= 0, bi = b.index >= 0;
  if (ai != bi) return ai ? -1 : 1;
  if (ai) return a.index < b.index ? -1 : a.index > b.index;
  return a.key.compare(b.key) < 0 ? -1 : a.key.compare(b.key) > 0;
}

// By path (a prefix first), then by key.
bool addition_less(const Addition* a, const Addition* b) {
  std::size_t n = std::min(a->path.size(), b->path.size());
  for (std::size_t i = 0; i < n; ++i)
    if (int c = compare_step(a->path[i], b->path[i])) return c < 0;
  if (a->path.size() != b->path.size()) return a->path.size() < b->path.size();
  return a->key < b->key;
}

}  // namespace

void Additions::sort() { std::stable_sort(all_.begin(), all_.end(), addition_less); }

std::size_t Overlay::set_end() const {
  if (empty()) return lo_;
  auto first = all_->begin() + static_cast<long>(lo_),
       last = all_->begin() + static_cast<long>(hi_);
  return static_cast<std::size_t>(
      std::partition_point(first, last,
                           [&](const Addition* a) { return a->path.size() == depth_; }) -
      all_->begin());
}

Overlay Overlay::below(const PathStep& step) const {
  if (empty()) return {};
  auto first = all_->begin() + static_cast<long>(set_end()),
       last = all_->begin() + static_cast<long>(hi_);
  auto [b, e] = std::equal_range(first, last, step, [&](const auto& x, const auto& y) {
    if constexpr (std::is_same_v<std::decay_t<decltype(x)>, PathStep>)
      return compare_step(x, y->path[depth_]) < 0;
    else
      return compare_step(x->path[depth_], y) < 0;
  });
  if (b == e) return {};
  return Overlay(all_, static_cast<std::size_t>(b - all_->begin()),
                 static_cast<std::size_t>(e - all_->begin()), depth_ + 1);
}

Overlay Overlay::key(std::string_view k) const { return below(PathStep{std::string(k), -1}); }

Overlay Overlay::item(std::size_t i) const { return below(PathStep{{}, static_cast<int>(i)}); }

const Value* Overlay::set_find(std::string_view k) const {
  if (empty()) return nullptr;
  auto first = all_->begin() + static_cast<long>(lo_),
       last = all_->begin() + static_cast<long>(set_end());
  auto it = std::upper_bound(first, last, k,
                             [](std::string_view key, const Addition* a) { return key < a->key; });
  if (it == first || (*(it - 1))->key != k) return nullptr;
  return (*(it - 1))->value.get();  // the last of its key
}

std::size_t Overlay::set_size() const {
  std::size_t n = 0;
  for_each_set([&](std::string_view, const Value&) { ++n; });
  return n;
}

bool Overlay::same_as(const Overlay& other) const {
  if (empty() || other.empty()) return empty() == other.empty();
  if (hi_ - lo_ != other.hi_ - other.lo_) return false;
  for (std::size_t i = 0; i < hi_ - lo_; ++i) {
    const Addition* a = (*all_)[lo_ + i];
    const Addition* b = (*other.all_)[other.lo_ + i];
    if (a->key != b->key || a->path.size() - depth_ != b->path.size() - other.depth_) return false;
    for (std::size_t s = 0; s < a->path.size() - depth_; ++s)
      if (compare_step(a->path[depth_ + s], b->path[other.depth_ + s]) != 0) return false;
    if (a->value != b->value && !model::equivalent(*a->value, *b->value)) return false;
  }
  return true;
}

std::optional<std::string> Placer::place(const Addition& a) {
  Cursor c{&original_, original_.root(), false};
  for (const PathStep& step : a.path) {
    View v = view(c);
    if (step.index >= 0) {
      if (v.shape != Shape::Seq ||
          static_cast<std::size_t>(step.index) >= v.node->children().size())
        return "the place of an addition does not exist: " + describe(a.path, a.key);
      c = {&original_, v.node->children()[static_cast<std::size_t>(step.index)], false};
    } else {
      std::optional<Cursor> found = find(c, v, step.key);
      if (!found) return "the place of an addition does not exist: " + describe(a.path, a.key);
      c = *found;
    }
  }
  Shape target = view(c).shape;
  if (target != Shape::Map && target != Shape::Null)
    return "the place of an addition is not a mapping: " + describe(a.path, a.key);
  if (!a.value) return "an addition without a value: " + describe(a.path, a.key);
  adds_.add(&a);
  return std::nullopt;
}

std::optional<std::string> Placer::place_all(const std::vector<const Fix*>& fixes) {
  for (const Fix* f : fixes)
    for (const Addition& a : f->additions)
      if (auto err = place(a)) return err;
  return finish();
}

std::optional<std::string> Placer::finish() {
  adds_.sort();
  // One addition inside another's value: never made by one round's fixes.
  Overlay root(adds_);
  for (const Addition* a : adds_.all()) {
    Overlay at = root;
    for (const PathStep& step : a->path)
      at = step.index >= 0 ? at.item(static_cast<std::size_t>(step.index)) : at.key(step.key);
    if (at.key(a->key)) return "two additions overlap at " + describe(a->path, a->key);
  }
  return std::nullopt;
}

}  // namespace enclint::fix::detail
