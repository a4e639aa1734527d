#include "fix/append.hpp"

#include "fix/render.hpp"

namespace enclint::fix {

using yaml::Kind;
using yaml::kNone;
using yaml::NodeId;

namespace {

InsertFix decline(std::string reason) { return InsertFix{std::nullopt, std::move(reason)}; }

bool same_line(const source::SourceFile& src, std::size_t a, std::size_t b) {
  return src.line_start(a) == src.line_start(b);
}

// `- item` for a block sequence whose dashes are at column `dash`.
std::string block_item(const model::Value& item, std::size_t dash, const FileStyle& style) {
  std::string text = style.newline + std::string(dash, ' ') + "-";
  if (item.kind != model::Value::Kind::Map || item.intrinsic) {
    // `- !Ref X` or `- scalar`: a value after the dash, as yaml_block_entry writes it.
    std::string entry = yaml_block_entry("k", item, dash, style);
    return text + entry.substr(2);
  }
  const std::size_t col = dash + 2;
  bool first = true;
  for (const auto& [key, value] : item.entries) {
    text += first ? " " : style.newline + std::string(col, ' ');
    text += yaml_block_entry(key, value, col, style);
    first = false;
  }
  return text;
}

// The column of the `-` that starts the block sequence item at `item`.
std::optional<std::size_t> dash_column(const source::SourceFile& src, std::size_t item) {
  std::string_view text = src.text();
  std::size_t at = item;
  while (at > 0 && (text[at - 1] == ' ' || text[at - 1] == '\t')) --at;
  if (at == 0 || text[at - 1] != '-') return std::nullopt;
  return column_of(src, at - 1);
}

}  // namespace

InsertFix append_fix(const model::Template& tpl, const FileStyle& style, NodeId seq,
                     const std::vector<model::Value>& items, std::string title) {
  const auto& doc = tpl.doc();
  const auto& src = tpl.source();
  if (seq == kNone || doc[seq].kind != Kind::Seq) return decline("the value is not a list");
  const yaml::Node& n = doc[seq];
  if (!n.tag().empty())
    return decline("the list is written under " + std::string(n.tag()) + "; add to it by hand");
  if (n.key == kNone || n.parent == kNone) return decline("the list is not a mapping value");
  if (doc.shared_ancestor(seq) != kNone)
    return decline("the list is shared through a YAML alias; add to it by hand");
  std::string text;
  std::size_t at = 0;
  if (n.style == yaml::Style::Flow) {
    const std::string comma = style.compact ? "," : ", ";
    if (n.children().empty()) {
      at = n.end - 1;  // the ']'
      if (src.text()[at] != ']') return decline("could not find the end of the list");
      for (std::size_t i = 0; i < items.size(); ++i)
        text += (i ? comma : "") + flow_text(items[i], style);
    } else {
      const yaml::Node& last = doc[n.children().back()];
      at = last.end;
      bool pretty = style.json && !style.minified && !same_line(src, n.begin, last.begin);
      std::string indent = leading_whitespace(src, last.begin);
      for (const auto& item : items)
        text += pretty ? "," + style.newline + indent + json_pretty_text(item, indent, style)
                       : comma + flow_text(item, style);
    }
  } else {
    auto dash = dash_column(src, doc[n.children().front()].begin);
    if (!dash) return decline("could not find where the list's items start");
    at = src.line_end(n.end);
    for (const auto& item : items) text += block_item(item, *dash, style);
  }
  // The key's new value: the original items, then these.
  model::Value value;
  std::size_t budget = 100000;
  if (!model::to_value(doc, seq, value, budget)) return decline("the list is too large to verify");
  for (const auto& item : items) value.items.push_back(item);
  Fix fix;
  fix.title = std::move(title);
  fix.applicability = Applicability::Unsafe;
  fix.edits.push_back(Edit{at, at, std::move(text)});
  fix.additions.push_back(Addition{path_of(doc, n.parent), std::string(doc.text(n.key)),
                                   shared_value(std::move(value))});
  return InsertFix{std::move(fix), {}};
}

}  // namespace enclint::fix
