// Rolling the tool out on a repository that already has findings: a
// baseline of them, and exit-status control (--fail-on, --exit-zero).
#include <yaml-cpp/yaml.h>
#include <catch2/catch.hpp>

#include <filesystem>

#include "support.hpp"

using namespace enclint::testing;
namespace fs = std::filesystem;

namespace {

const std::string kTwoStores =
    "AWSTemplateFormatVersion: '2010-09-09'\n"
    "Resources:\n"
    "  Data:\n"
    "    Type: AWS::S3::Bucket\n"
    "    Properties:\n"
    "      BucketName: data\n"
    "  Table:\n"
    "    Type: AWS::DynamoDB::Table\n"
    "    Properties:\n"
    "      BillingMode: PAY_PER_REQUEST\n";

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("baseline: written sorted, one finding a line, then those findings are not reported") {
  TempDir dir;
  fs::create_directories(dir / "svc");
  write_file(dir / "svc/t.yaml", kTwoStores);
  auto w = run_tool("--write-baseline base.yaml svc", dir.path());
  CHECK(w.exit_code == 0);
  CHECK(w.err.find("Wrote 2 findings to base.yaml.") != std::string::npos);
  std::string base = read_file(dir / "base.yaml");
  // Sorted by path, resource, rule and template path; no line numbers.
  CHECK(base.find("- {\"path\": \"svc/t.yaml\", \"resource\": \"Data\", \"rule\": \"ENC201\", "
                  "\"template_path\": \"Resources/Data/Properties\"}\n"
                  "- {\"path\": \"svc/t.yaml\", \"resource\": \"Table\", \"rule\": \"ENC101\", "
                  "\"template_path\": \"Resources/Table/Properties\"}\n") != std::string::npos);
  CHECK(base.find("\"line\"") == std::string::npos);
  YAML::Node parsed = YAML::Load(base);  // a YAML list of JSON objects
  CHECK(parsed.size() == 2);

  auto r = run_tool("--baseline base.yaml svc", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("0 findings in 1 file\n") != std::string::npos);
  // From another directory, paths are still matched relative to the baseline.
  auto inside = run_tool("--baseline ../base.yaml t.yaml", dir / "svc");
  CHECK(inside.exit_code == 0);

  // Lines moving (a resource added above) keep the old findings matched;
  // the new resource's finding is reported.
  write_file(dir / "svc/t.yaml",
             "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Logs:\n"
             "    Type: AWS::S3::Bucket\n" +
                 kTwoStores.substr(kTwoStores.find("  Data:")));
  auto moved = run_tool("--baseline base.yaml --no-source svc", dir.path());
  CHECK(moved.exit_code == 1);
  CHECK(moved.out.find("svc/t.yaml:3:3: error: S3 bucket 'Logs'") == 0);
  CHECK(moved.out.find("1 finding in 1 file") != std::string::npos);
  auto shown = run_tool("--baseline base.yaml --show-suppressed --no-source svc", dir.path());
  CHECK(count(shown.out, "(by baseline base.yaml)") == 2);

  // Rewriting drops what has gone: fix the table, write again.
  write_file(dir / "svc/t.yaml", kTwoStores.substr(0, kTwoStores.find("  Table:")));
  CHECK(run_tool("--baseline base.yaml --write-baseline base.yaml svc", dir.path()).exit_code == 0);
  CHECK(count(read_file(dir / "base.yaml"), "- {") == 1);
  CHECK(read_file(dir / "base.yaml").find("ENC101") == std::string::npos);
}

TEST_CASE("baseline: the unsafe fixes of baselined findings are not advertised") {
  TempDir dir;
  write_file(dir / "db.yaml",
             "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n"
             "      Engine: mysql\n");
  CHECK(run_tool("db.yaml", dir.path()).out.find("--unsafe-fixes") != std::string::npos);
  REQUIRE(run_tool("--write-baseline base.yaml db.yaml", dir.path()).exit_code == 0);
  auto r = run_tool("--baseline base.yaml db.yaml", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out == "0 findings in 1 file\n");
}

TEST_CASE(
    "baseline: --fix still fixes baselined findings (a baseline hides, it does not protect)") {
  TempDir dir;
  write_file(dir / "t.yaml", kTwoStores);
  REQUIRE(run_tool("--write-baseline base.yaml t.yaml", dir.path()).exit_code == 0);
  auto r = run_tool("--baseline base.yaml --fix t.yaml", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("t.yaml: fixed 2 findings") == 0);
  CHECK(read_file(dir / "t.yaml").find("SSESpecification") != std::string::npos);
}

TEST_CASE("baseline: SARIF marks baselined results as externally suppressed") {
  TempDir dir;
  write_file(dir / "t.yaml", kTwoStores);
  REQUIRE(run_tool("--write-baseline base.yaml t.yaml", dir.path()).exit_code == 0);
  auto r = run_tool("-f sarif --baseline base.yaml t.yaml", dir.path());
  CHECK(r.exit_code == 0);
  YAML::Node sarif = YAML::Load(r.out);
  YAML::Node results = sarif["runs"][0]["results"];
  REQUIRE(results.size() == 2);
  for (const auto& result : results) {
    CHECK(result["suppressions"][0]["kind"].as<std::string>() == "external");
    CHECK(result["suppressions"][0]["justification"].as<std::string>() == "baseline base.yaml");
  }
  CHECK(sarif["runs"][0]["invocations"][0]["exitCode"].as<int>() == 0);
}

TEST_CASE("baseline: a file in error keeps its entries, and a broken baseline is an error") {
  TempDir dir;
  write_file(dir / "t.yaml", kTwoStores);
  REQUIRE(run_tool("--write-baseline base.yaml t.yaml", dir.path()).exit_code == 0);
  write_file(dir / "t.yaml", kTwoStores + "  Data:\n    Type: AWS::S3::Bucket\n");  // duplicate key
  auto again = run_tool("--baseline base.yaml --write-baseline base.yaml t.yaml", dir.path());
  CHECK(again.exit_code == 2);
  CHECK(count(read_file(dir / "base.yaml"), "- {") == 2);
  write_file(dir / "bad.yaml", "- {\"path\": \"t.yaml\"}\n");
  auto bad = run_tool("--baseline bad.yaml t.yaml", dir.path());
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("bad.yaml:1:3: a finding without \"resource\"") != std::string::npos);
  auto missing = run_tool("--baseline none.yaml t.yaml", dir.path());
  CHECK(missing.exit_code == 2);
  CHECK(missing.err.find("none.yaml: cannot read the baseline: No such file or directory") !=
        std::string::npos);
}

