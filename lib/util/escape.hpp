// Text from a template or a file name on its way out: a logical id, a value
// or a path may hold anything YAML can decode (`\e`, `\n`) or a file system
// can name (byte 0xFF). Each output gets only what it can hold, and nothing
// that a terminal or a CI log would take as a command.
#pragma once

#include <string>
#include <string_view>

namespace enclint::util {

// The length of the UTF-8 sequence that starts at s[i] (setting `cp`), or 0
// when the bytes there are not UTF-8.
std::size_t utf8_sequence(std::string_view s, std::size_t i, char32_t& cp);

// For a terminal or a log: control characters (C0, DEL, C1) as `\n`, `\r`,
// `\t`, `\x1b`, ..., bytes that are not UTF-8 as `\xff`. With `keep_tabs`,
// tabs stay (a source line, where the caret lines up under them).
std::string printable(std::string_view s, bool keep_tabs = false);

// How many characters printable() makes of the code point at s[i] (1, or
// the length of its escape), and the bytes it takes there.
std::size_t printable_width(std::string_view s, std::size_t i, bool keep_tabs, std::size_t* bytes);

// The UTF-8 bytes of a code point.
void append_utf8(std::string& out, char32_t cp);

}  // namespace enclint::util
