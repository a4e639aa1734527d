// Black-box tests of the built binary (ccache style): formats, exit codes,
// stdin, directories, and what --fix may and may not write.
#include <sys/stat.h>
#include <yaml-cpp/yaml.h>
#include <catch2/catch.hpp>

#include <filesystem>

#include "support.hpp"

using namespace enclint::testing;
namespace fs = std::filesystem;

namespace {

const std::string kBucket = kBucketWithoutEncryption;

const std::string kBucketFixed = kBucket +
                                 "      BucketEncryption:\n"
                                 "        ServerSideEncryptionConfiguration:\n"
                                 "          - ServerSideEncryptionByDefault:\n"
                                 "              SSEAlgorithm: AES256\n"
                                 "            BucketKeyEnabled: true\n";

const std::string kClean = kBucketFixed;

}  // namespace

TEST_CASE("cli: --version, --help, --list-rules, --explain") {
  TempDir dir;
  auto v = run_tool("--version", dir.path());
  CHECK(v.exit_code == 0);
  CHECK(v.out == "cfn-enclint 0.1.0\n");
  auto h = run_tool("--help", dir.path());
  CHECK(h.exit_code == 0);
  CHECK(h.out.find("--fix") != std::string::npos);
  auto l = run_tool("--list-rules", dir.path());
  CHECK(l.exit_code == 0);
  CHECK(l.out.find("ENC101  dynamodb-sse-missing") != std::string::npos);
  CHECK(l.out.find("ENC203  s3-bucket-key-disabled") != std::string::npos);
  auto e = run_tool("--explain s3-encryption-missing", dir.path());
  CHECK(e.exit_code == 0);
  for (const char* section : {"## What it does", "## Why is this bad?", "## Example",
                              "## Use instead", "## Fix safety", "## References"})
    CHECK(e.out.find(section) != std::string::npos);
}

TEST_CASE("cli: usage errors exit 2 with a message") {
  TempDir dir;
  for (const char* args : {"--no-such-option", "--format xml t.yaml", "--select ENC999 t.yaml",
                           "--sse-algorithm DES t.yaml", "--explain ENC999"}) {
    auto r = run_tool(args, dir.path());
    INFO(args);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("cfn-enclint: error:") != std::string::npos);
  }
}

TEST_CASE("cli: text findings, summary and exit 1, clean file exit 0") {
  TempDir dir;
  write_file(dir / "t.yaml", kBucket);
  write_file(dir / "clean.yaml", kClean);
  auto r = run_tool("t.yaml", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("t.yaml:5:5: error: S3 bucket 'Data' has no BucketEncryption") == 0);
  CHECK(r.out.find("[ENC201]\n") != std::string::npos);
  CHECK(r.out.find("1 finding in 1 file (1 fixable with --fix)\n") != std::string::npos);
  auto c = run_tool("clean.yaml", dir.path());
  CHECK(c.exit_code == 0);
  CHECK(c.out.find("0 findings in 1 file") != std::string::npos);
  auto ignored = run_tool("--ignore ENC201 t.yaml", dir.path());
  CHECK(ignored.exit_code == 0);
  auto selected = run_tool("--select dynamodb-sse-missing t.yaml", dir.path());
  CHECK(selected.exit_code == 0);
}

TEST_CASE("cli: --format json is one object as SPEC §5 lays out") {
  TempDir dir;
  write_file(dir / "t.yaml", kBucket);
  write_file(dir / "notes.yaml", "just: notes\n");
  auto r = run_tool("-f json t.yaml notes.yaml", dir.path());
  CHECK(r.exit_code == 1);
  YAML::Node doc = YAML::Load(r.out);  // JSON is YAML: a real parser reads it back
  CHECK(doc["tool"].as<std::string>() == "cfn-enclint");
  CHECK(doc["version"].as<std::string>() == "0.1.0");
  REQUIRE(doc["files"].size() == 2);
  CHECK(doc["files"][0]["path"].as<std::string>() == "t.yaml");
  CHECK(doc["files"][0]["status"].as<std::string>() == "ok");
  CHECK(doc["files"][0]["error"].IsNull());
  CHECK(doc["files"][1]["status"].as<std::string>() == "skipped");
  REQUIRE(doc["diagnostics"].size() == 1);
  YAML::Node d = doc["diagnostics"][0];
  CHECK(d["rule"].as<std::string>() == "ENC201");
  CHECK(d["name"].as<std::string>() == "s3-encryption-missing");
  CHECK(d["severity"].as<std::string>() == "error");
  CHECK(d["line"].as<int>() == 5);
  CHECK(d["column"].as<int>() == 5);
  CHECK(d["end_line"].as<int>() == 5);
  CHECK(d["end_column"].as<int>() == 15);
  CHECK(d["resource"].as<std::string>() == "Data");
  CHECK(d["resource_type"].as<std::string>() == "AWS::S3::Bucket");
  CHECK(d["fix"]["applicability"].as<std::string>() == "safe");
  CHECK(d["fixed"].as<bool>() == false);
}

