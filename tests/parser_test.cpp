#include <catch2/catch.hpp>

#include "support.hpp"
#include "yaml/parser.hpp"

using namespace enclint;
using enclint::testing::check_ranges;
using enclint::testing::make_source;

namespace {

struct Parsed {
  std::shared_ptr<source::SourceFile> src;
  yaml::ParseResult result;
  std::string text_of(yaml::NodeId id) const {
    const auto& n = (*result.document)[id];
    return src->text().substr(n.begin, n.end - n.begin);
  }
  // The value node of a path of keys from the root.
  yaml::NodeId at(std::initializer_list<const char*> keys) const {
    yaml::NodeId n = result.document->root();
    for (const char* k : keys) n = result.document->get(n, k);
    return n;
  }
};

Parsed parse(const std::string& text) {
  Parsed p{make_source(text), {}};
  p.result = yaml::parse(*p.src);
  return p;
}

}  // namespace

TEST_CASE("scalar ranges in every style") {
  Parsed p = parse(
      "plain: hello world  # comment\n"
      "single: 'it''s'\n"
      "double: \"a \\\"q\\\" b\"\n"
      "tagged: !Sub \"x-${y}\"\n"
      "multi: first\n"
      "  second\n"
      "literal: |\n"
      "  line one\n"
      "\n"
      "  line: two\n"
      "folded: >-\n"
      "  a\n"
      "  b\n"
      "empty:\n"
      "tilde: ~\n"
      "last: x");
  REQUIRE(p.result.ok());
  CHECK(p.text_of(p.at({"plain"})) == "hello world");
  CHECK(p.text_of(p.at({"single"})) == "'it''s'");
  CHECK(p.text_of(p.at({"double"})) == "\"a \\\"q\\\" b\"");
  CHECK(p.text_of(p.at({"tagged"})) == "!Sub \"x-${y}\"");
  CHECK((*p.result.document)[p.at({"tagged"})].tag() == "!Sub");
  CHECK(p.text_of(p.at({"multi"})) == "first\n  second");
  CHECK(p.text_of(p.at({"literal"})) == "|\n  line one\n\n  line: two");
  CHECK(p.text_of(p.at({"folded"})) == ">-\n  a\n  b");
  CHECK(p.text_of(p.at({"empty"})).empty());
  CHECK(p.text_of(p.at({"tilde"})) == "~");
  CHECK(p.text_of(p.at({"last"})) == "x");
  CHECK(check_ranges(*p.src, *p.result.document).empty());
}

TEST_CASE("the empty value of a key sits right after its colon") {
  Parsed p = parse("A:\n  Properties:\n  Type: x\n");
  REQUIRE(p.result.ok());
  const auto& n = (*p.result.document)[p.at({"A", "Properties"})];
  CHECK(n.kind == yaml::Kind::Null);
  CHECK(n.begin == 16);  // after "A:\n  Properties:"
  CHECK(n.begin == n.end);
}

TEST_CASE("collection ranges: block ends at the last child, flow at its bracket") {
  Parsed p = parse(
      "Outer:\n"
      "  Inner:\n"
      "    - a: 1\n"
      "      b: [1, {c: d}]   # trailing\n"
      "  Flow: { x: 1,\n"
      "          y: 2 }\n"
      "  Indentless:\n"
      "  - one\n"
      "  - two\n");
  REQUIRE(p.result.ok());
  CHECK(p.text_of(p.at({"Outer", "Inner"})) == "- a: 1\n      b: [1, {c: d}]");
  CHECK(p.text_of(p.at({"Outer", "Flow"})) == "{ x: 1,\n          y: 2 }");
  CHECK(p.text_of(p.at({"Outer", "Indentless"})) == "- one\n  - two");
  CHECK(check_ranges(*p.src, *p.result.document).empty());
}

TEST_CASE("JSON ranges, keys included") {
  Parsed p = parse("{\n  \"A\": {\"x\": [1, 2]},\n  \"B\": null\n}");
  REQUIRE(p.result.ok());
  const auto& doc = *p.result.document;
  CHECK(p.text_of(p.at({"A"})) == "{\"x\": [1, 2]}");
  CHECK(p.text_of(doc.key_of(doc.root(), "B")) == "\"B\"");
  CHECK(p.text_of(p.at({"B"})) == "null");
  CHECK(p.text_of(doc.root()) == "{\n  \"A\": {\"x\": [1, 2]},\n  \"B\": null\n}");
  CHECK(check_ranges(*p.src, doc).empty());
}

