// Fixes that land in a node shared through YAML aliases: applied only when
// every user of the node needs exactly that fix, and then once.
#include <catch2/catch.hpp>

#include "engine/fix_loop.hpp"
#include "lint/linter.hpp"
#include "rules/registry.hpp"
#include "support.hpp"

using namespace enclint;

namespace {
struct Linted {
  model::LoadResult loaded;
  std::vector<lint::Diagnostic> diags;
};
Linted lint_text(const std::string& text) {
  Linted l{model::load(testing::make_source(text)), {}};
  REQUIRE(l.loaded.tpl);
  l.diags = lint::run_rules(*l.loaded.tpl, rules::all(), {});
  return l;
}
}  // namespace

TEST_CASE("aliases: every user needs the fix, so the anchored mapping gets it once") {
  const std::string text =
      "Resources:\n"
      "  A:\n    Type: AWS::DynamoDB::Table\n    Properties: &p\n      BillingMode: "
      "PAY_PER_REQUEST\n"
      "  B:\n    Type: AWS::DynamoDB::Table\n    Properties: *p\n";
  auto l = lint_text(text);
  REQUIRE(l.diags.size() == 2);
  for (const auto& d : l.diags) {
    REQUIRE(d.fix);
    CHECK(d.fix->shared_uses == 2);
  }
  auto result = engine::fix_loop(*l.loaded.tpl, l.diags, rules::all(), {}, false);
  auto streamed = engine::fix_loop(*l.loaded.tpl, l.diags, rules::all(), {}, false, 0);
  CHECK(streamed.ok == result.ok);
  CHECK(streamed.text() == result.text());
  INFO(result.error);
  REQUIRE(result.ok);
  CHECK(result.text() ==
        "Resources:\n"
        "  A:\n    Type: AWS::DynamoDB::Table\n    Properties: &p\n      BillingMode: "
        "PAY_PER_REQUEST\n"
        "      SSESpecification:\n        SSEEnabled: true\n        SSEType: KMS\n"
        "  B:\n    Type: AWS::DynamoDB::Table\n    Properties: *p\n");
  CHECK(result.remaining.empty());
}

TEST_CASE("aliases: a user that does not need the fix makes it not fixable, with the anchor") {
  auto l = lint_text(
      "Resources:\n"
      "  A:\n    Type: AWS::DynamoDB::Table\n    Properties: &shared\n      Tags: []\n"
      "  Q:\n    Type: AWS::SQS::Queue\n    Properties: *shared\n");
  REQUIRE(l.diags.size() == 1);
  CHECK_FALSE(l.diags[0].fix);
  CHECK(l.diags[0].not_fixable.find("shared by alias *shared") != std::string::npos);
}

TEST_CASE("aliases: a whole resource aliased twice is fixed through its anchor") {
  auto l = lint_text(
      "Resources:\n"
      "  A: &bucket\n    Type: AWS::S3::Bucket\n    Properties:\n      VersioningConfiguration: "
      "{Status: Enabled}\n"
      "  B: *bucket\n");
  REQUIRE(l.diags.size() == 2);
  auto result = engine::fix_loop(*l.loaded.tpl, l.diags, rules::all(), {}, false);
  auto streamed = engine::fix_loop(*l.loaded.tpl, l.diags, rules::all(), {}, false, 0);
  CHECK(streamed.ok == result.ok);
  CHECK(streamed.text() == result.text());
  INFO(result.error);
  REQUIRE(result.ok);
  CHECK(result.remaining.empty());
}

TEST_CASE("merge keys: Properties from `<<` is not fixable, a map that merges is fixed in place") {
  auto via_merge = lint_text(
      "Resources:\n"
      "  A:\n    Type: AWS::S3::Bucket\n    <<: {Properties: {BucketName: x}}\n");
  REQUIRE(via_merge.diags.size() == 1);
  CHECK_FALSE(via_merge.diags[0].fix);
  CHECK(via_merge.diags[0].not_fixable.find("merge key") != std::string::npos);

  auto merging = lint_text(
      "Base: &base {BillingMode: PAY_PER_REQUEST}\n"
      "Resources:\n"
      "  A:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      <<: *base\n      TableName: "
      "a\n");
  REQUIRE(merging.diags.size() == 1);
  auto result = engine::fix_loop(*merging.loaded.tpl, merging.diags, rules::all(), {}, false);
  auto streamed = engine::fix_loop(*merging.loaded.tpl, merging.diags, rules::all(), {}, false, 0);
  CHECK(streamed.ok == result.ok);
  CHECK(streamed.text() == result.text());
  INFO(result.error);
  REQUIRE(result.ok);
  CHECK(result.text().find("      TableName: a\n      SSESpecification:\n") != std::string::npos);
}
