// A rule is one class in one file pair under rules/ (clang-tidy's check
// class), with its metadata and documentation next to its logic.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <optional>

#include "fix/style.hpp"
#include "lint/diagnostic.hpp"
#include "lint/options.hpp"
#include "model/evaluate.hpp"
#include "model/template.hpp"

namespace enclint::lint {

enum class FixAvailability { None, Safe, Unsafe, SafeOrUnsafe };
const char* to_string(FixAvailability f);

struct RuleInfo {
  std::string_view id;       // ENC201
  std::string_view name;     // s3-encryption-missing
  std::string_view summary;  // one line
  Severity severity = Severity::Error;
  FixAvailability fix = FixAvailability::None;
  // Documentation in ruff's sections: What it does / Why is this bad? /
  // Example / Use instead / Fix safety / References (markdown).
  std::string_view doc;
  bool cmk_only = false;  // runs only at policy level `cmk`
};

struct CheckContext {
  CheckContext(const model::Template& t, const Options& o) : tpl(t), options(o) {}
  const model::Template& tpl;
  const Options& options;

  // The file's style, detected once per template and only when a fix needs it.
  const fix::FileStyle& style() const {
    if (!style_) style_ = fix::detect_style(tpl);
    return *style_;
  }
  const model::Evaluator& eval() const { return eval_; }

 private:
  mutable std::optional<fix::FileStyle> style_;
  model::Evaluator eval_{tpl};
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleInfo& info() const = 0;
  virtual void check(const CheckContext& ctx, std::vector<Diagnostic>& out) const = 0;

 protected:
  // A diagnostic for this rule about `resource`, pointing at [begin, end).
  Diagnostic make(const model::Resource& resource, std::size_t begin, std::size_t end,
                  std::string message, std::string path) const;
};

}  // namespace enclint::lint
