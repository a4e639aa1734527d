#include "util/json_string.hpp"

#include <cstdio>

#include "util/escape.hpp"

namespace enclint::util {

std::string json_string(std::string_view s) {
  std::string out = "\"";
  out.reserve(s.size() + 2);
  // Most text needs no escape: copied at once (a big report is mostly messages).
  std::size_t plain = 0;
  while (plain < s.size()) {
    auto c = static_cast<unsigned char>(s[plain]);
    if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') break;
    ++plain;
  }
  out.append(s.substr(0, plain));
  if (plain == s.size()) {
    out += '"';
    return out;
  }
  for (std::size_t i = plain; i < s.size(); ++i) {
    char c = s[i];
    if (static_cast<unsigned char>(c) >= 0x80) {
      // JSON text is Unicode: a byte that is not UTF-8 (a file name may hold
      // one) becomes U+FFFD, or the whole document would be invalid.
      char32_t cp = 0;
      std::size_t len = utf8_sequence(s, i, cp);
      if (len == 0) {
        append_utf8(out, 0xFFFD);
      } else {
        out.append(s.substr(i, len));
        i += len - 1;
      }
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

}  // namespace enclint::util
