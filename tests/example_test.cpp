// The bundled example (the seed's travel-guide template before encryption
// was added) and its expected --fix result.
#include <catch2/catch.hpp>

#include <filesystem>

#include "engine/fix_loop.hpp"
#include "lint/linter.hpp"
#include "rules/registry.hpp"
#include "support.hpp"

using namespace enclint;
namespace fs = std::filesystem;

namespace {
const fs::path kDir = fs::path(ENCLINT_SOURCE_DIR) / "fixtures" / "examples" / "travel-guide";
}

TEST_CASE("travel-guide: six tables and two buckets are reported") {
  auto loaded = model::load(testing::make_source(testing::read_file(kDir / "template.yaml")));
  REQUIRE(loaded.tpl);
  auto diags = lint::run_rules(*loaded.tpl, rules::all(), {});
  std::vector<std::string> got;
  for (const auto& d : diags) got.push_back(std::string(d.rule) + " " + d.resource);
  CHECK(got == std::vector<std::string>{"ENC201 ArticleImagesBucket", "ENC201 StaticSiteBucket",
                                        "ENC101 ArticlesTable", "ENC101 UserFavoritesTable",
                                        "ENC101 GalleryPhotosTable", "ENC101 GalleryTrendsTable",
                                        "ENC101 UserProfilesTable", "ENC101 LocationCacheTable"});
}

TEST_CASE("travel-guide: --fix gives template.fixed.yaml, which is clean") {
  testing::TempDir dir;
  fs::copy_file(kDir / "template.yaml", dir / "template.yaml");
  auto r = testing::run_tool("--fix template.yaml", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Fixed 8 findings in 1 file.") != std::string::npos);
  std::string expected = testing::read_file(kDir / "template.fixed.yaml");
  CHECK(testing::read_file(dir / "template.yaml") == expected);
  auto clean =
      testing::run_tool(testing::shell_quote((kDir / "template.fixed.yaml").string()), dir.path());
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.find("0 findings in 1 file") != std::string::npos);
}
