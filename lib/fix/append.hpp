// Plans the one edit that appends items to a sequence of the document (a SAM
// function's Policies, a policy document's Statement), after its last item,
// in the file's style. Insert-only; verified like every other fix: the
// addition says the sequence's key now holds the original items plus these.
#pragma once

#include <string>
#include <vector>

#include "fix/insert.hpp"

namespace enclint::fix {

// `seq` is a sequence that is the value of a mapping key. Declines a tagged
// sequence (`!If [...]`), an alias, and a sequence shared through an alias.
InsertFix append_fix(const model::Template& tpl, const FileStyle& style, yaml::NodeId seq,
                     const std::vector<model::Value>& items, std::string title);

}  // namespace enclint::fix
