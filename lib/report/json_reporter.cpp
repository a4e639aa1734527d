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
  if (!d.suppressed_by.empty()) out << ", \"suppressed_by\": " << json_string(d.suppressed_by);
  out << ", \"fixed\": " << (d.fixed ? "true" : "false") << "}";
}

}  // namespace

void JsonReporter::write(std::ostream& out, const std::vector<app::FileResult>& results,
                         const app::RunOptions& options) const {
  out << "{\"tool\": \"cfn-enclint\", \"version\": " << json_string(ENCLINT_VERSION)
      << ",\n \"files\": [";
  bool first = true;
  for (const app::FileResult& r : results) {
    out << (first ? "\n  " : ",\n  ");
    first = false;
    out << "{\"path\": " << json_string(r.path) << ", \"status\": " << json_string(app::to_string(r.status))
        << ", \"error\": ";
    if (r.status == app::FileStatus::Error) {
      std::string msg = r.error;
      if (r.error_at)
        msg = std::to_string(r.error_at->line) + ":" + std::to_string(r.error_at->column) + ": " + msg;
      out << json_string(msg);
    } else {
      out << "null";
    }
    if (r.status == app::FileStatus::Skipped) out << ", \"reason\": " << json_string(r.skip_reason);
    out << "}";
  }
  out << "],\n \"diagnostics\": [";
  first = true;
  for (const app::FileResult& r : results) {
    for (const auto* list : {&r.fixed, &r.diagnostics}) {
      for (const lint::Diagnostic& d : *list) {
        out << (first ? "\n  " : ",\n  ");
        first = false;
        write_diagnostic(out, r.path, d);
      }
    }
  }
  out << "]";
  if (options.show_suppressed) {
    out << ",\n \"suppressed\": [";
    first = true;
    for (const app::FileResult& r : results) {
      for (const lint::Diagnostic& d : r.suppressed) {
        out << (first ? "\n  " : ",\n  ");
        first = false;
        write_diagnostic(out, r.path, d);
      }
    }
    out << "]";
  }
  out << "}\n";
}

}  // namespace enclint::report
