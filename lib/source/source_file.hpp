// A template's bytes and what we need to talk about positions in them:
// the offset -> line/column index (columns in Unicode code points), the
// newline style and the UTF-8 BOM. Nothing here knows YAML.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace enclint::source {

struct Position {
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, in code points
};

class SourceFile {
 public:
  SourceFile(std::string path, std::string bytes);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  std::string_view view() const { return text_; }
  std::size_t size() const { return text_.size(); }

  bool has_bom() const { return bom_; }
  // Offset of the first byte after the BOM (0 or 3).
  std::size_t content_begin() const { return bom_ ? 3 : 0; }
  // "\r\n" when the file's first line break is CRLF, else "\n".
  const std::string& newline() const { return newline_; }
  bool ends_with_newline() const;

  // O(log n) in the number of lines, and bounded work within a line: a
  // minified template is one line of megabytes with a finding every few bytes.
  Position position(std::size_t offset) const;
  std::size_t line_start(std::size_t offset) const;  // offset of the line's first byte
  std::size_t line_end(std::size_t offset) const;    // offset of the line's break (or EOF)
  std::size_t line_count() const { return line_starts_.size(); }

 private:
  std::string path_;
  std::string text_;
  bool bom_ = false;
  std::string newline_ = "\n";
  std::vector<std::uint32_t> line_starts_;  // offsets fit: files are limited far below 4 GiB
  // Code points before each block of kBlock bytes: a column is two lookups
  // and at most two blocks counted, however long the line.
  static constexpr std::size_t kBlock = 256;
  std::vector<std::uint32_t> block_code_points_;
  std::size_t code_points_before(std::size_t offset) const;
};

// Checks that bytes are UTF-8 we can handle (no NUL, no UTF-16/32, valid
// sequences). Returns the offset of the first bad byte, if any.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);

// "UTF-16 (little-endian)" and the like when `bytes` start with the byte
// order mark of an encoding other than UTF-8; nullptr otherwise.
const char* foreign_encoding(std::string_view bytes);

// Number of code points in a UTF-8 byte range.
std::size_t count_code_points(std::string_view bytes);

}  // namespace enclint::source
