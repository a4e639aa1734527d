#include "engine/picture.hpp"

#include <algorithm>
#include <map>

#include "model/access.hpp"
#include "model/graph.hpp"
#include "rules/key_access.hpp"
#include "rules/registry.hpp"

namespace enclint::engine {

namespace {
bool is_principal(std::string_view type) {
  return type == "AWS::Serverless::Function" || type == "AWS::Lambda::Function" ||
         type == "AWS::Serverless::StateMachine" || type == "AWS::IAM::Role" ||
         type == "AWS::IAM::Policy" || type == "AWS::IAM::ManagedPolicy";
}
}  // namespace

Picture make_picture(const model::Template& tpl, const std::vector<lint::Diagnostic>& diagnostics) {
  Picture pic;
  model::Graph g(tpl);
  std::map<std::uint32_t, std::size_t> index;  // graph node -> picture node
  auto add = [&](std::uint32_t n, Picture::Kind kind) {
    auto [it, fresh] = index.emplace(n, pic.nodes.size());
    if (fresh)
      pic.nodes.push_back({std::string(g.nodes()[n].name),
                           std::string(g.nodes()[n].type),
                           kind,
                           Picture::Status::None,
                           {}});
    return it->second;
  };
  // Stores: every resource a rule checks, other than keys and functions.
  for (std::uint32_t i = 0; i < tpl.resources().size(); ++i) {
    const model::Resource& r = tpl.resources()[i];
    if (!rules::is_checked_type(r.type) || r.type == "AWS::KMS::Key" || is_principal(r.type))
      continue;
    std::size_t s = add(i, Picture::Kind::Store);
    std::vector<std::string> ids;
    for (const auto& d : diagnostics)
      if (d.resource == r.logical_id && d.severity != lint::Severity::Info &&
          d.rule.substr(0, 4) != "ENC0" && std::find(ids.begin(), ids.end(), d.rule) == ids.end())
        ids.emplace_back(d.rule);
    Picture::Node& node = pic.nodes[s];
    node.status = ids.empty() ? Picture::Status::AwsKey : Picture::Status::Finding;
    for (const auto& id : ids) node.note += (node.note.empty() ? "" : ", ") + id;
  }
  for (std::uint32_t i = 0; i < tpl.resources().size(); ++i)
    if (tpl.resources()[i].type == "AWS::KMS::Key") add(i, Picture::Kind::Key);
  // Which access edges ENC011 would report.
  std::vector<std::uint32_t> denied;
  for (const rules::KeyNeed& n : rules::missing_key_grants(g)) denied.push_back(n.access_edge);
  for (std::uint32_t ei = 0; ei < g.edges().size(); ++ei) {
    const model::Edge& e = g.edges()[ei];
    if (e.kind == model::EdgeKind::EncryptedWith && index.count(e.from)) {
      Picture::Node& store = pic.nodes[index[e.from]];
      if (store.status != Picture::Status::Finding) {
        store.status = Picture::Status::CustomerKey;
        store.note = "key " + std::string(g.nodes()[e.to].name);
      }
      std::size_t key = add(e.to, Picture::Kind::Key);
      pic.edges.push_back({index[e.from], key, "encrypted with", false, true});
    }
    bool reads = e.kind == model::EdgeKind::Access || e.kind == model::EdgeKind::EventSource;
    if (!reads || !(e.access & (model::kRead | model::kWrite)) || !index.count(e.to)) continue;
    // The caller: a function rather than the role it runs as, where the template says so.
    std::size_t from = add(e.from, Picture::Kind::Principal);
    std::string label = model::describe_access(e.access & (model::kRead | model::kWrite));
    if (!e.detail.empty() && e.detail != g.nodes()[e.from].name)
      label += " (" + (e.kind == model::EdgeKind::EventSource ? "event " : std::string()) +
               e.detail + ")";
    bool no_key = std::find(denied.begin(), denied.end(), ei) != denied.end();
    auto same = std::find_if(pic.edges.begin(), pic.edges.end(), [&](const Picture::Edge& x) {
      return x.from == from && x.to == index[e.to] && x.label == label;
    });
    if (same == pic.edges.end())
      pic.edges.push_back({from, index[e.to], label, no_key, false});
    else
      same->denied |= no_key;
  }
  // A principal's role and attached policies, when they are drawn.
  for (const model::Edge& e : g.edges())
    if (e.kind == model::EdgeKind::Attached && index.count(e.to) &&
        pic.nodes[index[e.to]].kind == Picture::Kind::Principal) {
      std::size_t from = add(e.from, Picture::Kind::Principal);
      pic.edges.push_back({from, index[e.to], "uses", false, false});
    }
  return pic;
}

}  // namespace enclint::engine
