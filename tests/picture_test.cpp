// --format mermaid and dot: what they draw, and mermaid's syntax checked
// line by line against the grammar of the flowchart statements we write
// (no mermaid parser is packaged for Debian; dot output is rendered by the
// real Graphviz in tests/integration/dot.sh).
#include <catch2/catch.hpp>

#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "support.hpp"

using namespace enclint;
using testing::run_tool;

namespace {

const std::filesystem::path kFixtures = std::filesystem::path(ENCLINT_SOURCE_DIR) / "fixtures";

// A quoted label: no raw quote, `<` only in `<br/>`, `#` only in an entity.
bool good_label(const std::string& s) {
  static const std::regex re(R"re(([^"<>#]|<br/>|#[a-z0-9]+;)*)re");
  return std::regex_match(s, re);
}

// The problems of a mermaid flowchart, by the statements of its grammar we use.
std::vector<std::string> mermaid_problems(const std::string& text) {
  static const std::regex subgraph(R"re(  subgraph ([A-Za-z][A-Za-z0-9_]*)\["(.*)"\])re");
  static const std::regex node(
      R"re(    ([A-Za-z][A-Za-z0-9_]*)(\[\("(.*)"\)\]|\{\{"(.*)"\}\}|\(\["(.*)"\]\)))re");
  static const std::regex link(
      R"re(  ([A-Za-z][A-Za-z0-9_]*) (-->|-\.->|==>)\|"(.*)"\| ([A-Za-z][A-Za-z0-9_]*))re");
  static const std::regex cls(R"re(  class ([A-Za-z][A-Za-z0-9_]*) ([a-z]+))re");
  static const std::regex link_style(
      R"re(  linkStyle ([0-9]+) stroke:#[0-9a-f]{6},stroke-width:2px)re");
  static const std::regex class_def(
      R"re(  classDef ([a-z]+) fill:#[0-9a-f]{6},stroke:#[0-9a-f]{6})re");
  std::vector<std::string> problems;
  std::istringstream in(text);
  std::string line;
  std::set<std::string> ids, defined, used;
  std::size_t links = 0, depth = 0, n = 0;
  std::vector<std::size_t> styled;
  while (std::getline(in, line)) {
    std::smatch m;
    auto bad = [&](const std::string& why) {
      problems.push_back("line " + std::to_string(n) + ": " + why + ": " + line);
    };
    ++n;
    if (n == 1) {
      if (line != "flowchart LR") bad("not a flowchart header");
    } else if (std::regex_match(line, m, subgraph)) {
      if (depth++ != 0) bad("nested subgraph");
      if (!good_label(m[2])) bad("label");
      ids.insert(m[1]);
    } else if (line == "  end") {
      if (depth-- != 1) bad("end without subgraph");
    } else if (std::regex_match(line, m, node)) {
      if (depth != 1) bad("node outside a subgraph");
      if (!ids.insert(m[1]).second) bad("node declared twice");
      std::string label = m[3].matched ? m[3] : m[4].matched ? m[4] : m[5];
      if (!good_label(label)) bad("label");
    } else if (std::regex_match(line, m, link)) {
      if (!ids.count(m[1]) || !ids.count(m[4])) bad("link to an undeclared node");
      if (!good_label(m[3])) bad("label");
      ++links;
    } else if (std::regex_match(line, m, cls)) {
      if (!ids.count(m[1])) bad("class of an undeclared node");
      used.insert(m[2]);
    } else if (std::regex_match(line, m, link_style)) {
      styled.push_back(std::stoul(m[1]));
    } else if (std::regex_match(line, m, class_def)) {
      defined.insert(m[1]);
    } else {
      bad("not a statement of the grammar");
    }
  }
  if (depth != 0) problems.emplace_back("subgraph not closed");
  for (std::size_t s : styled)
    if (s >= links) problems.push_back("linkStyle " + std::to_string(s) + " of no link");
  for (const auto& c : used)
    if (!defined.count(c)) problems.push_back("class " + c + " is not defined");
  return problems;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("mermaid: the grammar check rejects what mermaid would") {
  CHECK(mermaid_problems("flowchart LR\n  subgraph file0[\"a\"]\n    f0n0[(\"x\")]\n  end\n")
            .empty());
  CHECK_FALSE(mermaid_problems("graph\n").empty());
  CHECK_FALSE(mermaid_problems("flowchart LR\n  subgraph file0[\"a\"]\n").empty());
  CHECK_FALSE(mermaid_problems("flowchart LR\n  subgraph file0[\"a \"b\"\"]\n  end\n").empty());
  CHECK_FALSE(mermaid_problems("flowchart LR\n  a -->|\"x\"| b\n").empty());
  CHECK_FALSE(
      mermaid_problems("flowchart LR\n  linkStyle 0 stroke:#c62828,stroke-width:2px\n").empty());
  CHECK_FALSE(mermaid_problems("flowchart LR\n  subgraph file0[\"a\"]\n    n[(\"x\")]\n  end\n"
                               "  class n missing\n")
                  .empty());
}

TEST_CASE("mermaid: stores, keys and principals of several templates, with denied edges") {
  auto r = run_tool("-f mermaid ENC011/travel-guide.yaml ENC011/iam.yaml ENC203/two-rules.yaml",
                    kFixtures / "rules");
  CHECK(r.exit_code == 1);
  for (const auto& p : mermaid_problems(r.out)) FAIL_CHECK(p);
  CHECK(count(r.out, "  subgraph ") == 3);
  // The six tables and two buckets of the travel guide, its key, its seven functions.
  CHECK(count(r.out, "[(\"") == 8 + 2 + 1);
  CHECK(count(r.out, "{{\"") == 2);
  CHECK(count(r.out, " ==>|") == 9);  // what ENC011 reports, drawn in red
  CHECK(count(r.out, "  linkStyle ") == 9);
  CHECK(r.out.find("f0n2[(\"ArticlesTable<br/>DynamoDB::Table<br/>key DataKey\")]") !=
        std::string::npos);
  CHECK(r.out.find("|\"read (event ArticleChanges): no key use (ENC011)\"|") != std::string::npos);
  CHECK(r.out.find("class f2n0 finding") != std::string::npos);  // MixedBucket has findings
}

TEST_CASE("mermaid and dot: names that need escaping, and no template") {
  std::string tpl = testing::read_file(kFixtures / "rules" / "ENC011" / "flow.yaml");
  auto m = run_tool("-f mermaid --stdin-filename 'a \"b\" <c> #d.yaml' -", kFixtures, tpl);
  for (const auto& p : mermaid_problems(m.out)) FAIL_CHECK(p);
  CHECK(m.out.find("subgraph file0[\"a #quot;b#quot; #lt;c#gt; #35;d.yaml\"]") !=
        std::string::npos);
  auto d = run_tool("-f dot --stdin-filename 'a \"b\" \\c.yaml' -", kFixtures, tpl);
  CHECK(d.out.find("label=\"a \\\"b\\\" \\\\c.yaml\";") != std::string::npos);
  auto empty = run_tool("-f mermaid -", kFixtures, "Resources: {}\n");
  CHECK(empty.exit_code == 0);
  CHECK(mermaid_problems(empty.out).empty());
  CHECK(count(empty.out, "subgraph") == 0);
  auto none = run_tool("-f dot -", kFixtures, "Resources: {}\n");
  CHECK(none.out.rfind("digraph \"cfn-enclint\" {\n", 0) == 0);
  CHECK(none.out.find("subgraph") == std::string::npos);
}
