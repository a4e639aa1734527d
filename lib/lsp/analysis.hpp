// What the server says about one open document: its diagnostics and its
// code actions, from the engine run on the text the editor holds (never
// the file on disk, which the server neither reads nor writes).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/check_file.hpp"
#include "engine/check_options.hpp"
#include "lsp/text.hpp"

namespace enclint::lsp {

using nlohmann::json;

struct Document {
  std::string uri;
  std::string path;  // for messages (from the URI)
  std::string language;
  std::string text;
  long long version = 0;
  // The last check of `text`, and its settings: what code actions start from.
  engine::FileResult checked;
  engine::CheckOptions options;
};

// The file path a file:// URI names (percent-decoded); other URIs as they are.
std::string uri_path(const std::string& uri);

// A YAML or JSON document the engine should look at (by language or name).
bool is_candidate(const Document& doc);

// Checks `doc.text` (into doc.checked) and returns its LSP diagnostics as a
// JSON array's text: none for a document that is not a template, one for a
// parse error.
std::string check(Document& doc, const engine::CheckOptions& options, Encoding e);

// The code actions for `params` (a textDocument/codeAction request's) on
// the last checked text: a quick fix per fixable finding in the range and
// the fix-all source action, as the request's `only` kinds allow.
json code_actions(const Document& doc, const json& params, const engine::CheckOptions& options,
                  Encoding e);

inline constexpr const char* kFixAllKind = "source.fixAll.cfn-enclint";

}  // namespace enclint::lsp
