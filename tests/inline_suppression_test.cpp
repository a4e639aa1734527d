// Suppressions written as YAML comments: ours on the logical-id line or the
// line above (with a required reason), checkov's anywhere in the resource,
// and the edit an editor's "suppress" action inserts.
#include <catch2/catch.hpp>

#include <algorithm>

#include "lint/inline_suppression.hpp"
#include "lint/linter.hpp"
#include "rules/registry.hpp"
#include "support.hpp"

using namespace enclint;
using namespace enclint::testing;

namespace {

struct Linted {
  model::LoadResult loaded;
  std::vector<lint::Diagnostic> diags, suppressed;
};

Linted lint_text(const std::string& text, bool foreign = true) {
  Linted l{model::load(make_source(text)), {}, {}};
  REQUIRE(l.loaded.tpl);
  lint::Options options;
  options.foreign_suppressions = foreign;
  l.diags = lint::run_rules(*l.loaded.tpl, rules::all(), options, &l.suppressed);
  return l;
}

std::vector<std::string> described(const std::vector<lint::Diagnostic>& diags) {
  std::vector<std::string> out;
  for (const auto& d : diags)
    out.push_back(std::string(d.rule) + " " + d.resource + " " + d.suppressed_by);
  return out;
}

std::string with(std::string text, const fix::Edit& edit) {
  return text.replace(edit.begin, edit.end - edit.begin, edit.text);
}

const std::string kHead = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";

}  // namespace

TEST_CASE("inline suppressions: above the logical id or on its line, ids or names, any case") {
  auto l = lint_text(kHead +
                     "  # cfn-enclint: ignore[ENC201] public website assets\n"
                     "  Site:\n    Type: AWS::S3::Bucket\n"
                     "  Logs:  # cfn-enclint: ignore[s3-encryption-missing, enc101] log archive\n"
                     "    Type: AWS::S3::Bucket\n"
                     "  Plain:\n    Type: AWS::S3::Bucket\n");
  CHECK(described(l.diags) == std::vector<std::string>{"ENC201 Plain "});
  CHECK(described(l.suppressed) ==
        std::vector<std::string>{"ENC201 Site cfn-enclint comment: public website assets",
                                 "ENC201 Logs cfn-enclint comment: log archive"});
}

TEST_CASE("inline suppressions: a comment elsewhere, or after a blank line, does not count") {
  auto l =
      lint_text(kHead +
                "  # cfn-enclint: ignore[ENC201] two lines up\n\n"
                "  Site:\n    Type: AWS::S3::Bucket  # cfn-enclint: ignore[ENC201] wrong line\n");
  CHECK(described(l.diags) == std::vector<std::string>{"ENC201 Site "});
}

TEST_CASE("inline suppressions: without a reason, or for an unknown rule, ENC001 reports them") {
  auto l = lint_text(kHead +
                     "  # cfn-enclint: ignore[ENC201]\n"
                     "  A:\n    Type: AWS::S3::Bucket\n"
                     "  B:  # cfn-enclint: ignore[ENC999] typo\n    Type: AWS::S3::Bucket\n"
                     "  # cfn-enclint: skip ENC201 wrong form\n"
                     "  C:\n    Type: AWS::S3::Bucket\n");
  std::vector<std::string> enc001;
  for (const auto& d : l.diags)
    if (d.rule == "ENC001") enc001.push_back(d.path + ": " + d.message);
  CHECK(enc001 ==
        std::vector<std::string>{
            "Resources/A/#comment-above: inline suppression of ENC201 without a reason; it is not "
            "honoured until it has one",
            "Resources/B/#comment: inline suppression of unknown rule 'ENC999' (see --list-rules)",
            "Resources/C/#comment-above: an inline suppression is written `# cfn-enclint: "
            "ignore[ID,...] reason`"});
  // None of them is honoured: every bucket's finding is still reported.
  CHECK(std::count_if(l.diags.begin(), l.diags.end(),
                      [](const auto& d) { return d.rule == "ENC201"; }) == 3);
  const auto& a = *std::find_if(l.diags.begin(), l.diags.end(),
                                [](const auto& d) { return d.rule == "ENC001"; });
  CHECK(a.start.line == 3);
  CHECK(a.start.column == 3);
}

