#include "fix/apply.hpp"

#include <algorithm>
#include <unordered_map>

#include "model/value.hpp"
#include "util/limits.hpp"

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

// Walks addition paths through a Value tree. Large mappings (Resources of a
// generated template can have 100,000 entries) get a key index, so that N
// additions cost O(N), not O(N x entries).
class Walker {
 public:
  // nullptr when the path does not lead anywhere.
  Value* walk(Value& root, const std::vector<PathStep>& path) {
    Value* v = &root;
    for (const PathStep& step : path) {
      if (step.index >= 0) {
        if (v->kind != Value::Kind::Seq || static_cast<std::size_t>(step.index) >= v->items.size())
          return nullptr;
        v = &v->items[static_cast<std::size_t>(step.index)];
      } else {
        if (v->kind != Value::Kind::Map) return nullptr;
        std::size_t i = find(*v, step.key);
        if (i == npos) return nullptr;
        v = &v->entries[i].second;
      }
    }
    return v;
  }

  // Sets key: value in the mapping `target`.
  void set(Value& target, const std::string& key, const Value& value) {
    std::size_t i = find(target, key);
    if (i != npos) {
      target.entries[i].second = value;
      return;
    }
    const Value::Entry* old = target.entries.data();
    std::size_t old_size = target.entries.size();
    target.entries.push_back({key, value});
    if (target.entries.data() != old) {
      // The children moved: forget indexes kept for any of them.
      for (auto it = index_.begin(); it != index_.end();) {
        const auto* p = reinterpret_cast<const char*>(it->first);
        bool moved = old_size && p >= reinterpret_cast<const char*>(old) &&
                     p < reinterpret_cast<const char*>(old + old_size);
        it = moved ? index_.erase(it) : std::next(it);
      }
    }
    auto it = index_.find(&target);
    if (it != index_.end()) it->second.emplace(key, target.entries.size() - 1);
  }

 private:
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);
  static constexpr std::size_t kIndexFrom = 32;

  std::size_t find(const Value& map, const std::string& key) {
    if (map.entries.size() < kIndexFrom) {
      for (std::size_t i = 0; i < map.entries.size(); ++i)
        if (map.entries[i].first == key) return i;
      return npos;
    }
    auto [it, inserted] = index_.try_emplace(&map);
    if (inserted)
      for (std::size_t i = 0; i < map.entries.size(); ++i) it->second.emplace(map.entries[i].first, i);
    auto found = it->second.find(key);
    return found == it->second.end() ? npos : found->second;
  }

  std::unordered_map<const Value*, std::unordered_map<std::string, std::size_t>> index_;
};

std::string describe(const std::vector<PathStep>& path, const std::string& key) {
  std::string s;
  for (const PathStep& p : path) s += (p.index >= 0 ? std::to_string(p.index) : p.key) + "/";
  return s + key;
}

constexpr std::size_t kValueBudget = util::kValueExpansionBudget;  // plus 4 per node

}  // namespace

std::optional<std::string> verify_additions(const yaml::Document& original,
                                            const yaml::Document& fixed,
                                            const std::vector<const Fix*>& fixes) {
  Value expected, actual;
  // Without aliases a document expands to exactly its nodes; the budget
  // only stops alias bombs.
  std::size_t budget = kValueBudget + 4 * original.size();
  if (!model::to_value(original, original.root(), expected, budget))
    return "the template is too large to verify (alias expansion)";
  budget = kValueBudget + 4 * fixed.size();
  if (!model::to_value(fixed, fixed.root(), actual, budget))
    return "the fixed template is too large to verify (alias expansion)";
  Walker walker;
  for (const Fix* f : fixes) {
    for (const Addition& a : f->additions) {
      Value* target = walker.walk(expected, a.path);
      if (!target) return "the place of an addition does not exist: " + describe(a.path, a.key);
      if (target->kind == Value::Kind::Null) target->kind = Value::Kind::Map;
      if (target->kind != Value::Kind::Map)
        return "the place of an addition is not a mapping: " + describe(a.path, a.key);
      walker.set(*target, a.key, a.value);
    }
  }
  if (!model::equivalent(expected, actual))
    return "the fixed template is not the original plus the intended additions";
  return std::nullopt;
}

}  // namespace enclint::fix
