// Positions as an editor counts them. LSP lines are split at "\n", "\r\n"
// and "\r", and a character offset counts UTF-16 code units unless the
// client negotiated UTF-8 bytes or UTF-32 code points; the tool counts bytes
// (offsets) and code points (columns). Bad UTF-8 counts a byte per unit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace enclint::lsp {

enum class Encoding { Utf16, Utf8, Utf32 };

// "utf-16", "utf-8", "utf-32".
const char* to_string(Encoding e);

struct Position {
  std::size_t line = 0;       // 0-based
  std::size_t character = 0;  // 0-based, in the encoding's units
  bool operator==(const Position&) const = default;
};

// The line starts of a text, for converting both ways.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // The position of the byte `offset` (clamped to the text).
  Position position(std::size_t offset, Encoding e) const;
  // The byte offset of `p`: a line past the end is the end of the text, a
  // character past the end of its line is the line's end, and one inside a
  // UTF-8 sequence (or between the halves of a surrogate pair) rounds up
  // to the next character.
  std::size_t offset(Position p, Encoding e) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;
  // Per line: all ASCII, where a column is a byte count in every encoding
  // (a minified template is one line of megabytes, and has thousands of
  // findings on it).
  std::vector<bool> ascii_;
  std::size_t line_end(std::size_t line) const;  // offset of its break, or the end
};

// Replaces the text between two positions, as a didChange range edit does.
void apply_change(std::string& text, Position start, Position end, std::string_view with,
                  Encoding e);

}  // namespace enclint::lsp
