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
      "  Q:\n    Type: AWS::SNS::Subscription\n    Properties: *shared\n");
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

namespace {
lint::Options cmk_with_key() {
  lint::Options options;
  options.level = lint::Level::Cmk;
  options.fix.kms_key = "alias/data";
  options.fix.sse_algorithm = "aws:kms";
  return options;
}

const std::string kSharedEncryption =
    "Resources:\n"
    "  Data:\n"
    "    Type: AWS::S3::Bucket\n"
    "    Properties:\n"
    "      BucketEncryption:\n"
    "        ServerSideEncryptionConfiguration:\n"
    "          - ServerSideEncryptionByDefault: &enc\n"
    "              SSEAlgorithm: AES256\n"
    "            BucketKeyEnabled: true\n";
}  // namespace

TEST_CASE("aliases: ENC205's combined fix in a mapping also used elsewhere is not fixable") {
  // The ServerSideEncryptionByDefault mapping is also the value of a Metadata
  // entry: replacing its algorithm and adding a key would change that too.
  const std::string text = kSharedEncryption +
                           "Metadata:\n"
                           "  Baseline:\n"
                           "    DefaultEncryption: *enc\n";
  const lint::Options options = cmk_with_key();
  auto loaded = model::load(testing::make_source(text));
  REQUIRE(loaded.tpl);
  auto diags = lint::run_rules(*loaded.tpl, rules::all(), options);
  REQUIRE(diags.size() == 1);
  CHECK(diags[0].rule == "ENC205");
  CHECK_FALSE(diags[0].fix);
  CHECK(diags[0].not_fixable.find("shared by alias *enc") != std::string::npos);
  for (std::size_t from : {engine::kStreamVerifyFromBytes, std::size_t{0}}) {
    auto result = engine::fix_loop(*loaded.tpl, diags, rules::all(), options, /*unsafe=*/true, from);
    INFO(result.error);
    REQUIRE(result.ok);
    CHECK(result.applied == 0);
    CHECK(result.text() == text);
  }
}

TEST_CASE(
    "aliases: ENC205's combined fix is applied once when every user of the mapping needs it") {
  // Both buckets use the one anchored mapping, and both need the same fix.
  const std::string text = kSharedEncryption +
                           "  Logs:\n"
                           "    Type: AWS::S3::Bucket\n"
                           "    Properties:\n"
                           "      BucketEncryption:\n"
                           "        ServerSideEncryptionConfiguration:\n"
                           "          - ServerSideEncryptionByDefault: *enc\n"
                           "            BucketKeyEnabled: true\n";
  const lint::Options options = cmk_with_key();
  auto loaded = model::load(testing::make_source(text));
  REQUIRE(loaded.tpl);
  auto diags = lint::run_rules(*loaded.tpl, rules::all(), options);
  REQUIRE(diags.size() == 2);
  for (const auto& d : diags) {
    CHECK(d.rule == "ENC205");
    REQUIRE(d.fix);
    CHECK(d.fix->shared_uses == 2);
    CHECK(d.fix->shared_anchor == "enc");
  }
  std::string expected = text;
  const std::string from = "              SSEAlgorithm: AES256\n";
  expected.replace(expected.find(from), from.size(),
                   "              SSEAlgorithm: aws:kms\n"
                   "              KMSMasterKeyID: alias/data\n");
  for (std::size_t stream_from : {engine::kStreamVerifyFromBytes, std::size_t{0}}) {
    auto result =
        engine::fix_loop(*loaded.tpl, diags, rules::all(), options, /*unsafe=*/true, stream_from);
    INFO(result.error);
    REQUIRE(result.ok);
    CHECK(result.text() == expected);
    CHECK(result.remaining.empty());
  }
}

TEST_CASE("aliases: fix::add_part keeps the sharing of its parts, and refuses two anchors") {
  auto part = [](std::size_t at, std::size_t uses, std::string anchor) {
    fix::Fix f;
    f.edits.push_back({at, at, "x"});
    f.shared_uses = uses;
    f.shared_anchor = std::move(anchor);
    return f;
  };
  fix::Fix combined;
  REQUIRE(fix::add_part(combined, part(1, 0, "")));
  CHECK(combined.shared_uses == 0);
  REQUIRE(fix::add_part(combined, part(5, 3, "enc")));
  CHECK(combined.shared_uses == 3);
  CHECK(combined.shared_anchor == "enc");
  REQUIRE(fix::add_part(combined, part(9, 3, "enc")));
  CHECK(combined.edits.size() == 3);
  // Another anchor: no single count of users fits; nothing is added.
  CHECK_FALSE(fix::add_part(combined, part(12, 2, "other")));
  CHECK(combined.edits.size() == 3);
  CHECK(combined.shared_anchor == "enc");
}
