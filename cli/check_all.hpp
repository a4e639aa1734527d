// The worker pool of a run: every input checked, on up to -j threads, and
// the results handed over in input order.
#pragma once

#include <functional>
#include <vector>

#include "cli/discover.hpp"
#include "cli/run_options.hpp"
#include "cli/settings.hpp"
#include "engine/check_file.hpp"

namespace enclint::cli {

// Checks every input and hands each result to `sink`, on this thread and in
// input order, as soon as it and every result before it are ready; a result
// is freed once handed over. The output is the same at any -j, and memory
// holds only the results that wait for an earlier file.
// `settings[i]` is what inputs[i] is checked with (its nearest configuration).
void check_all(const std::vector<Input>& inputs, const std::vector<const Settings*>& settings,
               const RunOptions& run, const std::function<void(engine::FileResult&&)>& sink);

}  // namespace enclint::cli
