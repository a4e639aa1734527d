// A finding is identified across fix rounds by its rule and template path
// (engine::finding_key): the fix loop and the report use it to tell which
// findings a fix removed. Two findings of one file with the same identity
// make a fixed one look unfixed, so every path must name its own place.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

#include "engine/fix_loop.hpp"
#include "lint/linter.hpp"
#include "rules/registry.hpp"
#include "support.hpp"

using namespace enclint;
namespace fs = std::filesystem;

namespace {

// The finding keys that occur more than once, with their count.
std::map<std::string, int> repeated_keys(const std::vector<lint::Diagnostic>& diags) {
  std::map<std::string, int> count;
  for (const auto& d : diags) ++count[engine::finding_key(d)];
  std::map<std::string, int> repeated;
  for (const auto& [key, n] : count)
    if (n > 1) repeated[key] = n;
  return repeated;
}

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

TEST_CASE("finding identities: ENC105 names each replica of a global table") {
  lint::Options options;
  options.level = lint::Level::Cmk;
  options.fix.kms_key = "alias/orders";
  auto l = lint_text(
      "Resources:\n"
      "  G:\n"
      "    Type: AWS::DynamoDB::GlobalTable\n"
      "    Properties:\n"
      "      SSESpecification: {SSEEnabled: true, SSEType: KMS}\n"
      "      Replicas:\n"
      "        - Region: eu-west-1\n"
      "        - Region: us-east-1\n"
      "          SSESpecification: {KMSMasterKeyId: alias/us}\n"
      "        - Region: ap-southeast-2\n"
      "          SSESpecification: {}\n"
      "        - Region: eu-central-1\n"
      "          SSESpecification: not-a-mapping\n",
      options);
  // Replica 1 has its key; the others lack it, each by its own path: the
  // SSESpecification where it is written, else the replica.
  CHECK(paths_of(l.diags, "ENC105") == std::vector<std::string>{
                                           "Resources/G/Properties/Replicas/0",
                                           "Resources/G/Properties/Replicas/2/SSESpecification",
                                           "Resources/G/Properties/Replicas/3/SSESpecification",
                                       });
}

TEST_CASE("finding identities: ENC105 names the branch of a replica's Fn::If that lacks the key") {
  lint::Options options;
  options.level = lint::Level::Cmk;
  options.fix.kms_key = "alias/orders";
  auto l = lint_text(
      "Conditions:\n"
      "  C: !Equals [!Ref AWS::Region, x]\n"
      "Resources:\n"
      "  G:\n"
      "    Type: AWS::DynamoDB::GlobalTable\n"
      "    Properties:\n"
      "      SSESpecification: {SSEEnabled: true, SSEType: KMS}\n"
      "      Replicas:\n"
      "        - Region: eu-west-1\n"
      "          SSESpecification: {Fn::If: [C, {KMSMasterKeyId: a}, {KMSMasterKeyId: b}]}\n"
      "        - Region: us-east-1\n"
      "          SSESpecification: {Fn::If: [C, {}, {KMSMasterKeyId: b}]}\n"
      "        - Region: ap-southeast-2\n"
      "          SSESpecification: !If [C, {KMSMasterKeyId: a}, {}]\n"
      "        - Region: eu-central-1\n"
      "          SSESpecification: !If [C, {KMSMasterKeyId: a}, !Ref AWS::NoValue]\n"
      // SSE is on only where the replica has its key: nothing to report.
      "  H:\n"
      "    Type: AWS::DynamoDB::GlobalTable\n"
      "    Properties:\n"
      "      SSESpecification: {SSEEnabled: !If [C, true, false], SSEType: KMS}\n"
      "      Replicas:\n"
      "        - Region: eu-west-1\n"
      "          SSESpecification: {Fn::If: [C, {KMSMasterKeyId: a}, {}]}\n",
      options);
  // Replica 0 has a key in both branches; a mapping branch without one is
  // named by its branch, one removed by AWS::NoValue by its SSESpecification.
  CHECK(paths_of(l.diags, "ENC105") ==
        std::vector<std::string>{
            "Resources/G/Properties/Replicas/1/SSESpecification/Fn::If/1",
            "Resources/G/Properties/Replicas/2/SSESpecification/Fn::If/2",
            "Resources/G/Properties/Replicas/3/SSESpecification",
        });
  for (const auto& d : l.diags) {
    if (d.rule != "ENC105") continue;
    INFO(d.path << ": " << d.message);
    if (d.path.find("Replicas/3") != std::string::npos) {
      CHECK_FALSE(d.fix);
      CHECK(d.not_fixable.find("AWS::NoValue") != std::string::npos);
      CHECK(d.message.find("(when condition C is false)") != std::string::npos);
    } else {
      REQUIRE(d.fix);
      // Into the branch's own mapping, never beside Fn::If.
      REQUIRE(d.fix->additions.size() == 1);
      CHECK(d.fix->additions[0].key == "KMSMasterKeyId");
      std::string at;
      for (const fix::PathStep& step : d.fix->additions[0].path)
        at += (at.empty() ? "" : "/") + (step.index >= 0 ? std::to_string(step.index) : step.key);
      CHECK(at == d.path);
    }
  }
}

TEST_CASE("finding identities: the repeated-key check notices a repeated rule and path") {
  lint::Diagnostic a;
  a.rule = "ENC105";
  a.path = "Resources/T/Properties/Replicas/0";
  lint::Diagnostic b = a;
  CHECK(repeated_keys({a, b}) == std::map<std::string, int>{{"ENC105|" + a.path, 2}});
  b.path = "Resources/T/Properties/Replicas/1";
  CHECK(repeated_keys({a, b}).empty());
  b.path = a.path;
  b.rule = "ENC101";  // another rule at the same place is another finding
  CHECK(repeated_keys({a, b}).empty());
}

TEST_CASE("finding identities: unique in every fixture file, all rules at level cmk with a key") {
  lint::Options options;
  options.level = lint::Level::Cmk;
  options.fix.kms_key =
      "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  options.fix.sse_algorithm = "aws:kms";  // what --kms-key alone selects
  std::size_t templates = 0, findings = 0;
  // Inputs, fixed results and the examples: every template under fixtures/.
  for (const auto& f :
       fs::recursive_directory_iterator(fs::path(ENCLINT_SOURCE_DIR) / "fixtures")) {
    std::string ext = f.path().extension().string();
    if (!f.is_regular_file() || (ext != ".yaml" && ext != ".json")) continue;
    auto loaded =
        model::load(testing::make_source(testing::read_file(f.path()), f.path().string()));
    if (!loaded.tpl) continue;
    ++templates;
    std::vector<lint::Diagnostic> suppressed;
    auto diags = lint::run_rules(*loaded.tpl, rules::all(), options, &suppressed);
    // A suppressed finding keeps its identity: lifting the suppression must
    // not make it collide.
    diags.insert(diags.end(), suppressed.begin(), suppressed.end());
    findings += diags.size();
    auto repeated = repeated_keys(diags);
    std::string listed;
    for (const auto& [key, n] : repeated) listed += "\n  " + key + " x" + std::to_string(n);
    INFO(f.path().string() << listed);
    CHECK(repeated.empty());
  }
  // The walk did read the fixtures (some 200 templates, hundreds of findings).
  CHECK(templates >= 150);
  CHECK(findings >= 300);
}

TEST_CASE("finding identities: ENC105 names each branch of an Fn::If SSESpecification") {
  lint::Options options;
  options.level = lint::Level::Cmk;
  const std::vector<std::string> branches{
      "Resources/T/Properties/SSESpecification/Fn::If/1",
      "Resources/T/Properties/SSESpecification/Fn::If/2",
  };
  auto short_form = lint_text(
      "Conditions:\n  C: !Equals [!Ref AWS::Region, eu-west-1]\n"
      "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n"
      "      SSESpecification: !If [C, {SSEEnabled: true}, {SSEEnabled: true, SSEType: KMS}]\n",
      options);
  CHECK(paths_of(short_form.diags, "ENC105") == branches);
  auto long_form = lint_text(
      R"({"Conditions": {"C": {"Fn::Equals": [{"Ref": "AWS::Region"}, "eu-west-1"]}},
          "Resources": {"T": {"Type": "AWS::DynamoDB::Table", "Properties": {
            "SSESpecification": {"Fn::If": ["C", {"SSEEnabled": true},
                                                 {"SSEEnabled": true, "SSEType": "KMS"}]}}}}})",
      options);
  CHECK(paths_of(long_form.diags, "ENC105") == branches);
  // Without a branch the path is the property, as before.
  auto plain = lint_text(
      "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n"
      "      SSESpecification: {SSEEnabled: true}\n",
      options);
  CHECK(paths_of(plain.diags, "ENC105") ==
        std::vector<std::string>{"Resources/T/Properties/SSESpecification"});
}

