#include "fix/apply.hpp"

#include <algorithm>

#include "model/value.hpp"

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

namespace {

using model::Value;

// Walks `path` in `root`; nullptr when it does not lead anywhere.
Value* walk(Value& root, const std::vector<PathStep>& path) {
  Value* v = &root;
  for (const PathStep& step : path) {
    if (step.index >= 0) {
      if (v->kind != Value::Kind::Seq || static_cast<std::size_t>(step.index) >= v->items.size())
        return nullptr;
      v = &v->items[static_cast<std::size_t>(step.index)];
    } else {
      if (v->kind != Value::Kind::Map) return nullptr;
      Value* next = nullptr;
      for (auto& [k, child] : v->entries)
        if (k == step.key) next = &child;
      if (!next) return nullptr;
      v = next;
    }
  }
  return v;
}

std::string describe(const std::vector<PathStep>& path, const std::string& key) {
  std::string s;
  for (const PathStep& p : path) s += (p.index >= 0 ? std::to_string(p.index) : p.key) + "/";
  return s + key;
}

constexpr std::size_t kValueBudget = 5'000'000;

}  // namespace

std::optional<std::string> verify_additions(const yaml::Document& original,
                                            const yaml::Document& fixed,
                                            const std::vector<const Fix*>& fixes) {
  Value expected, actual;
  std::size_t budget = kValueBudget;
  if (!model::to_value(original, original.root(), expected, budget))
    return "the template is too large to verify (alias expansion)";
  budget = kValueBudget;
  if (!model::to_value(fixed, fixed.root(), actual, budget))
    return "the fixed template is too large to verify (alias expansion)";
  for (const Fix* f : fixes) {
    for (const Addition& a : f->additions) {
      Value* target = walk(expected, a.path);
      if (!target) return "the place of an addition does not exist: " + describe(a.path, a.key);
      if (target->kind == Value::Kind::Null) target->kind = Value::Kind::Map;
      if (target->kind != Value::Kind::Map)
        return "the place of an addition is not a mapping: " + describe(a.path, a.key);
      Value* existing = nullptr;
      for (auto& [k, child] : target->entries)
        if (k == a.key) existing = &child;
      if (existing)
        *existing = a.value;
      else
        target->entries.push_back({a.key, a.value});
    }
  }
  if (!model::equivalent(expected, actual))
    return "the fixed template is not the original plus the intended additions";
  return std::nullopt;
}

}  // namespace enclint::fix
