#include "fix/style.hpp"

#include <map>

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

}  // namespace

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
  int tab_lines = 0, short_tags = 0, long_forms = 0;
  for (NodeId id = 0; id < doc.size(); ++id) {
    const yaml::Node& n = doc[id];
    if (!n.tag().empty() && n.tag()[0] == '!' && n.tag().size() > 1) ++short_tags;
    if (n.kind == Kind::Scalar && n.key == kNone && n.parent != kNone &&
        (n.value() == "Ref" || n.value().rfind("Fn::", 0) == 0))
      ++long_forms;
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
      if (delta >= 0) ++seq_offsets[delta];
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
  return style;
}

}  // namespace enclint::fix
