// A unified diff (as `diff -u` / `git diff` print it) between a file and its
// fixed text, for --diff. Myers' algorithm over lines, 3 lines of context.
#pragma once

#include <string>
#include <string_view>

namespace enclint::fix {

std::string unified_diff(std::string_view before, std::string_view after,
                         const std::string& old_label, const std::string& new_label);

}  // namespace enclint::fix
