// What the S3 rules (ENC201-ENC205) share: the encryption rule mappings a
// bucket can end up with, and their default algorithm.
#pragma once

#include <string>
#include <vector>

#include "lint/rule.hpp"

namespace enclint::rules {

std::string bucket_label(const model::Resource& r);

// One mapping of ServerSideEncryptionConfiguration, reachable under
// `assumptions` (each mapping once, however many ways lead to it).
struct EncryptionRule {
  yaml::NodeId map = yaml::kNone;
  int index = 0;  // position in its list, for messages and paths
  model::Assumptions assumptions;
  // Its template path, ".../BucketEncryption/ServerSideEncryptionConfiguration/0"
  // with the Fn::If branches that lead to this mapping (".../0/Fn::If/2").
  std::string path;
};
std::vector<EncryptionRule> encryption_rules(const lint::CheckContext& ctx,
                                             const model::Resource& r);

// One way a rule's ServerSideEncryptionByDefault can turn out.
struct RuleAlgorithm {
  yaml::NodeId by_default = yaml::kNone;   // the ServerSideEncryptionByDefault mapping
  yaml::NodeId written = yaml::kNone;      // its SSEAlgorithm value node
  std::vector<model::Possibility> values;  // what SSEAlgorithm can be
  // The template path of that mapping: the rule's, ServerSideEncryptionByDefault,
  // and the Fn::If branch that leads to this one.
  std::string path;
};
std::vector<RuleAlgorithm> rule_algorithms(const lint::CheckContext& ctx,
                                           const EncryptionRule& rule);

// The literal algorithm names a rule can have ("" entries dropped).
std::vector<std::string> algorithm_names(const lint::CheckContext& ctx, const EncryptionRule& rule);

std::string rule_label(const model::Resource& r, const EncryptionRule& rule);

}  // namespace enclint::rules
