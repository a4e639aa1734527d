// Which files a run looks at: named files as they are, directories searched
// recursively for template extensions, skipping hidden and tool directories.
// Each file once: a path named twice, or reached both through a symlink and
// directly, is one input (the first way it was reached names it).
#pragma once

#include <string>
#include <vector>

namespace enclint::cli {

struct Input {
  std::string path;       // "-" for standard input
  bool explicit_path;     // named on the command line
  std::string error;      // e.g. the path does not exist, a directory cannot be read
  bool excluded = false;  // named, but excluded by the configuration
};

// `temporaries`, when given, receives the temporary files of interrupted
// --fix runs found in the directories searched (.NAME.cfn-enclint.tmp).
std::vector<Input> discover(const std::vector<std::string>& paths,
                            std::vector<std::string>* temporaries = nullptr);

bool has_template_extension(const std::string& path);

}  // namespace enclint::cli
