// Suppressions written in template Metadata: ours (`cfn-enclint: suppress`,
// on a resource or for the whole template) and the equivalents other tools
// already honour, so a team can switch tools without rewriting templates.
#pragma once

#include <string>
#include <vector>

#include "lint/diagnostic.hpp"
#include "lint/rule.hpp"

namespace enclint::lint {

struct Suppression {
  std::vector<std::string> rules;  // our rule ids it covers
  std::string resource;            // logical id; "" for the whole template
  std::string source;              // "cfn-enclint", "cfn_nag W74", "checkov CKV_AWS_19", ...
  std::string reason;
};

// Our own entries without a reason or with an unknown rule are not honoured
// (ENC001 reports them).
std::vector<Suppression> collect_suppressions(const model::Template& tpl,
                                              const std::vector<const Rule*>& rules, bool foreign);

// Our rules that declare `tool`'s rule `id` as a peer (RuleInfo::peers).
std::vector<std::string> foreign_rules(const std::vector<const Rule*>& rules, std::string_view tool,
                                       std::string_view id);

// Moves suppressed diagnostics from `diags` to `suppressed`, noting why.
void apply_suppressions(const std::vector<Suppression>& sups, std::vector<Diagnostic>& diags,
                        std::vector<Diagnostic>* suppressed);

// Our `suppress:` entries of one Metadata mapping (a resource's or the
// template's), for ENC001 to check: each entry node.
std::vector<yaml::NodeId> own_suppress_entries(const yaml::Document& doc, yaml::NodeId metadata);

}  // namespace enclint::lint
