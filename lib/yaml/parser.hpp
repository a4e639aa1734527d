// Parses YAML (and JSON, which we read as YAML) into a Document whose nodes
// carry exact byte ranges. Rejects what CloudFormation rejects and yaml-cpp
// lets through: duplicate mapping keys, several documents in one file.
#pragma once

#include <optional>
#include <string>

#include "source/source_file.hpp"
#include "yaml/document.hpp"

namespace enclint::yaml {

struct ParseError {
  std::string message;
  std::size_t offset = 0;  // byte offset in the source where the problem is
};

struct ParseResult {
  std::optional<Document> document;  // empty when there was nothing but comments
  std::optional<ParseError> error;
  bool ok() const { return !error.has_value(); }
};

// `fast`: see Events (off only to compare the readers).
ParseResult parse(const source::SourceFile& file, bool fast = true);

}  // namespace enclint::yaml
