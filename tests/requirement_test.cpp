// The requirement kinds (rules/requirement.*) over the value shapes a
// property can have: what users read (message, template path, fix) for the
// shapes the fixtures hold, and the property lookup underneath.
#include <catch2/catch.hpp>

#include "engine/fix_loop.hpp"
#include "lint/linter.hpp"
#include "rules/property.hpp"
#include "rules/registry.hpp"
#include "rules/requirement.hpp"
#include "support.hpp"

using namespace enclint;

namespace {

std::vector<lint::Diagnostic> lint_file(const std::string& rule, const std::string& file) {
  std::string text =
      testing::read_file(std::string(ENCLINT_SOURCE_DIR) + "/fixtures/rules/" + file);
  auto loaded = model::load(testing::make_source(text, file));
  REQUIRE(loaded.tpl);
  lint::Options options;
  options.select = {rule};
  return lint::run_rules(*loaded.tpl, rules::all(), options);  // findings own their text
}

const lint::Diagnostic& of(const std::vector<lint::Diagnostic>& diags,
                           const std::string& resource) {
  for (const auto& d : diags)
    if (d.resource == resource) return d;
  FAIL("no finding for " << resource);
  return diags.front();
}

}  // namespace

TEST_CASE("requirement: a boolean that must be true, in every shape") {
  auto diags = lint_file("ENC102", "ENC102/enc102-value-shapes.yaml");
  CHECK(diags.size() == 10);
  CHECK(of(diags, "NoTable").message.find("SSEEnabled is 'no', not true; with SSE disabled") !=
        std::string::npos);
  CHECK(of(diags, "EmptyStringTable").message.find("SSEEnabled is an empty string, not true") !=
        std::string::npos);
  CHECK(of(diags, "TildeTable").message.find("SSEEnabled is null;") != std::string::npos);
  CHECK(of(diags, "ListTable").message.find("SSEEnabled is a list, not true") != std::string::npos);
  CHECK(of(diags, "MappingTable").message.find("SSEEnabled is a mapping, not true") !=
        std::string::npos);
  CHECK(of(diags, "ParamDefaultFalseTable")
            .message.find("comes from parameter SseDefaultFalse, which is false by default") !=
        std::string::npos);
  for (const auto& d : diags) {
    INFO(d.resource << ": " << d.message);
    CHECK(d.path == "Resources/" + d.resource + "/Properties/SSESpecification/SSEEnabled");
    REQUIRE(d.fix);
    CHECK(d.fix->applicability == fix::Applicability::Unsafe);
    CHECK(d.severity == lint::Severity::Error);
  }
  // true, True, "true" and !!str true enable SSE.
  for (const char* ok : {"QuotedTrueTable", "CapitalTrueTable", "StrTagTrueTable"})
    for (const auto& d : diags) CHECK(d.resource != ok);
}

TEST_CASE("requirement: a block that must be a mapping, and Properties in every shape") {
  auto diags = lint_file("ENC101", "ENC101/value-shapes.yaml");
  CHECK(diags.size() == 7);
  const auto& null = of(diags, "ExplicitNullTable");
  CHECK(null.message.find("SSESpecification is null;") != std::string::npos);
  // `SSESpecification: null`: no insertion fills a null; the fix replaces it, unsafe.
  REQUIRE(null.fix);
  CHECK(null.fix->applicability == fix::Applicability::Unsafe);
  CHECK(null.fix->title.find("replacing the null") != std::string::npos);
  // `SSESpecification:` with nothing: the block's entries are inserted there.
  const auto& empty = of(diags, "EmptyTable");
  REQUIRE(empty.fix);
  CHECK(empty.fix->applicability == fix::Applicability::Safe);
  CHECK(of(diags, "StringTable").message.find("SSESpecification is 'enabled', not a mapping") !=
        std::string::npos);
  CHECK(of(diags, "ListTable").message.find("SSESpecification is a list, not a mapping") !=
        std::string::npos);
  // Properties: !If with the block in both branches is encrypted: no finding.
  for (const auto& d : diags) CHECK(d.resource != "BothBranchesTable");
  // Missing in one branch: the finding names the branch and its condition, and the fix goes there.
  const auto& branch = of(diags, "OneBranchTable");
  CHECK(branch.path == "Resources/OneBranchTable/Properties/Fn::If/2");
  CHECK(branch.message.find("has no SSESpecification (when condition IsProd is false)") !=
        std::string::npos);
  REQUIRE(branch.fix);
  CHECK(branch.fix->applicability == fix::Applicability::Safe);
  // Properties from Fn::Transform (AWS::Include) cannot be decided: info, never fixed.
  for (const char* included : {"IncludedTable", "PartlyIncludedTable"}) {
    const auto& d = of(diags, included);
    INFO(d.message);
    CHECK(d.severity == lint::Severity::Info);
    CHECK_FALSE(d.fix);
    CHECK(d.message.find("Fn::Transform") != std::string::npos);
  }
}

