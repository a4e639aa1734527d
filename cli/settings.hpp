// Which settings each file is checked with: the command line over the
// `.cfn-enclint.yaml` nearest to the file (its directory, then upwards, as
// ruff does), or over the one --config names. Each configuration is read
// once and each directory looked up once, so a tree of 10,000 files in a
// few hundred directories reads each config file a single time.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/config.hpp"
#include "cli/discover.hpp"
#include "engine/check_options.hpp"

namespace enclint::cli {

// What the command line sets; unset values come from the configuration.
struct CommandLineSettings {
  std::optional<std::vector<std::string>> select, ignore;  // rule ids
  std::optional<lint::Level> level;
  std::optional<std::string> kms_key, sse_algorithm;
  std::vector<std::string> exclude;             // --exclude, relative to the current directory
  std::optional<std::filesystem::path> config;  // --config: one configuration for all
};

// One configuration (or none) merged with the command line.
struct Settings {
  engine::CheckOptions check;
  std::optional<Config> config;  // nullopt: no configuration file applies
};

class SettingsFinder {
 public:
  SettingsFinder(engine::CheckOptions base, CommandLineSettings cli);

  // The settings for `path` (a file, or the name given to standard input);
  // nullptr when its configuration cannot be read or is wrong (see error()).
  const Settings* for_file(const std::string& path);
  // For standard input without a name: the current directory's.
  const Settings* for_directory(const std::filesystem::path& dir);
  const std::string& error() const { return error_; }

  // Gives each input its settings (`out[i]` for inputs[i]): excluded files
  // found in directories are dropped, named ones marked excluded (standard
  // input by `stdin_filename`). False when a configuration is wrong (error()).
  bool assign(std::vector<Input>& inputs, std::vector<const Settings*>& out,
              const std::string& stdin_filename);

  // Excluded by the configuration that applies to it, or by --exclude.
  bool excluded(const Settings& settings, const std::string& path) const;

 private:
  const Settings* load(const std::optional<std::filesystem::path>& config_file);

  engine::CheckOptions base_;
  CommandLineSettings cli_;
  Config cli_excludes_;  // --exclude as a configuration of the current directory
  std::map<std::string, std::unique_ptr<Settings>> by_config_;  // "" for no configuration
  std::map<std::string, const Settings*> by_directory_;         // absolute, normalised
  std::string error_;
};

}  // namespace enclint::cli
