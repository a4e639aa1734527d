#include "cli/config.hpp"

#include <fnmatch.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

#include "cli/arguments.hpp"
#include "model/template.hpp"
#include "rules/registry.hpp"
#include "yaml/parser.hpp"

namespace enclint::cli {

namespace fs = std::filesystem;
using yaml::kNone;
using yaml::NodeId;

namespace {

struct Reader {
  const source::SourceFile& src;
  const yaml::Document& doc;

  [[noreturn]] void fail(NodeId at, const std::string& message) const {
    auto pos = src.position(at == kNone ? 0 : doc[at].begin);
    throw std::runtime_error(src.path() + ":" + std::to_string(pos.line) + ":" +
                             std::to_string(pos.column) + ": " + message);
  }

  std::string scalar(NodeId node, const std::string& what) const {
    if (!doc.is_scalar(node)) fail(node, what + " must be a string");
    return std::string(doc.text(node));
  }

  // A list of strings, or one comma-separated string.
  std::vector<std::string> strings(NodeId node, const std::string& what) const {
    std::vector<std::string> out;
    if (doc.is_seq(node)) {
      for (NodeId item : doc[doc.resolve(node)].children())
        out.push_back(scalar(item, what + " entries"));
      return out;
    }
    return split_list({scalar(node, what)});
  }

  // An id, a name (any case) or an id prefix such as ENC2: the ids it names.
  std::vector<std::string> rule_ids(NodeId node, const std::string& value) const {
    std::vector<std::string> ids;
    for (const lint::Rule* r : rules::matching(value)) ids.emplace_back(r->info().id);
    if (ids.empty()) rule_id(node, value);  // fails, listing the valid ids
    return ids;
  }

  std::string rule_id(NodeId node, const std::string& value) const {
    const lint::Rule* r = rules::find(value);
    if (!r) {
      std::string valid;
      for (const lint::Rule* rule : rules::all())
        valid += (valid.empty() ? "" : ", ") + std::string(rule->info().id);
      fail(node, "unknown rule '" + value + "' (valid: " + valid + ", or their names)");
    }
    return std::string(r->info().id);
  }