TEST_CASE("cli: --fix writes the block, a second --fix changes nothing") {
  TempDir dir;
  write_file(dir / "t.yaml", kBucket);
  auto r = run_tool("--fix t.yaml", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("t.yaml: fixed 1 finding") != std::string::npos);
  CHECK(read_file(dir / "t.yaml") == kBucketFixed);
  auto again = run_tool("--fix t.yaml", dir.path());
  CHECK(again.exit_code == 0);
  CHECK(read_file(dir / "t.yaml") == kBucketFixed);
}

TEST_CASE("cli: --fix with JSON output marks fixed findings") {
  TempDir dir;
  write_file(dir / "t.yaml", kBucket);
  auto r = run_tool("--fix -f json t.yaml", dir.path());
  CHECK(r.exit_code == 0);
  YAML::Node doc = YAML::Load(r.out);
  CHECK(doc["files"][0]["status"].as<std::string>() == "fixed");
  REQUIRE(doc["diagnostics"].size() == 1);
  CHECK(doc["diagnostics"][0]["fixed"].as<bool>());
}

TEST_CASE("cli: --diff prints a patch that git apply turns into the --fix result") {
  TempDir dir;
  write_file(dir / "t.yaml", kBucket);
  auto r = run_tool("--diff t.yaml", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(read_file(dir / "t.yaml") == kBucket);  // nothing written
  CHECK(r.out.rfind("--- a/t.yaml\n+++ b/t.yaml\n@@ -4,3 +4,8 @@\n", 0) == 0);
  write_file(dir / "fix.patch", r.out);
  int rc =
      std::system(("cd " + shell_quote(dir.path().string()) + " && git apply fix.patch").c_str());
  CHECK(rc == 0);
  CHECK(read_file(dir / "t.yaml") == kBucketFixed);
}

TEST_CASE("cli: stdin, with a name, and --fix - prints the fixed template") {
  TempDir dir;
  auto r = run_tool("--stdin-filename infra/t.yaml -", dir.path(), kBucket);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("infra/t.yaml:5:5: error:") == 0);
  auto anon = run_tool("-", dir.path(), kBucket);
  CHECK(anon.out.find("<stdin>:5:5:") == 0);
  auto f = run_tool("--fix -", dir.path(), kBucket);
  CHECK(f.exit_code == 0);
  CHECK(f.out == kBucketFixed);
  CHECK(f.err.find("Fixed 1 finding in 1 file.") != std::string::npos);
}

TEST_CASE("cli: directories are searched, non-templates and tool folders skipped") {
  TempDir dir;
  fs::create_directories(dir / "infra" / "nested");
  fs::create_directories(dir / "node_modules" / "pkg");
  fs::create_directories(dir / ".aws-sam" / "build");
  fs::create_directories(dir / ".github" / "workflows");
  write_file(dir / "infra" / "a.yaml", kBucket);
  write_file(dir / "infra" / "nested" / "b.template", kBucket);
  write_file(dir / "infra" / "nested" / "c.json",
             "{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::Table\", \"Properties\": {}}}}");
  write_file(dir / "infra" / "notes.txt", kBucket);  // wrong extension
  write_file(dir / "infra" / "chart.yaml", "apiVersion: v2\nname: {{ .Values.x }}\n");  // Helm
  write_file(dir / ".github" / "workflows" / "ci.yml", kBucket);  // hidden folder
  write_file(dir / "node_modules" / "pkg" / "t.yaml", kBucket);
  write_file(dir / ".aws-sam" / "build" / "template.yaml", kBucket);
  auto r = run_tool("-j 2 .", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("infra/a.yaml:5:5:") != std::string::npos);
  CHECK(r.out.find("infra/nested/b.template:5:5:") != std::string::npos);
  CHECK(r.out.find("infra/nested/c.json:1:54:") != std::string::npos);
  CHECK(r.out.find("3 findings in 3 files") != std::string::npos);
  CHECK(r.out.find("node_modules") == std::string::npos);
  CHECK(r.out.find(".aws-sam") == std::string::npos);
  CHECK(r.out.find("chart.yaml") == std::string::npos);
  auto verbose = run_tool("--verbose infra", dir.path());
  CHECK(verbose.out.find("infra/chart.yaml: skipped:") != std::string::npos);
  // The order of the report does not depend on the number of jobs.
  CHECK(run_tool("-j 1 .", dir.path()).out == r.out);
}

