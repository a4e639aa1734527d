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
#include "model/graph.hpp"
#include "model/template.hpp"

namespace enclint::lint {

enum class FixAvailability { None, Safe, Unsafe, SafeOrUnsafe };
const char* to_string(FixAvailability f);

// A rule in another tool that checks the same thing: its suppressions written
// in a template (cfn_nag `rules_to_suppress`, checkov `skip`, cfn-guard
// `SuppressedRules`) are honoured for this rule.
struct PeerRule {
  std::string_view tool;  // "cfn_nag", "checkov", "cfn-guard"
  std::string_view id;    // "W74"
};

// Everything about a rule that is not its logic, declared once (designated
// initialisers) and read by everything else: the fast path and JUnit (its
// resource types), suppressions (its peers), --list-rules, --explain, the
// SARIF rule table and docs/rules.
struct RuleInfo {
  std::string_view id;       // ENC201
  std::string_view name;     // s3-encryption-missing
  std::string_view summary;  // one line
  std::vector<std::string_view> resource_types = {};  // what it checks; empty: the template itself
  Level level = Level::Baseline;                 // the lowest policy level it runs at
  Severity severity = Severity::Error;
  FixAvailability fix = FixAvailability::None;
  std::vector<std::string_view> fix_options = {};  // command-line options its fixes read ("kms-key")
  std::vector<PeerRule> peers = {};
  // Documentation in ruff's sections: What it does / Why is this bad? /
  // Example / Use instead / Fix safety / References (markdown).
  std::string_view doc;

  bool applies_to(std::string_view type) const;
  // Its id or name, in any case (ENC201, enc201, S3-Encryption-Missing).
  bool named(std::string_view id_or_name) const;
  // Its id begins with `prefix`, in any case (ENC2, enc20).
  bool id_starts_with(std::string_view prefix) const;
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
  // The resource graph, built once per template and only when a rule asks:
  // templates no graph rule looks at never pay for it.
  const model::Graph& graph() const {
    if (!graph_) graph_.emplace(tpl);
    return *graph_;
  }

 private:
  mutable std::optional<fix::FileStyle> style_;
  mutable std::optional<model::Graph> graph_;
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
