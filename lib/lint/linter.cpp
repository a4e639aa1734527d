#include "lint/linter.hpp"

#include <algorithm>
#include <cstdint>

#include "lint/cdk.hpp"
#include "lint/suppression.hpp"
#include "util/interrupt.hpp"
#include "util/limits.hpp"

namespace enclint::lint {

namespace {
bool listed(const std::vector<std::string>& list, const RuleInfo& info) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& s) { return info.named(s); });
}

void sort_and_locate(const model::Template& tpl, std::vector<Diagnostic>& diags,
                     std::size_t source_lines) {
  const auto& src = tpl.source();
  // Sorted through a permutation of indices, moved into place cycle by
  // cycle: std::stable_sort on the findings themselves would borrow a buffer
  // of as many findings again (a third of the memory of a finding-dense file).
  std::vector<std::uint32_t> order(diags.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (diags[a].begin != diags[b].begin) return diags[a].begin < diags[b].begin;
    return diags[a].rule < diags[b].rule;
  });
  for (std::size_t i = 0; i < order.size(); ++i) {  // position i takes diags[order[i]]
    if (order[i] == i) continue;
    Diagnostic held = std::move(diags[i]);
    std::size_t at = i;
    while (order[at] != i) {
      std::size_t from = order[at];
      diags[at] = std::move(diags[from]);
      order[at] = static_cast<std::uint32_t>(at);
      at = from;
    }
    diags[at] = std::move(held);
    order[at] = static_cast<std::uint32_t>(at);
  }
  std::size_t n = 0;
  for (Diagnostic& d : diags) {
    d.start = src.position(d.begin);
    d.stop = src.position(d.end);
    if (n++ >= source_lines) continue;  // not shown: no copy of its line
    std::size_t from = src.line_start(d.begin);
    if (from == 0) from = src.content_begin();
    std::size_t to = src.line_end(d.begin);
    // A minified template is one line: show an excerpt around the finding,
    // not a copy of megabytes per finding.
    if (to - from > util::kMaxShownLineBytes) {
      const std::string& t = src.text();
      auto continues = [&](std::size_t at) {
        return (static_cast<unsigned char>(t[at]) & 0xC0) == 0x80;
      };
      std::size_t lead = util::kMaxShownLineBytes / 4;
      std::size_t lo = d.begin > from + lead ? d.begin - lead : from;
      while (lo > from && continues(lo)) --lo;
      std::size_t hi = std::min(to, lo + util::kMaxShownLineBytes);
      while (hi < to && continues(hi)) --hi;
      d.line_text_column = src.position(lo).column;
      d.line_text_cut = hi < to;
      from = lo;
      to = hi;
    }
    d.line_text = src.text().substr(from, to - from);
  }
}
// A fix in a node shared through aliases changes every user of that node: it
// is only right when every user has a finding with exactly this fix.
void keep_shared_fixes_only_when_all_users_need_them(std::vector<Diagnostic>& diags) {
  for (Diagnostic& d : diags) {
    if (!d.fix || d.fix->shared_uses == 0) continue;
    std::size_t users = 0;
    for (const Diagnostic& e : diags)
      if (e.rule == d.rule && e.fix && fix::same_edits(*e.fix, *d.fix)) ++users;
    if (users >= d.fix->shared_uses) continue;
    d.not_fixable = "shared by alias *" + d.fix->shared_anchor +
                    " with places that do not need this fix; change it by hand";
    d.fix.reset();
  }
}

}  // namespace

bool rule_selected(const RuleInfo& info, const Options& options) {
  if (info.level > options.level) return false;
  if (!options.select.empty() && !listed(options.select, info)) return false;
  return !listed(options.ignore, info);
}

std::vector<std::string_view> selected_types(const Options& options,
                                             const std::vector<const Rule*>& rules) {
  std::vector<std::string_view> types;
  for (const Rule* rule : rules)
    if (rule_selected(rule->info(), options))
      types.insert(types.end(), rule->info().resource_types.begin(),
                   rule->info().resource_types.end());
  std::sort(types.begin(), types.end());
  types.erase(std::unique(types.begin(), types.end()), types.end());
  return types;
}

std::vector<Diagnostic> run_rules(const model::Template& tpl, const std::vector<const Rule*>& rules,
                                  const Options& options, std::vector<Diagnostic>* suppressed) {
  std::vector<Diagnostic> out;
  // Room for a finding per resource a selected rule checks, the most a
  // finding-dense template has: growing by doubling would leave up to half
  // the vector unused, and hold the old one and the new one at once.
  const std::vector<std::string_view> types = selected_types(options, rules);
  std::size_t checked = 0;
  for (const auto& r : tpl.resources())
    checked += std::binary_search(types.begin(), types.end(), r.type);
  out.reserve(checked);
  CheckContext ctx{tpl, options};
  for (const Rule* rule : rules) {
    if (util::interrupted()) break;  // the caller drops what a stopped run found
    if (rule_selected(rule->info(), options)) rule->check(ctx, out);
  }
  keep_shared_fixes_only_when_all_users_need_them(out);
  attribute_to_constructs(tpl, out);
  for (Diagnostic& d : out) {
    // Rules raise what they cannot decide as info; it stays so whatever the configuration.
    d.undecidable = d.severity == Severity::Info;
    auto it = options.severity.find(d.rule);
    if (it != options.severity.end() && !d.undecidable) d.severity = it->second;
  }
  apply_suppressions(collect_suppressions(tpl, rules, options.foreign_suppressions), out,
                     suppressed);
  sort_and_locate(tpl, out, options.source_lines);
  if (suppressed) sort_and_locate(tpl, *suppressed, options.source_lines);
  return out;
}

}  // namespace enclint::lint