  void check_keys(NodeId map, std::initializer_list<const char*> valid,
                  const std::string& where) const {
    const auto& ch = doc[doc.resolve(map)].children();
    for (std::size_t i = 0; i < ch.size(); i += 2) {
      std::string key(doc.text(ch[i]));
      bool ok = false;
      std::string list;
      for (const char* v : valid) {
        ok |= key == v;
        list += (list.empty() ? "" : ", ") + std::string(v);
      }
      if (!ok) fail(ch[i], "unknown key '" + key + "'" + where + " (valid: " + list + ")");
    }
  }
};

Config read(const Reader& in, const fs::path& path) {
  Config c;
  c.path = path;
  NodeId root = in.doc.root();
  if (!in.doc.is_map(root)) in.fail(root, "the configuration must be a mapping");
  in.check_keys(root, {"select", "ignore", "severity", "level", "fix", "exclude"}, "");
  const auto& doc = in.doc;
  if (NodeId n = doc.get(root, "select"); n != kNone) {
    c.select.emplace();
    for (const auto& s : in.strings(n, "select"))
      for (auto& id : in.rule_ids(n, s)) c.select->push_back(std::move(id));
  }
  if (NodeId n = doc.get(root, "ignore"); n != kNone) {
    c.ignore.emplace();
    for (const auto& s : in.strings(n, "ignore"))
      for (auto& id : in.rule_ids(n, s)) c.ignore->push_back(std::move(id));
  }
  if (NodeId n = doc.get(root, "level"); n != kNone) {
    std::string v = in.scalar(n, "level");
    if (v == "baseline")
      c.level = lint::Level::Baseline;
    else if (v == "cmk")
      c.level = lint::Level::Cmk;
    else
      in.fail(n, "unknown level '" + v + "' (valid: baseline, cmk)");
  }
  if (NodeId n = doc.get(root, "severity"); n != kNone) {
    if (!doc.is_map(n)) in.fail(n, "severity must be a mapping of rule to error, warning or info");
    const auto& ch = doc[doc.resolve(n)].children();
    for (std::size_t i = 0; i + 1 < ch.size(); i += 2) {
      std::string id = in.rule_id(ch[i], std::string(doc.text(ch[i])));
      std::string v = in.scalar(ch[i + 1], "a severity");
      if (v == "error")
        c.severity[id] = lint::Severity::Error;
      else if (v == "warning")
        c.severity[id] = lint::Severity::Warning;
      else if (v == "info")
        c.severity[id] = lint::Severity::Info;
      else
        in.fail(ch[i + 1], "unknown severity '" + v + "' (valid: error, warning, info)");
    }
  }
  if (NodeId n = doc.get(root, "fix"); n != kNone) {
    if (!doc.is_map(n)) in.fail(n, "fix must be a mapping");
    in.check_keys(n, {"kms_key", "sse_algorithm"}, " in fix");
    if (NodeId k = doc.get(n, "kms_key"); k != kNone) c.kms_key = in.scalar(k, "fix.kms_key");
    if (NodeId a = doc.get(n, "sse_algorithm"); a != kNone) {
      std::string v = in.scalar(a, "fix.sse_algorithm");
      if (v != "AES256" && v != "aws:kms" && v != "aws:kms:dsse")
        in.fail(a, "unknown sse_algorithm '" + v + "' (valid: AES256, aws:kms, aws:kms:dsse)");
      c.sse_algorithm = v;
    }
  }
  if (NodeId n = doc.get(root, "exclude"); n != kNone) c.exclude = in.strings(n, "exclude");
  return c;
}

bool match(const std::string& pattern, const std::string& path) {
  if (::fnmatch(pattern.c_str(), path.c_str(), 0) == 0) return true;
  if (pattern.rfind("**/", 0) == 0 && ::fnmatch(pattern.c_str() + 3, path.c_str(), 0) == 0)
    return true;
  return false;
}

}  // namespace

ConfigResult load_config(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {std::nullopt, path.string() + ": cannot read the configuration file"};
  std::ostringstream buf;
  buf << in.rdbuf();
  source::SourceFile src(path.string(), buf.str());
  yaml::ParseResult parsed = yaml::parse(src);
  if (parsed.error) {
    auto pos = src.position(parsed.error->offset);
    return {std::nullopt, path.string() + ":" + std::to_string(pos.line) + ":" +
                              std::to_string(pos.column) + ": " + parsed.error->message};
  }
  if (!parsed.document) {
    Config empty;
    empty.path = path;
    return {empty, {}};
  }
  try {
    return {read(Reader{src, *parsed.document}, path), {}};
  } catch (const std::runtime_error& e) {
    return {std::nullopt, e.what()};
  }
}

std::optional<fs::path> find_config(fs::path dir) {
  std::error_code ec;
  dir = fs::absolute(dir, ec).lexically_normal();  // "/a/b/." would be looked at twice
  if (!dir.has_filename() && dir.has_relative_path()) dir = dir.parent_path();
  for (;;) {
    fs::path candidate = dir / kConfigName;
    if (fs::is_regular_file(candidate, ec)) return candidate;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

bool excluded(const Config& config, const std::string& path) {
  if (config.exclude.empty() || path == "-") return false;
  std::error_code ec;
  fs::path abs = fs::absolute(path, ec).lexically_normal();
  fs::path rel = abs.lexically_relative(fs::absolute(config.path, ec).parent_path());
  std::string r = rel.empty() || *rel.begin() == ".." ? fs::path(path).lexically_normal().string()
                                                      : rel.string();
  for (const std::string& pattern : config.exclude) {
    std::string p = pattern;
    while (!p.empty() && p.back() == '/') p.pop_back();
    // The file itself, or any directory above it.
    for (std::string prefix = r;;) {
      if (match(p, prefix)) return true;
      std::size_t slash = prefix.rfind('/');
      if (slash == std::string::npos) break;
      prefix.resize(slash);
    }
    if (p.find('/') == std::string::npos && match(p, fs::path(r).filename().string())) return true;
  }
  return false;
}

}  // namespace enclint::cli
