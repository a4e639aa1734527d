#include "fix/style.hpp"

#include <map>

#include "fix/render.hpp"
#include "util/json_string.hpp"

namespace enclint::fix {

using yaml::Kind;
using yaml::kNone;
using yaml::NodeId;
using yaml::Style;

std::size_t column_of(const source::SourceFile& src, std::size_t offset) {
  std::size_t start = src.line_start(offset);
  if (start == 0) start = src.content_begin();
  return offset >= start ? offset - start : 0;
}

std::string leading_whitespace(const source::SourceFile& src, std::size_t offset) {
  std::size_t start = src.line_start(offset);
  if (start == 0) start = src.content_begin();
  std::size_t i = start;
  const std::string& t = src.text();
  while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
  return t.substr(start, i - start);
}

namespace {

// The most frequent positive value; ties go to the smaller one.
int mode(const std::map<int, int>& histogram, int fallback) {
  int best = fallback, count = 0;
  for (auto [value, n] : histogram) {
    if (n > count) {
      best = value;
      count = n;
    }
  }
  return best;
}

// A block sequence written as one: its `-` is the first thing on its line. A
// sequence under a tag (`Key: !If` then `- ...` lines) starts at the tag, and
// a flow one at its `[`: neither says where the file puts its dashes.
bool plain_block_sequence(const source::SourceFile& src, const yaml::Node& n) {
  if (!n.tag().empty() || n.begin >= src.text().size() || src.text()[n.begin] != '-') return false;
  return leading_whitespace(src, n.begin).size() == column_of(src, n.begin);
}

// What separates a JSON member's key from its value, when it is a colon with
// at most one space either side (`": "`, `" : "`, `":"`).
std::string_view json_separator(const source::SourceFile& src, const yaml::Node& key,
                                const yaml::Node& value) {
  if (value.begin <= key.end || value.begin - key.end > 3) return {};
  std::string_view between = src.view().substr(key.end, value.begin - key.end);
  return between == ": " || between == " : " || between == ":" ? between : std::string_view();
}

}  // namespace

std::string yaml_key(const std::string& key, const FileStyle& style) {
  if (style.key_quote == '"') return util::json_string(key);
  if (style.key_quote == '\'') {
    std::string out = "'";
    for (char c : key) out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
  }
  return yaml_scalar(key);
}

FileStyle detect_style(const model::Template& tpl) {
  FileStyle style;
  const auto& src = tpl.source();
  const auto& doc = tpl.doc();
  style.newline = src.newline();
  style.json = tpl.format() == model::Format::Json;
  const yaml::Node& root = doc[doc.root()];
  style.minified =
      root.style == Style::Flow && src.position(root.begin).line == src.position(root.end).line;

  if (style.minified) {
    std::string_view t = src.view();
    style.compact =
        t.find("\": ") == std::string_view::npos && t.find(", ") == std::string_view::npos;
  }

  std::map<int, int> indents, seq_offsets, json_units_spaces;
  std::map<std::string_view, int> json_colons;
  int tab_lines = 0, short_tags = 0, long_forms = 0, plain_keys = 0, double_keys = 0,
      single_keys = 0;
  for (NodeId id = 0; id < doc.size(); ++id) {
    const yaml::Node& n = doc[id];
    if (!n.tag().empty() && n.tag()[0] == '!' && n.tag().size() > 1) ++short_tags;
    if (n.kind == Kind::Scalar && n.key == kNone && n.parent != kNone &&
        (n.value() == "Ref" || n.value().rfind("Fn::", 0) == 0))
      ++long_forms;
    if (!style.json && n.kind == Kind::Scalar && n.key == kNone && n.parent != kNone &&
        doc[n.parent].kind == Kind::Map) {
      // A key: how the file writes them.
      plain_keys += n.style == Style::Plain;
      double_keys += n.style == Style::DoubleQuoted;
      single_keys += n.style == Style::SingleQuoted;
    }
    if (style.json && n.key != kNone)
      if (std::string_view sep = json_separator(src, doc[n.key], n); !sep.empty())
        ++json_colons[sep];
    if (n.key == kNone || n.kind == Kind::Scalar || n.kind == Kind::Null || n.kind == Kind::Alias ||
        n.children().empty())
      continue;
    const yaml::Node& parent = doc[n.parent];
    if (style.json) {
      // JSON: the first member's indentation against the line of the '{'.
      if (n.kind != Kind::Map) continue;
      NodeId first = n.children().front();
      if (src.position(doc[first].begin).line == src.position(n.begin).line) continue;
      std::string outer = leading_whitespace(src, n.begin);
      std::string inner = leading_whitespace(src, doc[first].begin);
      if (inner.size() <= outer.size() || inner.compare(0, outer.size(), outer) != 0) continue;
      std::string unit = inner.substr(outer.size());
      if (unit.find('\t') != std::string::npos)
        ++tab_lines;
      else
        ++json_units_spaces[static_cast<int>(unit.size())];
      continue;
    }
    if (parent.style != Style::Block || n.style != Style::Block) continue;
    int key_col = static_cast<int>(column_of(src, doc[n.key].begin));
    if (n.kind == Kind::Map) {
      int delta = static_cast<int>(column_of(src, doc[n.children().front()].begin)) - key_col;
      if (delta > 0) ++indents[delta];
    } else if (n.kind == Kind::Seq) {
      int delta = static_cast<int>(column_of(src, n.begin)) - key_col;
      if (delta >= 0 && plain_block_sequence(src, n)) ++seq_offsets[delta];
    }
  }
  style.indent = mode(indents, 2);
  style.seq_offset = mode(seq_offsets, style.indent);
  int spaces = 0;
  for (auto [w, c] : json_units_spaces) spaces += c;
  // assign(count, char) rather than `= "\t"`: g++ 12 gives a false -Wrestrict on the latter.
  if (tab_lines > spaces)
    style.json_unit.assign(1, '\t');
  else
    style.json_unit.assign(static_cast<std::size_t>(mode(json_units_spaces, 2)), ' ');
  style.short_forms = short_tags >= long_forms;
  if (double_keys + single_keys > plain_keys)
    style.key_quote = double_keys >= single_keys ? '"' : '\'';
  int most = 0;
  for (auto [sep, count] : json_colons) {
    if (count > most && sep != ":") {  // ":" is a minified file's; pretty members get a space
      most = count;
      style.colon = std::string(sep);
    }
  }
  return style;
}

}  // namespace enclint::fix
