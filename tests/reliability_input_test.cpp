// Reading and reporting under hostile sizes, names and failures: long lines
// stay linear and bounded, nothing is skipped silently, a report that cannot
// be written is an error, names cannot inject into logs, each file once.
#include <catch2/catch.hpp>

#include <filesystem>

#include "lint/linter.hpp"
#include "model/template.hpp"
#include "rules/registry.hpp"
#include "support.hpp"
#include "templates.hpp"
#include "yaml/parser.hpp"

using namespace enclint::testing;
namespace fs = std::filesystem;

namespace {

std::string minified(int buckets, const std::string& description = "") {
  std::string t = "{\"AWSTemplateFormatVersion\":\"2010-09-09\",";
  if (!description.empty()) t += "\"Description\":\"" + description + "\",";
  t += "\"Resources\":{";
  for (int i = 0; i < buckets; ++i)
    t += (i ? ",\"B" : "\"B") + std::to_string(i) +
         "\":{\"Type\":\"AWS::S3::Bucket\",\"Properties\":{\"BucketName\":\"b\"}}";
  return t + "}}";
}

bool has(const RunResult& r, const std::string& s) {
  return (r.out + r.err).find(s) != std::string::npos;
}

RunResult bash(const std::string& script, const fs::path& cwd) {
  return run_command("bash -c " + shell_quote(script), cwd);
}

}  // namespace

TEST_CASE("long lines: positions are right far into a one-line template") {
  std::string text = minified(3, std::string(100000, 'x') + "\u00e9\u00e9");
  auto src = make_source(text, "t.json");
  std::size_t at = text.find("\"B2\"");
  auto pos = src->position(at);
  CHECK(pos.line == 1);
  CHECK(pos.column == at + 1 - 2);  // two 2-byte code points before it
  CHECK(src->line_end(at) == text.size());
  CHECK(src->position(text.size()).column == text.size() + 1 - 2);
}

TEST_CASE("long lines: a finding shows a bounded excerpt of its line, caret included") {
  std::string text = minified(50, std::string(1024 * 1024, 'x'));
  auto loaded = enclint::model::load(make_source(text, "t.json"));
  REQUIRE(loaded.tpl);
  auto diags = enclint::lint::run_rules(*loaded.tpl, enclint::rules::all(), {});
  REQUIRE(diags.size() >= 50);
  for (const auto& d : diags) {
    CHECK(d.line_text.size() <= 160);
    CHECK(d.line_text_column > 1);
    CHECK(d.line_text_column <= d.start.column);
  }
  TempDir dir;
  write_file(dir / "t.json", text);
  auto r = run_tool("t.json", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.out.size() < 200 * 1000);  // 200 findings shown, not 200 copies of a megabyte
  // The caret is under the finding: `"Properties"` of the first bucket.
  std::size_t line = r.out.find(" | ...");
  REQUIRE(line != std::string::npos);
  std::size_t caret_line = r.out.find('\n', line) + 1;
  std::size_t caret = r.out.find('^', caret_line) - caret_line;
  std::size_t shown_from = line - 2;  // " 1 | ...": the gutter is as wide as the caret line's
  CHECK(r.out.substr(shown_from + (caret), 12) == "\"Properties\"");
}

TEST_CASE("long lines: strict JSON is read without yaml-cpp, into the same document") {
  // yaml-cpp keeps every token of a JSON document until it closes. A comment
  // line first makes the same text go through yaml-cpp: the documents must
  // agree node by node, offsets shifted by the comment.
  const std::string comment = "# via yaml-cpp\n";
  for (std::string json : {
           minified(3),
           std::string("{\n\t\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\",\n\t\t"
                       "\"Properties\": {\"Tags\": [], \"X\": {}, \"N\": null}}}\n}\n"),
           std::string("{\"s\": \"a\\\"b\\\\c\\/d\\n\\t\\u00e9\\u20ac\", "
                       "\"n\": [-0.5e+3, 0, 12, 1E2, true, false, null, [[]], \"\"], "
                       "\"\\u00fcber\": \"\u00fc\"}"),
       }) {
    INFO(json);
    auto direct = make_source(json, "t.json");
    auto via = make_source(comment + json, "t.json");
    auto a = enclint::yaml::parse(*direct);
    auto b = enclint::yaml::parse(*via);
    REQUIRE(a.document);
    REQUIRE(b.document);
    REQUIRE(a.document->size() == b.document->size());
    for (enclint::yaml::NodeId id = 0; id < a.document->size(); ++id) {
      const auto& x = (*a.document)[id];
      const auto& y = (*b.document)[id];
      INFO("node " << id << " " << x.value());
      CHECK(x.kind == y.kind);
      CHECK(x.style == y.style);
      CHECK(x.value() == y.value());
      CHECK(x.tag() == y.tag());
      CHECK(x.begin + comment.size() == y.begin);
      CHECK(x.content + comment.size() == y.content);
      CHECK(x.end + comment.size() == y.end);
      CHECK(x.children().size() == y.children().size());
    }
  }
  // A surrogate pair, which yaml-cpp refuses ("invalid unicode"), is one code point.
  auto pair = enclint::yaml::parse(*make_source("{\"s\": \"\\ud83d\\ude00\"}", "t.json"));
  REQUIRE(pair.document);
  CHECK((*pair.document)[2].value() == "\U0001F600");
  // Not strict JSON: yaml-cpp, as before, with its message.
  auto dup = enclint::yaml::parse(*make_source("{\"a\": 1, \"a\": 2}", "t.json"));
  REQUIRE(dup.error);
  CHECK(dup.error->message.find("duplicate key 'a'") != std::string::npos);
}

