#pragma once
#include "lint/rule.hpp"

namespace enclint::rules {

// ENC204: unknown SSEAlgorithm, or KMSMasterKeyID with AES256.
class S3EncryptionInvalid final : public lint::Rule {
 public:
  const lint::RuleInfo& info() const override;
  void check(const lint::CheckContext& ctx, std::vector<lint::Diagnostic>& out) const override;
};

}  // namespace enclint::rules
