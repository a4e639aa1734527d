// Everything one invocation is asked to do, as parsed from the command line:
// what the engine does with each file, and what the CLI and the reporter do
// around it.
#pragma once

#include <string>
#include <vector>

#include "engine/check_options.hpp"
#include "report/reporter.hpp"

namespace enclint::cli {

struct RunOptions : engine::CheckOptions {
  std::vector<std::string> paths;  // files, directories, "-" for stdin
  std::string format = "text";     // text | json | sarif | junit | github
  std::string output;              // "" for stdout
  std::string stdin_filename;      // name reported for "-"
  unsigned jobs = 0;               // 0: all cores
  bool verbose = false;            // also list skipped files and undecidable values
  bool show_suppressed = false;    // list findings hidden by suppressions
  bool color = false;              // ANSI colours in text output (--color, NO_COLOR, TTY)
  bool show_source = true;         // text output: the source line with a caret under the finding
  std::size_t max_findings_per_file = util::kMaxFindingsShownPerFile;  // text output; 0: all

  report::ReportOptions report() const {
    return {fix, unsafe_fixes, verbose, show_suppressed, color, show_source, max_findings_per_file};
  }
};

}  // namespace enclint::cli
