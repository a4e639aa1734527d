#include "source/source_file.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "util/escape.hpp"

namespace enclint::source {

SourceFile::SourceFile(std::string path, std::string bytes)
    : path_(std::move(path)), text_(std::move(bytes)) {
  bom_ = text_.size() >= 3 && static_cast<unsigned char>(text_[0]) == 0xEF &&
         static_cast<unsigned char>(text_[1]) == 0xBB &&
         static_cast<unsigned char>(text_[2]) == 0xBF;
  line_starts_.reserve(text_.size() / 24 + 1);
  line_starts_.push_back(0);
  const char* data = text_.data();
  const char* end = data + text_.size();
  for (const char* p = data;
       (p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p))));) {
    std::size_t i = static_cast<std::size_t>(p - data);
    if (line_starts_.size() == 1) newline_ = (i > 0 && text_[i - 1] == '\r') ? "\r\n" : "\n";
    line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    ++p;
  }
  block_code_points_.reserve(text_.size() / kBlock + 2);
  std::size_t count = 0;
  for (std::size_t at = 0; at < text_.size(); at += kBlock) {
    block_code_points_.push_back(static_cast<std::uint32_t>(count));
    count += count_code_points(std::string_view(text_).substr(at, kBlock));
  }
  block_code_points_.push_back(
      static_cast<std::uint32_t>(count));  // the end, when a block ends there
}

std::size_t SourceFile::code_points_before(std::size_t offset) const {
  std::size_t block = offset / kBlock;  // offset <= size(): always an entry
  std::size_t from = block * kBlock;
  return block_code_points_[block] +
         count_code_points(std::string_view(text_.data() + from, offset - from));
}

bool SourceFile::ends_with_newline() const { return !text_.empty() && text_.back() == '\n'; }

std::size_t SourceFile::line_start(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return *(it - 1);
}

std::size_t SourceFile::line_end(std::size_t offset) const {
  // The next line's start, not a search: the line may be megabytes long.
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  if (it == line_starts_.end()) return text_.size();
  std::size_t nl = *it - 1;
  if (nl > 0 && text_[nl - 1] == '\r') return nl - 1;
  return nl;
}

Position SourceFile::position(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line_index = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  std::size_t start = line_starts_[line_index];
  if (line_index == 0) start = std::max(start, content_begin());  // the BOM is not a column
  if (offset < start) offset = start;
  return Position{line_index + 1, code_points_before(offset) - code_points_before(start) + 1};
}

const char* foreign_encoding(std::string_view s) {
  auto starts = [&](std::string_view bom) { return s.substr(0, bom.size()) == bom; };
  using namespace std::string_view_literals;
  if (starts("\xFF\xFE\x00\x00"sv)) return "UTF-32 (little-endian)";
  if (starts("\x00\x00\xFE\xFF"sv)) return "UTF-32 (big-endian)";
  if (starts("\xFF\xFE"sv)) return "UTF-16 (little-endian)";
  if (starts("\xFE\xFF"sv)) return "UTF-16 (big-endian)";
  return nullptr;
}

std::size_t count_code_points(std::string_view bytes) {
  std::size_t n = 0;
  for (unsigned char c : bytes) {
    if ((c & 0xC0) != 0x80) ++n;  // every byte that does not continue a sequence
  }
  return n;
}

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  std::size_t n = s.size();
  std::size_t i = 0;
  while (i < n) {
    // Eight ASCII bytes without a NUL at a time: the common case.
    if (i + 8 <= n) {
      std::uint64_t w;
      std::memcpy(&w, p + i, 8);
      bool high = (w & 0x8080808080808080ULL) != 0;
      bool zero = ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL) != 0;
      if (!high && !zero) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c == 0) return i;
    if (c < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    std::size_t len = util::utf8_sequence(s, i, cp);
    if (len == 0) return i;
    i += len;
  }
  return std::nullopt;
}

}  // namespace enclint::source
