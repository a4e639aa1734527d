// Runs the selected rules over one template: policy level, severities,
// suppressions, resolved positions.
#pragma once

#include <vector>

#include "lint/rule.hpp"

namespace enclint::lint {

bool rule_selected(const RuleInfo& info, const Options& options);
// The sorted resource types the rules selected by `options` check.
std::vector<std::string_view> selected_types(const Options& options,
                                             const std::vector<const Rule*>& rules);

// Diagnostics sorted by position, then rule id. Suppressed ones go to
// `suppressed` when it is given.
std::vector<Diagnostic> run_rules(const model::Template& tpl, const std::vector<const Rule*>& rules,
                                  const Options& options,
                                  std::vector<Diagnostic>* suppressed = nullptr);

}  // namespace enclint::lint
