#include "yaml/block_events.hpp"

#include <yaml-cpp/mark.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "util/limits.hpp"

namespace enclint::yaml {
namespace {

struct Decline {};  // not in the subset: yaml-cpp reads the file

enum class Type : std::uint8_t { MapStart, MapEnd, SeqStart, SeqEnd, Scalar, Null };

bool is_null_word(std::string_view v) {
  return v == "~" || v == "null" || v == "Null" || v == "NULL";
}

// Characters a plain scalar may not start with (YAML 1.2 c-indicator).
bool is_indicator(char c) {
  switch (c) {
    case '-':
    case '?':
    case ':':
    case ',':
    case '[':
    case ']':
    case '{':
    case '}':
    case '#':
    case '&':
    case '*':
    case '!':
    case '|':
    case '>':
    case '\'':
    case '"':
    case '%':
    case '@':
    case '`': return true;
    default: return false;
  }
}

bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

bool is_tag_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.' || c == ':';
}

// Only what both readers surely agree on: UTF-8 without a BOM inside, no
// control character but newline and tab, no line separator yaml-cpp might
// count differently.
bool plain_text(std::string_view t) {
  const auto* p = reinterpret_cast<const unsigned char*>(t.data());
  std::size_t n = t.size();
  for (std::size_t i = 0; i < n;) {
    unsigned char c = p[i];
    if (c < 0x80) {
      if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F) return false;
      ++i;
      continue;
    }
    std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (len == 0 || c > 0xF4 || i + len > n) return false;
    char32_t cp = c & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
    for (std::size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFEFF || cp == 0x85 || cp == 0x2028 ||
        cp == 0x2029 || (cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF)
      return false;
    i += len;
  }
  return true;
}

// One pass over the document: with a null handler it only checks that the
// document is in the subset (throwing Decline where it is not); with one, it
// hands over the events.
class Reader {
 public:
  Reader(std::string_view t, std::size_t bias, YAML::EventHandler* h) : t_(t), bias_(bias), h_(h) {}

  void document(std::size_t from) {
    auto [c, m] = next_content(from == 0 ? npos_start : from - 1, true, true);
    // A leading `---` line alone is allowed (many templates start so).
    if (c < t_.size() && m == 0 && t_.substr(c, 3) == "---" &&
        (c + 3 == t_.size() || t_[c + 3] == ' ' || t_[c + 3] == '\n')) {
      std::size_t e = finish_line(c + 3, true);
      auto next = next_content(e, false);
      c = next.first;
      m = next.second;
    }
    if (c >= t_.size() || m != 0 || !looks_like_key(c)) throw Decline{};
    if (h_) {
      YAML::Mark mark;
      mark.pos = static_cast<int>(c - bias_);
      h_->OnDocumentStart(mark);
    }
    std::size_t e = block_map(c, 0, {}, 0, 0);
    if (next_content(e, false).first != t_.size()) throw Decline{};
    if (h_) h_->OnDocumentEnd();
  }

 private:
  static constexpr std::size_t npos_start = static_cast<std::size_t>(-1);

  void emit(Type type, std::size_t pos, std::string_view tag = {}, std::string_view value = {},
            bool flag = false) {
    if (!h_) return;
    YAML::Mark mark;
    mark.pos = static_cast<int>(pos - bias_);
    auto style = flag ? YAML::EmitterStyle::Flow : YAML::EmitterStyle::Block;
    // yaml-cpp's non-specific tags: "?" for plain scalars and collections, "!" for the others.
    std::string t =
        tag.empty() ? std::string(type == Type::Scalar && flag ? "!" : "?") : std::string(tag);
    switch (type) {
      case Type::MapStart: h_->OnMapStart(mark, t, 0, style); break;
      case Type::SeqStart: h_->OnSequenceStart(mark, t, 0, style); break;
      case Type::MapEnd: h_->OnMapEnd(); break;
      case Type::SeqEnd: h_->OnSequenceEnd(); break;
      case Type::Null: h_->OnNull(mark, 0); break;
      case Type::Scalar: h_->OnScalar(mark, t, 0, std::string(value)); break;
    }
  }
  void scalar(std::size_t pos, std::string_view tag, std::string_view value, bool quoted) {
    if (!quoted && tag.empty() && is_null_word(value))
      emit(Type::Null, pos);
    else
      emit(Type::Scalar, pos, tag, value, quoted);
  }
  void deeper() {
    if (++depth_ > util::kMaxNestingDepth) throw Decline{};
  }

  std::size_t column(std::size_t p) const {
    std::size_t ls = p == 0 ? 0 : t_.rfind('\n', p - 1);
    return ls == std::string_view::npos ? p : p - ls - 1;
  }