// AddressSanitizer reserves terabytes of shadow memory at start-up, so a
// binary built with it cannot start under `ulimit -v` at all: this case is
// only compiled into the normal build, where it runs.
#ifndef __SANITIZE_ADDRESS__
TEST_CASE("out of memory on one file is that file's error, and the others are reported") {
  TempDir dir;
  std::string big = kHead;
  for (int i = 0; big.size() < 24u * 1024 * 1024; ++i)
    big += "  B" + std::to_string(i) + ":\n    Type: AWS::S3::Bucket\n    Properties:\n" +
           "      BucketName: !Sub 'bucket-" + std::to_string(i) + "-${AWS::AccountId}'\n";
  write_file(dir / "a-big.yaml", big);
  write_file(dir / "b-small.yaml", kBucket);
  auto r = bash("ulimit -v 250000; " + shell_quote(ENCLINT_BINARY) +
                    " -j1 --no-source a-big.yaml b-small.yaml",
                dir.path());
  INFO(r.out.substr(0, 300) << r.err.substr(0, 300));
  CHECK(r.exit_code == 2);
  CHECK(has(r, "a-big.yaml: error: out of memory while checking the file"));
  CHECK(has(r, "b-small.yaml:5:5: error: S3 bucket 'B'"));
}
#endif

// An unreadable directory: tests/integration/unreadable-directory.sh (runs as nobody).

