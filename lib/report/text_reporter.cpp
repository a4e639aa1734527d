#include "engine/fix_loop.hpp"
#include "report/reporter.hpp"
#include "util/limits.hpp"

namespace enclint::report {

namespace {
std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

struct Paint {
  bool on;
  std::string operator()(const char* code, const std::string& s) const {
    return on ? "\033[" + std::string(code) + "m" + s + "\033[0m" : s;
  }
};

const char* severity_color(lint::Severity s) {
  return s == lint::Severity::Error ? "1;31" : s == lint::Severity::Warning ? "1;33" : "1;36";
}

// The line, and a caret line under [start, stop) (to the line's end when the
// range goes on), keeping tabs so that the caret lines up.
void write_snippet(std::ostream& out, const lint::Diagnostic& d, const Paint& paint) {
  std::string number = std::to_string(d.start.line);
  std::string gutter(number.size() + 1, ' ');
  std::size_t line_len = source::count_code_points(d.line_text);
  std::size_t width = d.stop.line == d.start.line && d.stop.column > d.start.column
                          ? d.stop.column - d.start.column
                          : (line_len + 1 > d.start.column ? line_len + 1 - d.start.column : 1);
  std::string pad;
  std::size_t cp = 0;
  for (unsigned char c : d.line_text) {
    if ((c & 0xC0) == 0x80) continue;
    if (++cp >= d.start.column) break;
    pad += c == '\t' ? '\t' : ' ';
  }
  out << paint("34", " " + number + " |") << " " << d.line_text << "\n"
      << paint("34", gutter + " |") << " " << pad
      << paint("1;32", "^" + std::string(width > 0 ? width - 1 : 0, '~')) << "\n";
}
}  // namespace

void TextReporter::add(std::ostream& out, const engine::FileResult& r,
                       const ReportOptions& options) {
  Paint paint{options.color};
  if (r.status == engine::FileStatus::Skipped) {
    if (options.verbose) out << r.path << ": skipped: " << r.skip_reason << "\n";
    return;
  }
  if (r.status == engine::FileStatus::Error) {
    ++errors_;
    std::string where = r.path;
    if (r.error_at)
      where += ":" + std::to_string(r.error_at->line) + ":" + std::to_string(r.error_at->column);
    out << paint("1", where + ":") << " " << paint("1;31", "error:") << " " << r.error
        << (options.fix ? " (file not changed)" : "") << "\n";
  }
  if (r.status != engine::FileStatus::Error || !r.diagnostics.empty()) ++files_;
  if (!r.fixed.empty()) {
    ++fixed_files_;
    fixed_ += r.fixed.size();
    out << r.path << ": fixed " << plural(r.fixed.size(), "finding", "findings") << "\n";
  }
  std::size_t shown = 0;
  for (const lint::Diagnostic& d : r.diagnostics) {
    // Values the tool cannot decide are not findings; shown only when asked.
    if (d.severity == lint::Severity::Info) {
      if (options.verbose)
        out << r.path << ":" << d.start.line << ":" << d.start.column << ": info: " << d.message
            << " [" << d.rule << "]\n";
      continue;
    }
    ++findings_;
    fixable_ += engine::fix_allowed(d, options.unsafe_fixes);
    if (++shown > util::kMaxFindingsShownPerFile) {
      if (shown == util::kMaxFindingsShownPerFile + 1)
        out << r.path << ": " << (r.diagnostics.size() - util::kMaxFindingsShownPerFile)
            << " more findings not shown (--format json lists all)\n";
      continue;
    }
    std::string where =
        r.path + ":" + std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + ":";
    out << paint("1", where) << " "
        << paint(severity_color(d.severity), std::string(lint::to_string(d.severity)) + ":") << " "
        << d.message << " " << paint("2", "[" + std::string(d.rule) + "]") << "\n";
    if (options.show_source) write_snippet(out, d, paint);
    if (!d.not_fixable.empty())
      out << paint("1", where) << " " << paint("1;36", "note:") << " not fixable: " << d.not_fixable
          << "\n";
    if (!d.note.empty())
      out << paint("1", where) << " " << paint("1;36", "note:") << " " << d.note << "\n";
  }
  if (options.show_suppressed)
    for (const lint::Diagnostic& d : r.suppressed)
      out << r.path << ":" << d.start.line << ":" << d.start.column << ": suppressed: " << d.message
          << " [" << d.rule << "] (by " << d.suppressed_by << ")\n";
  unsafe_hidden_ += r.unsafe_hidden;
}

void TextReporter::finish(std::ostream& out, const ReportOptions& options) {
  if (fixed_files_ > 0)
    out << "Fixed " << plural(fixed_, "finding", "findings") << " in "
        << plural(fixed_files_, "file", "files") << ".\n";
  out << plural(findings_, "finding", "findings") << " in " << plural(files_, "file", "files");
  if (!options.fix || fixable_ > 0) out << " (" << fixable_ << " fixable with --fix)";
  out << "\n";
  if (unsafe_hidden_ > 0)
    out << plural(unsafe_hidden_, "more fix is", "more fixes are")
        << " available with --unsafe-fixes (they change what is written, not only add to it).\n";
  if (errors_ > 0) out << plural(errors_, "file", "files") << " could not be checked or fixed.\n";
}

}  // namespace enclint::report
