#include "model/graph.hpp"

#include <algorithm>

#include "model/graph_walk.hpp"

namespace enclint::model {

using yaml::NodeId;

const char* to_string(EdgeKind k) {
  switch (k) {
    case EdgeKind::Ref: return "Ref";
    case EdgeKind::GetAtt: return "GetAtt";
    case EdgeKind::Sub: return "Sub";
    case EdgeKind::DependsOn: return "DependsOn";
    case EdgeKind::Condition: return "Condition";
    case EdgeKind::Access: return "Access";
    case EdgeKind::EventSource: return "EventSource";
    case EdgeKind::Attached: return "Attached";
    case EdgeKind::EncryptedWith: return "EncryptedWith";
    case EdgeKind::Publishes: return "Publishes";
  }
  return "Ref";
}

std::string describe_access(std::uint8_t access) {
  std::vector<std::string> parts;
  if ((access & (kRead | kWrite)) == (kRead | kWrite))
    parts.emplace_back("read/write");
  else if (access & kRead)
    parts.emplace_back("read");
  else if (access & kWrite)
    parts.emplace_back("write");
  if (access & kDecrypt) parts.emplace_back("kms:Decrypt");
  if (access & kGenerateDataKey) parts.emplace_back("kms:GenerateDataKey");
  if (access & kEncrypt) parts.emplace_back("kms:Encrypt");
  std::string s;
  for (const auto& p : parts) s += (s.empty() ? "" : ", ") + p;
  return s;
}

std::vector<SubVariable> sub_variables(std::string_view s) {
  std::vector<SubVariable> out;
  for (std::size_t at = s.find("${"); at != std::string_view::npos; at = s.find("${", at + 2)) {
    std::size_t close = s.find('}', at + 2);
    if (close == std::string_view::npos) break;
    std::string_view inner = s.substr(at + 2, close - at - 2);
    if (inner.empty() || inner[0] == '!') continue;  // ${!Literal} is written as is
    SubVariable v;
    std::size_t dot = inner.find('.');
    v.name = std::string(inner.substr(0, dot));
    if (dot != std::string_view::npos) v.attribute = std::string(inner.substr(dot + 1));
    out.push_back(std::move(v));
  }
  return out;
}

namespace {
// The mapping entries of `map` (aliases followed): key, value pairs.
template <typename F>
void for_entries(const yaml::Document& doc, NodeId map, F&& f) {
  if (!doc.is_map(map)) return;
  const auto& items = doc[doc.resolve(map)].children();
  for (std::size_t i = 0; i + 1 < items.size(); i += 2) f(items[i], items[i + 1]);
}
}  // namespace

Graph::Graph(const Template& tpl) : tpl_(tpl) {
  const auto& doc = tpl.doc();
  for (std::size_t i = 0; i < tpl.resources().size(); ++i) {
    const Resource& r = tpl.resources()[i];
    nodes_.push_back({NodeKind::Resource, r.logical_id, r.type, r.node, i});
  }
  for (const Parameter& p : tpl.parameters())
    nodes_.push_back({NodeKind::Parameter, p.name, p.type, p.node, 0});
  for_entries(doc, tpl.conditions(), [&](NodeId key, NodeId value) {
    nodes_.push_back({NodeKind::Condition, doc.text(key), {}, value, 0});
  });
  for_entries(doc, tpl.outputs(), [&](NodeId key, NodeId value) {
    nodes_.push_back({NodeKind::Output, doc.text(key), {}, doc.resolve(value), 0});
  });
  // Each name once per kind; the first definition wins (two loops may write the same id).
  for (std::uint32_t i = 0; i < nodes_.size(); ++i)
    index_[static_cast<int>(nodes_[i].kind)].emplace(nodes_[i].name, i);
  out_.resize(nodes_.size());
  in_.resize(nodes_.size());

  Evaluator eval(tpl);
  detail::Walker walker(*this, eval);
  std::vector<detail::Reference> refs;
  auto add_refs = [&](std::uint32_t from) {
    for (detail::Reference& ref : refs) {
      if (ref.target == kNoNode) continue;
      add({from, ref.target, ref.kind, 0, false, ref.at, std::move(ref.attribute),
           std::move(ref.assumptions)});
    }
    refs.clear();
  };
  // A `Condition: C` on a resource or output: every edge of it exists only when C holds.
  auto own_condition = [&](std::uint32_t from, NodeId definition, Assumptions& given) {
    NodeId c = doc.get(definition, "Condition");
    if (!doc.is_scalar(c)) return;
    std::uint32_t to = find(NodeKind::Condition, doc.text(c));
    if (to != kNoNode) add({from, to, EdgeKind::Condition, 0, false, c, {}, {}});
    given = walker.own_condition(definition);
  };

  for (std::uint32_t i = 0; i < tpl.resources().size(); ++i) {
    const Resource& r = tpl.resources()[i];
    Assumptions given;
    own_condition(i, r.node, given);
    std::vector<std::string> scope = walker.loop_variables(r.node);
    for_entries(doc, r.node, [&](NodeId key, NodeId value) {
      std::string_view k = doc.text(key);
      if (k == "Type" || k == "Condition") return;
      if (k == "DependsOn") {
        for (const auto& item : walker.items(value, given)) {
          std::uint32_t to = find(NodeKind::Resource, doc.text(item.node));
          if (to != kNoNode)
            add({i, to, EdgeKind::DependsOn, 0, false, item.node, {}, item.assumptions});
        }
        return;
      }
      walker.references(value, given, scope, refs);
      add_refs(i);
    });
  }
  for (std::uint32_t i = 0; i < nodes_.size(); ++i) {
    const GraphNode& n = nodes_[i];
    if (n.kind == NodeKind::Condition) {
      walker.references(n.node, {}, {}, refs);
      add_refs(i);
    } else if (n.kind == NodeKind::Output) {
      Assumptions given;
      own_condition(i, n.node, given);
      for_entries(doc, n.node, [&](NodeId key, NodeId value) {
        if (doc.text(key) != "Condition") walker.references(value, given, {}, refs);
      });
      add_refs(i);
    }
  }
  detail::add_access_edges(*this, eval);
}

void Graph::add(Edge e) {
  auto index = static_cast<std::uint32_t>(edges_.size());
  out_[e.from].push_back(index);
  in_[e.to].push_back(index);
  edges_.push_back(std::move(e));
}

std::uint32_t Graph::find(NodeKind kind, std::string_view name) const {
  const auto& index = index_[static_cast<int>(kind)];
  auto it = index.find(name);
  return it == index.end() ? kNoNode : it->second;
}

std::uint32_t Graph::target(std::string_view name) const {
  std::uint32_t n = find(NodeKind::Resource, name);
  return n != kNoNode ? n : find(NodeKind::Parameter, name);
}

}  // namespace enclint::model
