#pragma once
#include "lint/rule.hpp"

namespace enclint::rules {

// ENC201: an S3 bucket without BucketEncryption.
class S3EncryptionMissing final : public lint::Rule {
 public:
  const lint::RuleInfo& info() const override;
  void check(const lint::CheckContext& ctx, std::vector<lint::Diagnostic>& out) const override;
};

// The ServerSideEncryptionConfiguration rule the fixes insert:
// {ServerSideEncryptionByDefault: {SSEAlgorithm: ...}, BucketKeyEnabled: true}.
model::Value default_encryption_rule(const lint::FixOptions& options);

}  // namespace enclint::rules
