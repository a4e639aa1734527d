// What checking one file is asked to do, whichever front end asks (the
// command line, the fuzz target, the benchmark, later an editor).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lint/options.hpp"
#include "util/limits.hpp"

namespace enclint::engine {

struct CheckOptions {
  lint::Options lint;
  bool fix = false;           // write the fixed file (or, for stdin, print it)
  bool unsafe_fixes = false;  // also apply unsafe fixes
  bool diff = false;          // compute the diff of the fix; write nothing
  std::size_t max_file_size_mb = util::kDefaultMaxFileSizeMb;  // larger files are refused
  // Fill FileResult::checked_resources (JUnit's test cases): a pair of
  // strings per resource, so only when a report needs them.
  bool list_checked_resources = false;
  // Fill FileResult::picture (--format dot / mermaid): the resource graph is
  // built for it, so only when a report draws it.
  bool picture = false;
  // The sorted resource types the selected rules check (engine::selected_types):
  // what the directory fast path looks for. Worked out once per run by the
  // caller; unset, check_path works it out for each file.
  std::optional<std::vector<std::string_view>> scan_types;
  // An editor's quick fix: fix only the finding with this engine::finding_key.
  std::optional<std::string> fix_only;
  // Fill FileResult::edits with the fix's edits on the text as given.
  bool want_edits = false;
};

}  // namespace enclint::engine
