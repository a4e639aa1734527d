#include "yaml/document.hpp"

#include <algorithm>
#include <cstring>

namespace enclint::yaml {

char* Arena::allocate(std::size_t bytes, std::size_t align) {
  std::size_t pad = (align - reinterpret_cast<std::uintptr_t>(next_) % align) % align;
  if (!next_ || pad + bytes > left_) {
    // Blocks double up to 1 MiB: small files stay small, big ones take few blocks.
    std::size_t size = std::max(block_size_, bytes + align);
    block_size_ = std::min<std::size_t>(block_size_ * 2, 1 << 20);
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    next_ = blocks_.back().get();
    left_ = size;
    pad = (align - reinterpret_cast<std::uintptr_t>(next_) % align) % align;
  }
  char* p = next_ + pad;
  next_ = p + bytes;
  left_ -= pad + bytes;
  return p;
}

std::string_view Arena::store(std::string_view s) {
  if (s.empty()) return {};
  char* p = allocate(s.size(), 1);
  std::memcpy(p, s.data(), s.size());
  return {p, s.size()};
}

std::span<const NodeId> Arena::store(std::span<const NodeId> ids) {
  if (ids.empty()) return {};
  auto* p = reinterpret_cast<NodeId*>(allocate(ids.size_bytes(), alignof(NodeId)));
  std::memcpy(p, ids.data(), ids.size_bytes());
  return {p, ids.size()};
}

NodeId Document::resolve(NodeId id) const {
  // Anchors are defined before use, so following aliases always ends.
  while (id != kNone && nodes_[id].kind == Kind::Alias) id = nodes_[id].target();
  return id;
}

std::string_view Document::text(NodeId id) const {
  id = resolve(id);
  if (id == kNone || nodes_[id].kind != Kind::Scalar) return {};
  return nodes_[id].value();
}

NodeId Document::key_of(NodeId map, std::string_view key) const {
  map = resolve(map);
  if (map == kNone || nodes_[map].kind != Kind::Map) return kNone;
  const auto& ch = nodes_[map].children();
  for (std::size_t i = 0; i + 1 < ch.size(); i += 2) {
    if (nodes_[ch[i]].kind == Kind::Scalar && nodes_[ch[i]].value() == key) return ch[i];
  }
  return kNone;
}

NodeId Document::get(NodeId map, std::string_view key, bool* via_merge) const {
  return get_impl(map, key, via_merge, 0);
}

NodeId Document::get_impl(NodeId map, std::string_view key, bool* via_merge, int depth) const {
  map = resolve(map);
  if (depth > 64) return kNone;  // merges of merges: far beyond any real template
  if (map == kNone || nodes_[map].kind != Kind::Map) return kNone;
  const auto& ch = nodes_[map].children();
  NodeId k = key_of(map, key);
  if (k != kNone) {
    for (std::size_t i = 0; i + 1 < ch.size(); i += 2)
      if (ch[i] == k) return ch[i + 1];
  }
  // `<<: *base` or `<<: [*a, *b]`: earlier mappings win.
  for (std::size_t i = 0; i + 1 < ch.size(); i += 2) {
    const Node& kn = nodes_[ch[i]];
    if (kn.kind != Kind::Scalar || kn.value() != "<<" || kn.style != Style::Plain) continue;
    NodeId v = resolve(ch[i + 1]);
    std::vector<NodeId> sources;
    if (v != kNone && nodes_[v].kind == Kind::Seq)
      sources.assign(nodes_[v].children().begin(), nodes_[v].children().end());
    else
      sources.push_back(v);
    for (NodeId s : sources) {
      if (resolve(s) == map) continue;
      NodeId found = get_impl(s, key, nullptr, depth + 1);
      if (found != kNone) {
        if (via_merge) *via_merge = true;
        return found;
      }
    }
  }
  return kNone;
}

bool Document::shared_by_alias(NodeId id) const { return shared_ancestor(id) != kNone; }

NodeId Document::shared_ancestor(NodeId id) const {
  for (NodeId n = id; n != kNone; n = nodes_[n].parent) {
    if (nodes_[n].aliased) return n;
  }
  return kNone;
}

std::string_view Document::anchor_name(NodeId id) const {
  auto it = anchors_.find(id);
  return it == anchors_.end() ? std::string_view() : std::string_view(it->second);
}

std::vector<NodeId> Document::aliases_of(NodeId anchored) const {
  std::vector<NodeId> out;
  for (NodeId n = 0; n < nodes_.size(); ++n)
    if (nodes_[n].kind == Kind::Alias && nodes_[n].target() == anchored) out.push_back(n);
  return out;
}

}  // namespace enclint::yaml
