// `.cfn-enclint.yaml`: found from the current directory upwards, or named
// with --config. Unknown keys and values are errors (exit 2) that name the
// file, line and column and the valid choices — never silently ignored.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "lint/options.hpp"

namespace enclint::cli {

struct Config {
  std::filesystem::path path;  // the file it came from
  std::optional<std::vector<std::string>> select, ignore;
  std::optional<lint::Level> level;
  std::map<std::string, lint::Severity, std::less<>> severity;
  std::optional<std::string> kms_key, sse_algorithm;
  std::vector<std::string> exclude;  // globs, relative to the config file's directory
};

struct ConfigResult {
  std::optional<Config> config;
  std::string error;  // "path:line:column: message"
};

inline constexpr const char* kConfigName = ".cfn-enclint.yaml";

ConfigResult load_config(const std::filesystem::path& path);
// The nearest .cfn-enclint.yaml from `dir` upwards, if any.
std::optional<std::filesystem::path> find_config(std::filesystem::path dir);

// True when `path` (as given on the command line or found) matches an
// `exclude` glob. `*` and `**` match across directories; a pattern also
// matches every file below a directory it names.
bool excluded(const Config& config, const std::string& path);

}  // namespace enclint::cli
