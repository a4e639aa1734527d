#include "report/reporter.hpp"

namespace enclint::report {

std::string rule_doc_uri(std::string_view id) {
  return std::string(ENCLINT_HOMEPAGE) + "/blob/main/docs/rules/" + std::string(id) + ".md";
}

std::unique_ptr<Reporter> make_reporter(const std::string& format,
                                        const std::vector<const lint::Rule*>& rules) {
  if (format == "text") return std::make_unique<TextReporter>();
  if (format == "json") return std::make_unique<JsonReporter>();
  if (format == "sarif") return std::make_unique<SarifReporter>(rules);
  if (format == "junit") return std::make_unique<JunitReporter>();
  if (format == "github") return std::make_unique<GithubReporter>();
  if (format == "dot") return std::make_unique<DotReporter>();
  if (format == "mermaid") return std::make_unique<MermaidReporter>();
  return nullptr;
}

}  // namespace enclint::report