TEST_CASE("a BOM shifts every offset by three bytes") {
  Parsed p = parse(
      "\xEF\xBB\xBF"
      "Key: value\r\nOther: 'q'\r\n");
  REQUIRE(p.result.ok());
  CHECK(p.text_of(p.at({"Key"})) == "value");
  CHECK(p.text_of(p.at({"Other"})) == "'q'");
  CHECK((*p.result.document)[p.at({"Key"})].begin == 8);
}

TEST_CASE("a tagged block scalar that starts a sequence entry parses (yaml-cpp workaround)") {
  Parsed p = parse("a:\n  - \"x\"\n  - !Sub |\n    echo hi: ${There}\n  - z\n");
  REQUIRE(p.result.ok());
  const auto& doc = *p.result.document;
  yaml::NodeId seq = p.at({"a"});
  yaml::NodeId item = doc[seq].children()[1];
  CHECK(doc[item].tag() == "!Sub");
  CHECK(doc[item].value() == "echo hi: ${There}\n");
  CHECK(p.text_of(item) == "!Sub |\n    echo hi: ${There}");
  CHECK(check_ranges(*p.src, doc).empty());
}

TEST_CASE("a compact mapping inside a flow sequence ends with its value") {
  Parsed p = parse("Fn::Sub: ['Hello ${A}',\n  A: World]\n");
  REQUIRE(p.result.ok());
  CHECK(check_ranges(*p.src, *p.result.document).empty());
}

TEST_CASE("duplicate keys are rejected where the second one is") {
  Parsed p = parse("Resources:\n  A:\n    Type: x\n  A:\n    Type: y\n");
  REQUIRE_FALSE(p.result.ok());
  CHECK(p.result.error->message.find("duplicate key 'A'") != std::string::npos);
  CHECK(p.src->position(p.result.error->offset).line == 4);
  CHECK(p.src->position(p.result.error->offset).column == 3);
}

TEST_CASE("JSON duplicate keys and quoted/plain spellings of one key are duplicates") {
  CHECK_FALSE(parse("{\"a\": 1, \"a\": 2}").result.ok());
  CHECK_FALSE(parse("a: 1\n'a': 2\n").result.ok());
  CHECK(parse("a: 1\nb: 2\n").result.ok());
}

TEST_CASE("duplicate keys are found in small and in big (hashed) mappings, merge keys excepted") {
  for (int n : {3, 16, 17, 100}) {
    std::string text;
    for (int i = 0; i < n; ++i) text += "k" + std::to_string(i) + ": 1\n";
    INFO(n);
    CHECK(parse(text).result.ok());
    Parsed dup = parse(text + "k" + std::to_string(n / 2) + ": 2\n");
    REQUIRE_FALSE(dup.result.ok());
    CHECK(dup.result.error->message.find("duplicate key 'k" + std::to_string(n / 2) + "'") !=
          std::string::npos);
    CHECK(dup.src->position(dup.result.error->offset).line == static_cast<std::size_t>(n + 1));
    CHECK(parse("b: &b {x: 1}\nc: &c {y: 1}\nm:\n  <<: *b\n  <<: *c\n" +
                [&] {
                  std::string s;
                  for (int i = 0; i < n; ++i) s += "  k" + std::to_string(i) + ": 1\n";
                  return s;
                }())
              .result.ok());
  }
}

TEST_CASE("more than one document is an error at the second one") {
  Parsed p = parse("a: 1\n---\nb: 2\n");
  REQUIRE_FALSE(p.result.ok());
  CHECK(p.src->position(p.result.error->offset).line == 2);
}

TEST_CASE("syntax errors carry their position") {
  Parsed p = parse("a: 1\nb: [1, 2\n");
  REQUIRE_FALSE(p.result.ok());
  CHECK(p.src->position(p.result.error->offset).line >= 2);
}

TEST_CASE("aliases point at their anchors and are marked shared") {
  Parsed p = parse("a: &x {b: 1}\nc: *x\nd:\n  <<: *x\n  e: 2\n");
  REQUIRE(p.result.ok());
  const auto& doc = *p.result.document;
  yaml::NodeId a = p.at({"a"});
  CHECK(doc[a].aliased);
  CHECK(doc.resolve(p.at({"c"})) == a);
  bool via_merge = false;
  CHECK(doc.text(doc.get(p.at({"d"}), "b", &via_merge)) == "1");
  CHECK(via_merge);
  CHECK(doc.shared_by_alias(doc.get(a, "b")));
  CHECK_FALSE(doc.shared_by_alias(p.at({"d"})));
}

TEST_CASE("an empty or comment-only file has no document") {
  CHECK_FALSE(parse("").result.document.has_value());
  CHECK(parse("").result.ok());
  CHECK_FALSE(parse("# just a comment\n").result.document.has_value());
}
