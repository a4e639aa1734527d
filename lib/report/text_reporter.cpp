#include "engine/fix_loop.hpp"
#include "report/reporter.hpp"
#include "util/escape.hpp"
#include "util/limits.hpp"

namespace enclint::report {

namespace {
std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Names, values and messages as the terminal should see them (a template
// can hold ESC or a newline in a logical id).
std::string esc(const std::string& s) { return util::printable(s); }

struct Paint {
  bool on;
  std::string operator()(const char* code, const std::string& s) const {
    return on ? "\033[" + std::string(code) + "m" + s + "\033[0m" : s;
  }
};

const char* severity_color(lint::Severity s) {
  return s == lint::Severity::Error ? "1;31" : s == lint::Severity::Warning ? "1;33" : "1;36";
}

// The line (or its excerpt), and a caret line under [start, stop) (to the
// line's end when the range goes on), keeping tabs so that the caret lines
// up; control characters are shown escaped, as everywhere in text output.
void write_snippet(std::ostream& out, const lint::Diagnostic& d, const Paint& paint) {
  std::string number = std::to_string(d.start.line);
  std::string gutter(number.size() + 1, ' ');
  const std::string& text = d.line_text;
  std::string shown = d.line_text_column > 1 ? "..." : "";
  std::string pad(shown.size(), ' ');
  std::size_t column = d.line_text_column, rest = 0;  // rest: printed from the caret on
  for (std::size_t i = 0; i < text.size(); ++column) {
    std::size_t bytes = 1;
    std::size_t w = util::printable_width(text, i, /*keep_tabs=*/true, &bytes);
    if (column < d.start.column)
      pad += text[i] == '\t' ? std::string(1, '\t') : std::string(w, ' ');
    else
      rest += w;
    i += bytes;
  }
  shown += util::printable(text, /*keep_tabs=*/true) + (d.line_text_cut ? "..." : "");
  std::size_t width = d.stop.line == d.start.line && d.stop.column > d.start.column
                          ? std::min(d.stop.column - d.start.column, rest + 1)
                          : rest + 1;
  out << paint("34", " " + number + " |") << " " << shown << "\n"
      << paint("34", gutter + " |") << " " << pad
      << paint("1;32", "^" + std::string(width > 0 ? width - 1 : 0, '~')) << "\n";
}
}  // namespace

void TextReporter::add(std::ostream& out, const engine::FileResult& r,
                       const ReportOptions& options) {
  Paint paint{options.color};
  if (r.status == engine::FileStatus::Skipped) {
    if (options.verbose) out << esc(r.path) << ": skipped: " << esc(r.skip_reason) << "\n";
    return;
  }
  if (r.status == engine::FileStatus::Error) {
    ++errors_;
    std::string where = esc(r.path);
    if (r.error_at)
      where += ":" + std::to_string(r.error_at->line) + ":" + std::to_string(r.error_at->column);
    out << paint("1", where + ":") << " " << paint("1;31", "error:") << " " << esc(r.error)
        << (options.fix ? " (file not changed)" : "") << "\n";
  }
  if (r.status != engine::FileStatus::Error || !r.diagnostics.empty()) ++files_;
  if (!r.fixed.empty()) {
    ++fixed_files_;
    fixed_ += r.fixed.size();
    out << esc(r.path) << ": fixed " << plural(r.fixed.size(), "finding", "findings")
        << (r.already_written ? " (another run had just written the same fix)" : "") << "\n";
  }
  std::size_t shown = 0;
  for (const lint::Diagnostic& d : r.diagnostics) {
    // Values the tool cannot decide are not findings; shown only when asked.
    if (d.severity == lint::Severity::Info) {
      if (options.verbose)
        out << esc(r.path) << ":" << d.start.line << ":" << d.start.column
            << ": info: " << esc(d.message) << " [" << d.rule << "]\n";
      continue;
    }
    ++findings_;
    fixable_ += engine::fix_allowed(d, options.unsafe_fixes);
    const std::size_t cap = options.max_findings_per_file;
    if (cap > 0 && ++shown > cap) {
      if (shown == cap + 1) {
        std::size_t rest = 0;
        for (const lint::Diagnostic& e : r.diagnostics) rest += e.severity != lint::Severity::Info;
        out << esc(r.path) << ": " << plural(rest - cap, "more finding", "more findings")
            << " not shown (--max-findings-per-file 0 shows all; --format json lists all)\n";
      }
      continue;
    }
    std::string where = esc(r.path) + ":" + std::to_string(d.start.line) + ":" +
                        std::to_string(d.start.column) + ":";
    out << paint("1", where) << " "
        << paint(severity_color(d.severity), std::string(lint::to_string(d.severity)) + ":") << " "
        << esc(d.message) << " " << paint("2", "[" + std::string(d.rule) + "]") << "\n";
    if (options.show_source) write_snippet(out, d, paint);
    if (!d.note.empty())
      out << paint("1", where) << " " << paint("1;36", "note:") << " " << esc(d.note) << "\n";
    if (!d.not_fixable.empty())
      out << paint("1", where) << " " << paint("1;36", "note:")
          << " not fixable: " << esc(d.not_fixable) << "\n";
  }
  if (options.show_suppressed)
    for (const lint::Diagnostic& d : r.suppressed)
      out << esc(r.path) << ":" << d.start.line << ":" << d.start.column
          << ": suppressed: " << esc(d.message) << " [" << d.rule << "] (by "
          << esc(d.suppressed_by) << ")\n";
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
