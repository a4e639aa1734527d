#include "lsp/text.hpp"

#include <algorithm>

namespace enclint::lsp {

const char* to_string(Encoding e) {
  switch (e) {
    case Encoding::Utf16: return "utf-16";
    case Encoding::Utf8: return "utf-8";
    case Encoding::Utf32: return "utf-32";
  }
  return "utf-16";
}

namespace {
// The length of the UTF-8 sequence a lead byte starts (1 for a bad byte).
std::size_t sequence_length(unsigned char c) {
  if (c >= 0xF0 && c < 0xF8) return 4;
  if (c >= 0xE0) return c < 0xF0 ? 3 : 1;
  if (c >= 0xC0) return 2;
  return 1;
}

// Units of one character of `len` UTF-8 bytes.
std::size_t units(std::size_t len, Encoding e) {
  switch (e) {
    case Encoding::Utf8: return len;
    case Encoding::Utf16: return len == 4 ? 2 : 1;
    case Encoding::Utf32: return 1;
  }
  return 1;
}
}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  starts_.push_back(0);
  bool ascii = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    ascii = ascii && static_cast<unsigned char>(text[i]) < 0x80;
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    if (text[i] == '\n' || text[i] == '\r') {
      starts_.push_back(i + 1);
      ascii_.push_back(ascii);
      ascii = true;
    }
  }
  ascii_.push_back(ascii);
}

std::size_t LineIndex::line_end(std::size_t line) const {
  if (line + 1 >= starts_.size()) return text_.size();
  std::size_t end = starts_[line + 1] - 1;  // the '\n' or lone '\r'
  if (end > starts_[line] && text_[end] == '\n' && text_[end - 1] == '\r') --end;
  return end;
}

Position LineIndex::position(std::size_t offset, Encoding e) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - starts_.begin()) - 1;
  std::size_t character = 0;
  std::size_t end = std::min(offset, line_end(line));
  if (ascii_[line]) return {line, end - starts_[line]};
  for (std::size_t i = starts_[line]; i < end;) {
    std::size_t len = sequence_length(static_cast<unsigned char>(text_[i]));
    if (i + len > end) len = end - i;  // cut short: count what is there
    character += units(len, e);
    i += len;
  }
  return {line, character};
}

std::size_t LineIndex::offset(Position p, Encoding e) const {
  if (p.line >= starts_.size()) return text_.size();
  std::size_t i = starts_[p.line];
  std::size_t end = line_end(p.line);
  if (ascii_[p.line]) return i + std::min(p.character, end - i);
  std::size_t character = 0;
  while (i < end && character < p.character) {
    std::size_t len = std::min(sequence_length(static_cast<unsigned char>(text_[i])), end - i);
    character += units(len, e);
    i += len;
  }
  return i;
}

void apply_change(std::string& text, Position start, Position end, std::string_view with,
                  Encoding e) {
  LineIndex index(text);
  std::size_t from = index.offset(start, e);
  std::size_t to = std::max(from, index.offset(end, e));
  text.replace(from, to - from, with);
}

}  // namespace enclint::lsp
