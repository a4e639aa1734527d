// The command line users expect from ruff and eslint: --statistics,
// --show-fixes, forgiving rule lists, clear option errors, --list-rules as
// JSON, --diff with other formats, colour.
#include <yaml-cpp/yaml.h>
#include <catch2/catch.hpp>

#include <filesystem>

#include "support.hpp"

using namespace enclint::testing;
namespace fs = std::filesystem;

namespace {

const std::string kStores =
    "AWSTemplateFormatVersion: '2010-09-09'\n"
    "Resources:\n"
    "  Data:\n"
    "    Type: AWS::S3::Bucket\n"
    "  Logs:\n"
    "    Type: AWS::S3::Bucket\n"
    "  Table:\n"
    "    Type: AWS::DynamoDB::Table\n";

// A database whose only fix is unsafe (it replaces the instance).
const std::string kDatabase =
    "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n";

}  // namespace

TEST_CASE("options: --statistics counts per rule, most frequent first, text and json") {
  TempDir dir;
  write_file(dir / "t.yaml", kStores);
  auto r = run_tool("--statistics t.yaml", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.out ==
        "2  ENC201  s3-encryption-missing  (2 fixable with --fix)\n"
        "1  ENC101  dynamodb-sse-missing   (1 fixable with --fix)\n"
        "3 findings in 1 file\n");
  auto j = run_tool("--statistics -f json t.yaml", dir.path());
  YAML::Node stats = YAML::Load(j.out);
  REQUIRE(stats.size() == 2);
  CHECK(stats[0]["rule"].as<std::string>() == "ENC201");
  CHECK(stats[0]["count"].as<int>() == 2);
  CHECK(stats[0]["fixable"].as<int>() == 2);
  CHECK(run_tool("--statistics -f sarif t.yaml", dir.path()).exit_code == 2);
  // A file in error is named, with control characters shown, not sent to the terminal.
  write_file(dir / "bad\x1b.yaml",
             "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties: {\n");
  auto bad = run_tool("--statistics .", dir.path());
  CHECK(bad.exit_code == 2);
  CHECK(bad.out.find(": error: ") != std::string::npos);
  CHECK(bad.out.find('\x1b') == std::string::npos);
}

TEST_CASE("options: --show-fixes lists each applied fix, or the fix each finding would get") {
  TempDir dir;
  write_file(dir / "t.yaml", kStores);
  auto offered = run_tool("--show-fixes --no-source --select ENC101 t.yaml", dir.path());
  CHECK(offered.out.find("t.yaml:7:3: note: safe fix: ") != std::string::npos);
  auto r = run_tool("--fix --show-fixes t.yaml", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("t.yaml: fixed 3 findings\n") == 0);
  CHECK(r.out.find("  t.yaml:3:3: ") != std::string::npos);
  CHECK(r.out.find("[ENC201] on 'Data'\n") != std::string::npos);
  CHECK(r.out.find("[ENC201] on 'Logs'\n") != std::string::npos);
  CHECK(r.out.find("[ENC101] on 'Table'\n") != std::string::npos);
}

TEST_CASE("options: rule lists take spaces, any case and id prefixes") {
  TempDir dir;
  write_file(dir / "t.yaml", kStores);
  auto spaced = run_tool("--statistics --select 'ENC201, enc101' t.yaml", dir.path());
  CHECK(spaced.out.find("3 findings") != std::string::npos);
  auto prefix = run_tool("--statistics --select ENC2 t.yaml", dir.path());
  CHECK(prefix.out.find("2 findings") != std::string::npos);
  CHECK(prefix.out.find("ENC101") == std::string::npos);
  auto name = run_tool("--statistics --ignore S3-Encryption-Missing t.yaml", dir.path());
  CHECK(name.out.find("1 finding in") != std::string::npos);
  auto explain = run_tool("--explain enc201", dir.path());
  CHECK(explain.exit_code == 0);
  CHECK(explain.out.find("# ENC201 s3-encryption-missing") == 0);
  auto unknown = run_tool("--select ENC9 t.yaml", dir.path());
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown rule 'ENC9'") != std::string::npos);
  // The configuration takes the same forms.
  write_file(dir / ".cfn-enclint.yaml", "select: 'enc2, dynamodb-sse-missing'\n");
  CHECK(run_tool("--statistics t.yaml", dir.path()).out.find("3 findings") != std::string::npos);
}

TEST_CASE("options: a bad number names its option") {
  TempDir dir;
  for (auto [args, message] :
       {std::pair{"-j abc t.yaml", "--jobs takes a whole number, not 'abc'"},
        {"--jobs=-1 t.yaml", "--jobs takes a whole number, not '-1'"},
        {"--max-file-size lots t.yaml", "--max-file-size takes a whole number, not 'lots'"}}) {
    INFO(args);
    auto r = run_tool(args, dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(message) != std::string::npos);
  }
}

