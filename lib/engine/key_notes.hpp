// A fix that puts the --kms-key key on a store says, in its note, which
// principals of the template use the store and would hold no use of that key
// (they would lose access once the fix is deployed). From the resource graph,
// built only when --kms-key is given and some fix inserts it.
#pragma once

#include <vector>

#include "lint/diagnostic.hpp"
#include "lint/options.hpp"
#include "model/template.hpp"

namespace enclint::engine {

void note_key_users(const model::Template& tpl, const lint::Options& options,
                    std::vector<lint::Diagnostic>& diagnostics);

}  // namespace enclint::engine
