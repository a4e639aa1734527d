#include "engine/check_file.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>

#include <unistd.h>

#include "engine/fix_loop.hpp"
#include "engine/key_notes.hpp"
#include "fix/atomic_write.hpp"
#include "fix/diff.hpp"
#include "lint/linter.hpp"
#include "model/template.hpp"
#include "rules/kms_key_option.hpp"
#include "rules/registry.hpp"
#include "util/interrupt.hpp"
#include "util/read_file.hpp"

namespace enclint::engine {

const char* to_string(FileStatus s) {
  switch (s) {
    case FileStatus::Ok: return "ok";
    case FileStatus::Fixed: return "fixed";
    case FileStatus::Error: return "error";
    case FileStatus::Skipped: return "skipped";
  }
  return "ok";
}

namespace {
// `git diff` labels: a/<path>, without doubling the slash of an absolute path.
std::string label(const char* side, const std::string& path) {
  std::size_t skip = path.find_first_not_of('/');
  return side + path.substr(skip == std::string::npos ? 0 : skip);
}
}  // namespace

namespace {
// Unsafe fixes the run leaves alone (the text report says how to apply them).
std::size_t unsafe_not_applied(const std::vector<lint::Diagnostic>& diags,
                               const CheckOptions& options) {
  std::size_t n = 0;
  for (const auto& d : diags) n += d.fix && !fix_allowed(d, options.unsafe_fixes);
  return n;
}

// A file (or stdin) that could not be read, or that is over the size limit.
FileResult unread(const std::string& path, const util::ReadResult& read,
                  const CheckOptions& options) {
  FileResult r;
  r.path = path;
  r.status = FileStatus::Error;
  std::string limit = std::to_string(options.max_file_size_mb) + " MiB (--max-file-size)";
  if (read.not_regular)
    r.error = std::string("not a regular file (") + read.not_regular +
              "): only regular files are checked";
  else if (read.error != EFBIG)
    r.error = std::string("cannot read the file: ") + std::strerror(read.error);
  else if (read.size_known)
    r.error = "the file is " + std::to_string(read.size / (std::size_t{1024} * 1024)) +
              " MiB, larger than the limit of " + limit;
  else  // a pipe or a FIFO: reading stopped at the limit
    r.error = "the input is larger than the limit of " + limit;
  return r;
}

// A stop request came while the file was being checked: nothing of it is
// reported, and nothing was written.
FileResult interrupted(const std::string& path) {
  FileResult r;
  r.path = path;
  r.status = FileStatus::Skipped;
  r.skip_reason = kInterrupted;
  return r;
}

// Whether `v` holds `{Ref: id}`.
bool refers_to(const model::Value& v, std::string_view id) {
  if (v.intrinsic && v.entries.size() == 1 && v.entries.front().first == "Ref")
    return v.entries.front().second.scalar == id;
  for (const auto& [k, child] : v.entries)
    if (refers_to(child, id)) return true;
  for (const auto& item : v.items)
    if (refers_to(item, id)) return true;
  return false;
}

// `--kms-key Ref:X` where the fixes would write it, and X is no key of this
// template (rules/kms_key_option): why, "" when fine.
std::string key_problem(const model::Template& tpl, const std::vector<lint::Diagnostic>& diags,
                        const CheckOptions& options) {
  const std::string& key = options.lint.fix.kms_key;
  if (key.rfind("Ref:", 0) != 0) return {};
  std::vector<std::string> fixed;
  for (const auto& d : diags) {
    if (!fix_allowed(d, options.unsafe_fixes)) continue;
    for (const auto& a : d.fix->additions)
      if (a.value && refers_to(*a.value, key.substr(4))) {
        fixed.push_back(d.resource);
        break;
      }
  }
  return fixed.empty() ? std::string() : rules::kms_key_ref_problem(tpl, key, fixed);
}

std::size_t limit_bytes(const CheckOptions& options) {
  return options.max_file_size_mb * 1024 * 1024;
}
}  // namespace

FileResult check_bytes(const std::string& path, std::string bytes, bool from_stdin,
                       const CheckOptions& options, const std::vector<const lint::Rule*>& rules) {
  FileResult result;
  result.path = path;
  if (from_stdin && options.fix) result.output_text = bytes;  // printed as is when nothing is fixed
  auto source = std::make_shared<source::SourceFile>(path, std::move(bytes));
  model::LoadResult loaded = model::load(source);
  if (util::interrupted()) return interrupted(path);
  if (loaded.status == model::LoadResult::Status::NotTemplate) {
    result.status = FileStatus::Skipped;
    result.skip_reason = loaded.message;
    return result;
  }
  if (loaded.status == model::LoadResult::Status::Error) {
    result.status = FileStatus::Error;
    result.error = loaded.message;
    result.error_at = source->position(loaded.offset);
    return result;
  }
  const model::Template& tpl = *loaded.tpl;
  // The resources a rule of this run checks (JUnit: one testcase each).
  if (options.list_checked_resources) {
    const std::vector<std::string_view> types = selected_types(options.lint, rules);
    for (const auto& r : tpl.resources())
      if (std::binary_search(types.begin(), types.end(), r.type))
        result.checked_resources.emplace_back(r.logical_id, r.type);
  }
  std::vector<lint::Diagnostic> diagnostics =
      lint::run_rules(tpl, rules, options.lint, &result.suppressed);
  if (util::interrupted()) return interrupted(path);
  if (const auto& hit = tpl.limit_hit()) {
    result.status = FileStatus::Error;
    result.error =
        hit->what + ": the value there was not decided (a limit of the tool, not a pass)";
    result.error_at = tpl.source().position(hit->offset);
    result.diagnostics = std::move(diagnostics);
    return result;
  }
  note_key_users(tpl, options.lint, diagnostics);
  result.unsafe_hidden = unsafe_not_applied(diagnostics, options);
  if (options.picture) result.picture = make_picture(tpl, diagnostics);

  bool wants_fix = options.fix || options.diff;
  bool has_fix = false;
  for (const auto& d : diagnostics) has_fix |= fix_allowed(d, options.unsafe_fixes);
  if (!wants_fix || !has_fix) {
    result.diagnostics = std::move(diagnostics);
    return result;
  }

  if (std::string problem = key_problem(tpl, diagnostics, options); !problem.empty()) {
    result.status = FileStatus::Error;
    result.error = problem + "; nothing was written";
    result.diagnostics = std::move(diagnostics);
    return result;
  }

  // The loop owns the template from here: it frees it as soon as it can,
  // and with it the original text unless a diff needs it (writing only
  // checks that the file still holds what was read, by its fingerprint).
  const fix::Fingerprint as_read = fix::fingerprint(source->text());
  if (!options.diff) source.reset();
  FixLoopExtras extras;
  if (options.fix_only) extras.only = &*options.fix_only;
  if (options.want_edits) extras.edits = &result.edits;
  FixLoopResult fixed = fix_loop(std::move(*loaded.tpl), diagnostics, rules, options.lint,
                                 options.unsafe_fixes, kStreamVerifyFromBytes, extras);
  if (util::interrupted()) return interrupted(path);
  if (!fixed.ok) {
    result.status = FileStatus::Error;
    result.error = fixed.error;
    result.error_at = fixed.error_at;
    result.diagnostics = std::move(diagnostics);
    return result;
  }
  if (fixed.applied == 0) {  // every fix was set aside: the findings say why
    result.diagnostics = std::move(fixed.remaining);
    result.unsafe_hidden = unsafe_not_applied(result.diagnostics, options);
    return result;
  }
  if (options.diff && !options.fix) {
    result.diff =
        fix::unified_diff(source->text(), fixed.text(), label("a/", path), label("b/", path));
    for (auto& d : diagnostics) {  // the findings whose fix was set aside say so
      auto it = fixed.not_made.find(finding_key(d));
      if (it == fixed.not_made.end()) continue;
      d.fix.reset();
      d.not_fixable = it->second;
    }
    result.diagnostics = std::move(diagnostics);
    return result;
  }
  if (from_stdin) {
    result.output_text = fixed.text();
  } else if (auto err = fix::write_atomically(path, fixed.text(), as_read,
                                              {&result.already_written, {}, {}})) {
    result.status = FileStatus::Error;
    result.error = *err;
    result.diagnostics = std::move(diagnostics);
    return result;
  }
  if (options.diff)
    result.diff =
        fix::unified_diff(source->text(), fixed.text(), label("a/", path), label("b/", path));
  result.status = FileStatus::Fixed;
  std::set<std::string> remaining;
  for (const auto& d : fixed.remaining) remaining.insert(finding_key(d));
  for (auto& d : diagnostics) {
    if (!remaining.count(finding_key(d))) {
      d.fixed = true;
      result.fixed.push_back(std::move(d));
    }
  }
  result.diagnostics = std::move(fixed.remaining);
  result.unsafe_hidden = unsafe_not_applied(result.diagnostics, options);
  return result;
}

void ExitStatus::add(const FileResult& r) {
  errors |= r.status == FileStatus::Error;
  // Severities are ordered from Error (most severe) to Info.
  for (const auto& d : r.diagnostics)
    if (!d.undecidable && (!worst || d.severity < *worst)) worst = d.severity;
}

int ExitStatus::code(const ExitPolicy& policy) const {
  if (errors) return 2;
  return worst && !policy.exit_zero && *worst <= policy.fail_on ? 1 : 0;
}

int exit_code(const std::vector<FileResult>& results) {
  ExitStatus status;
  for (const FileResult& r : results) status.add(r);
  return status.code();
}

bool cannot_hold_findings(std::string_view bytes) {
  return cannot_hold_findings(bytes, rules::checked_types());
}

bool cannot_hold_findings(std::string_view bytes, const std::vector<std::string_view>& types) {
  for (std::string_view needle : {"Fn::ForEach", "cfn-enclint"})
    if (bytes.find(needle) != std::string_view::npos) return false;
  // Each `AWS::` word once, looked up among the types the rules declare: one
  // pass over the bytes however many types there are.
  auto type_char = [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == ':';
  };
  for (std::size_t at = bytes.find("AWS::"); at != std::string_view::npos;
       at = bytes.find("AWS::", at + 5)) {
    std::size_t end = at + 5;
    while (end < bytes.size() && type_char(bytes[end])) ++end;
    if (std::binary_search(types.begin(), types.end(), bytes.substr(at, end - at))) return false;
  }
  return true;
}

FileResult check_path(const std::string& path, const CheckOptions& options,
                      const std::vector<const lint::Rule*>& rules, bool fast_path) {
  util::ReadResult read = util::read_file(path, limit_bytes(options));
  if (util::interrupted()) return interrupted(path);
  if (!read.ok) return unread(path, read, options);
  std::string bytes = std::move(read.bytes);
  if (fast_path &&
      cannot_hold_findings(
          bytes, options.scan_types ? *options.scan_types : selected_types(options.lint, rules))) {
    FileResult r;
    r.path = path;
    r.status = FileStatus::Skipped;
    r.skip_reason = "no resource type we check (not parsed)";
    return r;
  }
  return check_bytes(path, std::move(bytes), false, options, rules);
}

FileResult check_stdin(const std::string& name, const CheckOptions& options,
                       const std::vector<const lint::Rule*>& rules) {
  util::ReadResult read = util::read_fd(STDIN_FILENO, limit_bytes(options));
  if (util::interrupted()) return interrupted(name);
  if (!read.ok) return unread(name, read, options);
  return check_bytes(name, std::move(read.bytes), true, options, rules);
}

}  // namespace enclint::engine
