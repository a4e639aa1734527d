// A finding is identified across fix rounds by its rule and template path
// (engine::finding_key): the fix loop and the report use it to tell which
// findings a fix removed. Two findings of one file with the same identity
// make a fixed one look unfixed, so every path must name its own place.
#include <catch2/catch.hpp>

#include <algorithm>

#include "lint/linter.hpp"
#include "rules/registry.hpp"
#include "support.hpp"

using namespace enclint;

namespace {

struct Linted {
  model::LoadResult loaded;
  std::vector<lint::Diagnostic> diags;
};

Linted lint_text(const std::string& text, const lint::Options& options) {
  Linted l{model::load(testing::make_source(text)), {}};
  REQUIRE(l.loaded.tpl);
  l.diags = lint::run_rules(*l.loaded.tpl, rules::all(), options);
  return l;
}

std::vector<std::string> paths_of(const std::vector<lint::Diagnostic>& diags,
                                  const std::string& rule) {
  std::vector<std::string> out;
  for (const auto& d : diags)
    if (d.rule == rule) out.push_back(d.path);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("finding identities: ENC001 names the suppress entry, at template and resource level") {
  auto l = lint_text(
      "Metadata:\n"
      "  cfn-enclint:\n"
      "    suppress:\n"
      "      - rule: ENC203\n"
      "        reason: rolled out separately\n"
      "      - rule: ENC204\n"
      "      - rule: made-up-rule\n"
      "        reason: typo\n"
      "Resources:\n"
      "  B:\n"
      "    Type: AWS::S3::Bucket\n"
      "    Metadata:\n"
      "      cfn-enclint:\n"
      "        suppress:\n"
      "          - rule: ENC201\n"
      "          - rule: ENC201\n"
      "            reason: public assets\n"
      "          - reason: no rule\n",
      {});
  // The template's own Metadata is at the root: no doubled `Metadata/Metadata`.
  CHECK(paths_of(l.diags, "ENC001") == std::vector<std::string>{
                                           "Metadata/cfn-enclint/suppress/1",
                                           "Metadata/cfn-enclint/suppress/2",
                                           "Resources/B/Metadata/cfn-enclint/suppress/0",
                                           "Resources/B/Metadata/cfn-enclint/suppress/2",
                                       });
}
