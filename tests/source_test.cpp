#include <catch2/catch.hpp>

#include "source/source_file.hpp"

using enclint::source::SourceFile;

TEST_CASE("positions are 1-based lines and code-point columns") {
  SourceFile f("t",
               "ab\nc\xC3\xA9"
               "d\n");  // "cÃ©d": é is two bytes, one code point
  CHECK(f.position(0).line == 1);
  CHECK(f.position(0).column == 1);
  CHECK(f.position(3).line == 2);
  CHECK(f.position(3).column == 1);
  CHECK(f.position(6).column == 3);  // 'd' after c and é
  CHECK(f.line_count() == 3);
}

TEST_CASE("a BOM is not a column and is remembered") {
  SourceFile f("t",
               "\xEF\xBB\xBF"
               "a: 1\n");
  CHECK(f.has_bom());
  CHECK(f.content_begin() == 3);
  CHECK(f.position(3).column == 1);
  CHECK(f.position(6).column == 4);
}

TEST_CASE("newline style is the first line break's") {
  CHECK(SourceFile("t", "a\r\nb\n").newline() == "\r\n");
  CHECK(SourceFile("t", "a\nb\r\n").newline() == "\n");
  CHECK(SourceFile("t", "a").newline() == "\n");
  CHECK_FALSE(SourceFile("t", "a").ends_with_newline());
  CHECK(SourceFile("t", "a\n").ends_with_newline());
}

TEST_CASE("line_end stops before CR LF") {
  SourceFile f("t", "ab\r\ncd");
  CHECK(f.line_end(0) == 2);
  CHECK(f.line_end(4) == 6);
  CHECK(f.line_start(5) == 4);
}

TEST_CASE("UTF-8 validation finds NUL, stray and overlong bytes") {
  using enclint::source::find_invalid_utf8;
  CHECK_FALSE(find_invalid_utf8("plain \xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80").has_value());
  CHECK(find_invalid_utf8(std::string("a\0b", 3)) == 1u);
  CHECK(find_invalid_utf8("ab\xFF") == 2u);
  CHECK(find_invalid_utf8("\xC0\x80") == 0u);       // overlong NUL
  CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1u);  // surrogate
  CHECK(find_invalid_utf8("x\xE2\x82") == 1u);      // truncated
}
