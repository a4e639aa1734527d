#include "rules/enc011_kms_key_access_missing.hpp"

#include <algorithm>
#include <map>

#include "fix/append.hpp"
#include "rules/enc011_doc.hpp"
#include "rules/key_access.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

using model::Graph;
using model::Value;
using yaml::kNone;
using yaml::NodeId;

namespace {

const lint::RuleInfo kInfo{
    .id = "ENC011",
    .name = "kms-key-access-missing",
    .summary =
        "A function or role uses a store encrypted with a customer managed key of the "
        "template without permission to use that key",
    .resource_types = {"AWS::KMS::Key"},
    .fix = lint::FixAvailability::Unsafe,
    .doc = kEnc011Doc};

const lint::RuleInfo kPolicyInfo{
    .id = "ENC012",
    .name = "kms-key-policy-locks-out",
    .summary =
        "A key policy that lets no IAM policy grant the key's use and does not name a "
        "principal that needs it",
    .resource_types = {"AWS::KMS::Key"},
    .fix = lint::FixAvailability::None,
    .doc = kEnc012Doc};

bool has_key(const model::Template& tpl) {
  return std::any_of(tpl.resources().begin(), tpl.resources().end(),
                     [](const model::Resource& r) { return r.type == "AWS::KMS::Key"; });
}

std::string name_of(const Graph& g, std::uint32_t n) { return std::string(g.nodes()[n].name); }

std::string actions(std::uint8_t bits) {
  std::vector<std::string> a;
  if (bits & model::kDecrypt) a.emplace_back("kms:Decrypt");
  if (bits & model::kGenerateDataKey) a.emplace_back("kms:GenerateDataKey");
  return join(a, " and ");
}

// `!GetAtt Key.Arn` where the file writes short forms, else the list form.
Value key_arn(const lint::CheckContext& ctx, const std::string& key) {
  Value v =
      ctx.style().short_forms && !ctx.style().json
          ? Value::map({{"Fn::GetAtt", Value::string(key + ".Arn")}})
          : Value::map({{"Fn::GetAtt", Value::seq({Value::string(key), Value::string("Arn")})}});
  v.intrinsic = true;
  return v;
}

Value statement(const lint::CheckContext& ctx, const std::string& key, std::uint8_t bits) {
  std::vector<Value> list;
  if (bits & model::kDecrypt) list.push_back(Value::string("kms:Decrypt"));
  if (bits & model::kGenerateDataKey) list.push_back(Value::string("kms:GenerateDataKey"));
  return Value::map({{"Effect", Value::string("Allow")},
                     {"Action", Value::seq(std::move(list))},
                     {"Resource", key_arn(ctx, key)}});
}

// "DataKey → ArticlesTable" and the rest of the path, from the caller on.
std::string path_text(const Graph& g, const KeyNeed& n) {
  const model::Edge& e = g.edges()[n.access_edge];
  std::vector<std::string> steps;
  if (!n.identities.empty() && n.identities.front() != n.holder)
    steps.push_back(name_of(g, n.identities.front()));
  steps.push_back(name_of(g, n.holder));
  if (e.kind == model::EdgeKind::EventSource)
    steps.push_back("event " + e.detail);
  else if (!e.detail.empty() && e.detail != name_of(g, n.holder))
    steps.push_back(e.detail);
  steps.push_back(name_of(g, n.store));
  steps.push_back(name_of(g, n.key));
  return join(steps, " → ");
}

std::string need_text(const Graph& g, const KeyNeed& n) {
  const model::Edge& e = g.edges()[n.access_edge];
  std::string verb = e.kind == model::EdgeKind::EventSource                    ? "consumes"
                     : (n.access & model::kRead) && (n.access & model::kWrite) ? "reads and writes"
                     : (n.access & model::kRead)                               ? "reads"
                                                                               : "writes";
  return verb + " " + describe_node(g, n.store) + ", encrypted with the customer managed " +
         describe_node(g, n.key) + ", without " + actions(n.missing) + " on that key" +
         when(n.assumptions) + " (" + path_text(g, n) + ")";
}

}  // namespace

const lint::RuleInfo& KmsKeyAccessMissing::info() const { return kInfo; }
const lint::RuleInfo& KmsKeyPolicyLocksOut::info() const { return kPolicyInfo; }

