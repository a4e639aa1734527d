// The layout matrix's style dimensions: what the inserted text must look
// like beyond its meaning — the dash offset learnt only from plain block
// sequences (not from ones under a tag or in flow style over several lines),
// quoted keys where the file quotes them, JSON's spacing around `:`, and a
// filled `{ }` without a stray blank.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <vector>

#include "layout_matrix.hpp"

using namespace enclint::testing::matrix;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    std::string line = text.substr(start, nl == std::string::npos ? std::string::npos : nl - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  return lines;
}

// What the inserted text must look like, beyond its meaning: no blank at the
// end of a line; each `- ServerSideEncryptionByDefault:` `seq_offset` columns
// from its `ServerSideEncryptionConfiguration:`; quoted keys where the file
// quotes them; a filled `{ }` as balanced as it was.
void check_style(const std::string& fixed, int seq_offset, bool quoted, bool braces) {
  std::size_t config_col = std::string::npos;
  for (const std::string& line : lines_of(fixed)) {
    INFO(line);
    CHECK((line.empty() || (line.back() != ' ' && line.back() != '\t')));
    std::size_t at = line.find_first_not_of(' ');
    if (at == std::string::npos) continue;
    if (line.find("ServerSideEncryptionConfiguration") != std::string::npos &&
        line.find('[') == std::string::npos)
      config_col = at;
    if (line.find("- ServerSideEncryptionByDefault") == at ||
        line.find("- \"ServerSideEncryptionByDefault\"") == at)
      CHECK(static_cast<int>(at) - static_cast<int>(config_col) == seq_offset);
    if (quoted) CHECK(quote_key(line) == line);  // no unquoted key
    if (braces && (line.find("Properties: { ") != std::string::npos ||
                   line.find("Properties\": { ") != std::string::npos))
      CHECK(line.compare(line.size() - 2, 2, " }") == 0);
  }
}

}  // namespace

TEST_CASE("layout matrix: YAML sequences under tags and over lines, quoted keys, { }") {
  int variants = 0;
  for (int width : {2, 4})
    for (bool indented : {true, false})
      for (bool crlf : {false, true})
        for (int other_seqs : {0, 1, 2})
          for (bool quoted : {false, true})
            for (bool braces : {false, true}) {
              Layout l{width, indented, crlf, false, true, 0, 2, other_seqs, quoted, braces};
              INFO(l.name());
              std::string original = yaml_template(l);
              std::string fixed = run_fix(original);
              check_fixed(original, fixed, crlf, {"B1", "B2", "B3", "B4", "B6"}, true);
              check_style(fixed, indented ? width : 0, quoted, braces);
              CHECK(run_fix(fixed) == fixed);
              ++variants;
            }
  CHECK(variants == 96);
}

TEST_CASE("layout matrix: JSON with spaces around its colons, and { }") {
  int variants = 0;
  for (std::string unit : {"  ", "    ", "\t"})
    for (bool crlf : {false, true})
      for (bool spaced : {false, true})
        for (bool braces : {false, true}) {
          JsonLayout l{unit, false, crlf, true, spaced, braces};
          INFO(l.name());
          std::string original = json_text(l) + (crlf ? "\r\n" : "\n");
          std::string fixed = run_fix(original);
          check_fixed(original, fixed, crlf, {"B1", "B6"}, false);
          // Every member as the file writes them: `"Key" : v` or `"Key": v`.
          CHECK(fixed.find(spaced ? "\": " : "\" : ") == std::string::npos);
          check_style(fixed, 0, false, false);
          CHECK(run_fix(fixed) == fixed);
          ++variants;
        }
  CHECK(variants == 24);
}
