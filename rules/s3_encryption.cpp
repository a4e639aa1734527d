#include "rules/s3_encryption.hpp"

#include <set>

#include "rules/property.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

using model::Possibility;
using yaml::NodeId;

std::string bucket_label(const model::Resource& r) {
  return "S3 bucket '" + std::string(r.logical_id) + "'";
}

std::vector<EncryptionRule> encryption_rules(const lint::CheckContext& ctx,
                                             const model::Resource& r) {
  const auto& doc = ctx.tpl.doc();
  const auto& eval = ctx.eval();
  std::vector<EncryptionRule> out;
  std::set<NodeId> seen;
  for (const PropertyValue& found :
       member(ctx, property(ctx, r, "BucketEncryption"), "ServerSideEncryptionConfiguration")) {
    const Possibility& config = found.value;
    if (config.kind != Possibility::Kind::Node || !doc.is_seq(config.node)) continue;
    std::string config_path = value_path(doc, found);
    const auto& items = doc[doc.resolve(config.node)].children();
    for (std::size_t i = 0; i < items.size(); ++i) {
      for (Possibility item : eval.expand(items[i], config.assumptions)) {
        if (item.kind != Possibility::Kind::Node || !doc.is_map(item.node)) continue;
        if (!seen.insert(item.node).second) continue;
        std::string path = config_path + "/" + std::to_string(i) +
                           branch_path(doc, items[i], item.node).value_or("");
        out.push_back(
            {item.node, static_cast<int>(i), std::move(item.assumptions), std::move(path)});
      }
    }
  }
  return out;
}

std::vector<RuleAlgorithm> rule_algorithms(const lint::CheckContext& ctx,
                                           const EncryptionRule& rule) {
  const auto& doc = ctx.tpl.doc();
  const auto& eval = ctx.eval();
  std::vector<RuleAlgorithm> out;
  NodeId written = doc.get(rule.map, "ServerSideEncryptionByDefault");
  for (const Possibility& by_default : eval.expand(written, rule.assumptions)) {
    RuleAlgorithm ra;
    ra.path = rule.path + "/ServerSideEncryptionByDefault";
    if (by_default.kind == Possibility::Kind::Node && doc.is_map(by_default.node)) {
      ra.path += branch_path(doc, written, by_default.node).value_or("");
      ra.by_default = by_default.node;
      ra.written = doc.get(by_default.node, "SSEAlgorithm");
      ra.values = eval.expand(ra.written, by_default.assumptions);
    } else {
      ra.values.push_back(by_default);  // Absent, or undecidable
    }
    out.push_back(std::move(ra));
  }
  return out;
}

std::vector<std::string> algorithm_names(const lint::CheckContext& ctx,
                                         const EncryptionRule& rule) {
  const auto& doc = ctx.tpl.doc();
  std::vector<std::string> names;
  for (const RuleAlgorithm& ra : rule_algorithms(ctx, rule))
    for (const Possibility& p : ra.values)
      if (p.kind == Possibility::Kind::Node && doc[p.node].kind == yaml::Kind::Scalar)
        names.emplace_back(doc[p.node].value());
  return names;
}

std::string rule_label(const model::Resource& r, const EncryptionRule& rule) {
  return "encryption rule " + std::to_string(rule.index + 1) + " of " + bucket_label(r);
}

}  // namespace enclint::rules
