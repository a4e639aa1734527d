// Runs the selected rules over one template and resolves positions.
#pragma once

#include <vector>

#include "lint/rule.hpp"

namespace enclint::lint {

bool rule_selected(const RuleInfo& info, const Options& options);

// Diagnostics sorted by position, then rule id.
std::vector<Diagnostic> run_rules(const model::Template& tpl, const std::vector<const Rule*>& rules,
                                  const Options& options);

}  // namespace enclint::lint
