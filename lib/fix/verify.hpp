// The check every fix passes before anything is written: the fixed document
// must be the original plus exactly the intended additions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fix/fix.hpp"
#include "yaml/document.hpp"

namespace enclint::fix {

// Compares the two documents node by node, as model::to_value sees them
// (aliases expanded, `!Tag x` equal to `{Fn::Tag: x}`, scalars by their text,
// mappings regardless of key order), with each addition laid over the
// original at its path. No copy of either document is built, so the check
// costs time and memory proportional to the documents, not twice that.
// Returns a description of the first difference, or nullopt when equal.
std::optional<std::string> verify_additions(const yaml::Document& original,
                                            const yaml::Document& fixed,
                                            const std::vector<const Fix*>& fixes);

}  // namespace enclint::fix
