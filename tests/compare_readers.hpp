// The two readers of block YAML side by side, for the tests and the fuzz
// target (which links no test framework).
#pragma once

#include <string>

#include "source/source_file.hpp"

namespace enclint::testing {

// The file parsed by both readers of block YAML (yaml/block_events and
// yaml-cpp): "" when they agree — the same error, or the same document node
// for node (kind, style, ranges, tag, value, parent, key, children) — else
// the first difference. `fast` is set to whether the block reader took it.
std::string compare_readers(const source::SourceFile& src, bool* fast = nullptr);

}  // namespace enclint::testing