TEST_CASE("exit status: --fail-on and --exit-zero, a rule lowered to warning does not fail") {
  TempDir dir;
  write_file(dir / "t.yaml", kTwoStores);
  write_file(dir / ".cfn-enclint.yaml", "severity: {ENC201: warning, ENC101: info}\n");
  auto r = run_tool("--no-source t.yaml", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("t.yaml:5:5: warning: S3 bucket 'Data'") != std::string::npos);
  // A finding lowered to info is shown and counted, with its fix.
  CHECK(r.out.find("t.yaml:9:5: info: DynamoDB table 'Table'") != std::string::npos);
  CHECK(r.out.find("2 findings in 1 file (2 fixable with --fix)\n") != std::string::npos);
  CHECK(run_tool("--fail-on warning t.yaml", dir.path()).exit_code == 1);
  CHECK(run_tool("--fail-on info t.yaml", dir.path()).exit_code == 1);
  CHECK(run_tool("--fail-on error t.yaml", dir.path()).exit_code == 0);
  write_file(dir / ".cfn-enclint.yaml", "severity: {ENC101: info}\n");
  CHECK(run_tool("--fail-on warning --ignore ENC201 t.yaml", dir.path()).exit_code == 0);
  CHECK(run_tool("t.yaml", dir.path()).exit_code == 1);
  CHECK(run_tool("--exit-zero t.yaml", dir.path()).exit_code == 0);
  // Errors still exit 2.
  CHECK(run_tool("--exit-zero missing.yaml", dir.path()).exit_code == 2);
  auto bad = run_tool("--fail-on fatal t.yaml", dir.path());
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--fail-on must be error, warning or info, not 'fatal'") != std::string::npos);
}

TEST_CASE("exit status: values that cannot be decided never fail, even with --fail-on info") {
  TempDir dir;
  write_file(dir / "t.yaml",
             "Resources:\n  Q:\n    Type: AWS::SQS::Queue\n    Properties:\n"
             "      SqsManagedSseEnabled: !ImportValue shared-sse\n");
  auto r = run_tool("--fail-on info t.yaml", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out == "0 findings in 1 file\n");
  auto v = run_tool("--verbose --fail-on info t.yaml", dir.path());
  CHECK(v.out.find(": info: ") != std::string::npos);
}
