// The command line: options, file discovery, the worker pool, the report
// and the exit status. cli/main.cpp only calls run().
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace enclint::cli {

enum ExitCode { kExitClean = 0, kExitFindings = 1, kExitError = 2 };

int run(int argc, char** argv);

// The --explain text of a rule: its documentation, with a header line.
std::string explain(const std::string& id_or_name);
// --list-rules: aligned columns, or a JSON array.
std::string list_rules(bool json = false);

}  // namespace enclint::cli
