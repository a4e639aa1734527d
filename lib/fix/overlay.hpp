// What the two fix verifiers share (fix/verify and fix/stream_verify): a
// view of document nodes as model::to_value sees them, and the additions of
// one round laid out as a tree over the original's paths.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fix/fix.hpp"
#include "model/value.hpp"
#include "yaml/document.hpp"

namespace enclint::fix::detail {

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

inline View view(const Cursor& c) {
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

inline std::size_t entry_count(const View& v) {
  if (v.shape != Shape::Map) return 0;
  return v.wrap.empty() ? v.node->children().size() / 2 : 1;
}

inline std::string_view entry_key(const Cursor& c, const View& v, std::size_t i) {
  return v.wrap.empty() ? c.doc->text(v.node->children()[2 * i]) : std::string_view(v.wrap);
}

inline Cursor entry_value(const Cursor& c, const View& v, std::size_t i) {
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

// The additions of one round, sorted by path: the additions below any place
// of the original are one run of them, found by binary search (a tree of
// maps cost some 500 bytes per addition; this costs a pointer).
class Additions {
 public:
  void add(const Addition* a) { all_.push_back(a); }
  void sort();  // after the last add
  const std::vector<const Addition*>& all() const { return all_; }

 private:
  std::vector<const Addition*> all_;
};

// The additions below one place of the original: those whose path goes
// through it (`depth` steps of it matched). Empty when there are none.
class Overlay {
 public:
  Overlay() = default;
  explicit Overlay(const Additions& adds) : all_(&adds.all()), hi_(adds.all().size()) {}

  bool empty() const { return !all_ || lo_ >= hi_; }
  explicit operator bool() const { return !empty(); }
  Overlay key(std::string_view k) const;  // below the mapping key `k`
  Overlay item(std::size_t i) const;      // below the sequence item `i`

  // Entries added right here (key: value), the last addition of a key winning.
  bool has_set() const { return set_end() > lo_; }
  const Value* set_find(std::string_view k) const;
  std::size_t set_size() const;
  template <typename F>
  void for_each_set(F&& f) const {  // f(std::string_view key, const Value& value), keys in order
    std::size_t end = set_end();
    for (std::size_t i = lo_; i < end; ++i)
      if (i + 1 == end || (*all_)[i + 1]->key != (*all_)[i]->key)
        f(std::string_view((*all_)[i]->key), *(*all_)[i]->value);
  }
  // The same additions, relative to this place, as below `other`.
  bool same_as(const Overlay& other) const;

 private:
  Overlay(const std::vector<const Addition*>* all, std::size_t lo, std::size_t hi,
          std::size_t depth)
      : all_(all), lo_(lo), hi_(hi), depth_(depth) {}
  std::size_t set_end() const;  // end of the additions whose path ends here
  Overlay below(const PathStep& step) const;

  const std::vector<const Addition*>* all_ = nullptr;
  std::size_t lo_ = 0, hi_ = 0, depth_ = 0;
};

// "a/b/0/key", for messages.
std::string describe(const std::vector<PathStep>& path, const std::string& key);

// What either verifier says when the documents differ.
inline constexpr const char* kNotOriginalPlusAdditions =
    "the fixed template is not the original plus the intended additions";

// The shape the original node has once `ov` is laid over it: a null with
// entries added becomes a mapping.
inline Shape shape_with(const View& v, const Overlay& ov) {
  return v.shape == Shape::Null && ov.has_set() ? Shape::Map : v.shape;
}

// How many entries the mapping (or null) `v` has once `ov` is laid over it:
// its own, less those an addition replaces, plus those added.
inline std::size_t entry_count_with(const Cursor& c, const View& v, const Overlay& ov) {
  std::size_t n = entry_count(v);
  if (!ov.has_set()) return n;
  for (std::size_t i = 0, own = n; i < own; ++i) n -= ov.set_find(entry_key(c, v, i)) != nullptr;
  return n + ov.set_size();
}

// Builds the overlay, checking that each addition's place exists in the
// original and is a mapping (or a null, which becomes one).
class Placer {
 public:
  explicit Placer(const Document& original) : original_(original) {}
  // Checks an addition's place, and keeps it.
  std::optional<std::string> place(const Addition& a);
  // After the last place(): the additions as an overlay, or why two of them
  // cannot both be made (one inside the other's value).
  std::optional<std::string> finish();
  // place() for every addition of `fixes`, then finish(): the first problem, if any.
  std::optional<std::string> place_all(const std::vector<const Fix*>& fixes);
  Overlay overlay() const { return Overlay(adds_); }

  // An entry of the original's mapping `c` (viewed as `v`). Lookups of big
  // mappings are kept: every addition walks through Resources.
  std::optional<Cursor> find(const Cursor& c, const View& v, std::string_view key) {
    if (v.shape != Shape::Map) return std::nullopt;
    if (entry_count(v) < 32) return Lookup(c, v).find(key);
    auto it = lookups_.find(v.id);
    if (it == lookups_.end()) it = lookups_.emplace(v.id, Lookup(c, v)).first;
    return it->second.find(key);
  }

 private:
  const Document& original_;
  Additions adds_;
  std::unordered_map<NodeId, Lookup> lookups_;
};

}  // namespace enclint::fix::detail
