#pragma once
#include "lint/rule.hpp"

namespace enclint::rules {

// ENC103: SSEType other than KMS, or a key while SSE is not enabled.
class DynamodbSseInvalid final : public lint::Rule {
 public:
  const lint::RuleInfo& info() const override;
  void check(const lint::CheckContext& ctx, std::vector<lint::Diagnostic>& out) const override;
};

}  // namespace enclint::rules
