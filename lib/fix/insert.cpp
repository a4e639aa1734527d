#include "fix/insert.hpp"

#include "fix/render.hpp"
#include "model/evaluate.hpp"
#include "util/json_string.hpp"

namespace enclint::fix {

using yaml::Kind;
using yaml::kNone;
using yaml::NodeId;

namespace {

std::string spaces(std::size_t n) { return std::string(n, ' '); }

bool same_line(const source::SourceFile& src, std::size_t a, std::size_t b) {
  return src.line_start(a) == src.line_start(b);
}

InsertPlan decline(std::string reason) { return InsertPlan{std::nullopt, std::move(reason)}; }

InsertPlan insert_at(std::size_t at, std::string text) {
  return InsertPlan{Edit{at, at, std::move(text)}, {}};
}

// Into a `{...}` mapping (JSON, or YAML flow style).
InsertPlan into_flow_map(const model::Template& tpl, const FileStyle& style, const yaml::Node& map,
                         const Entries& entries) {
  const auto& src = tpl.source();
  const auto& doc = tpl.doc();
  std::size_t close = map.end - 1;  // the '}'
  if (src.text()[close] != '}') return decline("could not find the end of the mapping");
  const std::string comma = style.compact ? "," : ", ";
  if (map.children().empty()) {
    // `{ }`: the blanks between the braces, which the filled mapping keeps.
    std::size_t open = close;
    while (open > map.begin && (src.text()[open - 1] == ' ' || src.text()[open - 1] == '\t'))
      --open;
    std::string blank = src.text().substr(open, close - open);
    std::string text;
    if (style.json && !style.minified) {
      // "Properties": {}  ->  a pretty block between the braces
      std::string indent = leading_whitespace(src, map.begin);
      std::string inner = indent + style.json_unit;
      for (std::size_t i = 0; i < entries.size(); ++i)
        text += (i ? "," : "") + style.newline + inner +
                json_pretty_member(entries[i].first, entries[i].second, inner, style);
      // `{ }`: the block goes right after the `{` (no blank left at the end of
      // its line), and the blank ends the `}` line's indentation (it is that
      // indentation's last columns unless the file indents with tabs).
      if (!blank.empty() && open > 0 && src.text()[open - 1] == '{') {
        bool ends_with = indent.size() >= blank.size() &&
                         indent.compare(indent.size() - blank.size(), blank.size(), blank) == 0;
        return insert_at(open,
                         text + style.newline +
                             (ends_with ? indent.substr(0, indent.size() - blank.size()) : indent));
      }
      return insert_at(close, text + style.newline + indent);
    }
    for (std::size_t i = 0; i < entries.size(); ++i)
      text += (i ? comma : "") + flow_member(entries[i].first, entries[i].second, style);
    // `{ }` -> `{ Key: value }`: as much blank after the entries as before them.
    return insert_at(close, text + blank);
  }
  const yaml::Node& last_key = doc[map.children()[map.children().size() - 2]];
  std::size_t after = doc[map.children().back()].end;
  std::string text;
  if (style.json && !style.minified && !same_line(src, map.begin, close) &&
      !same_line(src, last_key.begin, map.begin)) {
    std::string indent = leading_whitespace(src, last_key.begin);
    for (const auto& [key, value] : entries)
      text += "," + style.newline + indent + json_pretty_member(key, value, indent, style);
    return insert_at(after, text);
  }
  for (const auto& [key, value] : entries) text += comma + flow_member(key, value, style);
  return insert_at(after, text);
}

// The column of a block mapping's keys, from its first key: that of its `?`
// when the key is explicit (`? BucketName` then `: value`).
std::size_t key_column(const source::SourceFile& src, const yaml::Node& key) {
  const std::string& t = src.text();
  std::size_t at = key.begin;
  while (at > 0 && (t[at - 1] == ' ' || t[at - 1] == '\t')) --at;
  if (at > 0 && t[at - 1] == '?' && at < key.begin) return column_of(src, at - 1);
  return column_of(src, key.begin);
}

// New block lines, each entry's key at `col`.
std::string block_lines(const Entries& entries, std::size_t col, const FileStyle& style) {
  std::string text;
  for (const auto& [key, value] : entries)
    text += style.newline + spaces(col) + yaml_block_entry(key, value, col, style);
  return text;
}

}  // namespace

InsertPlan plan_insert(const model::Template& tpl, const FileStyle& style, NodeId target,
                       const Entries& entries) {
  const auto& src = tpl.source();
  const auto& doc = tpl.doc();
  if (target == kNone) return decline("nothing to insert into");
  const yaml::Node& n = doc[target];
  if (n.kind == Kind::Alias)
    return decline("the mapping is an alias (*" +
                   std::string(src.view().substr(n.begin + 1, n.end - n.begin - 1)) +
                   "); change the anchored mapping by hand");
  if (n.kind == Kind::Map) {
    // `{Fn::If: [...]}`, `Ref: X`, `!Transform {...}`: a key beside the
    // function's own is a template CloudFormation rejects.
    if (std::string fn = model::Evaluator(tpl).intrinsic(target); !fn.empty())
      return decline("the mapping is " + std::string(fn.rfind("Fn::", 0) == 0 ? "an " : "a ") + fn +
                     "; CloudFormation allows no other key beside it");
  }
  if (n.kind == Kind::Map && n.style == yaml::Style::Flow)
    return into_flow_map(tpl, style, n, entries);
  if (n.kind == Kind::Map) {
    std::size_t col = key_column(src, doc[n.children().front()]);
    return insert_at(src.line_end(n.end), block_lines(entries, col, style));
  }
  if (doc.is_empty_null(target) && n.key != kNone && n.parent != kNone &&
      doc[n.parent].style == yaml::Style::Block) {
    // `Properties:` with nothing after it: the entries go one level deeper.
    std::size_t col = column_of(src, doc[n.key].begin) + static_cast<std::size_t>(style.indent);
    return insert_at(src.line_end(n.begin), block_lines(entries, col, style));
  }
  if (n.kind == Kind::Null)
    return decline("the value is an explicit null; replace it with a mapping by hand");
  return decline("the value is not a mapping");
}

std::vector<PathStep> path_of(const yaml::Document& doc, NodeId node) {
  std::vector<PathStep> path;
  for (NodeId n = node; n != kNone && doc[n].parent != kNone; n = doc[n].parent) {
    const yaml::Node& parent = doc[doc[n].parent];
    if (parent.kind == Kind::Map) {
      path.insert(path.begin(), PathStep{std::string(doc.text(doc[n].key)), -1});
    } else {
      int index = 0;
      for (NodeId c : parent.children()) {
        if (c == n) break;
        ++index;
      }
      path.insert(path.begin(), PathStep{{}, index});
    }
    // A tagged collection (`!If [...]`) is a one-key mapping in Value terms.
    if (std::string key = model::tag_key(parent.tag()); !key.empty())
      path.insert(path.begin(), PathStep{key, -1});
  }
  return path;
}

namespace {

// Every place that sees `node`: itself, or — inside a node shared through
// aliases — the anchored node and each alias, each with the path to `node`
// below it. Fills `fix.shared_*`. Returns false (with `reason`) for nested sharing.
bool use_sites(const yaml::Document& doc, NodeId node, Fix& fix,
               std::vector<std::vector<PathStep>>& paths, std::string& reason) {
  NodeId shared = doc.shared_ancestor(node);
  if (shared == kNone) {
    paths.push_back(path_of(doc, node));
    return true;
  }
  if (doc[shared].parent != kNone && doc.shared_ancestor(doc[shared].parent) != kNone) {
    reason = "the mapping is inside nested YAML aliases; change it by hand";
    return false;
  }
  auto full = path_of(doc, node);
  auto base = path_of(doc, shared);
  std::vector<PathStep> below(full.begin() + static_cast<long>(base.size()), full.end());
  std::vector<NodeId> sites{shared};
  for (NodeId alias : doc.aliases_of(shared)) sites.push_back(alias);
  for (NodeId site : sites) {
    if (site != shared && doc.shared_ancestor(site) != kNone) {
      reason = "the mapping is inside nested YAML aliases; change it by hand";
      return false;
    }
    auto p = path_of(doc, site);
    p.insert(p.end(), below.begin(), below.end());
    paths.push_back(std::move(p));
  }
  fix.shared_uses = sites.size();
  fix.shared_anchor = std::string(doc.anchor_name(shared));
  return true;
}

}  // namespace

InsertFix insert_fix(const model::Template& tpl, const FileStyle& style, NodeId target,
                     const Entries& entries, std::string title) {
  InsertPlan plan = plan_insert(tpl, style, target, entries);
  if (!plan.edit) return InsertFix{std::nullopt, plan.reason};
  Fix fix;
  fix.title = std::move(title);
  fix.applicability = Applicability::Safe;
  fix.edits.push_back(std::move(*plan.edit));
  std::vector<std::vector<PathStep>> paths;
  std::string reason;
  if (!use_sites(tpl.doc(), target, fix, paths, reason)) return InsertFix{std::nullopt, reason};
  for (const auto& [key, value] : entries) {
    auto shared = shared_value(value);
    for (const auto& path : paths) fix.additions.push_back(Addition{path, key, shared});
  }
  return InsertFix{std::move(fix), {}};
}

InsertFix insert_fix(const model::Template& tpl, const FileStyle& style, NodeId target,
                     const std::string& key, model::Value value, std::string title) {
  return insert_fix(tpl, style, target, Entries{{key, std::move(value)}}, std::move(title));
}

namespace {

// `fix`, whose edits replace the value node `n`, with what it means: the
// mapping holding `n` (at each place that sees it) gets `value` for its key.
InsertFix replacing(const yaml::Document& doc, const yaml::Node& n, Fix fix, model::Value value) {
  std::vector<std::vector<PathStep>> paths;
  std::string reason;
  if (!use_sites(doc, n.parent, fix, paths, reason)) return InsertFix{std::nullopt, reason};
  auto shared = shared_value(std::move(value));
  for (const auto& path : paths)
    fix.additions.push_back(Addition{path, std::string(doc.text(n.key)), shared});
  return InsertFix{std::move(fix), {}};
}

}  // namespace

InsertFix replace_null_fix(const model::Template& tpl, const FileStyle& style, NodeId null_node,
                           const Entries& entries, std::string title) {
  const auto& doc = tpl.doc();
  const auto& src = tpl.source();
  const std::string& t = src.text();
  const yaml::Node& n = doc[null_node];
  if (n.kind != Kind::Null || doc.is_empty_null(null_node) || n.key == kNone || n.parent == kNone)
    return InsertFix{std::nullopt, "not an explicit null"};
  if (n.anchored || n.aliased)
    return InsertFix{std::nullopt, "the null is anchored; replace it with a mapping by hand"};
  Fix fix;
  fix.title = std::move(title);
  fix.applicability = Applicability::Unsafe;
  model::Value map = model::Value::map(entries);
  const yaml::Node& key = doc[n.key];
  if (doc[n.parent].style == yaml::Style::Block) {
    // `Key: ~  # note` -> `Key:  # note` and the entries on the lines below.
    std::size_t colon = t.find(':', key.end);
    if (colon == std::string::npos || colon >= n.begin ||
        t.find_first_not_of(" \t", colon + 1) != n.begin)
      return InsertFix{std::nullopt, "could not find the null's colon"};
    std::size_t col = key_column(src, key) + static_cast<std::size_t>(style.indent);
    std::size_t eol = src.line_end(n.end);
    fix.edits.push_back(Edit{colon + 1, n.end, ""});
    fix.edits.push_back(Edit{eol, eol, block_lines(entries, col, style)});
    if (eol == n.end) {  // one edit: nothing after the null on its line
      fix.edits.front().text = fix.edits.back().text;
      fix.edits.pop_back();
    }
  } else if (style.json && !style.minified &&
             !same_line(src, doc[n.parent].begin, doc[n.parent].end)) {
    fix.edits.push_back(
        Edit{n.begin, n.end, json_pretty_text(map, leading_whitespace(src, key.begin), style)});
  } else {
    fix.edits.push_back(Edit{n.begin, n.end, flow_text(map, style)});
  }
  return replacing(doc, n, std::move(fix), std::move(map));
}

InsertFix move_up_fix(const model::Template& tpl, const FileStyle& style, NodeId inner,
                      std::string_view key, std::string title) {
  const auto& doc = tpl.doc();
  const auto& src = tpl.source();
  const std::string& t = src.text();
  auto decline = [](std::string why) { return InsertFix{std::nullopt, std::move(why)}; };
  if (inner == kNone || doc.shared_by_alias(inner)) return decline("the mapping is shared");
  const yaml::Node& in = doc[inner];
  if (in.kind != Kind::Map || in.style != yaml::Style::Block || in.parent == kNone ||
      in.key == kNone || doc[in.parent].style != yaml::Style::Block)
    return decline("only block mappings are rearranged; move " + std::string(key) + " by hand");
  const auto& kids = in.children();
  std::size_t at = kids.size();
  for (std::size_t i = 0; i + 1 < kids.size(); i += 2)
    if (doc.text(kids[i]) == key) at = i;
  if (at == kids.size() || kids.size() < 4)
    return decline(std::string(key) + " is the only setting there; move it by hand");
  const yaml::Node& k = doc[kids[at]];
  const yaml::Node& v = doc[kids[at + 1]];
  const std::size_t ls = src.line_start(k.begin), le = src.line_end(v.end);
  const std::size_t inner_col = column_of(src, k.begin);
  const std::size_t outer_col = key_column(src, doc[doc[in.parent].children().front()]);
  if (leading_whitespace(src, k.begin).size() != inner_col || src.line_start(v.end) != ls ||
      inner_col <= outer_col ||
      t.compare(ls, inner_col - outer_col, std::string(inner_col - outer_col, ' ')) != 0)
    return decline("the setting is not on a line of its own; move " + std::string(key) +
                   " by hand");
  Fix fix;
  fix.title = std::move(title);
  fix.applicability = Applicability::Unsafe;
  const bool last = at + 2 == kids.size() && doc[in.parent].children().back() == inner;
  if (last) {  // the last line of both mappings: moving it is taking its indentation back
    fix.edits.push_back(Edit{ls, ls + inner_col - outer_col, ""});
  } else {
    std::size_t next = le < t.size() ? le + (t[le] == '\r' ? 2 : 1) : le;
    fix.edits.push_back(Edit{ls, next, ""});
    std::size_t end = src.line_end(doc[in.parent].end);
    fix.edits.push_back(
        Edit{end, end, style.newline + spaces(outer_col) + t.substr(k.begin, le - k.begin)});
  }
  // What it means: `inner` without the entry, and the entry beside it.
  model::Value without, moved;
  std::size_t budget = 100'000;
  if (!model::to_value(doc, inner, without, budget) ||
      !model::to_value(doc, kids[at + 1], moved, budget))
    return decline("the mapping is too large");
  std::erase_if(without.entries, [&](const auto& e) { return e.first == key; });
  auto path = path_of(doc, in.parent);
  fix.additions.push_back(Addition{path, std::string(doc.text(in.key)), shared_value(without)});
  fix.additions.push_back(Addition{path, std::string(key), shared_value(moved)});
  return InsertFix{std::move(fix), {}};
}

InsertFix replace_value_fix(const model::Template& tpl, const FileStyle& style, NodeId value_node,
                            model::Value value, std::string title) {
  const auto& doc = tpl.doc();
  const yaml::Node& n = doc[value_node];
  if (n.key == kNone || n.parent == kNone) return InsertFix{std::nullopt, "not a mapping value"};
  if (n.kind == Kind::Alias)
    return InsertFix{std::nullopt, "the value is a YAML alias; change the anchored value by hand"};
  std::string text;
  if (value.kind == model::Value::Kind::Bool) {
    text = value.scalar;
  } else if (value.kind == model::Value::Kind::String) {
    text = style.json ? util::json_string(value.scalar) : yaml_scalar(value.scalar);
  } else if (value.intrinsic) {  // a key as `!Ref Key`: one line, like a scalar
    text = flow_text(value, style);
  } else {
    return InsertFix{std::nullopt, "only scalar values are replaced"};
  }
  // `Key:` with nothing after it: the value goes after the colon, with the space
  // YAML needs there (`Key:true` would be one plain scalar).
  if (doc.is_empty_null(value_node)) text = " " + text;
  Fix fix;
  fix.title = std::move(title);
  fix.applicability = Applicability::Unsafe;
  fix.edits.push_back(Edit{n.begin, n.end, std::move(text)});
  return replacing(doc, n, std::move(fix), std::move(value));
}

}  // namespace enclint::fix
