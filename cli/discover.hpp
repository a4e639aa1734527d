// Which files a run looks at: named files as they are, directories searched
// recursively for template extensions, skipping hidden and tool directories.
#pragma once

#include <string>
#include <vector>

namespace enclint::cli {

struct Input {
  std::string path;       // "-" for standard input
  bool explicit_path;     // named on the command line
  std::string error;      // e.g. the path does not exist
  bool excluded = false;  // named, but excluded by the configuration
};

std::vector<Input> discover(const std::vector<std::string>& paths);

bool has_template_extension(const std::string& path);

}  // namespace enclint::cli
