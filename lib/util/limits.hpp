// The limits that keep hostile input from crashing, hanging or exhausting
// the machine. Documented in the README ("Limits").
#pragma once

#include <cstddef>

namespace enclint::util {

// Files larger than this are refused with a message (--max-file-size MB,
// config `max_file_size`): 64 MiB is far above any real template (CloudFormation
// accepts 1 MB templates; SAM/rain sources are a few times that).
inline constexpr std::size_t kDefaultMaxFileSizeMb = 64;
// Byte offsets are kept in 32 bits (nodes, line index): `--max-file-size`
// cannot go beyond this.
inline constexpr std::size_t kMaxFileSizeMb = 4095;

// Nesting deeper than this is refused before the text reaches yaml-cpp,
// which recurses once per level (real templates stay under 30).
inline constexpr int kMaxNestingDepth = 256;

// Text output shows at most this many findings per file by default
// (--max-findings-per-file; JSON and SARIF show all).
inline constexpr std::size_t kMaxFindingsShownPerFile = 200;

// Text output shows at most this many bytes of a source line (an excerpt
// around the finding when the line is longer: minified templates).
inline constexpr std::size_t kMaxShownLineBytes = 160;

// Alias expansion budget when comparing whole documents (fix verification),
// plus 4 per node of the document: past it the fix is refused instead of
// expanding an alias bomb.
inline constexpr std::size_t kValueExpansionBudget = 1'000'000;

}  // namespace enclint::util
