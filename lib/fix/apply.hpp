// Applying edits and checking the result: the pieces of ruff's fix loop
// that do not need the rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fix/fix.hpp"

namespace enclint::fix {

// Chooses the fixes of one round: sorted by position, never two that touch
// the same bytes or the same insertion point (the next round gets those).
std::vector<const Fix*> non_overlapping(const std::vector<const Fix*>& candidates);

// Applies the edits of `fixes` (already non-overlapping) in one pass.
std::string apply(std::string_view text, const std::vector<const Fix*>& fixes);

// True when every byte of `original` is still in `fixed`, in order.
bool is_insert_only(std::string_view original, std::string_view fixed);

}  // namespace enclint::fix
