#include "fix/verify.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "model/value.hpp"
#include "util/limits.hpp"

namespace enclint::fix {

namespace {

using model::Value;
using yaml::Document;
using yaml::Kind;
using yaml::NodeId;

// A node as model::to_value sees it. A tagged node is first a one-key mapping
// {Fn::Tag: ...} whose value is the same node without its tag.
struct Cursor {
  const Document* doc = nullptr;
  NodeId id = yaml::kNone;
  bool untagged = false;
};

enum class Shape { Null, Scalar, Map, Seq };

struct View {
  Shape shape = Shape::Null;
  const yaml::Node* node = nullptr;  // aliases followed
  NodeId id = yaml::kNone;
  std::string wrap;  // non-empty: the one key of a tag's mapping ("Fn::If")
};

View view(const Cursor& c) {
  View v;
  v.id = c.doc->resolve(c.id);
  v.node = &(*c.doc)[v.id];
  if (!c.untagged) v.wrap = model::tag_key(v.node->tag());
  if (!v.wrap.empty()) {
    v.shape = Shape::Map;
    return v;
  }
  switch (v.node->kind) {
    case Kind::Scalar: v.shape = Shape::Scalar; break;
    case Kind::Map: v.shape = Shape::Map; break;
    case Kind::Seq: v.shape = Shape::Seq; break;
    default: v.shape = Shape::Null; break;
  }
  return v;
}

std::size_t entry_count(const View& v) {
  if (v.shape != Shape::Map) return 0;
  return v.wrap.empty() ? v.node->children().size() / 2 : 1;
}

std::string_view entry_key(const Cursor& c, const View& v, std::size_t i) {
  return v.wrap.empty() ? c.doc->text(v.node->children()[2 * i]) : std::string_view(v.wrap);
}

Cursor entry_value(const Cursor& c, const View& v, std::size_t i) {
  if (!v.wrap.empty()) return {c.doc, v.id, true};
  return {c.doc, v.node->children()[2 * i + 1], false};
}

// Finds a mapping's entries by key; large mappings (the Resources of a
// generated template) get a hash index, so N lookups cost O(N).
class Lookup {
 public:
  Lookup(const Cursor& c, View v) : c_(c), v_(std::move(v)) {
    std::size_t n = entry_count(v_);
    if (n < 32) return;
    index_.reserve(n);
    for (std::size_t i = 0; i < n; ++i) index_.emplace(entry_key(c_, v_, i), i);
  }
  std::optional<Cursor> find(std::string_view key) const {
    if (!index_.empty()) {
      auto it = index_.find(key);
      if (it == index_.end()) return std::nullopt;
      return entry_value(c_, v_, it->second);
    }
    for (std::size_t i = 0, n = entry_count(v_); i < n; ++i)
      if (entry_key(c_, v_, i) == key) return entry_value(c_, v_, i);
    return std::nullopt;
  }

 private:
  Cursor c_;
  View v_;
  std::unordered_map<std::string_view, std::size_t> index_;
};

// The additions of one round as a tree over the original's paths: what
// "expected = original + additions" means, without building `expected`.
struct Overlay {
  std::map<std::string, std::unique_ptr<Overlay>, std::less<>> keys;
  std::map<int, std::unique_ptr<Overlay>> items;
  std::map<std::string, const Value*, std::less<>> set;  // key: value (the last addition wins)

  bool empty() const { return keys.empty() && items.empty() && set.empty(); }
  const Overlay* key(std::string_view k) const {
    auto it = keys.find(k);
    return it == keys.end() ? nullptr : it->second.get();
  }
  const Overlay* item(std::size_t i) const {
    auto it = items.find(static_cast<int>(i));
    return it == items.end() ? nullptr : it->second.get();
  }
};

class Comparer {
 public:
  explicit Comparer(std::size_t budget) : budget_(budget) {}
  bool exhausted() const { return exhausted_; }

  // `a` with the additions of `ov` laid over it, against `b`.
  bool same(const Cursor& a, const Overlay* ov, const Cursor& b) {
    if (!tick()) return false;
    Depth guard(depth_);
    if (depth_ > kMaxDepth) return exhaust();
    View va = view(a), vb = view(b);
    Shape sa = va.shape;
    if (ov && !ov->set.empty() && sa == Shape::Null) sa = Shape::Map;  // a null there becomes a mapping
    if (sa != vb.shape) return false;
    switch (sa) {
      case Shape::Null: return true;
      case Shape::Scalar: return va.node->value() == vb.node->value();
      case Shape::Seq: {
        const auto& ia = va.node->children();
        const auto& ib = vb.node->children();
        if (ia.size() != ib.size()) return false;
        for (std::size_t i = 0; i < ia.size(); ++i)
          if (!same({a.doc, ia[i], false}, ov ? ov->item(i) : nullptr, {b.doc, ib[i], false})) return false;
        return true;
      }
      case Shape::Map: return same_map(a, va, ov, b, vb);
    }
    return false;
  }

