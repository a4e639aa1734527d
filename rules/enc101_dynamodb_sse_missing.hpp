#pragma once
#include "lint/rule.hpp"

namespace enclint::rules {

// ENC101: a DynamoDB table without SSESpecification.
class DynamodbSseMissing final : public lint::Rule {
 public:
  const lint::RuleInfo& info() const override;
  void check(const lint::CheckContext& ctx, std::vector<lint::Diagnostic>& out) const override;
};

}  // namespace enclint::rules