TEST_CASE("options: --list-rules is aligned, and JSON with -f json") {
  TempDir dir;
  auto l = run_tool("--list-rules", dir.path());
  std::size_t tag = std::string::npos;
  for (std::size_t at = 0, next; at < l.out.size(); at = next + 1) {
    next = l.out.find('\n', at);
    std::string line = l.out.substr(at, next - at);
    // Every line's "[severity" starts in the same column.
    std::size_t here = line.find("  [");
    REQUIRE(here != std::string::npos);
    if (tag == std::string::npos) tag = here;
    CHECK(here == tag);
  }
  auto j = run_tool("--list-rules -f json", dir.path());
  CHECK(j.exit_code == 0);
  YAML::Node rules = YAML::Load(j.out);
  REQUIRE(rules.size() > 40);
  CHECK(rules[0]["id"].as<std::string>() == "ENC001");
  YAML::Node enc101;
  for (std::size_t i = 0; i < rules.size(); ++i)
    if (rules[i]["id"].as<std::string>() == "ENC101") enc101 = rules[i];
  REQUIRE(enc101);
  CHECK(enc101["name"].as<std::string>() == "dynamodb-sse-missing");
  CHECK(enc101["fix"].as<std::string>() == "safe");
  CHECK(enc101["resource_types"][0].as<std::string>() == "AWS::DynamoDB::Table");
  CHECK(run_tool("--list-rules -f sarif", dir.path()).exit_code == 2);
}

TEST_CASE("options: --diff with another format needs -o, and with -o the report goes there") {
  TempDir dir;
  write_file(dir / "t.yaml", kStores);
  auto bare = run_tool("--diff -f json t.yaml", dir.path());
  CHECK(bare.exit_code == 2);
  CHECK(bare.err.find("write the json report to a file with -o FILE") != std::string::npos);
  auto to_file = run_tool("--diff -f json -o report.json t.yaml", dir.path());
  CHECK(to_file.exit_code == 1);
  CHECK(to_file.out.find("--- a/t.yaml\n+++ b/t.yaml\n") == 0);
  CHECK(YAML::LoadFile((dir / "report.json").string())["diagnostics"].size() == 3);
  CHECK(read_file(dir / "t.yaml") == kStores);
}

TEST_CASE("options: --diff hints at --unsafe-fixes when only those would apply") {
  TempDir dir;
  write_file(dir / "db.yaml", kDatabase);
  auto r = run_tool("--diff db.yaml", dir.path());
  CHECK(r.out.empty());
  CHECK(r.err ==
        "Would fix 0 files: 1 unsafe fix is available with --unsafe-fixes (see them with --diff "
        "--unsafe-fixes).\n");
  auto u = run_tool("--diff --unsafe-fixes db.yaml", dir.path());
  CHECK(u.err == "Would fix 1 file (run with --fix to apply).\n");
}

TEST_CASE("options: a clean run says no '0 fixable', and -o to an unwritable place says why") {
  TempDir dir;
  write_file(dir / "t.yaml", "Resources:\n  S:\n    Type: AWS::SNS::Subscription\n");
  auto clean = run_tool("t.yaml", dir.path());
  CHECK(clean.exit_code == 0);
  CHECK(clean.out == "0 findings in 1 file\n");
  // A finding without a fix (an empty BucketEncryption): no "(0 fixable with --fix)" either.
  write_file(dir / "empty.yaml",
             "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n"
             "      BucketEncryption: {ServerSideEncryptionConfiguration: []}\n");
  auto unfixable = run_tool("--no-source --select ENC202 empty.yaml", dir.path());
  CHECK(unfixable.exit_code == 1);
  CHECK(unfixable.out.find("[ENC202]") != std::string::npos);
  CHECK(unfixable.out.find("\n1 finding in 1 file\n") != std::string::npos);
  auto o = run_tool("-o no/such/dir/r.txt t.yaml", dir.path());
  CHECK(o.exit_code == 2);
  CHECK(o.err.find("cannot write no/such/dir/r.txt: No such file or directory") !=
        std::string::npos);
}

TEST_CASE("options: --color colours the diff, never by default when piped or with NO_COLOR") {
  TempDir dir;
  write_file(dir / "t.yaml", kStores);
  auto c = run_tool("--diff --color always t.yaml", dir.path());
  CHECK(c.out.find("\033[1m--- a/t.yaml\033[0m\n") == 0);
  CHECK(c.out.find("\033[32m+    Properties:\033[0m\n") != std::string::npos);
  CHECK(run_tool("--diff t.yaml", dir.path()).out.find('\033') == std::string::npos);
  CHECK(run_tool("--diff --color never t.yaml", dir.path()).out.find('\033') == std::string::npos);
  // On a terminal (script(1), from Debian's essential bsdutils, gives one):
  // colour by default, none with NO_COLOR.
  std::string cmd = shell_quote(ENCLINT_BINARY) + " --diff t.yaml";
  auto tty = run_command("script -qec " + shell_quote(cmd) + " /dev/null", dir.path());
  CHECK(tty.out.find("\033[32m+") != std::string::npos);
  auto no_color =
      run_command("NO_COLOR=1 script -qec " + shell_quote(cmd) + " /dev/null", dir.path());
  CHECK(no_color.out.find("+    Properties:") != std::string::npos);
  CHECK(no_color.out.find('\033') == std::string::npos);
}
