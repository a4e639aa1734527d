#include "cli/discover.hpp"

#include <algorithm>
#include <filesystem>

#include "cli/cdk_assembly.hpp"

namespace enclint::cli {

namespace fs = std::filesystem;

bool has_template_extension(const std::string& path) {
  std::string ext = fs::path(path).extension().string();
  return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template";
}

namespace {
bool skipped_directory(const fs::path& p) {
  std::string name = p.filename().string();
  return (name.size() > 1 && name[0] == '.' && name != "..") || name == "node_modules" ||
         name == ".aws-sam" || name == "cdk.out";
}
}  // namespace

std::vector<Input> discover(const std::vector<std::string>& paths) {
  std::vector<Input> inputs;
  for (const std::string& p : paths) {
    if (p == "-") {
      inputs.push_back({p, true, {}, false});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      inputs.push_back({p, true, "no such file or directory", false});
      continue;
    }
    if (!fs::is_directory(st)) {
      inputs.push_back({p, true, {}, false});
      continue;
    }
    // A cdk.out named on the command line: the templates its manifest lists.
    if (auto assembly = cloud_assembly(p)) {
      for (Input& in : *assembly) inputs.push_back(std::move(in));
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      inputs.push_back({p, true, "cannot read the directory: " + ec.message(), false});
      continue;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      const fs::directory_entry& entry = *it;
      std::error_code e2;
      if (entry.is_directory(e2)) {
        if (skipped_directory(entry.path())) it.disable_recursion_pending();
        continue;
      }
      if (entry.is_regular_file(e2) && has_template_extension(entry.path().string()))
        found.push_back(entry.path().lexically_normal().string());
    }
    std::sort(found.begin(), found.end());
    for (auto& f : found) inputs.push_back({std::move(f), false, {}, false});
  }
  return inputs;
}

}  // namespace enclint::cli
