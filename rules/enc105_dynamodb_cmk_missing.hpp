#pragma once
#include <set>
#include <string>
#include <utility>

#include "lint/rule.hpp"

namespace enclint::rules {

// ENC105 (level cmk): SSE without a customer managed key.
class DynamodbCmkMissing final : public lint::Rule {
 public:
  const lint::RuleInfo& info() const override;
  void check(const lint::CheckContext& ctx, std::vector<lint::Diagnostic>& out) const override;

 private:
  // The replicas of a global table while SSE is on under `given`. `seen`
  // (replica, possibility node) and `paths` keep each finding once.
  void check_replicas(const lint::CheckContext& ctx, const model::Resource& r,
                      const model::Assumptions& given,
                      std::set<std::pair<yaml::NodeId, yaml::NodeId>>& seen,
                      std::set<std::string>& paths, std::vector<lint::Diagnostic>& out) const;
};

}  // namespace enclint::rules
