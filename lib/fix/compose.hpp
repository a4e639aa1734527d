// The edits of several fix rounds as one set of edits on the original text:
// an editor gets the same insertions `--fix` made, in the coordinates of the
// text it holds.
#pragma once

#include <vector>

#include "fix/fix.hpp"

namespace enclint::fix {

// `composed`: sorted, non-overlapping edits on the original text, giving the
// text T. `round`: sorted, non-overlapping edits on T. Afterwards `composed`
// gives the text the round made from T. An edit of the round that lies in
// text an earlier edit inserted is merged into that edit; one that covers
// both inserted and original bytes cannot be expressed so: false, and
// `composed` is left in an unspecified state.
bool compose(std::vector<Edit>& composed, const std::vector<Edit>& round);

}  // namespace enclint::fix