TEST_CASE("nothing skipped: a tree deeper than the open-file limit is searched to the bottom") {
  TempDir dir;
  fs::path deep = dir / "top";
  for (int i = 0; i < 40; ++i) deep /= "d" + std::to_string(i);
  fs::create_directories(deep);
  write_file(deep / "t.yaml", kBucket);
  auto r = bash("ulimit -n 24; " + shell_quote(ENCLINT_BINARY) + " --no-source top", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(has(r, "1 finding in 1 file"));
}

TEST_CASE("nothing skipped: a UTF-16 or UTF-32 template is an error, not 'not a template'") {
  TempDir dir;
  auto widen = [](const std::string& s, int unit, bool big_endian) {
    std::string out;
    for (char c : s) {
      std::string u(static_cast<std::size_t>(unit), '\0');
      u[big_endian ? u.size() - 1 : 0] = c;
      out += u;
    }
    return out;
  };
  write_file(dir / "le16.yaml", "\xFF\xFE" + widen(kBucket, 2, false));
  write_file(dir / "be16.yaml", "\xFE\xFF" + widen(kBucket, 2, true));
  write_file(dir / "le32.yaml", std::string("\xFF\xFE\0\0", 4) + widen(kBucket, 4, false));
  write_file(dir / "other.yaml", "\xFF\xFE" + widen("name: workflow\n", 2, false));
  auto r = run_tool("--no-source --verbose le16.yaml be16.yaml le32.yaml other.yaml", dir.path());
  CHECK(r.exit_code == 2);
  CHECK(has(
      r, "le16.yaml:1:1: error: the file is UTF-16 (little-endian) text; templates must be UTF-8"));
  CHECK(has(r, "be16.yaml:1:1: error: the file is UTF-16 (big-endian) text"));
  CHECK(has(r, "le32.yaml:1:1: error: the file is UTF-32 (little-endian) text"));
  CHECK(has(r, "other.yaml: skipped: not a template (the file is UTF-16"));
}

TEST_CASE("nothing skipped: a limit of the evaluator is an error, not info") {
  std::string value = "false";
  for (int i = 0; i < 33; ++i) value = "!If [C, " + value + ", true]";
  TempDir dir;
  write_file(dir / "t.yaml", kHead.substr(0, kHead.find("Resources")) +
                                 "Parameters:\n  P: {Type: String}\nConditions:\n"
                                 "  C: !Equals [!Ref P, x]\nResources:\n"
                                 "  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n"
                                 "      SSESpecification:\n        SSEType: KMS\n"
                                 "        SSEEnabled: " +
                                 value + "\n");
  auto r = run_tool("--no-source t.yaml", dir.path());
  CHECK(r.exit_code == 2);
  CHECK(has(r, "t.yaml:12:"));
  CHECK(has(r, "nested more than 32 levels deep: the value there was not decided"));
}

TEST_CASE("reports: a report that cannot be written is an error with the reason") {
  TempDir dir;
  std::string many = kHead;
  for (int i = 0; i < 40; ++i) many += "  B" + std::to_string(i) + ":\n    Type: AWS::S3::Bucket\n";
  write_file(dir / "t.yaml", many);
  // A full disk, as the writer sees it: writes past 1 KiB fail (EFBIG; the
  // tool ignores the SIGXFSZ that would otherwise kill it there).
  std::string full = "ulimit -f 1; " + shell_quote(ENCLINT_BINARY);
  auto to_stdout = bash(full + " -f sarif t.yaml > out.sarif", dir.path());
  CHECK(to_stdout.exit_code == 2);
  CHECK(has(to_stdout, "cannot write to standard output: File too large"));
  auto to_file = bash(full + " -f sarif -o report.sarif t.yaml", dir.path());
  CHECK(to_file.exit_code == 2);
  CHECK(has(to_file, "cannot write the report to report.sarif: File too large"));
  CHECK_FALSE(fs::exists(dir / "report.sarif"));  // no cut-off SARIF left to upload
  auto stdin_fix = bash(full + " --fix - < t.yaml > fixed.yaml", dir.path());
  CHECK(stdin_fix.exit_code == 2);
  CHECK(has(stdin_fix, "cannot write to standard output: File too large"));
  auto closed = bash(shell_quote(ENCLINT_BINARY) + " t.yaml >&-", dir.path());
  CHECK(closed.exit_code == 2);
  CHECK(has(closed, "cannot write to standard output: Bad file descriptor"));
  CHECK(read_file(dir / "t.yaml") == many);
}

TEST_CASE("hostile names: control characters never reach a terminal or a CI log raw") {
  TempDir dir;
  // YAML decodes these escapes: ESC sequences and a line that would be a workflow command.
  write_file(dir / "t.yaml", kHead +
                                 "  \"Evil\\e[31m\\n::error::injected\":\n"
                                 "    Type: AWS::S3::Bucket\n");
  for (const char* format : {"text", "github"}) {
    INFO(format);
    auto r = run_tool(std::string("-f ") + format + " t.yaml", dir.path());
    CHECK(r.exit_code == 1);
    CHECK(r.out.find('\x1b') == std::string::npos);
    CHECK(r.out.find("\n::error::injected") == std::string::npos);
    CHECK(r.out.find("Evil\\x1b[31m\\n::error::injected") != std::string::npos);
  }
}

TEST_CASE("hostile names: JSON and JUnit stay valid whatever a name holds") {
  TempDir dir;
  write_file(dir / "bad\xff.yaml", kBucket);
  write_file(dir / "t.yaml", kHead + "  \"Odd\\uFFFE\\uFFFF\\x01\":\n    Type: AWS::S3::Bucket\n");
  std::string bin = shell_quote(ENCLINT_BINARY);
  auto json = bash(bin +
                       " -f json . | /usr/bin/python3 -c 'import json,sys; json.load(sys.stdin); "
                       "print(\"valid\")'",
                   dir.path());
  CHECK(json.out == "valid\n");
  auto sarif = bash(bin +
                        " -f sarif . | /usr/bin/python3 -c 'import json,sys; json.load(sys.stdin); "
                        "print(\"valid\")'",
                    dir.path());
  CHECK(sarif.out == "valid\n");
  auto junit = bash(bin +
                        " -f junit . | /usr/bin/python3 -c 'import sys, xml.dom.minidom as m; "
                        "m.parseString(sys.stdin.buffer.read()); print(\"valid\")'",
                    dir.path());
  CHECK(junit.out == "valid\n");
  // Each character XML cannot hold is one U+FFFD.
  CHECK(run_tool("-f junit t.yaml", dir.path())
            .out.find("Odd\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD (AWS::S3::Bucket)") !=
        std::string::npos);
}

TEST_CASE("hostile names: -- ends the options, so a file may be named -x.yaml") {
  TempDir dir;
  write_file(dir / "-x.yaml", kBucket);
  auto r = run_tool("--no-source -- -x.yaml", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(has(r, "-x.yaml:5:5: error:"));
}

TEST_CASE("one file, one result: a path given twice or reached through a symlink") {
  TempDir dir;
  fs::create_directories(dir / "d");
  write_file(dir / "d" / "t.yaml", kBucket);
  fs::create_symlink("t.yaml", dir / "d" / "link.yaml");
  for (const char* args : {"d/t.yaml ./d/t.yaml", "d", "d d/t.yaml d/link.yaml"}) {
    INFO(args);
    auto one = run_tool(std::string("--no-source -j1 ") + args, dir.path());
    auto two = run_tool(std::string("--no-source -j2 ") + args, dir.path());
    CHECK(one.exit_code == 1);
    CHECK(has(one, "1 finding in 1 file"));
    CHECK(one.out == two.out);
  }
  for (int trial = 0; trial < 5; ++trial) {
    write_file(dir / "d" / "t.yaml", kBucket);
    auto fixed = run_tool("--no-source --fix -j2 d", dir.path());
    CHECK(fixed.exit_code == 0);
    CHECK(has(fixed, "Fixed 1 finding in 1 file."));
  }
}
