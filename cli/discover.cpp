#include "cli/discover.hpp"

#include <algorithm>
#include <filesystem>
#include <unordered_set>

#include "cli/cdk_assembly.hpp"
#include "fix/atomic_write.hpp"

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

// An input and the real file behind it (symlinks resolved), to check each once.
struct Found {
  Input input;
  std::string real;
};

// The real path of a file the scan found in `real_dir` (itself resolved).
std::string real_path(const fs::directory_entry& e, const fs::path& real_dir) {
  std::error_code ec;
  if (e.is_symlink(ec)) {
    fs::path target = fs::canonical(e.path(), ec);
    if (!ec) return target.string();
  }
  return (real_dir / e.path().filename()).string();
}

// Searches `root`, one directory at a time: each is read to its end and
// closed before the next is opened, so that a deep tree needs one file
// descriptor, not one per level. A directory that cannot be read, or whose
// reading fails part-way, is an error of its own: nothing is skipped silently.
void scan(const fs::path& root, const fs::path& real_root, std::vector<Found>& out,
          std::vector<std::string>* temporaries) {
  std::vector<Found> found;
  std::vector<std::pair<fs::path, fs::path>> pending{{root, real_root}};
  while (!pending.empty()) {
    auto [dir, real_dir] = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::directory_entry& e = *it;
      std::error_code e2;
      bool link = e.is_symlink(e2);
      if (e.is_directory(e2)) {
        // Directory symlinks are not followed (no loops, no tree twice).
        if (!link && !skipped_directory(e.path()))
          pending.emplace_back(e.path(), real_dir / e.path().filename());
        continue;
      }
      std::string name = e.path().lexically_normal().string();
      if (temporaries && fix::is_temporary_name(name)) {
        temporaries->push_back(name);
        continue;
      }
      if (e.is_regular_file(e2) && has_template_extension(name))
        found.push_back({{name, false, {}, false}, real_path(e, real_dir)});
    }
    if (ec) {
      std::string name = dir.lexically_normal().string();
      found.push_back({{name, false, "cannot read the directory: " + ec.message(), false},
                       (real_dir / "").string()});
    }
  }
  std::sort(found.begin(), found.end(),
            [](const Found& a, const Found& b) { return a.input.path < b.input.path; });
  for (Found& f : found) out.push_back(std::move(f));
}

}  // namespace

std::vector<Input> discover(const std::vector<std::string>& paths,
                            std::vector<std::string>* temporaries) {
  std::vector<Found> all;
  for (const std::string& p : paths) {
    if (p == "-") {
      all.push_back({{p, true, {}, false}, "-"});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) {
      all.push_back({{p, true, "no such file or directory", false},
                     fs::absolute(p, ec).lexically_normal().string()});
      continue;
    }
    fs::path real = fs::canonical(p, ec);
    if (ec) real = fs::absolute(p, ec).lexically_normal();
    if (!fs::is_directory(st)) {
      all.push_back({{p, true, {}, false}, real.string()});
      continue;
    }
    // A cdk.out named on the command line: the templates its manifest lists.
    if (auto assembly = cloud_assembly(p)) {
      for (Input& in : *assembly) {
        std::error_code e2;
        fs::path r = fs::weakly_canonical(in.path, e2);
        std::string key = e2 ? in.path : r.string();
        all.push_back({std::move(in), std::move(key)});
      }
      continue;
    }
    scan(p, real, all, temporaries);
  }
  std::vector<Input> inputs;
  std::unordered_set<std::string> seen;
  for (Found& f : all)
    if (seen.insert(f.real).second) inputs.push_back(std::move(f.input));
  return inputs;
}

}  // namespace enclint::cli
