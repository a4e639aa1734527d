// Helpers shared by the tests: files, temporary directories, running the
// built binary, and the range property check.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "compare_readers.hpp"
#include "lint/diagnostic.hpp"
#include "model/template.hpp"

namespace enclint::testing {

// A template with one bucket 'Data' and no BucketEncryption: one ENC201 at 5:5.
inline constexpr const char* kBucketWithoutEncryption =
    "AWSTemplateFormatVersion: '2010-09-09'\n"
    "Resources:\n"
    "  Data:\n"
    "    Type: AWS::S3::Bucket\n"
    "    Properties:\n"
    "      BucketName: data\n";

std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, const std::string& data);

// A fresh directory under the system temp dir, removed when destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};
// Runs the built cfn-enclint with `args` (a shell-quoted string) in `cwd`,
// feeding `input` on stdin.
RunResult run_tool(const std::string& args, const std::filesystem::path& cwd,
                   const std::string& input = "");
std::string shell_quote(const std::string& s);
// Runs a shell command line in `cwd`.
RunResult run_command(const std::string& command, const std::filesystem::path& cwd,
                      const std::string& input = "");

std::shared_ptr<source::SourceFile> make_source(const std::string& text,
                                                const std::string& path = "t.yaml");

// Every node's [begin, end) text, re-parsed on its own (indented as in the
// file), must give the same value. Returns descriptions of failures.
std::vector<std::string> check_ranges(const source::SourceFile& src, const yaml::Document& doc);

// "L:C-EL:EC RULE RESOURCE FIX [SEVERITY] PATH", then on a second line,
// indented by four spaces, the message: the fixture expectation format
// (resource "-" for the template itself; severity only when not error; PATH
// the template path, cfn-lint style).
std::string describe(const lint::Diagnostic& d);

}  // namespace enclint::testing
