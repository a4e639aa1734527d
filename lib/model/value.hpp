// A plain, position-free tree of YAML values. Used for two things: the
// blocks a fix adds (rendered into the file's own style by fix/render), and
// the verification that a fixed file is the original plus exactly those
// blocks (we compare Value trees of both parses).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "yaml/document.hpp"

namespace enclint::model {

struct Value {
  enum class Kind { Null, String, Bool, Map, Seq };
  struct Entry;  // {first: key, second: value}; a pair<string, Value> member would need Value
                 // complete

  Kind kind = Kind::Null;
  std::string scalar;          // String and Bool ("true"/"false")
  std::vector<Entry> entries;  // Map, in order
  std::vector<Value> items;    // Seq
  // A map that is one intrinsic function (`{"Ref": x}`), which YAML files
  // that use short forms write as `!Ref x`.
  bool intrinsic = false;

  static Value string(std::string s);
  static Value boolean(bool b);
  static Value map(std::vector<std::pair<std::string, Value>> entries);
  static Value seq(std::vector<Value> items);
  static Value ref(std::string logical_id);

  const Value* find(std::string_view key) const;
};

struct Value::Entry {
  std::string first;
  Value second;
};

// Same content: scalars by their text (quoting does not matter), mappings
// regardless of key order, sequences in order.
bool equivalent(const Value& a, const Value& b);

// The Value a document node stands for. Aliases are expanded and `!Tag x`
// short forms become their long form `{Fn::Tag: x}`, so a template written
// either way compares equal. `budget` bounds the expansion (alias bombs):
// returns false when it runs out.
bool to_value(const yaml::Document& doc, yaml::NodeId id, Value& out, std::size_t& budget);

std::string debug_string(const Value& v);

// The mapping key a tagged node is wrapped in by to_value ("Fn::If" for
// `!If`), or "" when the tag does not wrap (no tag, `!!str`).
std::string tag_key(std::string_view tag);

}  // namespace enclint::model
