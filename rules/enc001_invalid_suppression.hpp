#pragma once
#include "lint/rule.hpp"

namespace enclint::rules {

// ENC001: a cfn-enclint suppression without a reason or with an unknown rule.
class InvalidSuppression final : public lint::Rule {
 public:
  const lint::RuleInfo& info() const override;
  void check(const lint::CheckContext& ctx, std::vector<lint::Diagnostic>& out) const override;
};

}  // namespace enclint::rules
