#include "rules/kms_key_option.hpp"

#include <algorithm>

#include "model/graph.hpp"

namespace enclint::rules {

namespace {

bool hex(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  });
}

// 8-4-4-4-12 hex digits.
bool uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t at : {8, 13, 18, 23})
    if (s[at] != '-') return false;
  return hex(s.substr(0, 8)) && hex(s.substr(9, 4)) && hex(s.substr(14, 4)) &&
         hex(s.substr(19, 4)) && hex(s.substr(24));
}

bool key_id(std::string_view s) {
  return uuid(s) || (s.rfind("mrk-", 0) == 0 && s.size() == 36 && hex(s.substr(4)));
}

// What KMS allows after `alias/`: letters, digits, `/_-`.
bool alias_name(std::string_view s) {
  return !s.empty() && s.size() <= 250 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
           c == '_' || c == '-';
  });
}

bool word(std::string_view s, bool digits_only) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [&](char c) {
    return (c >= '0' && c <= '9') || (!digits_only && ((c >= 'a' && c <= 'z') || c == '-'));
  });
}

// arn:PARTITION:kms:REGION:ACCOUNT:key/ID or :alias/NAME.
bool kms_arn(std::string_view s) {
  std::vector<std::string_view> parts;
  for (int i = 0; i < 5; ++i) {
    std::size_t colon = s.find(':');
    if (colon == std::string_view::npos) return false;
    parts.push_back(s.substr(0, colon));
    s.remove_prefix(colon + 1);
  }
  if (parts[0] != "arn" || parts[1].rfind("aws", 0) != 0 || !word(parts[1], false) ||
      parts[2] != "kms" || !word(parts[3], false) || parts[4].size() != 12 || !word(parts[4], true))
    return false;
  if (s.rfind("key/", 0) == 0) return key_id(s.substr(4));
  return s.rfind("alias/", 0) == 0 && alias_name(s.substr(6));
}

bool logical_id(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
}

}  // namespace

std::string kms_key_form_problem(std::string_view key) {
  if (key.empty()) return "--kms-key is empty";
  if (key.rfind("Ref:", 0) == 0) {
    if (logical_id(key.substr(4))) return {};
    return "--kms-key '" + std::string(key) +
           "': after Ref: comes the logical id of a key, an alias or a parameter (letters and "
           "digits)";
  }
  if (key.rfind("arn:", 0) == 0) {
    if (kms_arn(key)) return {};
    return "--kms-key '" + std::string(key) +
           "' is not a KMS key or alias ARN (arn:aws:kms:REGION:ACCOUNT:key/ID or "
           ":alias/NAME)";
  }
  if (key.rfind("alias/", 0) == 0) {
    if (alias_name(key.substr(6))) return {};
    return "--kms-key '" + std::string(key) +
           "': an alias name has only letters, digits, '/', '_' and '-'";
  }
  if (key_id(key)) return {};
  return "--kms-key '" + std::string(key) +
         "' is not a KMS key: give a key or alias ARN, alias/NAME, a key id (UUID or mrk-...), "
         "or Ref:LogicalId";
}

namespace {
// The key (or alias) `id` would become a dependency of each resource in
// `fixed`: a cycle when the key already depends on one of them, directly or
// through others (a key policy naming a role whose policy names the table).
// CloudFormation rejects such a template ("Circular dependency between
// resources"), so the fix must not be written. The path is in the message.
std::string cycle_problem(const model::Template& tpl, const std::string& option,
                          std::string_view id, const std::vector<std::string>& fixed) {
  model::Graph graph(tpl);
  std::uint32_t start = graph.find(model::NodeKind::Resource, id);
  if (start == model::Graph::kNoNode) return {};
  std::vector<std::uint32_t> parent(graph.nodes().size(), model::Graph::kNoNode);
  std::vector<std::uint32_t> queue{start};
  parent[start] = start;
  for (std::size_t at = 0; at < queue.size(); ++at) {
    std::uint32_t n = queue[at];
    const model::GraphNode& node = graph.nodes()[n];
    if (n != start && node.kind == model::NodeKind::Resource &&
        std::find(fixed.begin(), fixed.end(), node.name) != fixed.end()) {
      std::string path(node.name);
      for (std::uint32_t p = parent[n];; p = parent[p]) {
        path = std::string(graph.nodes()[p].name) + " -> " + path;
        if (p == start) break;
      }
      return option + " would make a dependency cycle: " + std::string(node.name) +
             " would refer to " + std::string(id) + ", which already depends on it (" + path + ")";
    }
    for (std::uint32_t e : graph.out(n)) {
      const model::Edge& edge = graph.edges()[e];
      bool dependency = edge.kind == model::EdgeKind::Ref || edge.kind == model::EdgeKind::GetAtt ||
                        edge.kind == model::EdgeKind::Sub ||
                        edge.kind == model::EdgeKind::DependsOn;
      if (!dependency || graph.nodes()[edge.to].kind != model::NodeKind::Resource ||
          parent[edge.to] != model::Graph::kNoNode)
        continue;
      parent[edge.to] = n;
      queue.push_back(edge.to);
    }
  }
  return {};
}
}  // namespace

std::string kms_key_ref_problem(const model::Template& tpl, std::string_view key,
                                const std::vector<std::string>& fixed) {
  if (key.rfind("Ref:", 0) != 0) return {};
  std::string_view id = key.substr(4);
  const std::string option = "--kms-key " + std::string(key);
  for (const model::Resource& r : tpl.resources()) {
    if (r.logical_id != id) continue;
    if (r.type == "AWS::KMS::Key" || r.type == "AWS::KMS::Alias")
      return cycle_problem(tpl, option, id, fixed);
    if (std::find(fixed.begin(), fixed.end(), id) != fixed.end())
      return option + " refers to '" + std::string(id) + "', the " + std::string(r.type) +
             " being fixed, not to a KMS key";
    return option + " refers to a resource of type " + std::string(r.type) +
           ", not to an AWS::KMS::Key or AWS::KMS::Alias";
  }
  if (const model::Parameter* p = tpl.parameter(id)) {
    if (p->type == "String" || p->type == "AWS::SSM::Parameter::Value<String>") return {};
    return option + " refers to parameter '" + std::string(id) + "' of type " +
           (p->type.empty() ? std::string("(none)") : std::string(p->type)) +
           "; a key parameter must be a String";
  }
  return option + ": the template has no resource or parameter '" + std::string(id) + "'";
}

}  // namespace enclint::rules
