// A baseline: the findings a repository had when it adopted the tool, so
// that only new ones are reported. A finding is identified by its file,
// resource, rule and template path — not by its line, so edits elsewhere in
// the file keep it matched. The file is a YAML list with one finding per line,
// sorted, each entry a JSON object: a change shows as one line in a diff.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>

#include "engine/check_file.hpp"

namespace enclint::cli {

struct BaselineEntry {
  std::string path;  // relative to the baseline file's directory, '/'-separated
  std::string resource, rule, template_path;
  auto tie() const { return std::tie(path, resource, rule, template_path); }
  bool operator<(const BaselineEntry& o) const { return tie() < o.tie(); }
};

class Baseline {
 public:
  // An empty baseline whose paths are relative to `file`'s directory.
  explicit Baseline(const std::filesystem::path& file);
  // Reads `file`; sets `error` ("path:line:column: message") when it cannot.
  static std::optional<Baseline> load(const std::filesystem::path& file, std::string& error);

  // Moves the findings of `r` that the baseline holds to r.suppressed.
  void apply(engine::FileResult& r) const;
  // Records the findings of `r` (for --write-baseline). A file in error keeps
  // what `previous` held for it: its findings are not known this time.
  void record(const engine::FileResult& r, const Baseline* previous);
  // Writes the file; the error (with the system's reason) when it cannot.
  std::optional<std::string> write() const;
  std::size_t size() const { return entries_.size(); }

 private:
  std::string relative(const std::string& path) const;
  BaselineEntry entry(const std::string& rel, const lint::Diagnostic& d) const;

  std::filesystem::path file_, dir_;
  std::set<BaselineEntry> entries_;
};

}  // namespace enclint::cli
