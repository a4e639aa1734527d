#include "rules/key_access.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "model/access.hpp"

namespace enclint::rules {

using model::EdgeKind;
using model::Graph;
using yaml::kNone;
using yaml::NodeId;

namespace {

bool is_type(const Graph& g, std::uint32_t n, std::string_view type) {
  return n != Graph::kNoNode && g.nodes()[n].kind == model::NodeKind::Resource &&
         g.nodes()[n].type == type;
}

bool is_sam_function(const Graph& g, std::uint32_t n) {
  return is_type(g, n, "AWS::Serverless::Function") ||
         is_type(g, n, "AWS::Serverless::StateMachine");
}

// The role a function runs as, kNoNode when SAM makes one for it.
std::uint32_t role_of(const Graph& g, std::uint32_t fn) {
  for (std::uint32_t e : g.out(fn))
    if (g.edges()[e].kind == EdgeKind::Attached && is_type(g, g.edges()[e].to, "AWS::IAM::Role"))
      return g.edges()[e].to;
  return Graph::kNoNode;
}

// A key policy principal that stands for the whole account: its root, its id, or anyone.
bool account_principal(const yaml::Document& doc, const model::Evaluator& eval, NodeId p) {
  NodeId args = kNone;
  std::string fn = eval.intrinsic(p, &args);
  if (fn == "Ref") return doc.text(args) == "AWS::AccountId";
  std::string_view text = fn.empty() ? doc.text(p) : fn == "Fn::Sub" ? doc.text(args) : "";
  if (text == "*" || text == "${AWS::AccountId}") return true;
  if (text.size() == 12 && std::all_of(text.begin(), text.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
      }))
    return true;
  return text.size() > 5 && text.substr(text.size() - 5) == ":root";
}

// The key use granted to `identity` by IAM policies: its own statements and
// those of what it is attached to (a function's role, a role's policies).
std::uint8_t iam_grants(const Graph& g, std::uint32_t identity, std::uint32_t key,
                        const model::Assumptions& need) {
  std::uint8_t bits = 0;
  std::vector<std::uint32_t> seen{identity};
  for (std::size_t i = 0; i < seen.size() && i < 64; ++i) {
    for (std::uint32_t ei : g.out(seen[i])) {
      const model::Edge& e = g.edges()[ei];
      if (!model::implies(need, e.assumptions)) continue;
      if (e.kind == EdgeKind::Access && e.to == key) bits |= e.access;
      if (e.kind == EdgeKind::Attached && std::find(seen.begin(), seen.end(), e.to) == seen.end())
        seen.push_back(e.to);
    }
  }
  return bits;
}

}  // namespace

std::string describe_node(const Graph& g, std::uint32_t n) {
  const model::GraphNode& node = g.nodes()[n];
  std::string name = "'" + std::string(node.name) + "'";
  std::string_view t = node.type;
  if (node.kind != model::NodeKind::Resource) return name;
  if (t == "AWS::Serverless::Function" || t == "AWS::Lambda::Function") return "function " + name;
  if (t == "AWS::Serverless::StateMachine") return "state machine " + name;
  if (t == "AWS::IAM::Role") return "role " + name;
  if (t == "AWS::IAM::Policy" || t == "AWS::IAM::ManagedPolicy") return "policy " + name;
  if (t == "AWS::KMS::Key") return "key " + name;
  if (t == "AWS::S3::Bucket") return "S3 bucket " + name;
  if (t == "AWS::SQS::Queue") return "SQS queue " + name;
  if (t == "AWS::SNS::Topic") return "SNS topic " + name;
  if (t == "AWS::Kinesis::Stream") return "Kinesis stream " + name;
  if (model::service_of(t) == "dynamodb") return "DynamoDB table " + name;
  return std::string(t) + " " + name;
}

