#include "support.hpp"

#include "yaml/block_events.hpp"
#include "yaml/parser.hpp"

#include <sys/wait.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "fix/style.hpp"
#include "model/value.hpp"
#include "yaml/parser.hpp"

namespace enclint::testing {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const fs::path& p, const std::string& data) {
  std::ofstream out(p, std::ios::binary);
  out << data;
}

TempDir::TempDir() {
  static std::atomic<unsigned> counter{0};
  std::random_device rd;
  path_ = fs::temp_directory_path() /
          ("cfn-enclint-test-" + std::to_string(rd()) + "-" + std::to_string(counter++));
  fs::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
  fs::remove_all(path_, ec);
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

RunResult run_tool(const std::string& args, const fs::path& cwd, const std::string& input) {
  return run_command(shell_quote(ENCLINT_BINARY) + " " + args, cwd, input);
}

RunResult run_command(const std::string& command, const fs::path& cwd, const std::string& input) {
  TempDir io;
  write_file(io / "stdin", input);
  std::string cmd = "cd " + shell_quote(cwd.string()) + " && " + command + " <" +
                    shell_quote((io / "stdin").string()) + " >" +
                    shell_quote((io / "stdout").string()) + " 2>" +
                    shell_quote((io / "stderr").string());
  int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = read_file(io / "stdout");
  r.err = read_file(io / "stderr");
  return r;
}

std::shared_ptr<source::SourceFile> make_source(const std::string& text, const std::string& path) {
  return std::make_shared<source::SourceFile>(path, text);
}

namespace {

bool contains_alias(const yaml::Document& doc, yaml::NodeId id, std::vector<signed char>& memo) {
  if (memo[id] >= 0) return memo[id];
  const yaml::Node& n = doc[id];
  bool result = n.kind == yaml::Kind::Alias;
  for (yaml::NodeId c : n.children()) result = contains_alias(doc, c, memo) || result;
  // `<<` merges and anchors re-parse fine, aliases do not (their anchor is elsewhere).
  memo[id] = result;
  return result;
}

void trim_block_scalars(model::Value& v) {
  if (v.kind == model::Value::Kind::String) {
    while (!v.scalar.empty() && v.scalar.back() == '\n') v.scalar.pop_back();
  }
  for (auto& [k, c] : v.entries) trim_block_scalars(c);
  for (auto& c : v.items) trim_block_scalars(c);
}

}  // namespace

std::vector<std::string> check_ranges(const source::SourceFile& src, const yaml::Document& doc) {
  std::vector<std::string> failures;
  std::vector<signed char> memo(doc.size(), -1);
  for (yaml::NodeId id = 0; id < doc.size(); ++id) {
    const yaml::Node& n = doc[id];
    if (n.begin > n.end || n.end > src.size()) {
      failures.push_back("node " + std::to_string(id) + " has a range outside the file");
      continue;
    }
    if (contains_alias(doc, id, memo)) continue;
    std::string text = src.text().substr(n.begin, n.end - n.begin);
    // `!GetAZs` with nothing after it: alone at the end of a snippet yaml-cpp
    // reports a null and drops the tag, so compare the text instead.
    if (n.kind == yaml::Kind::Scalar && n.content == n.end && !n.tag().empty()) {
      if (text != n.tag())
        failures.push_back(src.path() + ": tag-only scalar range is |" + text + "|");
      continue;
    }
    std::string snippet = std::string(fix::column_of(src, n.begin), ' ') + text;
    source::SourceFile again("snippet", snippet);
    yaml::ParseResult parsed = yaml::parse(again);
    model::Value expected, actual;
    std::size_t budget = 10'000'000;
    model::to_value(doc, id, expected, budget);
    if (parsed.document) {
      budget = 10'000'000;
      model::to_value(*parsed.document, parsed.document->root(), actual, budget);
    }
    trim_block_scalars(expected);
    trim_block_scalars(actual);
    if (parsed.error || !model::equivalent(expected, actual)) {
      auto pos = src.position(n.begin);
      failures.push_back(src.path() + ":" + std::to_string(pos.line) + ":" +
                         std::to_string(pos.column) + ": range [" + std::to_string(n.begin) + "," +
                         std::to_string(n.end) + ") re-parses differently: |" +
                         text.substr(0, 200) + "| expected " +
                         model::debug_string(expected).substr(0, 200) + " got " +
                         (parsed.error ? "error " + parsed.error->message
                                       : model::debug_string(actual).substr(0, 200)));
      if (failures.size() > 20) break;
    }
  }
  return failures;
}

std::string describe(const lint::Diagnostic& d) {
  std::string fix = d.fix ? fix::to_string(d.fix->applicability) : "none";
  std::string s = std::to_string(d.start.line) + ":" + std::to_string(d.start.column) + "-" +
                  std::to_string(d.stop.line) + ":" + std::to_string(d.stop.column) + " " +
                  std::string(d.rule) + " " + (d.resource.empty() ? "-" : d.resource) + " " + fix;
  if (d.severity != lint::Severity::Error) s += std::string(" ") + lint::to_string(d.severity);
  return s + " " + d.path + "\n    " + d.message;
}

}  // namespace enclint::testing