TEST_CASE("property: SAM Globals merge under the resource's own keys, with their paths") {
  auto loaded =
      model::load(testing::make_source("Transform: AWS::Serverless-2016-10-31\n"
                                       "Globals:\n"
                                       "  SimpleTable:\n"
                                       "    SSESpecification: {SSEEnabled: false, SSEType: KMS}\n"
                                       "Resources:\n"
                                       "  Own:\n"
                                       "    Type: AWS::Serverless::SimpleTable\n"
                                       "    Properties:\n"
                                       "      SSESpecification: {SSEEnabled: true}\n"
                                       "  Bare:\n"
                                       "    Type: AWS::Serverless::SimpleTable\n"));
  REQUIRE(loaded.tpl);
  const auto& tpl = *loaded.tpl;
  lint::Options options;
  lint::CheckContext ctx{tpl, options};
  const auto& own = tpl.resources()[0];
  const auto& bare = tpl.resources()[1];
  auto sse = rules::property(ctx, own, "SSESpecification");
  REQUIRE(sse.size() == 1);
  CHECK_FALSE(sse[0].from_globals);
  CHECK(sse[0].path == "Resources/Own/Properties/SSESpecification");
  CHECK(sse[0].globals != yaml::kNone);  // merged with Globals' mapping key by key
  auto enabled = rules::member(ctx, sse, "SSEEnabled");
  REQUIRE(enabled.size() == 1);
  CHECK_FALSE(enabled[0].from_globals);  // the resource's own key wins
  CHECK(tpl.doc().text(enabled[0].value.node) == "true");
  auto type = rules::member(ctx, sse, "SSEType");
  REQUIRE(type.size() == 1);
  CHECK(type[0].from_globals);
  // Its identity stays below the resource; where it is written is its source.
  CHECK(type[0].path == "Resources/Own/Properties/SSESpecification/SSEType");
  CHECK(type[0].source == "Globals/SimpleTable/SSESpecification/SSEType");

  auto inherited = rules::property(ctx, bare, "SSESpecification");
  REQUIRE(inherited.size() == 1);
  CHECK(inherited[0].from_globals);
  CHECK(inherited[0].path == "Resources/Bare/Properties/SSESpecification");
  CHECK(inherited[0].source == "Globals/SimpleTable/SSESpecification");
  auto bare_enabled = rules::member(ctx, inherited, "SSEEnabled");
  REQUIRE(bare_enabled.size() == 1);
  CHECK(bare_enabled[0].from_globals);
  CHECK(bare_enabled[0].path == "Resources/Bare/Properties/SSESpecification/SSEEnabled");
  CHECK(bare_enabled[0].source == "Globals/SimpleTable/SSESpecification/SSEEnabled");
  CHECK(tpl.doc().text(bare_enabled[0].value.node) == "false");
}