namespace {

// The grants a holder's fix adds: per key, the key use missing.
using Grants = std::map<std::uint32_t, std::uint8_t>;

void attach_fix(const lint::CheckContext& ctx, const Graph& g, std::uint32_t holder,
                const std::vector<const KeyNeed*>& needs, lint::Diagnostic& d) {
  const auto& doc = ctx.tpl.doc();
  Grants grants;
  for (const KeyNeed* n : needs) grants[n->key] |= n->missing;
  for (const auto& [key, bits] : grants) {
    KeyPolicy kp = key_policy(g, key);
    if (!kp.iam_enabled) {
      d.not_fixable = "the key policy of " + describe_node(g, key) +
                      " lets no IAM policy grant its use (ENC012); name the principal there";
      return;
    }
  }
  std::string title;
  for (const auto& [key, bits] : grants)
    title += (title.empty() ? "grant " : ", ") + actions(bits) + " on " + describe_node(g, key);
  const model::Resource& r = ctx.tpl.resources()[g.nodes()[holder].resource];
  const model::Edge& first = g.edges()[needs.front()->access_edge];
  std::string_view type = r.type;
  if (type == "AWS::Serverless::Function" || type == "AWS::Serverless::StateMachine") {
    if (std::uint32_t id = needs.front()->identities.front(); id != holder) {
      d.not_fixable = "the function runs as " + describe_node(g, id) + "; " + title +
                      " in one of that role's policies";
      return;
    }
    std::vector<Value> items;
    for (const auto& [key, bits] : grants) {
      std::string k = name_of(g, key);
      if (bits == model::kDecrypt)
        items.push_back(Value::map({{"KMSDecryptPolicy", Value::map({{"KeyId", Value::ref(k)}})}}));
      else
        items.push_back(Value::map({{"Statement", Value::seq({statement(ctx, k, bits)})}}));
    }
    NodeId props = doc.resolve(r.properties);
    NodeId policies = doc.is_map(props) ? doc.get(props, "Policies") : kNone;
    if (policies == kNone) {
      attach_properties_insert(ctx, r, "Policies", Value::seq(std::move(items)), title, d);
    } else if (doc.is_seq(policies) && doc[policies].kind == yaml::Kind::Seq) {
      attach(ctx, fix::append_fix(ctx.tpl, ctx.style(), policies, items, title), d);
    } else {
      d.not_fixable = "Policies is not a list; make it one and " + title;
    }
    if (d.fix) d.fix->applicability = fix::Applicability::Unsafe;
    return;
  }
  // An IAM policy document: the statement goes beside the one that grants the store.
  NodeId at = first.at;
  NodeId list = at == kNone ? kNone : doc[at].parent;
  if (first.kind != model::EdgeKind::Access || list == kNone || doc[list].kind != yaml::Kind::Seq) {
    d.not_fixable = "the policy's Statement is not a list; " + title + " by hand";
    return;
  }
  std::vector<Value> items;
  for (const auto& [key, bits] : grants) items.push_back(statement(ctx, name_of(g, key), bits));
  attach(ctx, fix::append_fix(ctx.tpl, ctx.style(), list, items, title), d);
}

}  // namespace

void KmsKeyAccessMissing::check(const lint::CheckContext& ctx,
                                std::vector<lint::Diagnostic>& out) const {
  // No key of its own: nothing to find, and the graph is never built.
  if (!has_key(ctx.tpl)) return;
  const Graph& g = ctx.graph();
  std::vector<KeyNeed> needs = missing_key_grants(g);
  std::map<std::uint32_t, std::vector<const KeyNeed*>> by_holder;
  for (const KeyNeed& n : needs) by_holder[n.holder].push_back(&n);
  const auto& doc = ctx.tpl.doc();
  for (auto& [holder, list] : by_holder) {
    // In the order they are written.
    std::stable_sort(list.begin(), list.end(), [&](const KeyNeed* a, const KeyNeed* b) {
      NodeId x = g.edges()[a->access_edge].at, y = g.edges()[b->access_edge].at;
      return (x == kNone ? 0 : doc[x].begin) < (y == kNone ? 0 : doc[y].begin);
    });
    const model::Resource& r = ctx.tpl.resources()[g.nodes()[holder].resource];
    std::vector<std::string> parts;
    for (const KeyNeed* n : list) parts.push_back(need_text(g, *n));
    std::string who = describe_node(g, holder);
    std::vector<std::string> users;
    for (std::uint32_t id : list.front()->identities)
      if (id != holder) users.push_back(describe_node(g, id));
    if (!users.empty()) who += " (used by " + join(users, ", ") + ")";
    NodeId at = g.edges()[list.front()->access_edge].at;
    auto [begin, end] = at != kNone ? node_location(ctx.tpl, at) : node_location(ctx.tpl, r.key);
    lint::Diagnostic d =
        make(r, begin, end,
             who + " " + join(parts, "; ") +
                 ": its calls fail with AccessDeniedException until it may use the key",
             r.path + "/Properties");
    attach_fix(ctx, g, holder, list, d);
    out.push_back(std::move(d));
  }
}

void KmsKeyPolicyLocksOut::check(const lint::CheckContext& ctx,
                                 std::vector<lint::Diagnostic>& out) const {
  if (!has_key(ctx.tpl)) return;
  const Graph& g = ctx.graph();
  std::vector<KeyNeed> needs = missing_key_grants(g);
  for (std::uint32_t i = 0; i < ctx.tpl.resources().size(); ++i) {
    const model::Resource& r = ctx.tpl.resources()[i];
    if (r.type != "AWS::KMS::Key") continue;
    KeyPolicy kp = key_policy(g, g.resource_node(i));
    if (!kp.written || kp.iam_enabled) continue;
    std::vector<std::string> locked;
    auto lock = [&](std::uint32_t id) {
      std::string s = describe_node(g, id);
      if (std::find(locked.begin(), locked.end(), s) == locked.end()) locked.push_back(s);
    };
    for (const KeyNeed& n : needs)
      if (n.key == g.resource_node(i))
        for (std::uint32_t id : n.identities) lock(id);
    // Principals whose IAM policies grant the key: those grants do nothing.
    for (std::uint32_t e : g.in(g.resource_node(i))) {
      const model::Edge& edge = g.edges()[e];
      if (edge.kind != model::EdgeKind::Access) continue;
      for (std::uint32_t id : identities_of(g, edge.from)) {
        if (!key_policy_grants(g, kp, id)) lock(id);
      }
    }
    if (locked.empty()) continue;
    auto [begin, end] = node_location(ctx.tpl, kp.node);
    out.push_back(
        make(r, begin, end,
             "the KeyPolicy of key '" + std::string(r.logical_id) +
                 "' has no statement for the account (arn:aws:iam::${AWS::AccountId}:root), "
                 "so IAM policies cannot grant its use, and it does not name " +
                 join(locked, ", ") +
                 (locked.size() == 1 ? ", which needs the key: its calls fail"
                                     : ", which need the key: their calls fail") +
                 " with AccessDeniedException",
             r.path + "/Properties/KeyPolicy"));
  }
}

}  // namespace enclint::rules