TEST_CASE("inline suppressions: checkov's skip comment is honoured as a foreign one") {
  std::string text = kHead +
                     "  Site:\n"
                     "    # checkov:skip=CKV_AWS_19:served by CloudFront with its own policy\n"
                     "    Type: AWS::S3::Bucket\n"
                     "  # checkov:skip=CKV_AWS_119\n"
                     "  Table:\n    Type: AWS::DynamoDB::Table\n";
  auto l = lint_text(text);
  CHECK(l.diags.empty());
  CHECK(described(l.suppressed) ==
        std::vector<std::string>{
            "ENC201 Site checkov CKV_AWS_19 (comment): served by CloudFront with its own policy",
            "ENC101 Table checkov CKV_AWS_119 (comment)"});
  CHECK(lint_text(text, /*foreign=*/false).diags.size() == 2);
}

TEST_CASE("inline suppressions: JSON has no comments, and a string is not a comment") {
  auto json = lint_text(
      "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\", \"Metadata\": {\"Note\": "
      "\"# cfn-enclint: ignore[ENC201] x\"}}}}");
  CHECK(json.diags.size() == 1);
  auto quoted = lint_text(kHead +
                          "  B:\n    Type: AWS::S3::Bucket\n"
                          "    Metadata: {Note: 'a # checkov:skip=CKV_AWS_19:x'}\n");
  CHECK(quoted.diags.size() == 1);
  // Python comments in inline Lambda code are not the template's comments,
  // even one on the line above the next logical id.
  auto code = lint_text(kHead +
                        "  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n      Code: |\n"
                        "        x = 1  # checkov:skip=CKV_AWS_19:not ours\n"
                        "        y = 2\n"
                        "        # cfn-enclint: ignore[ENC201] not ours either\n"
                        "  C:\n    Type: AWS::S3::Bucket\n");
  CHECK(code.diags.size() == 2);
}

TEST_CASE("inline suppressions: the edit a 'suppress' action inserts, then honoured") {
  std::string text = kHead +
                     "  Site:\n    Type: AWS::S3::Bucket\n  Table:\n"
                     "    Type: AWS::DynamoDB::Table\n";
  auto l = lint_text(text);
  REQUIRE(l.diags.size() == 2);
  auto edit = lint::inline_suppression_edit(*l.loaded.tpl, l.diags[0], "public assets");
  REQUIRE(edit);
  CHECK(edit->begin == kHead.size());
  CHECK(edit->end == edit->begin);  // insert-only
  CHECK(edit->text == "  # cfn-enclint: ignore[ENC201] public assets\n");
  auto after = lint_text(with(text, *edit));
  CHECK(described(after.diags) == std::vector<std::string>{"ENC101 Table "});
  // A second rule joins the same comment; a rule already there needs no edit.
  std::string table_text = kHead +
                           "  # cfn-enclint: ignore[ENC102] being migrated\n"
                           "  Table:\n    Type: AWS::DynamoDB::Table\n";
  auto t = lint_text(table_text);
  REQUIRE(t.diags.size() == 1);
  auto join = lint::inline_suppression_edit(*t.loaded.tpl, t.diags[0], "ignored");
  REQUIRE(join);
  CHECK(join->text == ",ENC101");
  std::string joined = with(table_text, *join);
  CHECK(joined.find("ignore[ENC102,ENC101] being migrated") != std::string::npos);
  CHECK(lint_text(joined).diags.empty());
  // JSON, and findings about the template itself, get none.
  auto json = lint_text("{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\"}}}");
  CHECK_FALSE(lint::inline_suppression_edit(*json.loaded.tpl, json.diags[0], "x"));
}

TEST_CASE("inline suppressions: CRLF files get a CRLF line, and --show-suppressed lists them") {
  std::string text = "Resources:\r\n  Site:\r\n    Type: AWS::S3::Bucket\r\n";
  auto l = lint_text(text);
  REQUIRE(l.diags.size() == 1);
  auto edit = lint::inline_suppression_edit(*l.loaded.tpl, l.diags[0], "assets");
  REQUIRE(edit);
  CHECK(edit->text == "  # cfn-enclint: ignore[ENC201] assets\r\n");
  TempDir dir;
  write_file(dir / "t.yaml", kHead +
                                 "  Site:  # cfn-enclint: ignore[ENC201] public assets\n"
                                 "    Type: AWS::S3::Bucket\n");
  auto r = run_tool("--show-suppressed t.yaml", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("t.yaml:3:3: suppressed: S3 bucket 'Site' has no BucketEncryption") == 0);
  CHECK(r.out.find("(by cfn-enclint comment: public assets)") != std::string::npos);
}
