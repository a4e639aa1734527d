#include "fix/verify.hpp"

#include "fix/overlay.hpp"
#include "util/limits.hpp"

namespace enclint::fix {

namespace {

using namespace detail;

class Comparer {
 public:
  explicit Comparer(std::size_t budget) : budget_(budget) {}
  bool exhausted() const { return exhausted_; }

  // `a` with the additions of `ov` laid over it, against `b`.
  bool same(const Cursor& a, const Overlay& ov, const Cursor& b) {
    if (!tick()) return false;
    Depth guard(depth_);
    if (depth_ > kMaxDepth) return exhaust();
    View va = view(a), vb = view(b);
    Shape sa = shape_with(va, ov);
    if (sa != vb.shape) return false;
    switch (sa) {
      case Shape::Null: return true;
      case Shape::Scalar: return va.node->value() == vb.node->value();
      case Shape::Seq: {
        const auto& ia = va.node->children();
        const auto& ib = vb.node->children();
        if (ia.size() != ib.size()) return false;
        for (std::size_t i = 0; i < ia.size(); ++i)
          if (!same({a.doc, ia[i], false}, ov.item(i), {b.doc, ib[i], false})) return false;
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

  bool same_map(const Cursor& a, const View& va, const Overlay& ov, const Cursor& b,
                const View& vb) {
    if (entry_count_with(a, va, ov) != entry_count(vb)) return false;
    Lookup lb(b, vb);
    bool sets = ov.has_set();
    for (std::size_t i = 0, na = entry_count(va); i < na; ++i) {
      std::string_view k = entry_key(a, va, i);
      if (sets && ov.set_find(k)) continue;  // replaced: compared below
      std::optional<Cursor> cb = lb.find(k);
      if (!cb || !same(entry_value(a, va, i), ov.key(k), *cb)) return false;
    }
    bool ok = true;
    ov.for_each_set([&](std::string_view k, const Value& v) {
      if (!ok) return;
      std::optional<Cursor> cb = lb.find(k);
      ok = cb && same_value(*cb, v);
    });
    return ok;
  }

  std::size_t budget_;
  int depth_ = 0;
  bool exhausted_ = false;
};

}  // namespace

std::optional<std::string> verify_additions(const yaml::Document& original,
                                            const yaml::Document& fixed,
                                            const std::vector<const Fix*>& fixes) {
  Placer placer(original);
  if (auto err = placer.place_all(fixes)) return err;
  Overlay overlay = placer.overlay();
  // Without aliases the comparison visits each node once; the budget only
  // stops alias bombs (and cycles).
  Comparer compare(util::kValueExpansionBudget + 4 * (original.size() + fixed.size()));
  bool same =
      compare.same({&original, original.root(), false}, overlay, {&fixed, fixed.root(), false});
  if (compare.exhausted()) return "the template is too large to verify (alias expansion)";
  if (!same) return kNotOriginalPlusAdditions;
  return std::nullopt;
}

}  // namespace enclint::fix
