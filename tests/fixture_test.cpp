// The fixture harness (ruff's snapshot tests, clang-tidy's check files):
// fixtures/rules/<RULE>/<case>.{yaml,json} with <case>.expected beside it
// (each finding as two lines: position, rule, resource, fix and template
// path; then the message, indented) and, where fixable, <case>.fixed.<ext>; an optional
// <case>.options (YAML: level, kms_key, sse_algorithm, unsafe,
// foreign_suppressions) sets what the command line would. For every
// case it also enforces the fixer's invariants: insert-only, the result
// re-parses, nothing fixable is left, a second run changes nothing, the
// rule's declared fix availability matches what it does, and no two findings
// share an identity (rule + template path, engine::finding_key).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include <yaml-cpp/yaml.h>

#include "engine/fix_loop.hpp"
#include "fix/apply.hpp"
#include "lint/linter.hpp"
#include "rules/registry.hpp"
#include "support.hpp"

using namespace enclint;
namespace fs = std::filesystem;

namespace {

struct Case {
  std::string rule;
  fs::path input;
};

std::vector<Case> all_cases() {
  std::vector<Case> cases;
  fs::path root = fs::path(ENCLINT_SOURCE_DIR) / "fixtures" / "rules";
  for (const auto& dir : fs::directory_iterator(root)) {
    if (!dir.is_directory()) continue;
    for (const auto& f : fs::directory_iterator(dir.path())) {
      std::string name = f.path().filename().string();
      std::string ext = f.path().extension().string();
      if ((ext == ".yaml" || ext == ".json") && name.find(".fixed.") == std::string::npos)
        cases.push_back({dir.path().filename().string(), f.path()});
    }
  }
  std::sort(cases.begin(), cases.end(),
            [](const Case& a, const Case& b) { return a.input < b.input; });
  return cases;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

bool availability_allows(lint::FixAvailability declared, fix::Applicability a) {
  switch (declared) {
    case lint::FixAvailability::None: return false;
    case lint::FixAvailability::Safe: return a == fix::Applicability::Safe;
    case lint::FixAvailability::Unsafe: return a == fix::Applicability::Unsafe;
    case lint::FixAvailability::SafeOrUnsafe: return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every rule has at least 8 fixture cases") {
  auto cases = all_cases();
  for (const lint::Rule* rule : rules::all()) {
    auto n = std::count_if(cases.begin(), cases.end(),
                           [&](const Case& c) { return c.rule == rule->info().id; });
    INFO(rule->info().id);
    CHECK(n >= 8);
  }
}

TEST_CASE("rule fixtures: findings, fixed text and fixer invariants") {
  auto cases = all_cases();
  REQUIRE_FALSE(cases.empty());
  for (const Case& c : cases) {
    DYNAMIC_SECTION(c.rule + "/" + c.input.filename().string()) {
      const lint::Rule* rule = rules::find(c.rule);
      REQUIRE(rule != nullptr);
      lint::Options options;
      options.select = {c.rule};
      bool unsafe = false;
      fs::path options_path = c.input;
      options_path.replace_extension(".options");
      if (fs::exists(options_path)) {
        YAML::Node o = YAML::LoadFile(options_path.string());
        for (const auto& kv : o) {
          std::string k = kv.first.as<std::string>();
          INFO("unknown key in " << options_path.string() << ": " << k);
          REQUIRE((k == "level" || k == "kms_key" || k == "sse_algorithm" || k == "unsafe" ||
                   k == "foreign_suppressions"));
        }
        if (o["level"])
          options.level =
              o["level"].as<std::string>() == "cmk" ? lint::Level::Cmk : lint::Level::Baseline;
        if (o["kms_key"]) options.fix.kms_key = o["kms_key"].as<std::string>();
        options.fix.sse_algorithm = o["sse_algorithm"] ? o["sse_algorithm"].as<std::string>()
                                    : options.fix.kms_key.empty() ? "AES256"
                                                                  : "aws:kms";
        if (o["unsafe"]) unsafe = o["unsafe"].as<bool>();
        if (o["foreign_suppressions"])
          options.foreign_suppressions = o["foreign_suppressions"].as<bool>();
      }
      std::vector<const lint::Rule*> rules{rule};

      std::string original = testing::read_file(c.input);
      auto loaded = model::load(testing::make_source(original, c.input.string()));
      INFO(loaded.message);
      REQUIRE(loaded.tpl);
      auto diags = lint::run_rules(*loaded.tpl, rules, options);

      std::vector<std::string> got;
      for (const auto& d : diags) {
        // Two lines each: where and what, then the message users read.
        std::string both = testing::describe(d);
        std::size_t nl = both.find('\n');
        got.push_back(both.substr(0, nl));
        got.push_back(both.substr(nl + 1));
        if (d.fix) {
          INFO(d.rule << " gave a fix its metadata does not declare");
          // No insertion fills an explicit null: replacing one is unsafe
          // whatever the rule's fixes are otherwise.
          bool replaces_null = d.fix->title.find("(replacing the ") != std::string::npos;
          CHECK((availability_allows(rule->info().fix, d.fix->applicability) ||
                 (replaces_null && d.fix->applicability == fix::Applicability::Unsafe)));
        }
      }
      // The fix loop and the report tell findings apart by rule and template
      // path: two with one identity make a fixed one look unfixed.
      std::set<std::string> identities;
      for (const auto& d : diags) {
        INFO("two findings with the identity " << engine::finding_key(d));
        CHECK(identities.insert(engine::finding_key(d)).second);
      }
      fs::path expected_path = c.input;
      expected_path.replace_extension(".expected");
      REQUIRE(fs::exists(expected_path));
      CHECK(got == lines_of(testing::read_file(expected_path)));

      auto result = engine::fix_loop(*loaded.tpl, diags, rules, options, unsafe);
      INFO(result.error);
      REQUIRE(result.ok);
      fs::path fixed_path = c.input;
      fixed_path.replace_extension(".fixed" + c.input.extension().string());
      bool has_safe = std::any_of(diags.begin(), diags.end(), [&](const lint::Diagnostic& d) {
        return engine::fix_allowed(d, unsafe);
      });
      // The streaming verifier (big files) takes every fixture to the same result.
      auto streamed =
          engine::fix_loop(*loaded.tpl, diags, rules, options, unsafe, /*stream_verify_from=*/0);
      INFO("streamed: " << streamed.error);
      CHECK(streamed.ok);
      CHECK(streamed.text() == result.text());
      if (fs::exists(fixed_path)) {
        CHECK(result.text() == testing::read_file(fixed_path));
      } else {
        CHECK_FALSE(has_safe);
        CHECK(result.text() == original);
      }
      bool any_unsafe = std::any_of(diags.begin(), diags.end(), [&](const lint::Diagnostic& d) {
        return unsafe && d.fix && d.fix->applicability == fix::Applicability::Unsafe;
      });
      if (!any_unsafe) CHECK(fix::is_insert_only(original, result.text()));

      // The fixed text parses, has nothing safe left to fix, and a second run changes nothing.
      auto again = model::load(testing::make_source(std::string(result.text()), c.input.string()));
      REQUIRE(again.tpl);
      auto left = lint::run_rules(*again.tpl, rules, options);
      for (const auto& d : left) CHECK_FALSE(engine::fix_allowed(d, unsafe));
      auto second = engine::fix_loop(*again.tpl, left, rules, options, unsafe);
      REQUIRE(second.ok);
      CHECK(second.text() == result.text());
      CHECK(testing::check_ranges(again.tpl->source(), again.tpl->doc()).empty());
    }
  }
}
