// Every reason a finding is reported as not fixable, with the reason the
// user reads (SPEC §4: "reported as not fixable, with the reason").
#include <catch2/catch.hpp>

#include "engine/fix_loop.hpp"
#include "lint/linter.hpp"
#include "rules/registry.hpp"
#include "support.hpp"

using namespace enclint;

namespace {

struct Case {
  const char* name;
  std::string text;
  const char* rule;
  const char* reason;
  bool cmk = false;
  const char* kms_key = "";
};

const std::string kTable = "Type: AWS::DynamoDB::Table";
const std::string kBucket = "Type: AWS::S3::Bucket";

}  // namespace

TEST_CASE("not fixable: each reason is given") {
  const Case cases[] = {
      {"Properties from a merge key",
       "Resources:\n  B:\n    " + kBucket + "\n    <<: {Properties: {BucketName: x}}\n", "ENC201",
       "merge key"},
      {"Properties not a mapping", "Resources:\n  B:\n    " + kBucket + "\n    Properties: [a]\n",
       "ENC201", "Properties is not a mapping"},
      {"explicit null through an alias",
       "Metadata:\n  Nothing: &n ~\nResources:\n  T:\n    " + kTable + "\n    Properties: *n\n",
       "ENC101", "explicit null"},
      {"shared by an alias with a user that does not need it",
       "Resources:\n  T:\n    " + kTable +
           "\n    Properties: &p {BillingMode: PAY_PER_REQUEST}\n"
           "  Q:\n    Type: AWS::SNS::Subscription\n    Properties: *p\n",
       "ENC101", "shared by alias *p"},
      {"nested aliases",
       "Resources:\n  T1: &t\n    " + kTable +
           "\n    Properties: &p {BillingMode: PAY_PER_REQUEST}\n"
           "  T2: *t\n  T3:\n    " +
           kTable + "\n    Properties: *p\n",
       "ENC101", "nested YAML aliases"},
      {"conditional SSESpecification",
       "Conditions:\n  C: !Equals [!Ref AWS::Region, x]\nResources:\n  T:\n    " + kTable +
           "\n    Properties:\n      SSESpecification: !If [C, {SSEEnabled: true}, !Ref "
           "AWS::NoValue]\n",
       "ENC101", "SSESpecification is conditional"},
      {"conditional BucketEncryption",
       "Conditions:\n  C: !Equals [!Ref AWS::Region, x]\nResources:\n  B:\n    " + kBucket +
           "\n    Properties:\n      BucketEncryption: !If [C, {ServerSideEncryptionConfiguration: "
           "[{ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}, BucketKeyEnabled: true}]}, "
           "!Ref AWS::NoValue]\n",
       "ENC201", "BucketEncryption is conditional"},
      {"SSEEnabled from SAM Globals",
       "Globals:\n  SimpleTable:\n    SSESpecification:\n      SSEEnabled: false\nResources:\n  "
       "T:\n"
       "    Type: AWS::Serverless::SimpleTable\n",
       "ENC102", "Globals.SimpleTable"},
      {"a value that is an alias",
       "Metadata:\n  Off: &off false\nResources:\n  B:\n    " + kBucket +
           "\n    Properties:\n      BucketEncryption:\n        "
           "ServerSideEncryptionConfiguration:\n"
           "          - ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}\n            "
           "BucketKeyEnabled: *off\n",
       "ENC203", "YAML alias"},
      {"no key given",
       "Resources:\n  T:\n    " + kTable +
           "\n    Properties:\n      SSESpecification: {SSEEnabled: true}\n",
       "ENC105", "pass --kms-key", true},
      {"a conditional key",
       "Conditions:\n  C: !Equals [!Ref AWS::Region, x]\nResources:\n  T:\n    " + kTable +
           "\n    Properties:\n      SSESpecification: {SSEEnabled: true, SSEType: KMS, "
           "KMSMasterKeyId: !If [C, k, !Ref AWS::NoValue]}\n",
       "ENC105", "only under some conditions", true, "alias/k"},
      {"a replica whose SSESpecification is not a mapping",
       "Resources:\n  G:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      "
       "SSESpecification: {SSEEnabled: true}\n"
       "      Replicas:\n        - Region: eu-west-1\n          SSESpecification: x\n",
       "ENC105", "not a mapping", true, "alias/k"},
      {"a replica that is a long-form Fn::If",
       "Conditions:\n  C: !Equals [!Ref AWS::Region, x]\nResources:\n  G:\n    Type: "
       "AWS::DynamoDB::GlobalTable\n    Properties:\n      SSESpecification: {SSEEnabled: true}\n"
       "      Replicas:\n        - Fn::If: [C, {Region: eu-west-1}, {Region: us-east-1}]\n",
       "ENC105", "the mapping is an Fn::If; CloudFormation allows no other key beside it", true,
       "alias/k"},
      {"a replica's SSESpecification branch removed by AWS::NoValue",
       "Conditions:\n  C: !Equals [!Ref AWS::Region, x]\nResources:\n  G:\n    Type: "
       "AWS::DynamoDB::GlobalTable\n    Properties:\n      SSESpecification: {SSEEnabled: true}\n"
       "      Replicas:\n        - Region: eu-west-1\n          SSESpecification:\n"
       "            Fn::If: [C, {KMSMasterKeyId: k}, {Ref: AWS::NoValue}]\n",
       "ENC105",
       "the replica's SSESpecification is removed by Ref: AWS::NoValue (when condition C is "
       "false)",
       true, "alias/k"},
      {"an algorithm that is not a plain value",
       "Conditions:\n  C: !Equals [!Ref AWS::Region, x]\nResources:\n  B:\n    " + kBucket +
           "\n    Properties:\n      BucketEncryption:\n        "
           "ServerSideEncryptionConfiguration:\n"
           "          - ServerSideEncryptionByDefault: {SSEAlgorithm: !If [C, AES256, aws:kms]}\n  "
           "          BucketKeyEnabled: true\n",
       "ENC205", "not a plain value", true, "alias/k"},
      {"no algorithm",
       "Resources:\n  B:\n    " + kBucket +
           "\n    Properties:\n      BucketEncryption:\n        "
           "ServerSideEncryptionConfiguration:\n"
           "          - ServerSideEncryptionByDefault: {KMSMasterKeyID: k}\n",
       "ENC205", "has no SSEAlgorithm", true, "alias/k"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto loaded = model::load(testing::make_source(c.text));
    INFO(loaded.message);
    REQUIRE(loaded.tpl);
    lint::Options options;
    options.select = {c.rule};
    if (c.cmk) options.level = lint::Level::Cmk;
    options.fix.kms_key = c.kms_key;
    auto diags = lint::run_rules(*loaded.tpl, rules::all(), options);
    REQUIRE_FALSE(diags.empty());
    bool found = false;
    for (const auto& d : diags) {
      if (d.fix) continue;
      found |= d.not_fixable.find(c.reason) != std::string::npos;
      INFO(d.rule << ": " << d.not_fixable);
      CHECK_FALSE(d.not_fixable.empty());
    }
    CHECK(found);
  }
}

TEST_CASE("not fixable: a fix that cannot be made is set aside, the file's other fixes are made") {
  const std::string text = "Resources:\n  A:\n    " + kBucket + "\n  B:\n    " + kBucket +
                           "\n  C:\n    " + kBucket + "\n";
  auto loaded = model::load(testing::make_source(text));
  REQUIRE(loaded.tpl);
  auto diags = lint::run_rules(*loaded.tpl, rules::all(), {});
  REQUIRE(diags.size() == 3);
  // B's fix claims to add something else than it inserts: it cannot verify.
  lint::Diagnostic* b = nullptr;
  for (auto& d : diags)
    if (d.resource == "B") b = &d;
  REQUIRE(b);
  REQUIRE(b->fix);
  b->fix->additions.front().key = "SomethingElse";
  auto result = engine::fix_loop(*loaded.tpl, diags, rules::all(), {}, false);
  INFO(result.error);
  REQUIRE(result.ok);
  CHECK(result.applied == 2);
  const std::string fixed(result.text());
  CHECK(fixed.find("  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:") !=
        std::string::npos);
  CHECK(fixed.find("  B:\n    Type: AWS::S3::Bucket\n  C:") != std::string::npos);
  CHECK(fixed.find("  C:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:") !=
        std::string::npos);
  REQUIRE(result.remaining.size() == 1);
  const auto& left = result.remaining.front();
  CHECK(left.resource == "B");
  CHECK_FALSE(left.fix);
  CHECK(left.not_fixable.find("the fix could not be made (the fix did not verify: ") == 0);
  CHECK(result.not_made.count(engine::finding_key(left)) == 1);
}

TEST_CASE("not fixable: past a bounded number of trials, a failing round refuses the file") {
  // 100 fixes that all fail: finding them one by one would take 200 parses of
  // the file; the search stops at its bound and the file is refused whole.
  std::string text = "Resources:\n";
  for (int i = 0; i < 100; ++i) text += "  B" + std::to_string(i) + ":\n    " + kBucket + "\n";
  auto loaded = model::load(testing::make_source(text));
  REQUIRE(loaded.tpl);
  auto diags = lint::run_rules(*loaded.tpl, rules::all(), {});
  REQUIRE(diags.size() == 100);
  for (auto& d : diags) d.fix->additions.front().key = "SomethingElse";
  auto result = engine::fix_loop(*loaded.tpl, diags, rules::all(), {}, false);
  CHECK_FALSE(result.ok);
  CHECK(result.error.find("the fix did not verify") != std::string::npos);
}
