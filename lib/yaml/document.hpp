// Our own YAML node tree. yaml-cpp parses; we keep every key and value with
// its exact byte range [begin, end) in the original text, which yaml-cpp's
// own nodes do not carry. Nodes live in one vector and refer to each other
// by index, so a document is a few allocations, not one per node.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace enclint::yaml {

using NodeId = std::uint32_t;
inline constexpr NodeId kNone = std::numeric_limits<NodeId>::max();

enum class Kind : std::uint8_t { Null, Scalar, Map, Seq, Alias };
enum class Style : std::uint8_t {
  Plain,  // plain scalar, or a null written as nothing/`null`/`~`
  SingleQuoted,
  DoubleQuoted,
  Literal,  // |
  Folded,   // >
  Block,    // block collection
  Flow,     // flow collection ({...} / [...], and all of JSON)
};

// 64 bytes: a 5 MB template has some 400,000 of them.
struct Node {
  Kind kind = Kind::Null;
  Style style = Style::Plain;
  bool anchored = false;      // carries &anchor
  bool aliased = false;       // some *alias refers to it
  std::uint32_t begin = 0;    // first byte, including tag and anchor
  std::uint32_t content = 0;  // first byte after tag and anchor
  std::uint32_t end = 0;      // one past the last byte
  NodeId parent = kNone;      // enclosing collection
  NodeId key = kNone;         // for a mapping value: its key node

  bool is_collection() const { return kind == Kind::Map || kind == Kind::Seq; }
  // "" when none was written; else as written, e.g. "!Sub".
  std::string_view tag() const { return tag_ ? std::string_view(*tag_) : std::string_view(); }
  // Scalar value (after unescaping/folding); "" for collections and aliases.
  std::string_view value() const {
    return is_collection() || kind == Kind::Alias ? std::string_view()
                                                  : std::string_view(value_, value_size_);
  }
  // Map: key0, value0, key1, value1...; Seq: items; empty for the others.
  std::span<const NodeId> children() const {
    return is_collection() ? std::span<const NodeId>(children_, child_count_)
                           : std::span<const NodeId>();
  }
  // For an alias: the anchored node; kNone for the others.
  NodeId target() const { return kind == Kind::Alias ? target_ : kNone; }

  // Storage, set by the parser: the tag in the document's pool, the value
  // and the children in its arena. A node is a scalar (or null), a
  // collection or an alias, so one of the three is used: 48 bytes a node
  // instead of 64 (a 5 MB template has half a million).
  std::uint32_t value_size_ = 0;
  std::uint32_t child_count_ = 0;
  const std::string* tag_ = nullptr;
  union {
    const char* value_ = nullptr;  // scalars and nulls
    const NodeId* children_;       // maps and sequences
    NodeId target_;                // aliases
  };
};
static_assert(sizeof(Node) <= 48);

// Where nodes keep their scalar values and child lists: a few large blocks
// instead of one allocation per node, and addresses that never move (a
// Document can be moved and its nodes' views stay valid).
class Arena {
 public:
  std::string_view store(std::string_view s);
  std::span<const NodeId> store(std::span<const NodeId> ids);

 private:
  char* allocate(std::size_t bytes, std::size_t align);
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
  std::size_t block_size_ = 4096;
};

class Document {
 public:
  Document() = default;
  // Nodes point into tags_: a copy would point into the original's pool.
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;
  Document(Document&&) = default;
  Document& operator=(Document&&) = default;

  NodeId root() const { return root_; }
  const Node& operator[](NodeId id) const { return nodes_[id]; }
  std::size_t size() const { return nodes_.size(); }
  const std::vector<Node>& nodes() const { return nodes_; }

  // Follows aliases to the node they stand for.
  NodeId resolve(NodeId id) const;
  bool is_map(NodeId id) const { return id != kNone && nodes_[resolve(id)].kind == Kind::Map; }
  bool is_seq(NodeId id) const { return id != kNone && nodes_[resolve(id)].kind == Kind::Seq; }
  bool is_scalar(NodeId id) const {
    return id != kNone && nodes_[resolve(id)].kind == Kind::Scalar;
  }
  // Null that stands for nothing written (`Key:` with no value).
  bool is_empty_null(NodeId id) const {
    return id != kNone && nodes_[id].kind == Kind::Null && nodes_[id].begin == nodes_[id].end;
  }

  // Looks a key up in a mapping (aliases followed, `<<` merge keys honoured
  // after the map's own keys). Returns the value node, or kNone.
  // `via_merge` is set when the entry came from a merged mapping.
  NodeId get(NodeId map, std::string_view key, bool* via_merge = nullptr) const;
  // The key node of an entry in the map's own keys, or kNone.
  NodeId key_of(NodeId map, std::string_view key) const;
  // Scalar text of a node (aliases followed), "" for non-scalars.
  std::string_view text(NodeId id) const;

  // True when `id` or one of its ancestors is anchored and aliased somewhere:
  // a change there would change every place that alias is used.
  bool shared_by_alias(NodeId id) const;
  // The nearest node at or above `id` that some alias refers to, or kNone.
  NodeId shared_ancestor(NodeId id) const;
  // The alias nodes that refer to `anchored`.
  std::vector<NodeId> aliases_of(NodeId anchored) const;
  // The &name of an anchored node ("" if none).
  std::string_view anchor_name(NodeId id) const;

 private:
  friend class Builder;
  // Tags and anchor names are few and repeated: kept once here, not per node.
  // A node-based set keeps its strings where they are when the Document moves.
  std::unordered_set<std::string> tags_;
  std::unordered_map<NodeId, std::string> anchors_;
  Arena arena_;
  NodeId get_impl(NodeId map, std::string_view key, bool* via_merge, int depth) const;
  std::vector<Node> nodes_;
  NodeId root_ = kNone;
};

}  // namespace enclint::yaml
