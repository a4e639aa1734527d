// Applying edits and checking the result: the pieces of ruff's fix loop
// that do not need the rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "fix/fix.hpp"
#include "yaml/document.hpp"

namespace enclint::fix {

// Chooses the fixes of one round: sorted by position, never two that touch
// the same bytes or the same insertion point (the next round gets those).
std::vector<const Fix*> non_overlapping(const std::vector<const Fix*>& candidates);

// Applies the edits of `fixes` (already non-overlapping) in one pass.
std::string apply(std::string_view text, const std::vector<const Fix*>& fixes);

// True when every byte of `original` is still in `fixed`, in order.
bool is_insert_only(std::string_view original, std::string_view fixed);

// The fixed document must be the original plus exactly the additions.
// Returns a description of the first difference, or nullopt when equal.
std::optional<std::string> verify_additions(const yaml::Document& original,
                                            const yaml::Document& fixed,
                                            const std::vector<const Fix*>& fixes);

}  // namespace enclint::fix
