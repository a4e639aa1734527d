// docs/rules/<ID>.md are generated from the rules' documentation
// (docs/rules/generate); they must match it, one file per rule.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli/cli.hpp"
#include "rules/registry.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

TEST_CASE("docs/rules is current: one file per rule, equal to --explain") {
  fs::path dir = fs::path(ENCLINT_SOURCE_DIR) / "docs" / "rules";
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".md") ++files;
  CHECK(files == enclint::rules::all().size());
  for (const enclint::lint::Rule* r : enclint::rules::all()) {
    std::string id(r->info().id);
    INFO(id << ": run docs/rules/generate to refresh");
    CHECK(enclint::testing::read_file(dir / (id + ".md")) == enclint::cli::explain(id));
  }
}

TEST_CASE("every rule documents the six sections and a reference") {
  for (const enclint::lint::Rule* r : enclint::rules::all()) {
    std::string doc(r->info().doc);
    INFO(r->info().id);
    for (const char* section : {"## What it does\n", "## Why is this bad?\n", "## Example\n",
                                "## Use instead\n", "## Fix safety\n", "## References\n"})
      CHECK(doc.find(section) != std::string::npos);
  }
}