  std::size_t skip_spaces(std::size_t p) const {
    while (p < t_.size() && t_[p] == ' ') ++p;
    if (p < t_.size() && t_[p] == '\t') throw Decline{};
    return p;
  }
  bool at_end_of_line(std::size_t p) const {
    return p >= t_.size() || t_[p] == '\n' || t_[p] == '#';
  }

  // After a node on its line: blanks and a comment (after a blank) to the
  // end of the line; returns the offset of the newline (or the end).
  std::size_t finish_line(std::size_t p, bool after_blank = false) const {
    std::size_t q = skip_spaces(p);
    if (q < t_.size() && t_[q] == '#') {
      if (q == p && !after_blank) throw Decline{};
      q = t_.find('\n', q);
      return q == std::string_view::npos ? t_.size() : q;
    }
    if (q < t_.size() && t_[q] != '\n') throw Decline{};
    return q;
  }

  // The first character of the next line holding content after the line
  // ending at `e`, and its column; (size, 0) at the end.
  std::pair<std::size_t, std::size_t> next_content(std::size_t e, bool first,
                                                   bool marker_ok = false) const {
    std::size_t ls = first && e == npos_start ? 0 : e + 1;
    while (ls <= t_.size()) {
      if (ls == t_.size()) return {t_.size(), 0};
      std::size_t j = ls;
      while (j < t_.size() && t_[j] == ' ') ++j;
      if (j < t_.size() && t_[j] == '\t') throw Decline{};
      if (j == t_.size()) return {t_.size(), 0};
      if (t_[j] == '\n') {
        ls = j + 1;
        continue;
      }
      if (t_[j] == '#') {
        std::size_t nl = t_.find('\n', j);
        if (nl == std::string_view::npos) return {t_.size(), 0};
        ls = nl + 1;
        continue;
      }
      if (j == ls && (t_.substr(j, 3) == "---" || t_.substr(j, 3) == "...") &&
          (j + 3 == t_.size() || t_[j + 3] == ' ' || t_[j + 3] == '\n') &&
          !(marker_ok && t_[j] == '-'))
        throw Decline{};  // another document, or a document end
      if (t_[j] == '%' && j == ls) throw Decline{};
      return {j, j - ls};
    }
    return {t_.size(), 0};
  }

  bool is_seq_entry(std::size_t p) const {
    return t_[p] == '-' && (p + 1 == t_.size() || t_[p + 1] == ' ' || t_[p + 1] == '\n');
  }

  // The end of a one-line quoted scalar starting at p (past its closing
  // quote), its value set in `value`.
  std::size_t quoted(std::size_t p, std::string_view& value) {
    char q = t_[p];
    std::size_t i = p + 1;
    std::string out;
    bool copy = false;
    for (;;) {
      if (i >= t_.size() || t_[i] == '\n') throw Decline{};
      char c = t_[i];
      if (c == q) {
        if (q == '\'' && i + 1 < t_.size() && t_[i + 1] == '\'') {
          if (!copy) out.assign(t_.substr(p + 1, i - p - 1)), copy = true;
          out += '\'';
          i += 2;
          continue;
        }
        break;
      }
      if (q == '"' && c == '\\') {
        char n = i + 1 < t_.size() ? t_[i + 1] : '\0';
        char r;
        switch (n) {
          case '\\': r = '\\'; break;
          case '"': r = '"'; break;
          case 'n': r = '\n'; break;
          case 't': r = '\t'; break;
          default: throw Decline{};
        }
        if (!copy) out.assign(t_.substr(p + 1, i - p - 1)), copy = true;
        out += r;
        i += 2;
        continue;
      }
      if (copy) out += c;
      ++i;
    }
    if (copy) {
      scratch_ = std::move(out);  // handed over before the next scalar is read
      value = scratch_;
    } else {
      value = t_.substr(p + 1, i - p - 1);
    }
    return i + 1;
  }

  // Whether the line from p holds `key:` (a block mapping entry).
  bool looks_like_key(std::size_t p) const {
    char c = t_[p];
    if (c == '"' || c == '\'') {
      std::size_t i = p + 1;
      while (i < t_.size() && t_[i] != '\n') {
        if (t_[i] == '\\' && c == '"') {
          i += 2;
          continue;
        }
        if (t_[i] == c) {
          if (c == '\'' && i + 1 < t_.size() && t_[i + 1] == '\'') {
            i += 2;
            continue;
          }
          return i + 1 < t_.size() && t_[i + 1] == ':' &&
                 (i + 2 == t_.size() || t_[i + 2] == ' ' || t_[i + 2] == '\n');
        }
        ++i;
      }
      return false;
    }
    if (is_indicator(c) &&
        !((c == '-' || c == ':') && p + 1 < t_.size() && t_[p + 1] != ' ' && t_[p + 1] != '\n'))
      return false;
    for (std::size_t i = p; i < t_.size() && t_[i] != '\n'; ++i) {
      if (t_[i] == ':' && (i + 1 == t_.size() || t_[i + 1] == ' ' || t_[i + 1] == '\n'))
        return true;
      if (t_[i] == '#' && t_[i - 1] == ' ') return false;
    }
    return false;
  }

