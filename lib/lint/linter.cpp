#include "lint/linter.hpp"

#include <algorithm>

namespace enclint::lint {

namespace {
bool listed(const std::vector<std::string>& list, const RuleInfo& info) {
  return std::any_of(list.begin(), list.end(),
                     [&](const std::string& s) { return s == info.id || s == info.name; });
}
}  // namespace

bool rule_selected(const RuleInfo& info, const Options& options) {
  if (!options.select.empty() && !listed(options.select, info)) return false;
  return !listed(options.ignore, info);
}

std::vector<Diagnostic> run_rules(const model::Template& tpl, const std::vector<const Rule*>& rules,
                                  const Options& options) {
  std::vector<Diagnostic> out;
  CheckContext ctx{tpl, options};
  for (const Rule* rule : rules) {
    if (rule_selected(rule->info(), options)) rule->check(ctx, out);
  }
  for (Diagnostic& d : out) {
    d.start = tpl.source().position(d.begin);
    d.stop = tpl.source().position(d.end);
  }
  std::stable_sort(out.begin(), out.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.rule < b.rule;
  });
  return out;
}

}  // namespace enclint::lint
