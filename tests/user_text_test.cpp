// What users read — the README, --help, --explain (and so docs/rules), the
// rule messages and SARIF's rule help — speaks in the tool's own words: it
// never points at the project's internal documents.
#include <catch2/catch.hpp>

#include <regex>

#include "cli/cli.hpp"
#include "rules/registry.hpp"
#include "support.hpp"

using namespace enclint;
using namespace enclint::testing;

namespace {

// Each pattern is a way of citing an internal document seen before.
const std::vector<std::pair<std::regex, const char*>>& citations() {
  static const std::vector<std::pair<std::regex, const char*>> list = {
      {std::regex(R"(\bSPEC\b)"), "SPEC"},
      {std::regex("\xC2\xA7"), "a section sign"},
      {std::regex(R"(\bthe seed\b|\bseed/|\bseed's\b)", std::regex::icase), "the seed"},
      {std::regex(R"(\bbrief\b)", std::regex::icase), "the brief"},
      {std::regex(R"(\bcontract\b)", std::regex::icase), "the contract"},
      {std::regex(R"(DESIGN\.md|CATALOGUE)"), "an internal design document"},
      {std::regex(R"(\bthe issue\b)", std::regex::icase), "the issue"},
      {std::regex(R"(\b(as )?documented (baseline|blocks?)\b|\bas documented\b)",
                  std::regex::icase),
       "'as documented' without saying where"},
  };
  return list;
}

// The first citation in `text`, described with its line, or "".
std::string first_citation(const std::string& text) {
  for (const auto& [pattern, what] : citations()) {
    std::smatch m;
    if (!std::regex_search(text, m, pattern)) continue;
    std::size_t at = static_cast<std::size_t>(m.position(0));
    std::size_t from = text.rfind('\n', at);
    from = from == std::string::npos ? 0 : from + 1;
    return std::string(what) + ": " + text.substr(from, text.find('\n', at) - from);
  }
  return {};
}

}  // namespace

TEST_CASE("user text: the check itself finds a citation") {
  CHECK_FALSE(first_citation("as SPEC §3 says").empty());
  CHECK_FALSE(first_citation("what the seed documents").empty());
  CHECK_FALSE(first_citation("choices where the contract is silent").empty());
  CHECK_FALSE(first_citation("insert the documented blocks").empty());
  CHECK(first_citation("S3 default encryption with bucket keys; inspect the spec file").empty());
}

TEST_CASE("user text: README, --help and every rule's --explain cite no internal document") {
  INFO("README.md");
  CHECK(first_citation(read_file(std::string(ENCLINT_SOURCE_DIR) + "/README.md")) == "");
  TempDir dir;
  auto help = run_tool("--help", dir.path());
  REQUIRE(help.exit_code == 0);
  CHECK(first_citation(help.out) == "");
  for (const lint::Rule* r : rules::all()) {
    INFO(r->info().id);
    CHECK(first_citation(cli::explain(std::string(r->info().id))) == "");
    CHECK(first_citation(std::string(r->info().summary)) == "");
  }
}

TEST_CASE("user text: SARIF rule help and the messages of every fixture cite nothing internal") {
  TempDir dir;
  auto sarif = run_tool(
      "-f sarif --level cmk " + shell_quote(std::string(ENCLINT_SOURCE_DIR) + "/fixtures/rules"),
      dir.path());
  REQUIRE(sarif.out.find("\"rules\"") != std::string::npos);
  CHECK(first_citation(sarif.out) == "");
}
