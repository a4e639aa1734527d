#pragma once
#include "lint/rule.hpp"

namespace enclint::rules {

// ENC202: BucketEncryption without a default algorithm.
class S3EncryptionEmpty final : public lint::Rule {
 public:
  const lint::RuleInfo& info() const override;
  void check(const lint::CheckContext& ctx, std::vector<lint::Diagnostic>& out) const override;
};

}  // namespace enclint::rules