TEST_CASE(
    "cli: the fast path skips unparsed only files found in a directory that cannot hold a "
    "finding") {
  TempDir dir;
  fs::create_directories(dir / "infra");
  // A broken template with no type we check: a directory scan does not parse it...
  write_file(dir / "infra" / "queue.yaml",
             "AWSTemplateFormatVersion: x\nResources:\n  Q: [AWS::SNS::Subscription\n");
  auto scan = run_tool("--verbose infra", dir.path());
  CHECK(scan.exit_code == 0);
  CHECK(scan.out.find("infra/queue.yaml: skipped: no resource type we check (not parsed)") !=
        std::string::npos);
  // ...but named explicitly (as pre-commit does) it is parsed and its error reported.
  auto named = run_tool("infra/queue.yaml", dir.path());
  CHECK(named.exit_code == 2);
  CHECK(named.out.find("infra/queue.yaml:4:1: error: end of sequence flow not found") == 0);
  // A broken file that mentions a type we check is always parsed.
  write_file(dir / "infra" / "bucket.yaml",
             "AWSTemplateFormatVersion: x\nResources:\n  B: [AWS::S3::Bucket\n");
  CHECK(run_tool("infra", dir.path()).exit_code == 2);
}

TEST_CASE("cli: an unparseable template is an error with its position and is never written") {
  TempDir dir;
  std::string broken =
      "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    "
      "Properties: [oops\n";
  write_file(dir / "bad.yaml", broken);
  write_file(dir / "t.yaml", kBucket);
  auto r = run_tool("--fix bad.yaml t.yaml", dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("bad.yaml:") == 0);
  CHECK(r.out.find(": error: ") != std::string::npos);
  CHECK(read_file(dir / "bad.yaml") == broken);
  CHECK(read_file(dir / "t.yaml") == kBucketFixed);  // the other file is still fixed
}

TEST_CASE("cli: duplicate keys are rejected, a path that does not exist is an error") {
  TempDir dir;
  write_file(dir / "dup.yaml", kBucket + "  Data:\n    Type: AWS::S3::Bucket\n");
  auto r = run_tool("dup.yaml", dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("dup.yaml:7:3: error: duplicate key 'Data'") == 0);
  auto missing = run_tool("nope.yaml", dir.path());
  CHECK(missing.exit_code == 2);
  CHECK(missing.out.find("nope.yaml: error: no such file or directory") == 0);
}

TEST_CASE("cli: --fix keeps permissions, writes through symlinks, refuses read-only files") {
  TempDir dir;
  write_file(dir / "t.yaml", kBucket);
  fs::permissions(dir / "t.yaml", fs::perms(0640));
  fs::create_symlink("t.yaml", dir / "link.yaml");
  auto r = run_tool("--fix link.yaml", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(fs::is_symlink(dir / "link.yaml"));
  CHECK(read_file(dir / "t.yaml") == kBucketFixed);
  CHECK((fs::status(dir / "t.yaml").permissions() & fs::perms::all) == fs::perms(0640));

  write_file(dir / "ro.yaml", kBucket);
  fs::permissions(dir / "ro.yaml", fs::perms(0444));
  auto ro = run_tool("--fix ro.yaml", dir.path());
  CHECK(ro.exit_code == 2);
  CHECK(ro.out.find("read-only") != std::string::npos);
  CHECK(read_file(dir / "ro.yaml") == kBucket);
  // No temporary file is left behind.
  for (const auto& e : fs::directory_iterator(dir.path()))
    CHECK(e.path().filename().string().find(".cfn-enclint.") == std::string::npos);
}

TEST_CASE("cli: --fix of a global table reports the one replica it fixed, not the other") {
  // Two replicas without a key: the first one's SSESpecification is an
  // Fn::If (not fixable), the second gets one inserted.
  const fs::path fixture =
      fs::path(ENCLINT_SOURCE_DIR) / "fixtures/rules/ENC105/enc105-global-table-one-fixable";
  TempDir dir;
  write_file(dir / "t.yaml", read_file(fixture.string() + ".yaml"));
  const std::string key =
      "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  auto r = run_tool("--fix --level cmk --select ENC105 --kms-key " + key + " -f json t.yaml",
                    dir.path());
  CHECK(r.exit_code == 1);  // the Fn::If replica is left
  CHECK(read_file(dir / "t.yaml") == read_file(fixture.string() + ".fixed.yaml"));
  YAML::Node doc = YAML::Load(r.out);
  CHECK(doc["files"][0]["status"].as<std::string>() == "fixed");
  REQUIRE(doc["diagnostics"].size() == 2);
  int fixed = 0;
  for (const auto& d : doc["diagnostics"]) {
    CHECK(d["rule"].as<std::string>() == "ENC105");
    const std::string path = d["template_path"].as<std::string>();
    if (d["fixed"].as<bool>()) {
      ++fixed;
      CHECK(path == "Resources/OrdersGlobalTable/Properties/Replicas/1");
    } else {
      CHECK(path == "Resources/OrdersGlobalTable/Properties/Replicas/0/SSESpecification");
      CHECK(d["fix"].IsNull());
    }
  }
  CHECK(fixed == 1);
}
