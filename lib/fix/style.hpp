// How a file is written, so that inserted text looks like its neighbours:
// indentation width, where `- ` goes under a key, JSON indentation unit,
// minified or not, the newline sequence.
#pragma once

#include <string>

#include "model/template.hpp"

namespace enclint::fix {

struct FileStyle {
  bool json = false;
  bool minified = false;         // JSON (or flow YAML) all on one line
  bool compact = false;          // flow separators without spaces (`"a":1,"b":2`)
  int indent = 2;                // YAML: columns per nesting level of block mappings
  int seq_offset = 2;            // YAML: columns from a key to the `-` of its block sequence
  std::string json_unit = "  ";  // JSON: one level of indentation ("  ", "    ", "\t")
  std::string newline = "\n";
  bool short_forms = true;   // YAML: intrinsics written as `!Ref x` rather than `Ref: x`
  char key_quote = 0;        // YAML: '"' or '\'' when the file quotes its keys, else 0
  std::string colon = ": ";  // JSON pretty: between a member's key and value (`" : "` too)
};

FileStyle detect_style(const model::Template& tpl);

// A mapping key as the file writes its keys: plain (quoted only where YAML
// needs it), or in the file's quotes.
std::string yaml_key(const std::string& key, const FileStyle& style);

// Column of byte `offset` on its line, in bytes, not counting a BOM.
std::size_t column_of(const source::SourceFile& src, std::size_t offset);
// The run of spaces and tabs that starts the line holding `offset`.
std::string leading_whitespace(const source::SourceFile& src, std::size_t offset);

}  // namespace enclint::fix