  // A `key:` at p; returns the offset after its colon.
  std::size_t key(std::size_t p) {
    char c = t_[p];
    if (c == '"' || c == '\'') {
      std::string_view v;
      std::size_t e = quoted(p, v);
      if (e >= t_.size() || t_[e] != ':') throw Decline{};
      scalar(p, {}, v, true);
      return e + 1;
    }
    std::size_t i = p;
    while (!(t_[i] == ':' && (i + 1 == t_.size() || t_[i + 1] == ' ' || t_[i + 1] == '\n'))) {
      if (t_[i] == '\t') throw Decline{};
      ++i;
    }
    std::size_t end = i;
    while (end > p && t_[end - 1] == ' ') --end;
    if (end - p > 1000) throw Decline{};  // yaml-cpp caps implicit keys
    scalar(p, {}, t_.substr(p, end - p), false);
    return i + 1;
  }

  // A block collection whose first entry is at p (column m).
  std::size_t block_collection(std::size_t p, std::size_t m, std::string_view tag,
                               std::size_t tag_at) {
    if (is_seq_entry(p)) return block_seq(p, m, tag, tag_at);
    if (looks_like_key(p)) return block_map(p, m, tag, tag_at, 0);
    throw Decline{};
  }

  std::size_t block_map(std::size_t p, std::size_t m, std::string_view tag, std::size_t tag_at,
                        int) {
    deeper();
    emit(Type::MapStart, tag.empty() ? p : tag_at, tag, {}, false);
    std::size_t e;
    for (;;) {
      std::size_t after = key(p);
      e = value_after_key(after, m);
      auto [c, col] = next_content(e, false);
      if (c >= t_.size() || col < m) break;
      if (col > m || is_seq_entry(c) || !looks_like_key(c)) throw Decline{};
      p = c;
    }
    emit(Type::MapEnd, e);
    --depth_;
    return e;
  }

  std::size_t block_seq(std::size_t p, std::size_t m, std::string_view tag, std::size_t tag_at) {
    deeper();
    emit(Type::SeqStart, tag.empty() ? p : tag_at, tag, {}, false);
    std::size_t e;
    for (;;) {
      std::size_t r = p + 1;
      if (r < t_.size() && t_[r] == ' ') r = skip_spaces(r);
      if (at_end_of_line(r)) {
        e = finish_line(r, true);
        auto [c, col] = next_content(e, false);
        if (c < t_.size() && col > m)
          e = block_collection(c, col, {}, 0);
        else
          emit(Type::Null, c);
      } else if (is_seq_entry(r)) {
        e = block_seq(r, column(r), {}, 0);
      } else if (looks_like_key(r)) {
        e = block_map(r, column(r), {}, 0, 0);
      } else {
        e = inline_node(r, m);
      }
      auto [c, col] = next_content(e, false);
      if (c >= t_.size() || col < m) break;
      if (col > m) throw Decline{};
      if (!is_seq_entry(c)) break;  // the parent mapping's next key
      p = c;
    }
    emit(Type::SeqEnd, e);
    --depth_;
    return e;
  }

  // The value of a key at column n, from just after its colon.
  std::size_t value_after_key(std::size_t p, std::size_t n) {
    std::size_t r = skip_spaces(p);
    if (at_end_of_line(r)) {
      if (r == p && r < t_.size() && t_[r] == '#') throw Decline{};
      std::size_t e = finish_line(r, true);
      auto [c, col] = next_content(e, false);
      if (c < t_.size() && col > n) return block_collection(c, col, {}, 0);
      if (c < t_.size() && col == n && is_seq_entry(c)) return block_seq(c, col, {}, 0);
      emit(Type::Null, c);
      return e;
    }
    if (r == p) throw Decline{};  // `key:value` is one plain scalar to YAML
    return inline_node(r, n);
  }

  // No more-indented line may follow a node that ends its line (it would be
  // a continuation of a multi-line scalar, or an error).
  std::size_t no_continuation(std::size_t e, std::size_t n) const {
    auto [c, col] = next_content(e, false);
    if (c < t_.size() && col > n) throw Decline{};
    return e;
  }

