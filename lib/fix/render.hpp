// The one small emitter that writes an inserted block in the file's own
// style: YAML block at a given column, YAML flow, JSON pretty or one-line.
// It never re-emits anything that is already in the file.
#pragma once

#include <string>

#include "fix/style.hpp"
#include "model/value.hpp"

namespace enclint::fix {

// YAML block: `key:` followed by the value, for a key at column `col`.
// Continuation lines start with style.newline and their own indentation.
std::string yaml_block_entry(const std::string& key, const model::Value& value, std::size_t col,
                             const FileStyle& style);

// JSON member `"key": value` pretty-printed for a member line indented by
// `indent` (the leading whitespace of that line).
std::string json_pretty_member(const std::string& key, const model::Value& value,
                               const std::string& indent, const FileStyle& style);

// A JSON value pretty-printed for a member line indented by `indent`.
std::string json_pretty_text(const model::Value& value, const std::string& indent,
                             const FileStyle& style);

// One-line flow form of `key: value`: JSON (`"k": v`, compact when minified)
// or YAML flow (`k: {a: b}`).
std::string flow_member(const std::string& key, const model::Value& value, const FileStyle& style);

// A value in one-line flow form (`!Ref Key`, `{"Ref": "Key"}`, `[a, b]`).
std::string flow_text(const model::Value& value, const FileStyle& style);

// A YAML scalar, quoted only when plain style would change its meaning.
std::string yaml_scalar(const std::string& s);

}  // namespace enclint::fix
