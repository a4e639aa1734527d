#include "yaml/json_events.hpp"

#include <string>

#include "util/escape.hpp"

namespace enclint::yaml {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// One pass over the text, for checking (out == nullptr) or decoding a string.
class Reader {
 public:
  Reader(std::string_view text, std::size_t at) : t_(text), i_(at) {}
  std::size_t at() const { return i_; }
  std::string_view text(std::size_t begin) const { return t_.substr(begin, i_ - begin); }
  void skip_space() {
    while (i_ < t_.size() && is_space(t_[i_])) ++i_;
  }
  char peek() const { return i_ < t_.size() ? t_[i_] : '\0'; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  bool word(std::string_view w) {
    if (t_.substr(i_, w.size()) != w) return false;
    i_ += w.size();
    return true;
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
  bool number() {
    eat('-');
    if (eat('0')) {
    } else if (is_digit(peek())) {
      while (is_digit(peek())) ++i_;
    } else {
      return false;
    }
    if (eat('.')) {
      if (!is_digit(peek())) return false;
      while (is_digit(peek())) ++i_;
    }
    if (peek() == 'e' || peek() == 'E') {
      ++i_;
      if (!eat('+')) eat('-');
      if (!is_digit(peek())) return false;
      while (is_digit(peek())) ++i_;
    }
    return true;
  }

  // A string at the opening quote; its value into `out` when given.
  bool string(std::string* out) {
    if (!eat('"')) return false;
    for (;;) {
      if (i_ >= t_.size()) return false;
      char c = t_[i_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        if (out) *out += c;
        continue;
      }
      if (i_ >= t_.size()) return false;
      char e = t_[i_++];
      char plain = e == '"'    ? '"'
                   : e == '\\' ? '\\'
                   : e == '/'  ? '/'
                   : e == 'b'  ? '\b'
                   : e == 'f'  ? '\f'
                   : e == 'n'  ? '\n'
                   : e == 'r'  ? '\r'
                   : e == 't'  ? '\t'
                               : 0;
      if (plain) {
        if (out) *out += plain;
        continue;
      }
      if (e != 'u') return false;
      char32_t cp = 0;
      if (!hex4(cp)) return false;
      if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a lone low surrogate
      if (cp >= 0xD800 && cp <= 0xDBFF) {              // a pair, or yaml-cpp decides
        char32_t low = 0;
        if (!word("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      }
      if (out) util::append_utf8(*out, cp);
    }
  }

  // Any value, nested at most `depth` more levels.
  bool value(int depth) {
    char c = peek();
    if (c == '{' || c == '[') {
      if (depth <= 0) return false;
      char close = c == '{' ? '}' : ']';
      ++i_;
      skip_space();
      if (eat(close)) return true;
      for (;;) {
        if (c == '{') {
          if (!string(nullptr)) return false;
          skip_space();
          if (!eat(':')) return false;
          skip_space();
        }
        if (!value(depth - 1)) return false;
        skip_space();
        if (eat(close)) return true;
        if (!eat(',')) return false;
        skip_space();
      }
    }
    if (c == '"') return string(nullptr);
    if (c == 't') return word("true");
    if (c == 'f') return word("false");
    if (c == 'n') return word("null");
    return number();
  }

 private:
  bool hex4(char32_t& cp) {
    if (i_ + 4 > t_.size()) return false;
    for (int k = 0; k < 4; ++k) {
      int d = hex_digit(t_[i_++]);
      if (d < 0) return false;
      cp = (cp << 4) | static_cast<char32_t>(d);
    }
    return true;
  }

  std::string_view t_;
  std::size_t i_;
};

// Emits the value at the reader (checked already), depth first.
class Emitter {
 public:
  Emitter(std::string_view text, std::size_t from, std::size_t bias, YAML::EventHandler& h)
      : r_(text, from), bias_(bias), h_(h) {}

  void document() {
    r_.skip_space();
    h_.OnDocumentStart(mark());
    value();
    h_.OnDocumentEnd();
  }

 private:
  YAML::Mark mark() const {
    YAML::Mark m;
    m.pos = static_cast<int>(r_.at() - bias_);
    return m;
  }

  void value() {
    char c = r_.peek();
    YAML::Mark m = mark();
    if (c == '{' || c == '[') {
      bool map = c == '{';
      if (map)
        h_.OnMapStart(m, "?", 0, YAML::EmitterStyle::Flow);
      else
        h_.OnSequenceStart(m, "?", 0, YAML::EmitterStyle::Flow);
      r_.eat(c);
      r_.skip_space();
      char close = map ? '}' : ']';
      while (!r_.eat(close)) {
        if (map) {
          scalar_string();
          r_.skip_space();
          r_.eat(':');
          r_.skip_space();
        }
        value();
        r_.skip_space();
        r_.eat(',');
        r_.skip_space();
      }
      if (map)
        h_.OnMapEnd();
      else
        h_.OnSequenceEnd();
      return;
    }
    if (c == '"') return scalar_string();
    std::size_t begin = r_.at();
    if (r_.word("null")) return h_.OnNull(m, 0);
    if (!r_.word("true") && !r_.word("false")) r_.number();
    std::string text(r_.text(begin));
    h_.OnScalar(m, "?", 0, text);
  }

  void scalar_string() {
    YAML::Mark m = mark();
    std::string value;
    r_.string(&value);
    h_.OnScalar(m, "!", 0, value);
  }

  Reader r_;
  std::size_t bias_;
  YAML::EventHandler& h_;
};

}  // namespace

bool is_strict_json(std::string_view text, std::size_t from, int max_depth) {
  Reader r(text, from);
  r.skip_space();
  if (r.peek() != '{' && r.peek() != '[') return false;
  if (!r.value(max_depth)) return false;
  r.skip_space();
  return r.at() == text.size();
}

void json_events(std::string_view text, std::size_t from, std::size_t bias,
                 YAML::EventHandler& handler) {
  Emitter(text, from, bias, handler).document();
}

}  // namespace enclint::yaml