  // A node written on the current line at p, in a block whose parent is at column n.
  std::size_t inline_node(std::size_t p, std::size_t n) {
    std::string_view tag;
    std::size_t tag_at = 0;
    if (t_[p] == '!') {
      tag_at = p;
      std::size_t i = p + 1;
      while (i < t_.size() && is_tag_char(t_[i])) ++i;
      if (i == p + 1 || (i < t_.size() && t_[i] != ' ' && t_[i] != '\n')) throw Decline{};
      tag = t_.substr(p, i - p);
      std::size_t r = skip_spaces(i);
      if (at_end_of_line(r)) {
        std::size_t e = finish_line(r, true);
        auto [c, col] = next_content(e, false);
        if (c < t_.size() && col > n) return block_collection(c, col, tag, tag_at);
        emit(Type::Scalar, tag_at, tag, {}, false);
        return e;
      }
      p = r;
    }
    char c = t_[p];
    if (c == '|' || c == '>') return block_scalar(p, n, tag, tag_at);
    std::size_t mark = tag.empty() ? p : tag_at;
    if (c == '[' || c == '{') {
      std::size_t e = flow(p, tag, mark);
      return no_continuation(finish_line(e), n);
    }
    if (c == '"' || c == '\'') {
      std::string_view v;
      std::size_t e = quoted(p, v);
      emit(Type::Scalar, mark, tag, v, true);
      return no_continuation(finish_line(e), n);
    }
    if (is_indicator(c) && !((c == '-' || c == ':' || c == '?') && p + 1 < t_.size() &&
                             t_[p + 1] != ' ' && t_[p + 1] != '\n'))
      throw Decline{};
    std::size_t i = p, end = p;
    for (; i < t_.size() && t_[i] != '\n'; ++i) {
      char d = t_[i];
      if (d == '\t') throw Decline{};
      if (d == ':' && (i + 1 == t_.size() || t_[i + 1] == ' ' || t_[i + 1] == '\n'))
        throw Decline{};
      if (d == '#' && t_[i - 1] == ' ') break;
      if (d != ' ') end = i + 1;
    }
    scalar(mark, tag, t_.substr(p, end - p), false);
    return no_continuation(finish_line(end, true), n);
  }

  // A one-line flow collection or scalar at p.
  std::size_t flow(std::size_t p, std::string_view tag, std::size_t mark) {
    if (p >= t_.size()) throw Decline{};
    char c = t_[p];
    if (c == '!') {
      if (!tag.empty()) throw Decline{};
      std::size_t i = p + 1;
      while (i < t_.size() && is_tag_char(t_[i])) ++i;
      if (i == p + 1 || i >= t_.size() || t_[i] != ' ') throw Decline{};
      return flow(skip_spaces(i), t_.substr(p, i - p), p);
    }
    if (c == '[' || c == '{') {
      deeper();
      bool map = c == '{';
      char close = map ? '}' : ']';
      emit(map ? Type::MapStart : Type::SeqStart, mark, tag, {}, true);
      std::size_t i = skip_spaces(p + 1);
      if (i < t_.size() && t_[i] == close) {
        emit(map ? Type::MapEnd : Type::SeqEnd, i);
        --depth_;
        return i + 1;
      }
      for (;;) {
        if (map) {
          std::size_t k = flow_scalar(i, {}, i, true);
          if (k >= t_.size() || t_[k] != ':' || k + 1 >= t_.size() || t_[k + 1] != ' ')
            throw Decline{};
          i = skip_spaces(k + 1);
        }
        i = skip_spaces(flow(i, {}, i));
        if (i >= t_.size()) throw Decline{};
        if (!map && t_[i] == ':') throw Decline{};  // a compact mapping in a sequence
        if (t_[i] == close) break;
        if (t_[i] != ',') throw Decline{};
        i = skip_spaces(i + 1);
        if (i >= t_.size() || t_[i] == close || t_[i] == ',') throw Decline{};
      }
      emit(map ? Type::MapEnd : Type::SeqEnd, i);
      --depth_;
      return i + 1;
    }
    return flow_scalar(p, tag, mark, false);
  }

