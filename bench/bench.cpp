// In-process benchmark: the yaml-cpp parse-only floor against our parse,
// lint and fix over the same bytes, medians of repeated runs.
// Usage: enclint_bench DIR_OR_FILE... [--repeat N]
//        enclint_bench --latency N FILE CFN_ENCLINT   (fresh-process wall times)
//        enclint_bench --parse-once FILE               (read and parse, then exit)
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/discover.hpp"
#include "engine/fix_loop.hpp"
#include "lint/linter.hpp"
#include "rules/registry.hpp"
#include "util/read_file.hpp"
#include "yaml/events.hpp"

extern char** environ;

using namespace enclint;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

// yaml-cpp with a handler that does nothing: the floor we measure against.
using NullHandler = yaml::NullHandler;

void floor_parse(const std::string& bytes) {
  std::istringstream in(bytes);
  try {
    YAML::Parser parser(in);
    NullHandler h;
    while (parser.HandleNextDocument(h)) {
    }
  } catch (const YAML::Exception&) {
  }
}

std::size_t lint_one(const std::string& path, const std::string& bytes) {
  auto loaded = model::load(std::make_shared<source::SourceFile>(path, bytes));
  if (!loaded.tpl) return 0;
  return lint::run_rules(*loaded.tpl, rules::all(), {}).size();
}

std::size_t fix_one(const std::string& path, const std::string& bytes) {
  auto loaded = model::load(std::make_shared<source::SourceFile>(path, bytes));
  if (!loaded.tpl) return 0;
  auto diags = lint::run_rules(*loaded.tpl, rules::all(), {});
  bool any = false;
  for (const auto& d : diags) any |= engine::fix_allowed(d, false);
  if (!any) return 0;
  return engine::fix_loop(*loaded.tpl, diags, rules::all(), {}, false).text().size();
}

template <typename F>
double median_seconds(int repeat, F&& f) {
  std::vector<double> t;
  for (int i = 0; i < repeat; ++i) {
    auto start = Clock::now();
    f();
    t.push_back(std::chrono::duration<double>(Clock::now() - start).count());
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

// Wall time of one run of `argv` (posix_spawn, output to /dev/null), in ms.
double spawn_ms(const std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  auto start = Clock::now();
  pid_t pid = 0;
  int status = 0;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0)
    waitpid(pid, &status, 0);
  double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  posix_spawn_file_actions_destroy(&actions);
  return ms;
}

// Fresh-process latency, the commands interleaved so that a change of machine
// speed during the run moves them all alike. Prints a markdown table.
int latency(int n, const std::string& file, const std::string& tool, const std::string& self) {
  std::vector<std::pair<std::string, std::vector<std::string>>> commands = {
      {"`/bin/true` (starting any process)", {"/bin/true"}},
      {"`enclint_bench --parse-once` (read + yaml-cpp parse, nothing else: the floor)",
       {self, "--parse-once", file}},
      {"`cfn-enclint --version`", {tool, "--version"}},
      {"`cfn-enclint --no-source " + file + "`", {tool, "--no-source", file}},
  };
  std::vector<std::vector<double>> times(commands.size());
  for (int r = 0; r < n; ++r)
    for (std::size_t c = 0; c < commands.size(); ++c)
      times[c].push_back(spawn_ms(commands[c].second));
  std::printf("| command | median wall | p90 |\n|---|---|---|\n");
  for (std::size_t c = 0; c < commands.size(); ++c) {
    std::sort(times[c].begin(), times[c].end());
    std::printf("| %s | %.2f ms | %.2f ms |\n", commands[c].first.c_str(),
                times[c][times[c].size() / 2], times[c][times[c].size() * 9 / 10]);
  }
  std::printf("\n(%d runs each, interleaved, posix_spawn to exit)\n", n);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 5 && std::strcmp(argv[1], "--latency") == 0)
    return latency(std::atoi(argv[2]), argv[3], argv[4], fs::canonical("/proc/self/exe").string());
  if (argc == 3 && std::strcmp(argv[1], "--parse-once") == 0) {
    floor_parse(util::read_file(argv[2]).bytes);
    return 0;
  }
  int repeat = 5;
  std::string only;  // --only floor|lint|fix: one measurement (for profilers)
  std::vector<std::string> paths;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc)
      repeat = std::atoi(argv[++i]);
    else if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc)
      only = argv[++i];
    else
      paths.push_back(argv[i]);
  }
  std::vector<std::pair<std::string, std::string>> files;
  std::size_t bytes = 0;
  for (const auto& in : cli::discover(paths)) {
    if (!in.error.empty()) continue;
    std::ifstream f(in.path, std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    bytes += ss.str().size();
    files.emplace_back(in.path, ss.str());
  }
  std::size_t sink = 0;
  if (!only.empty()) {
    for (const auto& [p, b] : files) {
      if (only == "floor") floor_parse(b);
      if (only == "lint") sink += lint_one(p, b);
      if (only == "fix") sink += fix_one(p, b);
    }
    std::fprintf(stderr, "(%zu)\n", sink);
    return 0;
  }
  // Interleaved: each repetition times all three back to back, so a change
  // of machine speed during the run moves all three alike; ratios are taken
  // per repetition, then the median.
  std::vector<double> floors, lints, fixes, lint_ratio, fix_ratio;
  for (int r = 0; r < repeat; ++r) {
    double f = median_seconds(1, [&] {
      for (const auto& [p, b] : files) floor_parse(b);
    });
    double l = median_seconds(1, [&] {
      for (const auto& [p, b] : files) sink += lint_one(p, b);
    });
    double x = median_seconds(1, [&] {
      for (const auto& [p, b] : files) sink += fix_one(p, b);
    });
    floors.push_back(f);
    lints.push_back(l);
    fixes.push_back(x);
    lint_ratio.push_back(l / f);
    fix_ratio.push_back(x / f);
  }
  auto median = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
  };
  double floor = median(floors), lint = median(lints), fix = median(fixes);
  double mb = static_cast<double>(bytes) / (1024.0 * 1024.0);
  std::printf("files %zu, %.2f MB, median of %d runs, one thread\n", files.size(), mb, repeat);
  std::printf("  floor (yaml-cpp parse only): %8.3f s  %7.2f MB/s\n", floor, mb / floor);
  std::printf("  lint (parse + model + rules): %8.3f s  %7.2f MB/s  %.2fx floor\n", lint, mb / lint,
              median(lint_ratio));
  std::printf("  fix (lint + fix + verify):    %8.3f s  %7.2f MB/s  %.2fx floor\n", fix, mb / fix,
              median(fix_ratio));
  std::fprintf(stderr, "(%zu)\n", sink);
  return 0;
}
