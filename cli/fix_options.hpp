// The fix options that can be judged before any file is read: a `--kms-key`
// of a form no fix may write, and `--diff` with `--fix` (a diff never
// writes). Usage errors: exit 2, nothing written.
#pragma once

#include <optional>
#include <string>

#include "lint/options.hpp"

namespace enclint::cli {

// Why the options cannot run, "" when they can. `kms_key`: the key given on
// the command line or in the configuration, if any (an empty one is an error).
std::string fix_options_problem(const lint::FixOptions& fix,
                                const std::optional<std::string>& kms_key, bool fix_flag,
                                bool diff_flag);

}  // namespace enclint::cli
