#include "cli/settings.hpp"

#include "engine/check_file.hpp"
#include "rules/kms_key_option.hpp"
#include "rules/registry.hpp"

namespace enclint::cli {

namespace fs = std::filesystem;

SettingsFinder::SettingsFinder(engine::CheckOptions base, CommandLineSettings cli)
    : base_(std::move(base)), cli_(std::move(cli)) {
  std::error_code ec;
  cli_excludes_.path = fs::current_path(ec) / kConfigName;
  cli_excludes_.exclude = cli_.exclude;
}

const Settings* SettingsFinder::load(const std::optional<fs::path>& config_file) {
  std::string key = config_file ? config_file->string() : std::string();
  if (auto it = by_config_.find(key); it != by_config_.end()) return it->second.get();
  auto s = std::make_unique<Settings>();
  s->check = base_;
  if (config_file) {
    ConfigResult loaded = load_config(*config_file);
    if (!loaded.config) {
      error_ = loaded.error;
      return nullptr;
    }
    s->config = std::move(loaded.config);
  }
  lint::Options& lint = s->check.lint;
  const Config* c = s->config ? &*s->config : nullptr;
  if (cli_.select)
    lint.select = *cli_.select;
  else if (c && c->select)
    lint.select = *c->select;
  if (cli_.ignore)
    lint.ignore = *cli_.ignore;
  else if (c && c->ignore)
    lint.ignore = *c->ignore;
  if (cli_.level)
    lint.level = *cli_.level;
  else if (c && c->level)
    lint.level = *c->level;
  if (c) lint.severity = c->severity;
  std::optional<std::string> kms_key = cli_.kms_key ? cli_.kms_key : c ? c->kms_key : std::nullopt;
  std::optional<std::string> alg = cli_.sse_algorithm ? cli_.sse_algorithm
                                   : c                ? c->sse_algorithm
                                                      : std::nullopt;
  // A key from the configuration must have a form a fix may write (the
  // command line's is checked before any configuration is read).
  if (!cli_.kms_key && c && c->kms_key)
    if (std::string problem = rules::kms_key_form_problem(*c->kms_key); !problem.empty()) {
      error_ = c->path.string() + ": " + problem;
      return nullptr;
    }
  if (kms_key) lint.fix.kms_key = *kms_key;
  // A key means SSE-KMS unless an algorithm was chosen explicitly.
  lint.fix.sse_algorithm = alg ? *alg : kms_key ? "aws:kms" : "AES256";
  s->check.scan_types = engine::selected_types(lint, rules::all());
  return (by_config_[key] = std::move(s)).get();
}

const Settings* SettingsFinder::for_directory(const fs::path& dir) {
  if (cli_.config) return load(cli_.config);
  std::error_code ec;
  fs::path d = fs::absolute(dir, ec).lexically_normal();
  if (!d.has_filename() && d.has_relative_path()) d = d.parent_path();  // "/a/b/" -> "/a/b"
  // Up to the first directory already known, or the one with a configuration.
  std::vector<std::string> visited;
  const Settings* found = nullptr;
  for (;;) {
    if (auto it = by_directory_.find(d.string()); it != by_directory_.end()) {
      found = it->second;
      break;
    }
    visited.push_back(d.string());
    if (fs::is_regular_file(d / kConfigName, ec)) {
      found = load(d / kConfigName);
      break;
    }
    if (!d.has_parent_path() || d.parent_path() == d) {
      found = load(std::nullopt);
      break;
    }
    d = d.parent_path();
  }
  if (found)
    for (const std::string& v : visited) by_directory_[v] = found;
  return found;
}

const Settings* SettingsFinder::for_file(const std::string& path) {
  if (cli_.config) return load(cli_.config);
  std::error_code ec;
  return for_directory(fs::absolute(path, ec).lexically_normal().parent_path());
}

bool SettingsFinder::excluded(const Settings& settings, const std::string& path) const {
  if (settings.config && cli::excluded(*settings.config, path)) return true;
  return !cli_excludes_.exclude.empty() && cli::excluded(cli_excludes_, path);
}

bool SettingsFinder::assign(std::vector<Input>& inputs, std::vector<const Settings*>& out,
                            const std::string& stdin_filename) {
  std::vector<Input> kept;
  for (Input& in : inputs) {
    bool named_stdin = in.path == "-" && !stdin_filename.empty();
    const std::string& name = named_stdin ? stdin_filename : in.path;
    const Settings* s = in.path == "-" && !named_stdin ? for_directory(".") : for_file(name);
    if (!s) return false;
    if (in.path != "-" || named_stdin) in.excluded = excluded(*s, name);
    if (in.excluded && !in.explicit_path) continue;
    kept.push_back(std::move(in));
    out.push_back(s);
  }
  inputs = std::move(kept);
  return true;
}

}  // namespace enclint::cli
