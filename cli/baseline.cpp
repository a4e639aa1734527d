#include "cli/baseline.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>

#include "util/json_string.hpp"
#include "util/read_file.hpp"
#include "yaml/parser.hpp"

namespace enclint::cli {

namespace fs = std::filesystem;

namespace {
constexpr const char* kHeader =
    "# cfn-enclint baseline: findings that --baseline does not report. One finding a line,\n"
    "# sorted; rewrite it with --write-baseline (findings that are gone are dropped).\n";
}  // namespace

Baseline::Baseline(const fs::path& file) : file_(file) {
  std::error_code ec;
  dir_ = fs::absolute(file, ec).lexically_normal().parent_path();
}

std::string Baseline::relative(const std::string& path) const {
  if (path.empty() || path[0] == '<') return path;  // "<stdin>"
  std::error_code ec;
  fs::path rel = fs::absolute(path, ec).lexically_normal().lexically_relative(dir_);
  return rel.empty() ? path : rel.generic_string();
}

BaselineEntry Baseline::entry(const std::string& rel, const lint::Diagnostic& d) const {
  return {rel, d.resource, std::string(d.rule), d.path};
}

std::optional<Baseline> Baseline::load(const fs::path& file, std::string& error) {
  util::ReadResult read = util::read_file(file.string(), util::kMaxFileSizeMb * 1024 * 1024);
  if (!read.ok) {
    error = file.string() + ": cannot read the baseline: " + std::strerror(read.error);
    return std::nullopt;
  }
  Baseline b(file);
  source::SourceFile src(file.string(), std::move(read.bytes));
  yaml::ParseResult parsed = yaml::parse(src);
  auto fail = [&](std::size_t offset, const std::string& message) {
    auto pos = src.position(offset);
    error = file.string() + ":" + std::to_string(pos.line) + ":" + std::to_string(pos.column) +
            ": " + message;
    return std::nullopt;
  };
  if (parsed.error) return fail(parsed.error->offset, parsed.error->message);
  if (!parsed.document) return b;  // only the header: no findings
  const yaml::Document& doc = *parsed.document;
  if (!doc.is_seq(doc.root()))
    return fail(0, "a baseline is a list of findings (write one with --write-baseline)");
  for (yaml::NodeId item : doc[doc.resolve(doc.root())].children()) {
    if (!doc.is_map(item))
      return fail(doc[item].begin,
                  "each finding must be a mapping (write one with --write-baseline)");
    BaselineEntry e;
    for (auto [field, key] : {std::pair{&e.path, "path"},
                              {&e.resource, "resource"},
                              {&e.rule, "rule"},
                              {&e.template_path, "template_path"}}) {
      yaml::NodeId v = doc.get(item, key);
      if (v == yaml::kNone)
        return fail(doc[item].begin, std::string("a finding without \"") + key + "\"");
      *field = std::string(doc.text(v));
    }
    b.entries_.insert(std::move(e));
  }
  return b;
}

void Baseline::apply(engine::FileResult& r) const {
  if (entries_.empty() || r.diagnostics.empty()) return;
  const std::string rel = relative(r.path);
  std::vector<lint::Diagnostic> kept;
  for (lint::Diagnostic& d : r.diagnostics) {
    if (d.undecidable || !entries_.count(entry(rel, d))) {
      kept.push_back(std::move(d));
      continue;
    }
    // Its unsafe fix, if --unsafe-fixes was not given, is no longer advertised.
    if (d.fix && d.fix->applicability != fix::Applicability::Safe && r.unsafe_hidden > 0)
      --r.unsafe_hidden;
    d.suppressed_by = "baseline " + file_.filename().string();
    d.suppressed_externally = true;
    r.suppressed.push_back(std::move(d));
  }
  r.diagnostics = std::move(kept);
}

void Baseline::record(const engine::FileResult& r, const Baseline* previous) {
  const std::string rel = relative(r.path);
  if (r.status == engine::FileStatus::Error && previous) {
    const std::string prev_rel = previous->relative(r.path);
    for (const BaselineEntry& e : previous->entries_)
      if (e.path == prev_rel) entries_.insert({rel, e.resource, e.rule, e.template_path});
  }
  for (const lint::Diagnostic& d : r.diagnostics)
    if (!d.undecidable) entries_.insert(entry(rel, d));
}

std::optional<std::string> Baseline::write() const {
  std::ofstream out(file_, std::ios::binary | std::ios::trunc);
  if (!out) return "cannot write the baseline " + file_.string() + ": " + std::strerror(errno);
  out << kHeader;
  for (const BaselineEntry& e : entries_)
    out << "- {\"path\": " << util::json_string(e.path)
        << ", \"resource\": " << util::json_string(e.resource)
        << ", \"rule\": " << util::json_string(e.rule)
        << ", \"template_path\": " << util::json_string(e.template_path) << "}\n";
  out.close();
  if (!out) return "cannot write the baseline " + file_.string() + ": " + std::strerror(errno);
  return std::nullopt;
}

}  // namespace enclint::cli