std::vector<std::uint32_t> identities_of(const Graph& g, std::uint32_t holder) {
  if (is_sam_function(g, holder) || is_type(g, holder, "AWS::Lambda::Function")) {
    std::uint32_t role = role_of(g, holder);
    if (role != Graph::kNoNode) return {role};
    return is_sam_function(g, holder) ? std::vector<std::uint32_t>{holder}
                                      : std::vector<std::uint32_t>{};
  }
  if (is_type(g, holder, "AWS::IAM::Policy") || is_type(g, holder, "AWS::IAM::ManagedPolicy")) {
    std::vector<std::uint32_t> out;
    for (std::uint32_t e : g.in(holder))
      if (g.edges()[e].kind == EdgeKind::Attached &&
          std::find(out.begin(), out.end(), g.edges()[e].from) == out.end())
        out.push_back(g.edges()[e].from);
    if (out.empty()) out.push_back(holder);
    return out;
  }
  return {holder};
}

KeyPolicy key_policy(const Graph& g, std::uint32_t key) {
  KeyPolicy kp;
  const model::Template& tpl = g.tpl();
  const auto& doc = tpl.doc();
  const model::Resource& r = tpl.resources()[g.nodes()[key].resource];
  kp.node = doc.get(r.properties, "KeyPolicy");
  if (!doc.is_map(kp.node)) return kp;  // absent, or not something we can read: the default
  kp.written = true;
  kp.iam_enabled = false;
  model::Evaluator eval(tpl);
  NodeId statements = doc.resolve(doc.get(kp.node, "Statement"));
  std::vector<NodeId> list;
  if (doc.is_seq(statements))
    list.assign(doc[statements].children().begin(), doc[statements].children().end());
  else if (doc.is_map(statements))
    list.push_back(statements);
  for (NodeId s : list) {
    if (!doc.is_map(s) || doc.text(doc.get(s, "Effect")) != "Allow") continue;
    std::uint8_t bits = 0;
    NodeId actions = doc.resolve(doc.get(s, "Action"));
    if (doc.is_scalar(actions)) bits = model::action_access(doc.text(actions), "kms");
    if (doc.is_seq(actions))
      for (NodeId a : doc[actions].children()) bits |= model::action_access(doc.text(a), "kms");
    NodeId principal = doc.get(s, "Principal");
    if (doc.is_scalar(principal) && doc.text(principal) == "*") {
      kp.iam_enabled = true;
      continue;
    }
    NodeId aws = doc.resolve(doc.get(principal, "AWS"));
    std::vector<NodeId> principals;
    if (doc.is_seq(aws) && doc[aws].tag().empty())
      principals.assign(doc[aws].children().begin(), doc[aws].children().end());
    else if (aws != kNone)
      principals.push_back(aws);
    for (NodeId p : principals) {
      if (account_principal(doc, eval, p)) {
        kp.iam_enabled = true;
        continue;
      }
      // A role named by GetAtt, Ref or Sub: that principal's own grant.
      for (std::uint32_t e : g.out(g.resource_node(g.nodes()[key].resource))) {
        const model::Edge& edge = g.edges()[e];
        if (edge.at == p || edge.at == doc.resolve(p)) kp.principals.emplace_back(edge.to, bits);
      }
      std::string_view text = doc.text(doc.resolve(p));
      NodeId args = kNone;
      std::string fn = eval.intrinsic(p, &args);
      if (fn == "Fn::GetAtt")
        text = doc.text(doc.is_seq(args) ? doc[doc.resolve(args)].children()[0] : args);
      if (fn == "Fn::Sub") {
        auto vars = model::sub_variables(doc.text(args));
        if (!vars.empty()) text = "";
        for (const auto& v : vars) {
          kp.principal_names.push_back(v.name);
          kp.principal_name_bits.push_back(bits);
        }
      }
      if (!text.empty()) {
        std::string name(text.substr(0, text.find('.')));
        kp.principal_names.push_back(name);
        kp.principal_name_bits.push_back(bits);
      }
    }
  }
  return kp;
}

// The key use the key policy itself gives `identity` (a SAM function's role is
// `<Function>Role`, which the template can name but does not define).
std::uint8_t key_policy_grants(const Graph& g, const KeyPolicy& kp, std::uint32_t identity) {
  std::uint8_t bits = 0;
  for (const auto& [node, b] : kp.principals)
    if (node == identity) bits |= b;
  std::string sam_role = std::string(g.nodes()[identity].name) + "Role";
  for (std::size_t i = 0; i < kp.principal_names.size(); ++i)
    if (kp.principal_names[i] == g.nodes()[identity].name ||
        (is_sam_function(g, identity) && kp.principal_names[i] == sam_role))
      bits |= kp.principal_name_bits[i];
  return bits;
}