TEST_CASE("finding identities: S3 rules name each Fn::If branch of an encryption rule") {
  lint::Options options;
  options.level = lint::Level::Cmk;
  auto l = lint_text(
      "Conditions:\n  C: !Equals [!Ref AWS::Region, eu-west-1]\n"
      "  D: !Equals [!Ref AWS::Region, us-east-1]\n"
      "Resources:\n"
      "  RuleIf:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n"
      "        ServerSideEncryptionConfiguration:\n"
      "          - !If [C, {ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}},\n"
      "                    {ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}}]\n"
      "  DefaultIf:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n"
      "        ServerSideEncryptionConfiguration:\n"
      "          - BucketKeyEnabled: true\n"
      "            ServerSideEncryptionByDefault: !If [C, {SSEAlgorithm: AES256},\n"
      "              !If [D, {SSEAlgorithm: aws:kms}, {SSEAlgorithm: AES256, KMSMasterKeyID: k}]]\n"
      "  ConfigIf:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n"
      "        ServerSideEncryptionConfiguration: !If\n"
      "          - C\n"
      "          - [{ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}}]\n"
      "          - [{ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}}]\n",
      options);
  const std::string rule_if =
      "Resources/RuleIf/Properties/BucketEncryption/"
      "ServerSideEncryptionConfiguration/0/Fn::If/";
  const std::string default_if =
      "Resources/DefaultIf/Properties/BucketEncryption/"
      "ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault";
  const std::string config_if =
      "Resources/ConfigIf/Properties/BucketEncryption/ServerSideEncryptionConfiguration/Fn::If/";
  // No BucketKeyEnabled: one finding per rule mapping.
  CHECK(paths_of(l.diags, "ENC203") == std::vector<std::string>{
                                           config_if + "1/0",
                                           config_if + "2/0",
                                           rule_if + "1",
                                           rule_if + "2",
                                       });
  // Not a customer managed key: one finding per ServerSideEncryptionByDefault.
  CHECK(paths_of(l.diags, "ENC205") == std::vector<std::string>{
                                           config_if + "1/0/ServerSideEncryptionByDefault",
                                           config_if + "2/0/ServerSideEncryptionByDefault",
                                           default_if + "/Fn::If/1",
                                           default_if + "/Fn::If/2/Fn::If/1",
                                           default_if + "/Fn::If/2/Fn::If/2",
                                           rule_if + "1/ServerSideEncryptionByDefault",
                                           rule_if + "2/ServerSideEncryptionByDefault",
                                       });
  // A key with AES256, in the one branch that has both.
  CHECK(paths_of(l.diags, "ENC204") ==
        std::vector<std::string>{default_if + "/Fn::If/2/Fn::If/2/KMSMasterKeyID"});
}
