#pragma once
#include "lint/rule.hpp"

namespace enclint::rules {

// ENC203: an S3 default-encryption rule without BucketKeyEnabled: true.
class S3BucketKeyDisabled final : public lint::Rule {
 public:
  const lint::RuleInfo& info() const override;
  void check(const lint::CheckContext& ctx, std::vector<lint::Diagnostic>& out) const override;
};

}  // namespace enclint::rules
