// One reporter per output format, behind one interface (cfn-lint's
// formatters). Reporters only write; they decide nothing.
#pragma once

#include <map>
#include <memory>
#include <ostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/check_file.hpp"
#include "lint/rule.hpp"
#include "util/limits.hpp"

namespace enclint::report {

// The rule's documentation page (SARIF helpUri, the editor's code link).
std::string rule_doc_uri(std::string_view id);

// What the reporters are told about the run.
struct ReportOptions {
  bool fix = false;              // --fix ran: report fixed findings as fixed
  bool unsafe_fixes = false;     // unsafe fixes were applied too
  bool verbose = false;          // also list skipped files and undecidable values
  bool show_suppressed = false;  // list findings hidden by suppressions
  bool color = false;            // ANSI colours (text)
  bool show_source = true;       // the source line with a caret (text)
  // Text: findings shown per file (--max-findings-per-file; 0: all).
  std::size_t max_findings_per_file = util::kMaxFindingsShownPerFile;
  bool show_fixes = false;         // list each fix applied (with --fix) or offered (text)
  engine::ExitPolicy exit_policy;  // for the exit code SARIF records
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  // One file's result, in input order; the caller frees it as soon as this
  // returns, so a run's memory does not grow with its number of files.
  virtual void add(std::ostream& out, const engine::FileResult& r,
                   const ReportOptions& options) = 0;
  // After the last file: totals, and the sections a format must write after
  // what it was given file by file (kept as text, not as results).
  virtual void finish(std::ostream& out, const ReportOptions& options) = 0;
};

// nullptr for an unknown format name. `rules` are the rules of the run (the
// SARIF rule table).
std::unique_ptr<Reporter> make_reporter(const std::string& format,
                                        const std::vector<const lint::Rule*>& rules);

// Writes as it goes; the summary at the end.
class TextReporter final : public Reporter {
 public:
  void add(std::ostream& out, const engine::FileResult& r, const ReportOptions& options) override;
  void finish(std::ostream& out, const ReportOptions& options) override;

 private:
  std::size_t findings_ = 0, files_ = 0, fixable_ = 0, fixed_ = 0, fixed_files_ = 0, errors_ = 0,
              unsafe_hidden_ = 0;
};

// Diagnostics written as they come; the files and suppressed sections (short)
// kept as text for the end.
class JsonReporter final : public Reporter {
 public:
  void add(std::ostream& out, const engine::FileResult& r, const ReportOptions& options) override;
  void finish(std::ostream& out, const ReportOptions& options) override;

 private:
  void start(std::ostream& out);
  std::ostringstream files_, suppressed_;
  bool started_ = false, any_file_ = false, any_diagnostic_ = false, any_suppressed_ = false;
};

// Results written as they come; the invocation (exit code, file errors) kept
// for the end.
class SarifReporter final : public Reporter {
 public:
  explicit SarifReporter(const std::vector<const lint::Rule*>& rules) : rules_(rules) {}
  void add(std::ostream& out, const engine::FileResult& r, const ReportOptions& options) override;
  void finish(std::ostream& out, const ReportOptions& options) override;

 private:
  void start(std::ostream& out);
  const std::vector<const lint::Rule*>& rules_;
  std::ostringstream notifications_;
  bool started_ = false, any_notification_ = false, any_result_ = false;
  engine::ExitStatus status_;
};

// The root element carries the totals: the suites are kept as text until the end.
class JunitReporter final : public Reporter {
 public:
  void add(std::ostream& out, const engine::FileResult& r, const ReportOptions& options) override;
  void finish(std::ostream& out, const ReportOptions& options) override;

 private:
  std::size_t tests_ = 0, failures_ = 0, errors_ = 0;
  std::string body_;
};

// Writes as it goes.
class GithubReporter final : public Reporter {
 public:
  void add(std::ostream& out, const engine::FileResult& r, const ReportOptions& options) override;
  void finish(std::ostream&, const ReportOptions&) override {}
};

// --statistics: counts per rule instead of the findings; text or JSON.
class StatisticsReporter final : public Reporter {
 public:
  explicit StatisticsReporter(bool json) : json_(json) {}
  void add(std::ostream& out, const engine::FileResult& r, const ReportOptions& options) override;
  void finish(std::ostream& out, const ReportOptions& options) override;

 private:
  struct Count {
    std::string_view name;
    std::size_t findings = 0, fixable = 0;
  };
  bool json_;
  std::map<std::string, Count> counts_;  // by rule id
  std::size_t files_ = 0, errors_ = 0;
};

// A unified diff with ANSI colours (git's: headers bold, hunks cyan,
// removed lines red, added lines green).
std::string colored_diff(std::string_view diff);

// A Graphviz digraph of stores, keys and principals: clusters written as the
// files come, the closing brace at the end.
class DotReporter final : public Reporter {
 public:
  void add(std::ostream& out, const engine::FileResult& r, const ReportOptions& options) override;
  void finish(std::ostream& out, const ReportOptions& options) override;

 private:
  void start(std::ostream& out);
  bool started_ = false;
  std::size_t files_ = 0;
};

// The same as a mermaid flowchart; link styles and classes at the end.
class MermaidReporter final : public Reporter {
 public:
  void add(std::ostream& out, const engine::FileResult& r, const ReportOptions& options) override;
  void finish(std::ostream& out, const ReportOptions& options) override;

 private:
  bool started_ = false;
  std::size_t files_ = 0, links_ = 0;
  std::string denied_;  // linkStyle lines of the edges ENC011 reports
};

// The names make_reporter knows, for --help and error messages.
inline constexpr const char* kFormats = "text, json, sarif, junit, github, dot, mermaid";

}  // namespace enclint::report
