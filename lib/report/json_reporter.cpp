#include "report/reporter.hpp"
#include "util/json_string.hpp"

namespace enclint::report {

using util::json_string;

namespace {

void write_diagnostic(std::ostream& out, const std::string& path, const lint::Diagnostic& d) {
  out << "{\"rule\": " << json_string(d.rule) << ", \"name\": " << json_string(d.name)
      << ", \"severity\": " << json_string(lint::to_string(d.severity))
      << ", \"message\": " << json_string(d.message) << ", \"path\": " << json_string(path)
      << ", \"line\": " << d.start.line << ", \"column\": " << d.start.column
      << ", \"end_line\": " << d.stop.line << ", \"end_column\": " << d.stop.column
      << ", \"resource\": " << json_string(d.resource)
      << ", \"resource_type\": " << json_string(d.resource_type)
      << ", \"template_path\": " << json_string(d.path) << ", \"fix\": ";
  if (d.fix)
    out << "{\"applicability\": " << json_string(fix::to_string(d.fix->applicability))
        << ", \"title\": " << json_string(d.fix->title) << "}";
  else
    out << "null";
  if (!d.not_fixable.empty()) out << ", \"not_fixable\": " << json_string(d.not_fixable);
  if (!d.note.empty()) out << ", \"note\": " << json_string(d.note);
  if (!d.construct.empty()) out << ", \"construct\": " << json_string(d.construct);
  if (!d.suppressed_by.empty()) out << ", \"suppressed_by\": " << json_string(d.suppressed_by);
  out << ", \"fixed\": " << (d.fixed ? "true" : "false") << "}";
}

}  // namespace

// The diagnostics go out as they come; the files (one short entry each) and
// the suppressed findings are kept for the end. Member order in a JSON
// object carries no meaning, so "files" may follow "diagnostics".
void JsonReporter::start(std::ostream& out) {
  if (started_) return;
  started_ = true;
  out << "{\"tool\": \"cfn-enclint\", \"version\": " << json_string(ENCLINT_VERSION)
      << ",\n \"diagnostics\": [";
}

void JsonReporter::add(std::ostream& out, const engine::FileResult& r,
                       const ReportOptions& options) {
  start(out);
  files_ << (any_file_ ? ",\n  " : "\n  ");
  any_file_ = true;
  files_ << "{\"path\": " << json_string(r.path)
         << ", \"status\": " << json_string(engine::to_string(r.status)) << ", \"error\": ";
  if (r.status == engine::FileStatus::Error) {
    std::string msg = r.error;
    if (r.error_at)
      msg =
          std::to_string(r.error_at->line) + ":" + std::to_string(r.error_at->column) + ": " + msg;
    files_ << json_string(msg);
  } else {
    files_ << "null";
  }
  if (r.status == engine::FileStatus::Skipped)
    files_ << ", \"reason\": " << json_string(r.skip_reason);
  files_ << "}";
  for (const auto* list : {&r.fixed, &r.diagnostics}) {
    for (const lint::Diagnostic& d : *list) {
      out << (any_diagnostic_ ? ",\n  " : "\n  ");
      any_diagnostic_ = true;
      write_diagnostic(out, r.path, d);
    }
  }
  if (options.show_suppressed) {
    for (const lint::Diagnostic& d : r.suppressed) {
      suppressed_ << (any_suppressed_ ? ",\n  " : "\n  ");
      any_suppressed_ = true;
      write_diagnostic(suppressed_, r.path, d);
    }
  }
}

void JsonReporter::finish(std::ostream& out, const ReportOptions& options) {
  start(out);
  out << "],\n \"files\": [" << files_.str() << "]";
  if (options.show_suppressed) out << ",\n \"suppressed\": [" << suppressed_.str() << "]";
  out << "}\n";
}

}  // namespace enclint::report
