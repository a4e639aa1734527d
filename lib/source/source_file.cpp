#include "source/source_file.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

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
}

bool SourceFile::ends_with_newline() const { return !text_.empty() && text_.back() == '\n'; }

std::size_t SourceFile::line_start(std::size_t offset) const {
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return *(it - 1);
}

std::size_t SourceFile::line_end(std::size_t offset) const {
  std::size_t nl = text_.find('\n', std::min(offset, text_.size()));
  if (nl == std::string::npos) return text_.size();
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
  std::string_view before(text_.data() + start, offset - start);
  return Position{line_index + 1, count_code_points(before) + 1};
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
    std::size_t len;
    std::uint32_t cp;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return i;
    }
    if (i + len > n) return i;
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
      return i;
    i += len;
  }
  return std::nullopt;
}

}  // namespace enclint::source
