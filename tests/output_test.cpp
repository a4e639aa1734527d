// Text output a person reads (source line and caret, colour rules) and the
// GitHub Actions workflow commands.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace enclint::testing;

namespace {
const std::string kBucket =
    "Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: data\n";
}

TEST_CASE("text: the source line with a caret under the finding, tabs kept") {
  TempDir dir;
  write_file(dir / "t.yaml", kBucket);
  auto r = run_tool("t.yaml", dir.path());
  CHECK(r.out.find("t.yaml:4:5: error: S3 bucket 'Data' has no BucketEncryption") == 0);
  CHECK(r.out.find("\n 4 |     Properties:\n   |     ^~~~~~~~~~\n") != std::string::npos);
  auto plain = run_tool("--no-source t.yaml", dir.path());
  CHECK(plain.out.find(" | ") == std::string::npos);
  write_file(dir / "tab.json", "{\n\t\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}\n}\n");
  auto tab = run_tool("tab.json", dir.path());
  CHECK(tab.out.find("\n 2 | \t\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}\n   | \t    "
                     "          ^~~\n") != std::string::npos);
}

TEST_CASE("text: colour only on a terminal, never with NO_COLOR, always when asked") {
  TempDir dir;
  write_file(dir / "t.yaml", kBucket);
  CHECK(run_tool("t.yaml", dir.path()).out.find("\033[") ==
        std::string::npos);  // a file, not a TTY
  CHECK(run_tool("--color always t.yaml", dir.path()).out.find("\033[1;31merror:") !=
        std::string::npos);
  CHECK(run_tool("--color never t.yaml", dir.path()).out.find("\033[") == std::string::npos);
  CHECK(run_tool("--color sometimes t.yaml", dir.path()).exit_code == 2);
  // `script` gives the tool a terminal.
  std::string tty =
      "script -qec " + shell_quote(std::string(ENCLINT_BINARY) + " t.yaml") + " /dev/null";
  auto on_tty = run_command(tty, dir.path());
  CHECK(on_tty.out.find("\033[1;31merror:") != std::string::npos);
  auto no_color = run_command("NO_COLOR=1 " + tty, dir.path());
  CHECK(no_color.out.find("error:") != std::string::npos);
  CHECK(no_color.out.find("\033[") == std::string::npos);
}

TEST_CASE("github: workflow commands with positions, titles and escaping") {
  TempDir dir;
  write_file(dir / "a,b:c.yaml", kBucket);
  write_file(dir / "broken.yaml", "AWSTemplateFormatVersion: x\nResources: [\n");
  auto r = run_tool("-f github 'a,b:c.yaml' broken.yaml", dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.out.find(
            "::error file=a%2Cb%3Ac.yaml,line=4,col=5,endLine=4,endColumn=15,"
            "title=ENC201 s3-encryption-missing::S3 bucket 'Data' has no BucketEncryption") == 0);
  CHECK(r.out.find("::error file=broken.yaml,line=") != std::string::npos);
  // One command per line: messages never break the line.
  std::size_t lines = 0;
  for (char c : r.out) lines += c == '\n';
  CHECK(lines == 2);
}
