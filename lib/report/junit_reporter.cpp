// JUnit XML for CI systems (GitLab, Jenkins...): one testsuite per file, one
// testcase per resource checked, one failure per finding.
#include <map>

#include "report/reporter.hpp"
#include "util/escape.hpp"

namespace enclint::report {

namespace {

// XML 1.0 holds tab, LF, CR, U+0020-U+D7FF, U+E000-U+FFFD and U+10000 up:
// anything else (other control characters, U+FFFE, U+FFFF, bytes that are
// not UTF-8) becomes U+FFFD, so that any name or value gives a valid document.
std::string xml(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\r': out += "&#13;"; break;
      case '\t': out += "&#9;"; break;
      default: {
        char32_t cp = 0;
        std::size_t len = util::utf8_sequence(s, i, cp);
        if (len == 0 || cp < 0x20 || cp == 0xFFFE || cp == 0xFFFF)
          util::append_utf8(out, 0xFFFD);
        else
          out.append(s.substr(i, len));
        i += (len == 0 ? 1 : len) - 1;
      }
    }
  }
  return out;
}

struct Case {
  std::string name;
  std::vector<const lint::Diagnostic*> failures;
};

}  // namespace

void JunitReporter::add(std::ostream&, const engine::FileResult& r, const ReportOptions& options) {
  if (r.status == engine::FileStatus::Skipped) return;
  // One testcase per resource, in template order; template-level findings get their own.
  std::vector<Case> cases;
  std::map<std::string, std::size_t> index;
  for (const auto& [id, type] : r.checked_resources) {
    if (index.count(id)) continue;
    index[id] = cases.size();
    cases.push_back({id + " (" + type + ")", {}});
  }
  for (const lint::Diagnostic& d : r.diagnostics) {
    if (d.severity == lint::Severity::Info && !options.verbose) continue;
    std::string key = d.resource.empty() ? "(template)" : d.resource;
    if (!index.count(key)) {
      index[key] = cases.size();
      cases.push_back({key, {}});
    }
    cases[index[key]].failures.push_back(&d);
  }
  std::size_t suite_failures = 0;
  std::string suite;
  for (const Case& c : cases) {
    suite += "    <testcase classname=\"" + xml(r.path) + "\" name=\"" + xml(c.name) + "\"";
    if (c.failures.empty()) {
      suite += "/>\n";
      continue;
    }
    ++suite_failures;
    suite += ">\n";
    for (const lint::Diagnostic* d : c.failures) {
      suite += "      <failure type=\"" + xml(d->rule) + "\" message=\"" +
               xml(std::string(d->rule) + " " + std::string(d->name) + ": " + d->message) + "\">" +
               xml(r.path + ":" + std::to_string(d->start.line) + ":" +
                   std::to_string(d->start.column) + ": " + lint::to_string(d->severity) + ": " +
                   d->message + " [" + std::string(d->rule) + "]") +
               "</failure>\n";
    }
    suite += "    </testcase>\n";
  }
  bool error = r.status == engine::FileStatus::Error;
  if (error) {
    std::string where = r.error_at ? ":" + std::to_string(r.error_at->line) + ":" +
                                         std::to_string(r.error_at->column)
                                   : "";
    suite += "    <testcase classname=\"" + xml(r.path) +
             "\" name=\"(file)\">\n      <error message=\"" + xml(r.error) + "\">" +
             xml(r.path + where + ": " + r.error) + "</error>\n    </testcase>\n";
  }
  std::size_t suite_tests = cases.size() + (error ? 1 : 0);
  tests_ += suite_tests;
  failures_ += suite_failures;
  errors_ += error;
  body_ += "  <testsuite name=\"" + xml(r.path) + "\" tests=\"" + std::to_string(suite_tests) +
           "\" failures=\"" + std::to_string(suite_failures) + "\" errors=\"" +
           std::to_string(error ? 1 : 0) + "\" skipped=\"0\">\n" + suite + "  </testsuite>\n";
}

void JunitReporter::finish(std::ostream& out, const ReportOptions&) {
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"cfn-enclint\" tests=\""
      << tests_ << "\" failures=\"" << failures_ << "\" errors=\"" << errors_ << "\">\n"
      << body_ << "</testsuites>\n";
}

}  // namespace enclint::report
