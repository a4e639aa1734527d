// One reporter per output format, behind one interface (cfn-lint's
// formatters). Reporters only write; they decide nothing.
#pragma once

#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <vector>

#include "app/check_file.hpp"
#include "app/run_options.hpp"

namespace enclint::report {

class Reporter {
 public:
  virtual ~Reporter() = default;
  // One file's result, in input order; the caller frees it as soon as this
  // returns, so a run's memory does not grow with its number of files.
  virtual void add(std::ostream& out, const app::FileResult& r, const app::RunOptions& options) = 0;
  // After the last file: totals, and the sections a format must write after
  // what it was given file by file (kept as text, not as results).
  virtual void finish(std::ostream& out, const app::RunOptions& options) = 0;
};

// nullptr for an unknown format name.
std::unique_ptr<Reporter> make_reporter(const std::string& format);

// Writes as it goes; the summary at the end.
class TextReporter final : public Reporter {
 public:
  void add(std::ostream& out, const app::FileResult& r, const app::RunOptions& options) override;
  void finish(std::ostream& out, const app::RunOptions& options) override;

 private:
  std::size_t findings_ = 0, files_ = 0, fixable_ = 0, fixed_ = 0, fixed_files_ = 0, errors_ = 0,
              unsafe_hidden_ = 0;
};

// Diagnostics written as they come; the files and suppressed sections (short)
// kept as text for the end.
class JsonReporter final : public Reporter {
 public:
  void add(std::ostream& out, const app::FileResult& r, const app::RunOptions& options) override;
  void finish(std::ostream& out, const app::RunOptions& options) override;

 private:
  void start(std::ostream& out);
  std::ostringstream files_, suppressed_;
  bool started_ = false, any_file_ = false, any_diagnostic_ = false, any_suppressed_ = false;
};

// Results written as they come; the invocation (exit code, file errors) kept
// for the end.
class SarifReporter final : public Reporter {
 public:
  void add(std::ostream& out, const app::FileResult& r, const app::RunOptions& options) override;
  void finish(std::ostream& out, const app::RunOptions& options) override;

 private:
  void start(std::ostream& out);
  std::ostringstream notifications_;
  bool started_ = false, any_notification_ = false, any_result_ = false;
  app::ExitStatus status_;
};

// The root element carries the totals: the suites are kept as text until the end.
class JunitReporter final : public Reporter {
 public:
  void add(std::ostream& out, const app::FileResult& r, const app::RunOptions& options) override;
  void finish(std::ostream& out, const app::RunOptions& options) override;

 private:
  std::size_t tests_ = 0, failures_ = 0, errors_ = 0;
  std::string body_;
};

// Writes as it goes.
class GithubReporter final : public Reporter {
 public:
  void add(std::ostream& out, const app::FileResult& r, const app::RunOptions& options) override;
  void finish(std::ostream&, const app::RunOptions&) override {}
};

// The names make_reporter knows, for --help and error messages.
inline constexpr const char* kFormats = "text, json, sarif, junit, github";

}  // namespace enclint::report
