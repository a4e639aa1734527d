#include "yaml/document.hpp"

namespace enclint::yaml {

NodeId Document::resolve(NodeId id) const {
  // Anchors are defined before use, so following aliases always ends.
  while (id != kNone && nodes_[id].kind == Kind::Alias) id = nodes_[id].target;
  return id;
}

std::string_view Document::text(NodeId id) const {
  id = resolve(id);
  if (id == kNone || nodes_[id].kind != Kind::Scalar) return {};
  return nodes_[id].value;
}

NodeId Document::key_of(NodeId map, std::string_view key) const {
  map = resolve(map);
  if (map == kNone || nodes_[map].kind != Kind::Map) return kNone;
  const auto& ch = nodes_[map].children;
  for (std::size_t i = 0; i + 1 < ch.size(); i += 2) {
    if (nodes_[ch[i]].kind == Kind::Scalar && nodes_[ch[i]].value == key) return ch[i];
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
  const auto& ch = nodes_[map].children;
  NodeId k = key_of(map, key);
  if (k != kNone) {
    for (std::size_t i = 0; i + 1 < ch.size(); i += 2)
      if (ch[i] == k) return ch[i + 1];
  }
  // `<<: *base` or `<<: [*a, *b]`: earlier mappings win.
  for (std::size_t i = 0; i + 1 < ch.size(); i += 2) {
    const Node& kn = nodes_[ch[i]];
    if (kn.kind != Kind::Scalar || kn.value != "<<" || kn.style != Style::Plain) continue;
    NodeId v = resolve(ch[i + 1]);
    std::vector<NodeId> sources;
    if (v != kNone && nodes_[v].kind == Kind::Seq)
      sources = nodes_[v].children;
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
    if (nodes_[n].kind == Kind::Alias && nodes_[n].target == anchored) out.push_back(n);
  return out;
}

}  // namespace enclint::yaml
