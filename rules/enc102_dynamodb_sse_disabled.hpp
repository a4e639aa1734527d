#pragma once
#include "lint/rule.hpp"

namespace enclint::rules {

// ENC102: SSEEnabled that is, or can be, false.
class DynamodbSseDisabled final : public lint::Rule {
 public:
  const lint::RuleInfo& info() const override;
  void check(const lint::CheckContext& ctx, std::vector<lint::Diagnostic>& out) const override;
};

}  // namespace enclint::rules
