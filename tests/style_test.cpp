#include <catch2/catch.hpp>

#include "fix/style.hpp"
#include "support.hpp"

using namespace enclint;

namespace {
fix::FileStyle style_of(const std::string& text) {
  auto loaded = model::load(testing::make_source(text));
  REQUIRE(loaded.tpl);
  return fix::detect_style(*loaded.tpl);
}
}  // namespace

TEST_CASE("YAML indentation width is the most common nesting step") {
  CHECK(style_of("Resources:\n  A:\n    Type: x\n    Properties:\n      P: 1\n").indent == 2);
  CHECK(style_of("Resources:\n    A:\n        Type: x\n        Properties:\n            P: 1\n")
            .indent == 4);
  CHECK(style_of("Resources:\n   A:\n      Type: x\n").indent == 3);
}

TEST_CASE("sequence offset: indented, or at the key's column") {
  auto indented = style_of(
      "Resources:\n  A:\n    Type: x\n    Properties:\n      L:\n        - 1\n      M:\n        - "
      "2\n");
  CHECK(indented.seq_offset == 2);
  auto flush = style_of(
      "Resources:\n  A:\n    Type: x\n    Properties:\n      L:\n      - 1\n      M:\n      - 2\n");
  CHECK(flush.seq_offset == 0);
  // No sequence at all: fall back to the indentation width.
  CHECK(style_of("Resources:\n    A:\n        Type: x\n").seq_offset == 4);
}

TEST_CASE("JSON indentation unit, tabs and minified files") {
  auto two =
      style_of("{\n  \"Resources\": {\n    \"A\": {\n      \"Type\": \"x\"\n    }\n  }\n}\n");
  CHECK(two.json);
  CHECK(two.json_unit == "  ");
  CHECK_FALSE(two.minified);
  auto four = style_of(
      "{\n    \"Resources\": {\n        \"A\": {\n            \"Type\": \"x\"\n        }\n    "
      "}\n}\n");
  CHECK(four.json_unit == "    ");
  auto tabs =
      style_of("{\n\t\"Resources\": {\n\t\t\"A\": {\n\t\t\t\"Type\": \"x\"\n\t\t}\n\t}\n}\n");
  CHECK(tabs.json_unit == "\t");
  auto mini = style_of("{\"Resources\":{\"A\":{\"Type\":\"x\"}}}");
  CHECK(mini.minified);
  CHECK(mini.compact);
  auto one_line = style_of("{\"Resources\": {\"A\": {\"Type\": \"x\"}}}");
  CHECK(one_line.minified);
  CHECK_FALSE(one_line.compact);
}

TEST_CASE("newline style and short forms") {
  auto crlf = style_of("Resources:\r\n  A:\r\n    Type: x\r\n");
  CHECK(crlf.newline == "\r\n");
  CHECK(style_of("Resources:\n  A:\n    Type: x\n    Properties:\n      B: !Ref C\n").short_forms);
  CHECK_FALSE(style_of("Resources:\n  A:\n    Type: x\n    Properties:\n      B:\n        Ref: C\n")
                  .short_forms);
}
