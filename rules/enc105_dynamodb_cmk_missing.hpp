#pragma once
#include "lint/rule.hpp"

namespace enclint::rules {

// ENC105 (level cmk): SSE without a customer managed key.
class DynamodbCmkMissing final : public lint::Rule {
 public:
  const lint::RuleInfo& info() const override;
  void check(const lint::CheckContext& ctx, std::vector<lint::Diagnostic>& out) const override;
};

}  // namespace enclint::rules
