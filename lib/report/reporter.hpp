// One reporter per output format, behind one interface (cfn-lint's
// formatters). Reporters only write; they decide nothing.
#pragma once

#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "app/check_file.hpp"
#include "app/run_options.hpp"

namespace enclint::report {

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void write(std::ostream& out, const std::vector<app::FileResult>& results,
                     const app::RunOptions& options) const = 0;
};

// nullptr for an unknown format name.
std::unique_ptr<Reporter> make_reporter(const std::string& format);

class TextReporter final : public Reporter {
 public:
  void write(std::ostream& out, const std::vector<app::FileResult>& results,
             const app::RunOptions& options) const override;
};

class JsonReporter final : public Reporter {
 public:
  void write(std::ostream& out, const std::vector<app::FileResult>& results,
             const app::RunOptions& options) const override;
};

class SarifReporter final : public Reporter {
 public:
  void write(std::ostream& out, const std::vector<app::FileResult>& results,
             const app::RunOptions& options) const override;
};

class JunitReporter final : public Reporter {
 public:
  void write(std::ostream& out, const std::vector<app::FileResult>& results,
             const app::RunOptions& options) const override;
};

class GithubReporter final : public Reporter {
 public:
  void write(std::ostream& out, const std::vector<app::FileResult>& results,
             const app::RunOptions& options) const override;
};

// The names make_reporter knows, for --help and error messages.
inline constexpr const char* kFormats = "text, json, sarif, junit, github";

}  // namespace enclint::report
