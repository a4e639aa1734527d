// The fix check for big files: the same contract as verify_additions, but
// the fixed text is read as a stream of parser events and compared on the
// fly with the original plus the additions, so that the original and the
// fixed document never have to be in memory together.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fix/fix.hpp"
#include "source/source_file.hpp"
#include "yaml/document.hpp"
#include "yaml/parser.hpp"

namespace enclint::fix {

struct StreamVerdict {
  std::optional<yaml::ParseError> parse_error;  // the fixed text does not parse
  std::optional<std::string> mismatch;          // it parses, but is not original + additions
  bool ok() const { return !parse_error && !mismatch; }
};

// Aliases in the fixed text are compared by what they refer to (the same
// anchor of the original, with the same additions below it), not expanded:
// linear time whatever the aliases. Anything this cannot prove equal is a
// mismatch, so a doubtful fix is declined, never written.
StreamVerdict verify_additions_streaming(const yaml::Document& original,
                                         const source::SourceFile& fixed,
                                         const std::vector<const Fix*>& fixes);

}  // namespace enclint::fix