  // A node of the fixed document against an added Value.
  bool same_value(const Cursor& b, const Value& v) {
    if (!tick()) return false;
    Depth guard(depth_);
    if (depth_ > kMaxDepth) return exhaust();
    View vb = view(b);
    switch (v.kind) {
      case Value::Kind::Null: return vb.shape == Shape::Null;
      case Value::Kind::String:
      case Value::Kind::Bool: return vb.shape == Shape::Scalar && vb.node->value() == v.scalar;
      case Value::Kind::Seq: {
        if (vb.shape != Shape::Seq || vb.node->children().size() != v.items.size()) return false;
        for (std::size_t i = 0; i < v.items.size(); ++i)
          if (!same_value({b.doc, vb.node->children()[i], false}, v.items[i])) return false;
        return true;
      }
      case Value::Kind::Map: {
        if (vb.shape != Shape::Map || entry_count(vb) != v.entries.size()) return false;
        Lookup lb(b, vb);
        for (const auto& [k, child] : v.entries) {
          std::optional<Cursor> cb = lb.find(k);
          if (!cb || !same_value(*cb, child)) return false;
        }
        return true;
      }
    }
    return false;
  }

 private:
  // Aliases can nest a document far deeper than its text (each level an
  // alias to the one before): the recursion is bounded like the expansion.
  static constexpr int kMaxDepth = 4 * util::kMaxNestingDepth;
  struct Depth {
    explicit Depth(int& d) : d_(++d) {}
    ~Depth() { --d_; }
    int& d_;
  };

  bool exhaust() {
    exhausted_ = true;
    return false;
  }
  bool tick() {
    if (budget_ == 0) return exhaust();
    --budget_;
    return true;
  }

  bool same_map(const Cursor& a, const View& va, const Overlay* ov, const Cursor& b, const View& vb) {
    std::size_t na = entry_count(va), replaced = 0;
    if (ov)
      for (std::size_t i = 0; i < na; ++i) replaced += ov->set.count(entry_key(a, va, i));
    std::size_t expected = na - replaced + (ov ? ov->set.size() : 0);
    if (expected != entry_count(vb)) return false;
    Lookup lb(b, vb);
    for (std::size_t i = 0; i < na; ++i) {
      std::string_view k = entry_key(a, va, i);
      if (ov && ov->set.count(k)) continue;
      std::optional<Cursor> cb = lb.find(k);
      if (!cb || !same(entry_value(a, va, i), ov ? ov->key(k) : nullptr, *cb)) return false;
    }
    if (ov)
      for (const auto& [k, v] : ov->set) {
        std::optional<Cursor> cb = lb.find(k);
        if (!cb || !same_value(*cb, *v)) return false;
      }
    return true;
  }

  std::size_t budget_;
  int depth_ = 0;
  bool exhausted_ = false;
};

std::string describe(const std::vector<PathStep>& path, const std::string& key) {
  std::string s;
  for (const PathStep& p : path) s += (p.index >= 0 ? std::to_string(p.index) : p.key) + "/";
  return s + key;
}

// Builds the overlay, checking that each addition's place exists in the
// original and is a mapping (or a null, which becomes one).
class Placer {
 public:
  explicit Placer(const Document& original) : original_(original) {}
  std::optional<std::string> place(const Addition& a);
  Overlay& overlay() { return root_; }

 private:
  // Lookups of big mappings are kept: every addition walks through Resources.
  std::optional<Cursor> find(const Cursor& c, const View& v, std::string_view key) {
    if (v.shape != Shape::Map) return std::nullopt;
    if (entry_count(v) < 32) return Lookup(c, v).find(key);
    auto it = lookups_.find(v.id);
    if (it == lookups_.end()) it = lookups_.emplace(v.id, Lookup(c, v)).first;
    return it->second.find(key);
  }

  const Document& original_;
  Overlay root_;
  std::unordered_map<NodeId, Lookup> lookups_;
};

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

}  // namespace

std::optional<std::string> verify_additions(const yaml::Document& original,
                                            const yaml::Document& fixed,
                                            const std::vector<const Fix*>& fixes) {
  Placer placer(original);
  for (const Fix* f : fixes)
    for (const Addition& a : f->additions)
      if (auto err = placer.place(a)) return err;
  const Overlay& overlay = placer.overlay();
  // Without aliases the comparison visits each node once; the budget only
  // stops alias bombs (and cycles).
  Comparer compare(util::kValueExpansionBudget + 4 * (original.size() + fixed.size()));
  bool same = compare.same({&original, original.root(), false}, overlay.empty() ? nullptr : &overlay,
                           {&fixed, fixed.root(), false});
  if (compare.exhausted()) return "the template is too large to verify (alias expansion)";
  if (!same) return "the fixed template is not the original plus the intended additions";
  return std::nullopt;
}

}  // namespace enclint::fix