  // A scalar inside a flow collection; `key`: a mapping key (it ends at `:`).
  std::size_t flow_scalar(std::size_t p, std::string_view tag, std::size_t mark, bool is_key) {
    if (p >= t_.size()) throw Decline{};
    char c = t_[p];
    if (c == '"' || c == '\'') {
      std::string_view v;
      std::size_t e = quoted(p, v);
      emit(Type::Scalar, mark, tag, v, true);
      return e;
    }
    if (is_indicator(c) && !((c == '-' || c == ':') && p + 1 < t_.size() && t_[p + 1] != ' ' &&
                             !is_flow_indicator(t_[p + 1]) && t_[p + 1] != '\n'))
      throw Decline{};
    std::size_t i = p, end = p;
    for (; i < t_.size(); ++i) {
      char d = t_[i];
      if (d == '\n' || d == '\t') throw Decline{};
      if (is_flow_indicator(d)) break;
      if (d == '?') throw Decline{};  // yaml-cpp ends a flow scalar there
      if (d == ':' && i + 1 < t_.size() &&
          (t_[i + 1] == ' ' || is_flow_indicator(t_[i + 1]) || t_[i + 1] == '\n')) {
        if (!is_key) throw Decline{};
        break;
      }
      if (d == '#' && t_[i - 1] == ' ') throw Decline{};
      if (d != ' ') end = i + 1;
    }
    if (end == p) throw Decline{};
    if (is_key && (i >= t_.size() || t_[i] != ':' || end != i)) throw Decline{};
    scalar(mark, tag, t_.substr(p, end - p), false);
    return end;
  }

  // `|` or `>` at p: a literal or folded block scalar of a node at column n.
  std::size_t block_scalar(std::size_t p, std::size_t n, std::string_view tag, std::size_t tag_at) {
    bool literal = t_[p] == '|';
    std::size_t i = p + 1;
    bool strip = false;
    if (i < t_.size() && t_[i] == '-') {
      strip = true;
      ++i;
    } else if (i < t_.size() && (t_[i] == '+' || (t_[i] >= '0' && t_[i] <= '9'))) {
      throw Decline{};
    }
    if (i < t_.size() && t_[i] != ' ' && t_[i] != '\n') throw Decline{};
    std::size_t e = finish_line(i, true);
    if (e >= t_.size()) throw Decline{};
    // The content lines: [begin, end) offsets of each, "" for an empty one.
    std::vector<std::pair<std::size_t, std::size_t>> lines;
    std::size_t indent = 0, max_empty = 0, last = e;
    std::size_t ls = e + 1;
    while (ls < t_.size()) {
      std::size_t nl = t_.find('\n', ls);
      if (nl == std::string_view::npos) throw Decline{};  // no final newline: an edge we leave
      std::size_t j = ls;
      while (j < nl && t_[j] == ' ') ++j;
      if (j == nl) {  // spaces only
        if (indent && j - ls > indent) throw Decline{};
        if (!indent) max_empty = std::max(max_empty, j - ls);
        lines.emplace_back(nl, nl);
        ls = nl + 1;
        continue;
      }
      std::size_t col = j - ls;
      if (!indent) {
        if (col <= n) break;  // no content at all
        if (max_empty > col) throw Decline{};
        indent = col;
      }
      if (col < indent) {
        if (col > n) throw Decline{};
        break;
      }
      if (t_.substr(ls, indent).find('\t') != std::string_view::npos) throw Decline{};
      if (!literal && (t_[ls + indent] == ' ' || t_[ls + indent] == '\t')) throw Decline{};
      lines.emplace_back(ls + indent, nl);
      last = nl;
      ls = nl + 1;
    }
    if (!indent) throw Decline{};
    while (!lines.empty() && lines.back().first == lines.back().second) lines.pop_back();
    std::string v;
    bool after_text = false;
    std::size_t empties = 0;
    for (const auto& [b, en] : lines) {
      if (b == en) {
        ++empties;
        continue;
      }
      if (literal) {
        if (after_text) v += '\n';
        v.append(empties, '\n');
      } else if (after_text) {
        if (empties)
          v.append(empties, '\n');
        else
          v += ' ';
      } else {
        v.append(empties, '\n');
      }
      empties = 0;
      v.append(t_.substr(b, en - b));
      after_text = true;
    }
    if (!strip) v += '\n';
    emit(Type::Scalar, tag.empty() ? p : tag_at, tag, v, true);
    return last;
  }

  std::string_view t_;
  std::size_t bias_;
  YAML::EventHandler* h_;
  std::string scratch_;
  int depth_ = 0;
};

}  // namespace

bool in_block_subset(std::string_view text, std::size_t from) {
  if (!plain_text(text.substr(from))) return false;
  try {
    Reader(text, 0, nullptr).document(from);
  } catch (const Decline&) {
    return false;
  }
  return true;
}

void block_events(std::string_view text, std::size_t from, std::size_t bias,
                  YAML::EventHandler& handler) {
  Reader(text, bias, &handler).document(from);
}

}  // namespace enclint::yaml
