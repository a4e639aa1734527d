// Everything one invocation is asked to do, as parsed from the command line.
#pragma once

#include <string>
#include <vector>

#include "lint/options.hpp"
#include "util/limits.hpp"

namespace enclint::app {

struct RunOptions {
  std::vector<std::string> paths;  // files, directories, "-" for stdin
  lint::Options lint;
  bool fix = false;
  bool unsafe_fixes = false;
  bool diff = false;
  std::string format = "text";   // text | json
  std::string output;            // "" for stdout
  std::string stdin_filename;    // name reported for "-"
  unsigned jobs = 0;             // 0: all cores
  bool verbose = false;          // also list skipped files and undecidable values
  bool show_suppressed = false;  // list findings hidden by suppressions
  bool color = false;            // ANSI colours in text output (--color, NO_COLOR, TTY)
  bool show_source = true;       // text output: the source line with a caret under the finding
  std::size_t max_file_size_mb = util::kDefaultMaxFileSizeMb;  // larger files are refused
};

}  // namespace enclint::app
