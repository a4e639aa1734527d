#include "fix/insert.hpp"

#include "fix/render.hpp"

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
                         const std::string& key, const model::Value& value) {
  const auto& src = tpl.source();
  const auto& doc = tpl.doc();
  std::size_t close = map.end - 1;  // the '}'
  if (src.text()[close] != '}') return decline("could not find the end of the mapping");
  if (map.children.empty()) {
    if (style.json && !style.minified) {
      // "Properties": {}  ->  a pretty block between the braces
      std::string indent = leading_whitespace(src, map.begin);
      std::string inner = indent + style.json_unit;
      return insert_at(close, style.newline + inner + json_pretty_member(key, value, inner, style) +
                                  style.newline + indent);
    }
    return insert_at(close, flow_member(key, value, style));
  }
  const yaml::Node& last_key = doc[map.children[map.children.size() - 2]];
  std::size_t after = doc[map.children.back()].end;
  if (style.json && !style.minified && !same_line(src, map.begin, close) &&
      !same_line(src, last_key.begin, map.begin)) {
    std::string indent = leading_whitespace(src, last_key.begin);
    return insert_at(after, "," + style.newline + indent +
                                json_pretty_member(key, value, indent, style));
  }
  return insert_at(after, (style.compact ? "," : ", ") + flow_member(key, value, style));
}

}  // namespace

InsertPlan plan_insert(const model::Template& tpl, const FileStyle& style, NodeId target,
                       const std::string& key, const model::Value& value) {
  const auto& src = tpl.source();
  const auto& doc = tpl.doc();
  if (target == kNone) return decline("nothing to insert into");
  const yaml::Node& n = doc[target];
  if (n.kind == Kind::Alias) return decline("the mapping is an alias (*" +
                                            std::string(src.view().substr(n.begin + 1, n.end - n.begin - 1)) +
                                            "); change the anchored mapping by hand");
  if (doc.shared_by_alias(target))
    return decline("the mapping is shared through a YAML alias; a change would apply to every user");
  if (n.kind == Kind::Map && n.style == yaml::Style::Flow)
    return into_flow_map(tpl, style, n, key, value);
  if (n.kind == Kind::Map) {
    std::size_t col = column_of(src, doc[n.children.front()].begin);
    std::size_t at = src.line_end(n.end);
    return insert_at(at, style.newline + spaces(col) + yaml_block_entry(key, value, col, style));
  }
  if (doc.is_empty_null(target) && n.key != kNone && n.parent != kNone &&
      doc[n.parent].style == yaml::Style::Block) {
    // `Properties:` with nothing after it: the entries go one level deeper.
    std::size_t col = column_of(src, doc[n.key].begin) + static_cast<std::size_t>(style.indent);
    std::size_t at = src.line_end(n.begin);
    return insert_at(at, style.newline + spaces(col) + yaml_block_entry(key, value, col, style));
  }
  if (n.kind == Kind::Null)
    return decline("the value is an explicit null; replace it with a mapping by hand");
  return decline("the value is not a mapping");
}

Edit replace_node(const model::Template& tpl, NodeId node, std::string text) {
  const yaml::Node& n = tpl.doc()[node];
  return Edit{n.begin, n.end, std::move(text)};
}

std::vector<PathStep> path_of(const yaml::Document& doc, NodeId node) {
  std::vector<PathStep> path;
  for (NodeId n = node; n != kNone && doc[n].parent != kNone; n = doc[n].parent) {
    const yaml::Node& parent = doc[doc[n].parent];
    if (parent.kind == Kind::Map) {
      path.insert(path.begin(), PathStep{std::string(doc.text(doc[n].key)), -1});
    } else {
      int index = 0;
      for (NodeId c : parent.children) {
        if (c == n) break;
        ++index;
      }
      path.insert(path.begin(), PathStep{{}, index});
    }
  }
  return path;
}

InsertFix insert_fix(const model::Template& tpl, const FileStyle& style, NodeId target,
                     const std::string& key, model::Value value, std::string title) {
  InsertPlan plan = plan_insert(tpl, style, target, key, value);
  if (!plan.edit) return InsertFix{std::nullopt, plan.reason};
  Fix fix;
  fix.title = std::move(title);
  fix.applicability = Applicability::Safe;
  fix.edits.push_back(std::move(*plan.edit));
  fix.additions.push_back(Addition{path_of(tpl.doc(), target), key, std::move(value)});
  return InsertFix{std::move(fix), {}};
}

}  // namespace enclint::fix
