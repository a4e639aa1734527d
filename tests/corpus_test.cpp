// Over the real-world corpus at ../shared/corpus (read-only; never copied
// into the project). Exits 77 — reported by CTest as skipped — when absent.
//  - every file lints or is rejected with a positioned error, never a crash;
//  - a lint-only run (no fix edits kept) finds the same, with the same fix titles;
//  - every node's byte range re-parses to the same value;
//  - --fix (in memory) only inserts, re-parses, verifies, leaves no safe
//    fix behind, and is idempotent;
//  - at level cmk with --kms-key and --unsafe-fixes, every rule's fixes
//    (the unsafe ones too) verify, leave nothing fixable and are idempotent;
//  - the resource graph of every template builds, and its edges are sane;
//  - the block YAML reader and yaml-cpp read every file to the same document.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <filesystem>
#include <iostream>
#include <map>

#include "engine/fix_loop.hpp"
#include "fix/apply.hpp"
#include "lint/linter.hpp"
#include "model/access.hpp"
#include "model/graph.hpp"
#include "rules/registry.hpp"
#include "support.hpp"

using namespace enclint;
namespace fs = std::filesystem;

namespace {

std::vector<fs::path> corpus_files() {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(ENCLINT_CORPUS_DIR)) {
    std::string ext = e.path().extension().string();
    if (e.is_regular_file() &&
        (ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template"))
      files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("corpus: every template lints, re-parses by range, and fixes cleanly") {
  auto files = corpus_files();
  REQUIRE(files.size() > 700);
  std::map<std::string_view, int> findings, fixed;
  int templates = 0, errors = 0, skipped = 0, fixed_files = 0, declined = 0;
  for (const fs::path& p : files) {
    INFO(p.string());
    std::string original = testing::read_file(p);
    auto loaded = model::load(testing::make_source(original, p.string()));
    if (loaded.status == model::LoadResult::Status::Error) {
      ++errors;
      CHECK_FALSE(loaded.message.empty());
      continue;
    }
    if (!loaded.tpl) {
      ++skipped;
      continue;
    }
    ++templates;
    auto failures = testing::check_ranges(loaded.tpl->source(), loaded.tpl->doc());
    for (const auto& f : failures) FAIL_CHECK(f);

    auto diags = lint::run_rules(*loaded.tpl, rules::all(), {});
    // Without fix edits (a lint-only run) the findings are the same, and
    // their fixes the same titles, only without the edits.
    lint::Options slim;
    slim.fix_edits = false;
    auto titles = lint::run_rules(*loaded.tpl, rules::all(), slim);
    REQUIRE(titles.size() == diags.size());
    for (std::size_t i = 0; i < diags.size(); ++i) {
      CHECK(titles[i].message == diags[i].message);
      CHECK(titles[i].begin == diags[i].begin);
      CHECK(titles[i].not_fixable == diags[i].not_fixable);
      REQUIRE(titles[i].fix.has_value() == diags[i].fix.has_value());
      if (!diags[i].fix) continue;
      CHECK(titles[i].fix->title == diags[i].fix->title);
      CHECK(titles[i].fix->applicability == diags[i].fix->applicability);
      if (!diags[i].fix->shared_uses) CHECK(titles[i].fix->edits.empty());
    }
    bool any_fix = false;
    for (const auto& d : diags) {
      ++findings[d.rule];
      if (d.fix && d.fix->applicability == fix::Applicability::Safe) any_fix = true;
      if (!d.fix) ++declined;
    }
    if (!any_fix) continue;
    auto result = engine::fix_loop(*loaded.tpl, diags, rules::all(), {}, false);
    INFO(result.error);
    REQUIRE(result.ok);
    CHECK(result.text() != original);
    CHECK(fix::is_insert_only(original, result.text()));
    // The streaming verifier (big files) agrees on every corpus file.
    auto streamed =
        engine::fix_loop(*loaded.tpl, diags, rules::all(), {}, false, /*stream_verify_from=*/0);
    INFO("streamed: " << streamed.error);
    CHECK(streamed.ok);
    CHECK(streamed.text() == result.text());
    auto again = model::load(testing::make_source(std::string(result.text()), p.string()));
    REQUIRE(again.tpl);
    auto left = lint::run_rules(*again.tpl, rules::all(), {});
    for (const auto& d : left)
      CHECK_FALSE((d.fix && d.fix->applicability == fix::Applicability::Safe));
    auto second = engine::fix_loop(*again.tpl, left, rules::all(), {}, false);
    REQUIRE(second.ok);
    CHECK(second.text() == result.text());
    ++fixed_files;
    for (const auto& d : diags)
      if (d.fix) ++fixed[d.rule];
  }
  std::cout << "corpus: " << files.size() << " files, " << templates << " templates, " << skipped
            << " not templates, " << errors << " rejected with an error; " << fixed_files
            << " files fixed; " << declined << " findings without a fix\n";
  for (const auto& [rule, n] : findings)
    std::cout << "  " << rule << ": " << n << " findings, " << fixed[rule] << " fixed\n";
  CHECK(templates > 650);
}

TEST_CASE("corpus: level cmk, a key and unsafe fixes: every fix verifies and is idempotent") {
  lint::Options options;
  options.level = lint::Level::Cmk;
  options.fix.kms_key =
      "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
  options.fix.sse_algorithm = "aws:kms";
  std::map<std::string_view, int> findings, fixed;
  int fixed_files = 0;
  for (const fs::path& p : corpus_files()) {
    INFO(p.string());
    std::string original = testing::read_file(p);
    auto loaded = model::load(testing::make_source(original, p.string()));
    if (!loaded.tpl) continue;
    auto diags = lint::run_rules(*loaded.tpl, rules::all(), options);
    bool any_fix = false;
    for (const auto& d : diags) {
      ++findings[d.rule];
      if (d.fix) ++fixed[d.rule];
      any_fix |= engine::fix_allowed(d, true);
    }
    if (!any_fix) continue;
    auto result = engine::fix_loop(*loaded.tpl, diags, rules::all(), options, true);
    INFO(result.error);
    REQUIRE(result.ok);
    CHECK(result.text() != original);
    auto again = model::load(testing::make_source(std::string(result.text()), p.string()));
    REQUIRE(again.tpl);
    auto left = lint::run_rules(*again.tpl, rules::all(), options);
    for (const auto& d : left) {
      INFO(d.rule << " " << d.message);
      CHECK_FALSE(engine::fix_allowed(d, true));
    }
    auto second = engine::fix_loop(*again.tpl, left, rules::all(), options, true);
    REQUIRE(second.ok);
    CHECK(second.text() == result.text());
    ++fixed_files;
  }
  std::cout << "corpus at level cmk with a key and unsafe fixes: " << fixed_files
            << " files fixed\n";
  for (const auto& [rule, n] : findings)
    std::cout << "  " << rule << ": " << n << " findings, " << fixed[rule] << " with a fix\n";
  CHECK(fixed_files > 0);
}

TEST_CASE("corpus: the block YAML reader and yaml-cpp agree on every file") {
  int taken = 0, yaml_files = 0;
  for (const fs::path& p : corpus_files()) {
    if (p.extension() == ".json") continue;
    INFO(p.string());
    auto src = testing::make_source(testing::read_file(p), p.string());
    bool fast = false;
    CHECK(testing::compare_readers(*src, &fast) == "");
    ++yaml_files;
    taken += fast;
  }
  std::cout << "corpus: the block reader took " << taken << " of " << yaml_files
            << " YAML files; yaml-cpp read the others\n";
  CHECK(taken * 10 > yaml_files * 7);  // most templates are in the subset
}

TEST_CASE("corpus: the resource graph of every template") {
  std::map<std::string, std::size_t> by_kind;
  std::size_t graphs = 0, nodes = 0;
  for (const fs::path& p : corpus_files()) {
    INFO(p.string());
    auto loaded = model::load(testing::make_source(testing::read_file(p), p.string()));
    if (!loaded.tpl) continue;
    model::Graph g(*loaded.tpl);
    ++graphs;
    nodes += g.nodes().size();
    REQUIRE(g.nodes().size() >= loaded.tpl->resources().size());
    for (const model::Edge& e : g.edges()) {
      REQUIRE(e.from < g.nodes().size());
      REQUIRE(e.to < g.nodes().size());
      CHECK((e.at == yaml::kNone || e.at < loaded.tpl->doc().size()));
      ++by_kind[model::to_string(e.kind)];
      const model::GraphNode& to = g.nodes()[e.to];
      if (e.kind == model::EdgeKind::Access || e.kind == model::EdgeKind::EventSource)
        CHECK_FALSE(model::service_of(to.type).empty());
      if (e.kind == model::EdgeKind::EncryptedWith) CHECK(to.type == "AWS::KMS::Key");
      if (e.kind == model::EdgeKind::Publishes) CHECK(to.type == "AWS::SNS::Topic");
      if (e.kind == model::EdgeKind::Condition) CHECK(to.kind == model::NodeKind::Condition);
      if (e.kind == model::EdgeKind::DependsOn) CHECK(to.kind == model::NodeKind::Resource);
    }
  }
  std::cout << "graph: " << graphs << " templates, " << nodes << " nodes;";
  for (const auto& [kind, n] : by_kind) std::cout << " " << kind << " " << n;
  std::cout << "\n";
  // The corpus is real SAM and CloudFormation: every kind of edge occurs.
  for (const char* kind : {"Ref", "GetAtt", "Sub", "DependsOn", "Condition", "Access",
                           "EventSource", "Attached", "EncryptedWith", "Publishes"})
    CHECK(by_kind[kind] > 0);
  CHECK(by_kind["Ref"] > 1000);
}

int main(int argc, char** argv) {
  if (!fs::is_directory(ENCLINT_CORPUS_DIR)) {
    std::cout << "SKIPPED: the corpus is not at " << ENCLINT_CORPUS_DIR
              << " (it lives beside the project as ../shared/corpus)\n";
    return 77;
  }
  return Catch::Session().run(argc, argv);
}
