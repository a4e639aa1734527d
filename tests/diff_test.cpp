#include <catch2/catch.hpp>

#include "fix/apply.hpp"
#include "fix/diff.hpp"

using enclint::fix::is_insert_only;
using enclint::fix::unified_diff;

TEST_CASE("unified diff of an insertion shows only added lines with context") {
  std::string a = "1\n2\n3\n4\n5\n6\n7\n8\n";
  std::string b = "1\n2\n3\n4\nX\nY\n5\n6\n7\n8\n";
  CHECK(unified_diff(a, b, "a/t", "b/t") ==
        "--- a/t\n+++ b/t\n@@ -2,6 +2,8 @@\n 2\n 3\n 4\n+X\n+Y\n 5\n 6\n 7\n");
}

TEST_CASE("distant changes make separate hunks, near ones share one") {
  std::string a, b;
  for (int i = 1; i <= 30; ++i) {
    a += std::to_string(i) + "\n";
    b += std::to_string(i) + "\n";
    if (i == 3 || i == 25) b += "new\n";
  }
  std::string d = unified_diff(a, b, "a/t", "b/t");
  CHECK(d.find("@@ -1,6 +1,7 @@") != std::string::npos);
  CHECK(d.find("@@ -23,6 +24,7 @@") != std::string::npos);
}

TEST_CASE("a missing final newline is marked as diff marks it") {
  std::string d = unified_diff("a\nb", "a\nb\nc", "a/t", "b/t");
  CHECK(d ==
        "--- a/t\n+++ b/t\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n"
        "\\ No newline at end of file\n");
}

TEST_CASE("no change, no diff") { CHECK(unified_diff("x\n", "x\n", "a", "b").empty()); }

TEST_CASE("insert-only holds exactly when every original byte survives in order") {
  CHECK(is_insert_only("abc", "aXbYc"));
  CHECK(is_insert_only("", "anything"));
  CHECK_FALSE(is_insert_only("abc", "acb"));
  CHECK_FALSE(is_insert_only("abc", "ab"));
  CHECK_FALSE(is_insert_only("a\r\nb", "a\nb"));
}
