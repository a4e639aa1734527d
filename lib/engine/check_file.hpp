// One file, start to finish: load, lint, fix (or diff), write. No output
// here: the result goes to a reporter.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/check_options.hpp"
#include "engine/picture.hpp"
#include "lint/diagnostic.hpp"
#include "lint/linter.hpp"
#include "lint/rule.hpp"

namespace enclint::engine {

enum class FileStatus { Ok, Fixed, Error, Skipped };

// The skip reason of a file a stop request (SIGINT, SIGTERM...) kept from
// being checked or written, before or while it was checked.
inline constexpr const char* kInterrupted = "interrupted before it was checked";
const char* to_string(FileStatus s);

struct FileResult {
  std::string path;  // as given or found
  FileStatus status = FileStatus::Ok;
  std::string error;                         // message, when status is Error
  std::optional<source::Position> error_at;  // where, when known
  std::string skip_reason;
  std::vector<lint::Diagnostic> diagnostics;  // what remains (positions in the file as it now is)
  std::vector<lint::Diagnostic> fixed;        // what --fix fixed (positions before fixing)
  std::vector<lint::Diagnostic> suppressed;   // hidden by a suppression (for --show-suppressed)
  std::string diff;                           // --diff
  std::string output_text;                    // stdin with --fix: the text to print
  std::size_t unsafe_hidden = 0;              // unsafe fixes not applied
  bool already_written = false;               // --fix: another run had written the same fix
  // With CheckOptions::want_edits and a fix made: the edits on the text as
  // given that make output_text (empty when they could not be composed).
  std::vector<fix::Edit> edits;
  // Resources of the types the rules check, logical id and type (JUnit: one testcase each).
  std::vector<std::pair<std::string, std::string>> checked_resources;
  std::optional<Picture> picture;  // with CheckOptions::picture, for a template
};

// `bytes` is the file's content (the callers below enforce the size limit);
// `from_stdin` means never write a file.
FileResult check_bytes(const std::string& path, std::string bytes, bool from_stdin,
                       const CheckOptions& options, const std::vector<const lint::Rule*>& rules);

// What decides the exit status besides the findings: the lowest severity
// that fails the run (--fail-on), and --exit-zero.
struct ExitPolicy {
  lint::Severity fail_on = lint::Severity::Error;
  bool exit_zero = false;  // findings never make it 1 (errors still make it 2)
};

// The exit status for a run: 2 if any file is in error, else 1 if findings
// at or above the policy's severity remain, else 0. Values the tool cannot
// decide are not findings. Gathered file by file.
struct ExitStatus {
  bool errors = false;
  std::optional<lint::Severity> worst;  // the most severe remaining finding
  void add(const FileResult& r);
  int code(const ExitPolicy& policy = {}) const;
};
int exit_code(const std::vector<FileResult>& results);

// The fast path: true when `bytes` cannot hold anything a rule looks at (no
// resource type a registered rule checks, no Fn::ForEach, no cfn-enclint
// metadata), so parsing cannot produce a finding.
bool cannot_hold_findings(std::string_view bytes);
// The same for the resource types `types` (sorted): those of the rules a run
// selects at its level (at level baseline a Lambda function or a log group
// holds nothing to find).
bool cannot_hold_findings(std::string_view bytes, const std::vector<std::string_view>& types);
using lint::selected_types;

// Reads `path` and checks it; unreadable files are errors. With `fast_path`
// (files found in a directory scan), a file that cannot hold findings is
// skipped without being parsed, like any other non-template.
FileResult check_path(const std::string& path, const CheckOptions& options,
                      const std::vector<const lint::Rule*>& rules, bool fast_path = false);

// Reads standard input (named `name` in messages) and checks it; reading
// stops at the size limit.
FileResult check_stdin(const std::string& name, const CheckOptions& options,
                       const std::vector<const lint::Rule*>& rules);

}  // namespace enclint::engine
