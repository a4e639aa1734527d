#pragma once
#include "lint/rule.hpp"

namespace enclint::rules {

// ENC011: a principal reads or writes a store encrypted with a customer
// managed key of the template, but nothing grants it the use of that key.
class KmsKeyAccessMissing final : public lint::Rule {
 public:
  const lint::RuleInfo& info() const override;
  void check(const lint::CheckContext& ctx, std::vector<lint::Diagnostic>& out) const override;
};

// ENC012: a key policy that lets no IAM policy grant the key's use (no
// statement for the account) and does not name a principal that needs it.
class KmsKeyPolicyLocksOut final : public lint::Rule {
 public:
  const lint::RuleInfo& info() const override;
  void check(const lint::CheckContext& ctx, std::vector<lint::Diagnostic>& out) const override;
};

}  // namespace enclint::rules
