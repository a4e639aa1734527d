// What the registry derives from the rules' declarations: the resource types
// a directory scan must not skip, the foreign suppressions, the JUnit test
// cases. A rule added with a new type is then found everywhere at once.
#include <yaml-cpp/yaml.h>
#include <catch2/catch.hpp>

#include <set>

#include "engine/check_file.hpp"
#include "lint/suppression.hpp"
#include "rules/registry.hpp"
#include "support.hpp"

using namespace enclint;
using namespace enclint::testing;

TEST_CASE("registry: the checked types are every declared type, sorted, once") {
  std::set<std::string_view> declared;
  for (const lint::Rule* r : rules::all())
    declared.insert(r->info().resource_types.begin(), r->info().resource_types.end());
  const auto& types = rules::checked_types();
  CHECK(std::vector<std::string_view>(declared.begin(), declared.end()) == types);
  CHECK(rules::is_checked_type("AWS::S3::Bucket"));
  CHECK(rules::is_checked_type("AWS::Serverless::SimpleTable"));
  CHECK_FALSE(rules::is_checked_type("AWS::S3::BucketPolicy"));
  CHECK_FALSE(rules::is_checked_type("AWS::S3"));
}

TEST_CASE("registry: every registered resource type is found by a directory scan") {
  TempDir dir;
  std::size_t n = 0;
  for (std::string_view type : rules::checked_types()) {
    // The type is the only thing in the file a rule could look at.
    write_file(dir / ("t" + std::to_string(n++) + ".yaml"),
               "Resources:\n  R:\n    Type: " + std::string(type) + "\n");
  }
  REQUIRE(n > 0);
  auto run = run_tool("--level cmk -f json .", dir.path());
  INFO(run.out << run.err);
  YAML::Node report = YAML::Load(run.out);
  REQUIRE(report["files"].size() == n);
  for (const auto& f : report["files"]) {
    INFO(f["path"].as<std::string>());
    CHECK(f["status"].as<std::string>() != "skipped");
  }
  // And in-process, through the fast path itself.
  for (std::string_view type : rules::checked_types()) {
    INFO(type);
    CHECK_FALSE(engine::cannot_hold_findings("Resources:\n  R:\n    Type: " + std::string(type)));
    CHECK_FALSE(engine::cannot_hold_findings("{\"Resources\": {\"R\": {\"Type\": \"" +
                                             std::string(type) + "\"}}}"));
  }
}

TEST_CASE("registry: the fast path skips what no rule checks") {
  CHECK(engine::cannot_hold_findings("Resources:\n  R:\n    Type: AWS::S3::BucketPolicy\n"));
  CHECK(engine::cannot_hold_findings("Transform: AWS::Serverless-2016-10-31\nResources: {}\n"));
  CHECK(engine::cannot_hold_findings("AWS::"));
  CHECK(engine::cannot_hold_findings(""));
  CHECK_FALSE(engine::cannot_hold_findings("Type: AWS::S3::Bucket"));  // at the very end
  CHECK_FALSE(engine::cannot_hold_findings("Fn::ForEach::Buckets: []"));
  CHECK_FALSE(engine::cannot_hold_findings("Metadata: {cfn-enclint: {}}"));
}

TEST_CASE("registry: foreign suppression ids come from the rules' declared peers") {
  const auto& all = rules::all();
  using V = std::vector<std::string>;
  CHECK(lint::foreign_rules(all, "cfn_nag", "W74") == V{"ENC101", "ENC102"});
  CHECK(lint::foreign_rules(all, "cfn_nag", "W41") == V{"ENC201"});
  CHECK(lint::foreign_rules(all, "checkov", "CKV_AWS_119") == V{"ENC101", "ENC102", "ENC105"});
  CHECK(lint::foreign_rules(all, "checkov", "CKV_AWS_19") == V{"ENC201", "ENC202"});
  CHECK(lint::foreign_rules(all, "cfn-guard", "DYNAMODB_TABLE_ENCRYPTED_KMS") ==
        V{"ENC101", "ENC102", "ENC105"});
  CHECK(lint::foreign_rules(all, "cfn-guard", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED") ==
        V{"ENC201", "ENC202"});
  // An id belongs to its tool: checkov's metadata naming a cfn_nag id suppresses nothing.
  CHECK(lint::foreign_rules(all, "checkov", "W74").empty());
  // Every declared peer names a tool whose suppressions are read.
  for (const lint::Rule* r : all)
    for (const lint::PeerRule& p : r->info().peers) {
      INFO(r->info().id << " " << p.tool);
      CHECK((p.tool == "cfn_nag" || p.tool == "checkov" || p.tool == "cfn-guard"));
    }
}

TEST_CASE("registry: JUnit has one test case per resource of a checked type") {
  TempDir dir;
  write_file(dir / "t.yaml",
             "Resources:\n  B:\n    Type: AWS::S3::Bucket\n  P:\n    Type: AWS::S3::BucketPolicy\n"
             "  T:\n    Type: AWS::DynamoDB::GlobalTable\n");
  engine::CheckOptions options;
  options.list_checked_resources = true;
  auto r = engine::check_path((dir / "t.yaml").string(), options, rules::all());
  using P = std::pair<std::string, std::string>;
  CHECK(r.checked_resources ==
        std::vector<P>{{"B", "AWS::S3::Bucket"}, {"T", "AWS::DynamoDB::GlobalTable"}});
}

TEST_CASE("registry: JUnit lists only the resources the selected rules check") {
  TempDir dir;
  write_file(dir / "t.yaml",
             "Resources:\n  B:\n    Type: AWS::S3::Bucket\n  T:\n    Type: AWS::DynamoDB::Table\n"
             "  Q:\n    Type: AWS::SQS::Queue\n");
  auto junit = run_tool("--select ENC201 -f junit t.yaml", dir.path());
  INFO(junit.out);
  CHECK(junit.out.find("name=\"B (") != std::string::npos);
  CHECK(junit.out.find("name=\"T (") == std::string::npos);
  CHECK(junit.out.find("name=\"Q (") == std::string::npos);
  // A rule of level cmk only counts at that level.
  auto cmk = run_tool("--select ENC105 -f junit t.yaml", dir.path());
  CHECK(cmk.out.find("name=\"T (") == std::string::npos);
  auto at_cmk = run_tool("--level cmk --select ENC105 -f junit t.yaml", dir.path());
  CHECK(at_cmk.out.find("name=\"T (") != std::string::npos);
}

TEST_CASE("registry: the fast path looks only for the types of the rules a run selects") {
  const std::string function = "Resources:\n  F:\n    Type: AWS::Lambda::Function\n";
  lint::Options baseline;
  // A Lambda function's key is a level cmk rule (ENC791): nothing to find at baseline.
  CHECK(engine::cannot_hold_findings(function, engine::selected_types(baseline, rules::all())));
  lint::Options cmk;
  cmk.level = lint::Level::Cmk;
  CHECK_FALSE(engine::cannot_hold_findings(function, engine::selected_types(cmk, rules::all())));
  lint::Options only_s3;
  only_s3.select = {"ENC201"};
  CHECK(engine::cannot_hold_findings("Type: AWS::DynamoDB::Table",
                                     engine::selected_types(only_s3, rules::all())));
  CHECK_FALSE(engine::cannot_hold_findings("Type: AWS::S3::Bucket",
                                           engine::selected_types(only_s3, rules::all())));
}