namespace {
// A requirement of the KeyRequired kind, as a catalog entry would declare it.
const rules::RequirementRule& key_rule() {
  static const rules::RequirementRule rule{rules::Requirement{
      .info = {.id = "TEST1",
               .name = "test-key-required",
               .summary = "a log group without KmsKeyId",
               .resource_types = {"AWS::Logs::LogGroup"},
               .fix = lint::FixAvailability::Unsafe,
               .doc = "(a test rule)"},
      .label =
          [](const model::Resource& r) { return "log group '" + std::string(r.logical_id) + "'"; },
      .checks = {{.kind = rules::RequirementKind::KeyRequired,
                  .key = "KmsKeyId",
                  .unsafe_insert = [](const lint::FixOptions&) { return true; },
                  .why = "log events are encrypted with a key CloudWatch Logs owns"}},
  }};
  return rule;
}
}  // namespace

TEST_CASE("requirement: a key that must be written, fixed with --kms-key") {
  const std::string text =
      "Conditions:\n  C: !Equals [!Ref AWS::Region, x]\n"
      "Resources:\n"
      "  Bare:\n    Type: AWS::Logs::LogGroup\n"
      "  NoKey:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 7\n"
      "  NullKey:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      KmsKeyId: ~\n"
      "  Keyed:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      KmsKeyId: !GetAtt K.Arn\n"
      "  Branch:\n    Type: AWS::Logs::LogGroup\n    Properties: !If\n"
      "      - C\n      - {KmsKeyId: !GetAtt K.Arn}\n      - {RetentionInDays: 7}\n";
  auto loaded = model::load(testing::make_source(text));
  REQUIRE(loaded.tpl);
  std::vector<const lint::Rule*> rules{&key_rule()};
  lint::Options options;
  auto diags = lint::run_rules(*loaded.tpl, rules, options);
  REQUIRE(diags.size() == 4);
  for (const auto& d : diags) {
    INFO(d.resource << ": " << d.message);
    CHECK(d.resource != "Keyed");
    CHECK_FALSE(d.fix);  // no --kms-key: nothing to insert
    CHECK(d.not_fixable.find("--kms-key") != std::string::npos);
  }
  CHECK(of(diags, "NullKey").message ==
        "log group 'NullKey': KmsKeyId is null; log events are "
        "encrypted with a key CloudWatch Logs owns");
  CHECK(of(diags, "Branch").message.find("KmsKeyId is not set (when condition C is false)") !=
        std::string::npos);
  CHECK(of(diags, "Branch").path == "Resources/Branch/Properties/Fn::If/2/KmsKeyId");

  options.fix.kms_key = "Ref:LogsKey";
  diags = lint::run_rules(*loaded.tpl, rules, options);
  auto fixed = engine::fix_loop(*loaded.tpl, diags, rules, options, /*unsafe=*/true);
  INFO(fixed.error);
  REQUIRE(fixed.ok);
  const std::string out(fixed.text());
  CHECK(out.find("  Bare:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      KmsKeyId: !Ref "
                 "LogsKey\n") != std::string::npos);
  CHECK(out.find("      RetentionInDays: 7\n      KmsKeyId: !Ref LogsKey\n") != std::string::npos);
  CHECK(out.find("{RetentionInDays: 7, KmsKeyId: !Ref LogsKey}") != std::string::npos);
  // A written null is replaced by the key (unsafe, as every fix here).
  CHECK(out.find("KmsKeyId: ~\n") == std::string::npos);
  CHECK(out.find("  NullKey:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      KmsKeyId: !Ref "
                 "LogsKey\n") != std::string::npos);
  for (const auto& d : diags)
    if (d.fix) CHECK(d.fix->applicability == fix::Applicability::Unsafe);
  // Safe fixes alone change nothing: every insertion here is unsafe.
  CHECK(engine::fix_loop(*loaded.tpl, diags, rules, options, /*unsafe=*/false).text() == text);
}
