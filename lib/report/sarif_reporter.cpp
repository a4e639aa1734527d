// SARIF 2.1.0 (validated in the tests against the OASIS schema): the tool
// with every rule, results with physical and logical locations, fixes with
// the exact byte insertions, and the invocation with file errors.
#include <sstream>

#include "report/reporter.hpp"
#include "util/json_string.hpp"
#include "util/uri.hpp"

namespace enclint::report {

using util::json_string;

namespace {

const char* level(lint::Severity s) {
  switch (s) {
    case lint::Severity::Error: return "error";
    case lint::Severity::Warning: return "warning";
    case lint::Severity::Info: return "note";
  }
  return "error";
}

// The first paragraph of the "What it does" section, on one line.
std::string what_it_does(std::string_view doc) {
  std::size_t start = doc.find("## What it does\n");
  if (start == std::string_view::npos) return {};
  start += 16;
  std::size_t end = doc.find("\n\n", start);
  std::string text(
      doc.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
  for (char& c : text)
    if (c == '\n') c = ' ';
  return text;
}

std::string region(const source::Position& start, const source::Position& stop) {
  return "{\"startLine\": " + std::to_string(start.line) +
         ", \"startColumn\": " + std::to_string(start.column) +
         ", \"endLine\": " + std::to_string(stop.line) +
         ", \"endColumn\": " + std::to_string(stop.column) + "}";
}

std::string artifact(const std::string& path) {
  return "{\"uri\": " + json_string(util::artifact_uri(path)) + "}";
}

void write_result(std::ostream& out, const engine::FileResult& r, const lint::Diagnostic& d,
                  std::size_t rule_index) {
  out << "{\"ruleId\": " << json_string(d.rule) << ", \"ruleIndex\": " << rule_index
      << ", \"level\": \"" << level(d.severity)
      << "\", \"message\": {\"text\": " << json_string(d.message)
      << "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": " << artifact(r.path)
      << ", \"region\": " << region(d.start, d.stop) << "}";
  if (!d.resource.empty())
    out << ", \"logicalLocations\": [{\"name\": " << json_string(d.resource)
        << ", \"fullyQualifiedName\": " << json_string(d.path) << ", \"kind\": \"resource\"}]";
  out << "}]";
  // A fix without edits (one the fix loop already applied and slimmed, in
  // a big file that then failed) has nothing to replace: SARIF wants one.
  if (d.fix && !d.fix->edits.empty()) {
    out << ", \"fixes\": [{\"description\": {\"text\": "
        << json_string(d.fix->title + " (" + fix::to_string(d.fix->applicability) + ")")
        << "}, \"artifactChanges\": [{\"artifactLocation\": " << artifact(r.path)
        << ", \"replacements\": [";
    for (std::size_t i = 0; i < d.fix->edits.size(); ++i) {
      const fix::Edit& e = d.fix->edits[i];
      out << (i ? ", " : "") << "{\"deletedRegion\": {\"byteOffset\": " << e.begin
          << ", \"byteLength\": " << (e.end - e.begin)
          << "}, \"insertedContent\": {\"text\": " << json_string(e.text) << "}}";
    }
    out << "]}]}]";
  }
  if (!d.construct.empty())
    out << ", \"properties\": {\"cdkPath\": " << json_string(d.construct) << "}";
  if (!d.suppressed_by.empty())
    out << ", \"suppressions\": [{\"kind\": \""
        << (d.suppressed_externally ? "external" : "inSource")
        << "\", \"justification\": " << json_string(d.suppressed_by) << "}]";
  out << "}";
}

}  // namespace

// The tool and its rules first, then the results as they come; the
// invocation (exit code, file errors) is kept for the end. Member order in a
// JSON object carries no meaning.
void SarifReporter::start(std::ostream& out) {
  if (started_) return;
  started_ = true;
  const auto& rules = rules_;
  out << "{\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\", \"version\": "
         "\"2.1.0\",\n"
         " \"runs\": [{\"tool\": {\"driver\": {\"name\": \"cfn-enclint\", \"version\": "
      << json_string(ENCLINT_VERSION) << ", \"semanticVersion\": " << json_string(ENCLINT_VERSION)
      << ", \"informationUri\": " << json_string(ENCLINT_HOMEPAGE) << ", \"rules\": [";
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const auto& info = rules[i]->info();
    std::string doc(info.doc);
    out << (i ? ",\n   " : "\n   ") << "{\"id\": " << json_string(info.id)
        << ", \"name\": " << json_string(info.name)
        << ", \"shortDescription\": {\"text\": " << json_string(info.summary)
        << "}, \"fullDescription\": {\"text\": " << json_string(what_it_does(info.doc))
        << "}, \"help\": {\"text\": " << json_string(doc) << ", \"markdown\": " << json_string(doc)
        << "}, \"helpUri\": " << json_string(rule_doc_uri(info.id))
        << ", \"defaultConfiguration\": {\"level\": \"" << level(info.severity) << "\"}"
        << ", \"properties\": {\"fix\": " << json_string(lint::to_string(info.fix))
        << ", \"tags\": [\"security\", \"encryption\"]}}";
  }
  out << "]}},\n  \"columnKind\": \"unicodeCodePoints\",\n  \"results\": [";
}

void SarifReporter::add(std::ostream& out, const engine::FileResult& r,
                        const ReportOptions& options) {
  start(out);
  status_.add(r);
  if (r.status == engine::FileStatus::Error) {
    notifications_ << (any_notification_ ? ",\n   " : "\n   ")
                   << "{\"level\": \"error\", \"message\": {\"text\": " << json_string(r.error)
                   << "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": "
                   << artifact(r.path);
    if (r.error_at)
      notifications_ << ", \"region\": {\"startLine\": " << r.error_at->line
                     << ", \"startColumn\": " << r.error_at->column << "}";
    notifications_ << "}}]}";
    any_notification_ = true;
  }
  const auto& rules = rules_;
  auto index_of = [&](std::string_view id) {
    for (std::size_t i = 0; i < rules.size(); ++i)
      if (rules[i]->info().id == id) return i;
    return std::size_t{0};
  };
  // Suppressed findings are results too, marked as such (code scanning shows
  // them as dismissed): a suppression or a baseline stays visible to review.
  for (const auto* list : {&r.diagnostics, &r.suppressed}) {
    for (const lint::Diagnostic& d : *list) {
      if (d.undecidable && !options.verbose) continue;
      out << (any_result_ ? ",\n   " : "\n   ");
      any_result_ = true;
      write_result(out, r, d, index_of(d.rule));
    }
  }
}

void SarifReporter::finish(std::ostream& out, const ReportOptions& options) {
  start(out);
  int code = status_.code(options.exit_policy);
  out << "],\n  \"invocations\": [{\"executionSuccessful\": " << (code == 2 ? "false" : "true")
      << ", \"exitCode\": " << code << ", \"toolExecutionNotifications\": [" << notifications_.str()
      << "]}]}]}\n";
}

}  // namespace enclint::report
