#pragma once
#include "lint/rule.hpp"

namespace enclint::rules {

// ENC205 (level cmk): S3 default encryption without a customer managed key.
class S3CmkMissing final : public lint::Rule {
 public:
  const lint::RuleInfo& info() const override;
  void check(const lint::CheckContext& ctx, std::vector<lint::Diagnostic>& out) const override;
};

}  // namespace enclint::rules
