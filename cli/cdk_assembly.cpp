#include "cli/cdk_assembly.hpp"

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <set>

#include "util/read_file.hpp"
#include "yaml/parser.hpp"

namespace enclint::cli {

namespace fs = std::filesystem;

namespace {
// A Stage inside a Stage inside ...: deeper than this is a loop or a mistake.
constexpr int kMaxAssemblyDepth = 16;
constexpr std::size_t kMaxManifestBytes = std::size_t{64} * 1024 * 1024;

std::string at(const fs::path& dir, std::string_view relative) {
  return (dir / fs::path(std::string(relative))).lexically_normal().string();
}

Input error(const std::string& path, const std::string& message) {
  return {path, true, message, false};
}

// A manifest.json is an assembly's when it has a version and an artifacts map.
bool describes_assembly(const yaml::Document& doc) {
  return doc.is_map(doc.root()) && doc.is_scalar(doc.get(doc.root(), "version")) &&
         doc.is_map(doc.get(doc.root(), "artifacts"));
}

// The nested stacks' templates: assets of their parent stack, written beside it.
std::vector<std::string> nested_stack_templates(const fs::path& dir) {
  std::vector<std::string> found;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    constexpr std::string_view kSuffix = ".nested.template.json";
    if (name.size() > kSuffix.size() && name.ends_with(kSuffix) && it->is_regular_file(ec))
      found.push_back(it->path().lexically_normal().string());
  }
  std::sort(found.begin(), found.end());
  return found;
}

// Appends the templates of the assembly in `dir`; false when `dir` is not one.
bool add_assembly(const fs::path& dir, int depth, std::set<fs::path>& seen,
                  std::vector<Input>& out) {
  const std::string manifest = at(dir, "manifest.json");
  std::error_code ec;
  if (!fs::is_regular_file(manifest, ec)) return false;
  util::ReadResult read = util::read_file(manifest, kMaxManifestBytes);
  if (!read.ok) {
    out.push_back(error(manifest, std::string("cannot read the cloud assembly manifest: ") +
                                      std::strerror(read.error)));
    return true;
  }
  source::SourceFile file(manifest, std::move(read.bytes));
  yaml::ParseResult parsed = yaml::parse(file);
  if (!parsed.ok() || !parsed.document) {
    if (depth == 0) return false;  // not JSON: some other manifest.json, scanned as usual
    source::Position p = file.position(parsed.error ? parsed.error->offset : 0);
    out.push_back(error(manifest, "cannot parse the cloud assembly manifest at line " +
                                      std::to_string(p.line) + ", column " +
                                      std::to_string(p.column) + ": " +
                                      (parsed.error ? parsed.error->message : "empty")));
    return true;
  }
  const yaml::Document& doc = *parsed.document;
  if (!describes_assembly(doc)) {
    if (depth == 0) return false;
    out.push_back(error(manifest, "not a cloud assembly manifest (no version and artifacts)"));
    return true;
  }
  std::vector<fs::path> nested;
  auto artifacts = doc[doc.resolve(doc.get(doc.root(), "artifacts"))].children();
  for (std::size_t i = 0; i + 1 < artifacts.size(); i += 2) {
    yaml::NodeId artifact = artifacts[i + 1];
    if (!doc.is_map(artifact)) continue;
    std::string_view type = doc.text(doc.get(artifact, "type"));
    yaml::NodeId properties = doc.get(artifact, "properties");
    if (type == "aws:cloudformation:stack") {
      std::string_view file_name = doc.text(doc.get(properties, "templateFile"));
      if (file_name.empty())
        out.push_back(error(manifest, "stack artifact '" + std::string(doc.text(artifacts[i])) +
                                          "' has no properties.templateFile"));
      else
        out.push_back({at(dir, file_name), true, {}, false});
    } else if (type == "cdk:cloud-assembly") {
      std::string_view sub = doc.text(doc.get(properties, "directoryName"));
      if (!sub.empty()) nested.emplace_back(at(dir, sub));
    }
  }
  for (std::string& t : nested_stack_templates(dir)) out.push_back({std::move(t), true, {}, false});
  for (const fs::path& sub : nested) {
    fs::path canonical = fs::weakly_canonical(sub, ec);
    if (depth + 1 > kMaxAssemblyDepth || !seen.insert(ec ? sub : canonical).second) {
      out.push_back(error(sub.string(), "nested cloud assembly loops or is nested too deeply"));
      continue;
    }
    if (!add_assembly(sub, depth + 1, seen, out))
      out.push_back(error(sub.string(), "the nested cloud assembly has no manifest.json"));
  }
  return true;
}
}  // namespace

std::optional<std::vector<Input>> cloud_assembly(const std::string& dir) {
  std::vector<Input> out;
  std::set<fs::path> seen;
  std::error_code ec;
  seen.insert(fs::weakly_canonical(dir, ec));
  if (!add_assembly(dir, 0, seen, out)) return std::nullopt;
  return out;
}

}  // namespace enclint::cli
