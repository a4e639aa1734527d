// The layout matrix's generators and checks, shared by its test files: a
// template in each layout (YAML and JSON), the independent check of a fixed
// text, and one run of the fixer.
#pragma once

#include <initializer_list>
#include <string>

namespace enclint::testing::matrix {

struct Layout {
  int width = 2;
  bool indented_seq = true;
  bool crlf = false;
  bool bom = false;
  bool final_newline = true;
  int comments = 0;   // 0 none, 1 inline on last property lines, 2 comment lines after them
  int last_kind = 0;  // T1's last property: 0 scalar, 1 block scalar with blank lines, 2 sequence
  // Sequences that say nothing about the file's dash offset, outnumbering
  // its plain ones: 0 none, 1 block sequences under a tag (`!Equals` then
  // `- ` lines, in Conditions), 2 flow sequences over several lines.
  int other_seqs = 0;
  bool quoted_keys = false;    // every key "quoted"
  bool spaced_braces = false;  // B6's empty mapping written `{ }`
  std::string name() const {
    return "w" + std::to_string(width) + (indented_seq ? "-seqin" : "-seqflush") +
           (crlf ? "-crlf" : "-lf") + (bom ? "-bom" : "") + (final_newline ? "" : "-noeol") + "-c" +
           std::to_string(comments) + "-last" + std::to_string(last_kind) + "-seqs" +
           std::to_string(other_seqs) + (quoted_keys ? "-quoted" : "") +
           (spaced_braces ? "-braces" : "");
  }
};

struct JsonLayout {
  std::string unit = "  ";
  bool minified = false;
  bool crlf = false;
  bool final_newline = true;
  bool spaced_colon = false;   // `"Key" : value`
  bool spaced_braces = false;  // an empty mapping written `{ }`
  std::string name() const {
    return std::string(minified       ? "json-min"
                       : unit == "\t" ? "json-tab"
                                      : "json-" + std::to_string(unit.size())) +
           (crlf ? "-crlf" : "") + (final_newline ? "" : "-noeol") +
           (spaced_colon ? "-spaced" : "") + (spaced_braces ? "-braces" : "");
  }
};

// `Key:` -> `"Key":` at the start of a line (after its indentation and any `- `).
std::string quote_key(const std::string& line);

std::string yaml_template(const Layout& l);
std::string json_text(const JsonLayout& l);  // no final newline

// Checks the fixed text against the original, independently of the fixer.
void check_fixed(const std::string& original, const std::string& fixed, bool crlf,
                 std::initializer_list<const char*> buckets, bool has_b2);

// Runs the fix loop (and the streaming verifier) on `text`; the fixed text.
std::string run_fix(const std::string& text);

}  // namespace enclint::testing::matrix
