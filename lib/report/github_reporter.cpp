// GitHub Actions workflow commands: annotations on the pull request.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions
#include "report/reporter.hpp"
#include "util/escape.hpp"

namespace enclint::report {

namespace {

// Message text: every control character (CR and LF, which would start a
// workflow command of the text's own; ESC, a terminal sequence in the log)
// is written as `\n`, `\x1b`...; then % is escaped as the runner expects.
std::string escape_data(std::string_view text) {
  std::string out;
  for (char c : util::printable(text)) {
    if (c == '%')
      out += "%25";
    else
      out += c;
  }
  return out;
}

// Property values: also ':' and ','.
std::string escape_property(std::string_view s) {
  std::string out;
  for (char c : escape_data(s)) {
    if (c == ':')
      out += "%3A";
    else if (c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

const char* command(lint::Severity s) {
  switch (s) {
    case lint::Severity::Error: return "error";
    case lint::Severity::Warning: return "warning";
    case lint::Severity::Info: return "notice";
  }
  return "error";
}

}  // namespace

void GithubReporter::add(std::ostream& out, const engine::FileResult& r,
                         const ReportOptions& options) {
  if (r.status == engine::FileStatus::Error) {
    out << "::error file=" << escape_property(r.path);
    if (r.error_at) out << ",line=" << r.error_at->line << ",col=" << r.error_at->column;
    out << ",title=" << escape_property("cfn-enclint: cannot check this file")
        << "::" << escape_data(r.error) << "\n";
  }
  for (const lint::Diagnostic& d : r.diagnostics) {
    if (d.severity == lint::Severity::Info && !options.verbose) continue;
    out << "::" << command(d.severity) << " file=" << escape_property(r.path)
        << ",line=" << d.start.line << ",col=" << d.start.column << ",endLine=" << d.stop.line
        << ",endColumn=" << d.stop.column
        << ",title=" << escape_property(std::string(d.rule) + " " + std::string(d.name))
        << "::" << escape_data(d.message) << "\n";
  }
}

}  // namespace enclint::report