namespace {
// What the caller along `access_edge` lacks of `key` (kNoNode: a key from
// elsewhere, which nothing in the template grants) once it encrypts the store.
KeyNeed need_of(const Graph& g, std::uint32_t access_edge, std::uint32_t key, const KeyPolicy* kp,
                const model::Assumptions& key_assumptions) {
  KeyNeed n;
  const model::Edge& access = g.edges()[access_edge];
  if (access.kind != EdgeKind::Access && access.kind != EdgeKind::EventSource) return n;
  // SAM ignores a function's Policies when it names its own Role.
  if (access.kind == EdgeKind::Access && is_sam_function(g, access.from) &&
      role_of(g, access.from) != Graph::kNoNode)
    return n;
  std::uint8_t need = ((access.access & model::kRead) ? model::kDecrypt : 0) |
                      ((access.access & model::kWrite) ? model::kGenerateDataKey : 0);
  if (!need || !model::consistent(access.assumptions, key_assumptions)) return n;
  n.holder = access.from;
  n.store = access.to;
  n.key = key;
  n.access_edge = access_edge;
  n.access = access.access;
  n.assumptions = access.assumptions;
  model::add_assumptions(n.assumptions, key_assumptions);
  for (std::uint32_t id : identities_of(g, access.from)) {
    std::uint8_t have = 0;
    if (kp && key != Graph::kNoNode) {
      have = key_policy_grants(g, *kp, id);
      if (kp->iam_enabled) have |= iam_grants(g, id, key, n.assumptions);
    }
    if (std::uint8_t missing = need & ~have) {
      n.missing |= missing;
      n.identities.push_back(id);
    }
  }
  return n;
}
}  // namespace

std::vector<KeyNeed> missing_key_grants(const Graph& g) {
  std::vector<KeyNeed> out;
  std::vector<std::pair<std::uint32_t, KeyPolicy>> policies;
  auto policy_of = [&](std::uint32_t key) -> const KeyPolicy& {
    for (const auto& [k, p] : policies)
      if (k == key) return p;
    policies.emplace_back(key, key_policy(g, key));
    return policies.back().second;
  };
  for (std::uint32_t ei = 0; ei < g.edges().size(); ++ei) {
    const model::Edge& enc = g.edges()[ei];
    if (enc.kind != EdgeKind::EncryptedWith) continue;
    const KeyPolicy& kp = policy_of(enc.to);
    for (std::uint32_t ai : g.in(enc.from)) {
      KeyNeed n = need_of(g, ai, enc.to, &kp, enc.assumptions);
      if (!n.missing) continue;
      auto same = std::find_if(out.begin(), out.end(), [&](const KeyNeed& o) {
        return o.holder == n.holder && o.store == n.store && o.key == n.key &&
               o.assumptions.size() == n.assumptions.size() &&
               model::implies(o.assumptions, n.assumptions);
      });
      if (same == out.end()) {
        out.push_back(std::move(n));
        continue;
      }
      same->access |= n.access;
      same->missing |= n.missing;
      for (std::uint32_t id : n.identities)
        if (std::find(same->identities.begin(), same->identities.end(), id) ==
            same->identities.end())
          same->identities.push_back(id);
    }
  }
  return out;
}

std::vector<std::string> would_lose_access(const Graph& g, std::uint32_t store, std::uint32_t key) {
  std::optional<KeyPolicy> kp;
  if (key != Graph::kNoNode) kp = key_policy(g, key);
  std::vector<std::string> out;
  for (std::uint32_t ai : g.in(store)) {
    KeyNeed n = need_of(g, ai, key, kp ? &*kp : nullptr, {});
    for (std::uint32_t id : n.identities) {
      std::string who =
          describe_node(g, id) + " (" +
          (n.missing == model::kDecrypt           ? "kms:Decrypt"
           : n.missing == model::kGenerateDataKey ? "kms:GenerateDataKey"
                                                  : "kms:Decrypt, kms:GenerateDataKey") +
          ")";
      if (std::find(out.begin(), out.end(), who) == out.end()) out.push_back(who);
    }
  }
  return out;
}

}  // namespace enclint::rules
