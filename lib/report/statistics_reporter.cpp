// --statistics: one line (or JSON object) per rule with its count of
// findings and how many --fix would fix, most frequent first (ruff's
// --statistics), instead of the findings themselves.
#include <algorithm>
#include <iomanip>
#include <string>

#include "engine/fix_loop.hpp"
#include "report/reporter.hpp"
#include "util/escape.hpp"
#include "util/json_string.hpp"

namespace enclint::report {

void StatisticsReporter::add(std::ostream& out, const engine::FileResult& r,
                             const ReportOptions& options) {
  if (r.status == engine::FileStatus::Error) {
    ++errors_;
    if (!json_) out << util::printable(r.path) << ": error: " << util::printable(r.error) << "\n";
  }
  if (r.status != engine::FileStatus::Skipped) ++files_;
  for (const lint::Diagnostic& d : r.diagnostics) {
    if (d.undecidable) continue;
    Count& c = counts_[std::string(d.rule)];
    c.name = d.name;
    ++c.findings;
    c.fixable += engine::fix_allowed(d, options.unsafe_fixes);
  }
}

void StatisticsReporter::finish(std::ostream& out, const ReportOptions&) {
  std::vector<std::pair<std::string, Count>> rows(counts_.begin(), counts_.end());
  std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second.findings > b.second.findings;
  });
  if (json_) {
    out << "[";
    for (std::size_t i = 0; i < rows.size(); ++i)
      out << (i ? ",\n " : "\n ") << "{\"rule\": " << util::json_string(rows[i].first)
          << ", \"name\": " << util::json_string(rows[i].second.name)
          << ", \"count\": " << rows[i].second.findings
          << ", \"fixable\": " << rows[i].second.fixable << "}";
    out << (rows.empty() ? "]\n" : "\n]\n");
    return;
  }
  std::size_t count_width = 1, name_width = 0, total = 0;
  for (const auto& [id, c] : rows) {
    count_width = std::max(count_width, std::to_string(c.findings).size());
    name_width = std::max(name_width, c.name.size());
    total += c.findings;
  }
  for (const auto& [id, c] : rows) {
    out << std::setw(static_cast<int>(count_width)) << c.findings << "  " << id << "  " << c.name;
    if (c.fixable > 0)
      out << std::string(name_width - c.name.size(), ' ') << "  (" << c.fixable
          << " fixable with --fix)";
    out << "\n";
  }
  out << total << (total == 1 ? " finding" : " findings") << " in " << files_
      << (files_ == 1 ? " file" : " files") << "\n";
  if (errors_ > 0)
    out << errors_ << (errors_ == 1 ? " file" : " files") << " could not be checked or fixed.\n";
}

}  // namespace enclint::report
