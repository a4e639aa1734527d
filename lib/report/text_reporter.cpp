#include "report/reporter.hpp"

namespace enclint::report {

std::unique_ptr<Reporter> make_reporter(const std::string& format) {
  if (format == "text") return std::make_unique<TextReporter>();
  if (format == "json") return std::make_unique<JsonReporter>();
  return nullptr;
}

namespace {
std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}
}  // namespace

void TextReporter::write(std::ostream& out, const std::vector<app::FileResult>& results,
                         const app::RunOptions& options) const {
  std::size_t findings = 0, files = 0, fixable = 0, fixed = 0, fixed_files = 0, errors = 0,
              unsafe_hidden = 0;
  for (const app::FileResult& r : results) {
    if (r.status == app::FileStatus::Skipped) {
      if (options.verbose) out << r.path << ": skipped: " << r.skip_reason << "\n";
      continue;
    }
    if (r.status == app::FileStatus::Error) {
      ++errors;
      out << r.path;
      if (r.error_at) out << ":" << r.error_at->line << ":" << r.error_at->column;
      out << ": error: " << r.error << (options.fix ? " (file not changed)" : "") << "\n";
    }
    if (r.status != app::FileStatus::Error || !r.diagnostics.empty()) ++files;
    if (!r.fixed.empty()) {
      ++fixed_files;
      fixed += r.fixed.size();
      out << r.path << ": fixed " << plural(r.fixed.size(), "finding", "findings") << "\n";
    }
    for (const lint::Diagnostic& d : r.diagnostics) {
      // Values the tool cannot decide are not findings; shown only when asked.
      if (d.severity == lint::Severity::Info) {
        if (options.verbose)
          out << r.path << ":" << d.start.line << ":" << d.start.column << ": info: " << d.message
              << " [" << d.rule << "]\n";
        continue;
      }
      ++findings;
      bool can_fix = d.fix && (d.fix->applicability == fix::Applicability::Safe || options.unsafe_fixes);
      fixable += can_fix;
      out << r.path << ":" << d.start.line << ":" << d.start.column << ": "
          << lint::to_string(d.severity) << ": " << d.message << " [" << d.rule << "]\n";
      if (!d.not_fixable.empty())
        out << r.path << ":" << d.start.line << ":" << d.start.column
            << ": note: not fixable: " << d.not_fixable << "\n";
    }
    if (options.show_suppressed)
      for (const lint::Diagnostic& d : r.suppressed)
        out << r.path << ":" << d.start.line << ":" << d.start.column << ": suppressed: " << d.message
            << " [" << d.rule << "] (by " << d.suppressed_by << ")\n";
    unsafe_hidden += r.unsafe_hidden;
  }
  if (fixed_files > 0)
    out << "Fixed " << plural(fixed, "finding", "findings") << " in "
        << plural(fixed_files, "file", "files") << ".\n";
  out << plural(findings, "finding", "findings") << " in " << plural(files, "file", "files");
  if (!options.fix || fixable > 0) out << " (" << fixable << " fixable with --fix)";
  out << "\n";
  if (unsafe_hidden > 0)
    out << plural(unsafe_hidden, "more fix is", "more fixes are")
        << " available with --unsafe-fixes (they change what is written, not only add to it).\n";
  if (errors > 0)
    out << plural(errors, "file", "files") << " could not be checked or fixed.\n";
}

}  // namespace enclint::report
