#include "rules/support.hpp"

#include <unordered_set>

#include "model/evaluate.hpp"
#include "model/value.hpp"

namespace enclint::rules {

using yaml::kNone;

std::pair<std::size_t, std::size_t> missing_property_location(const model::Template& tpl,
                                                              const model::Resource& r) {
  const auto& doc = tpl.doc();
  yaml::NodeId at = r.properties_key != kNone ? r.properties_key : r.key;
  return {doc[at].begin, doc[at].end};
}

std::pair<std::size_t, std::size_t> node_location(const model::Template& tpl, yaml::NodeId node) {
  const auto& n = tpl.doc()[node];
  return {n.begin, n.end};
}

namespace {

// Depth first, each node once (an anchor used twice is searched once).
bool find_below(const yaml::Document& doc, yaml::NodeId n, yaml::NodeId to, std::string& path,
                std::unordered_set<yaml::NodeId>& visited) {
  n = doc.resolve(n);
  if (n == to) return true;
  if (!visited.insert(n).second) return false;
  const yaml::Node& node = doc[n];
  if (node.kind != yaml::Kind::Map && node.kind != yaml::Kind::Seq) return false;
  const std::size_t mark = path.size();
  if (std::string key = model::tag_key(node.tag()); !key.empty()) path += "/" + key;
  const auto& children = node.children();
  const bool map = node.kind == yaml::Kind::Map;
  for (std::size_t i = map ? 1 : 0; i < children.size(); i += map ? 2 : 1) {
    const std::size_t before = path.size();
    path += "/";
    path += map ? std::string(doc.text(children[i - 1])) : std::to_string(i);
    if (find_below(doc, children[i], to, path, visited)) return true;
    path.resize(before);
  }
  path.resize(mark);
  return false;
}

}  // namespace

std::optional<std::string> branch_path(const yaml::Document& doc, yaml::NodeId from,
                                       yaml::NodeId to) {
  if (from == kNone || to == kNone) return std::nullopt;
  std::string path;
  std::unordered_set<yaml::NodeId> visited;
  if (!find_below(doc, from, doc.resolve(to), path, visited)) return std::nullopt;
  return path;
}

model::Value kms_key_value(const std::string& key) {
  if (key.rfind("Ref:", 0) == 0) return model::Value::ref(key.substr(4));
  return model::Value::string(key);
}

void attach(const lint::CheckContext& ctx, fix::InsertFix result, lint::Diagnostic& d) {
  if (!result.fix) {
    d.not_fixable = std::move(result.reason);
    return;
  }
  // Freed at once, so the next finding reuses the memory (a finding-dense
  // template would otherwise hold every fix's text to the end of the run).
  // A fix in an aliased node keeps them: the alias check compares edits.
  if (!ctx.options.fix_edits && ctx.options.fix.kms_key.empty() && !result.fix->shared_uses) {
    std::vector<fix::Edit>().swap(result.fix->edits);
    std::vector<fix::Addition>().swap(result.fix->additions);
  }
  d.fix = std::move(result.fix);
}

void attach_properties_insert(const lint::CheckContext& ctx, const model::Resource& r,
                              const std::string& key, model::Value value, std::string title,
                              lint::Diagnostic& d) {
  const auto& doc = ctx.tpl.doc();
  if (r.properties_via_merge) {
    d.not_fixable = "Properties comes from a `<<` merge key; add " + key + " where it is defined";
    return;
  }
  if (r.properties == kNone) {
    attach(ctx,
           fix::insert_fix(ctx.tpl, ctx.style(), r.node, "Properties",
                           model::Value::map({{key, std::move(value)}}), std::move(title)),
           d);
  } else if (doc.is_map(r.properties) || doc.is_empty_null(r.properties)) {
    attach(ctx,
           fix::insert_fix(ctx.tpl, ctx.style(), doc.resolve(r.properties), key, std::move(value),
                           std::move(title)),
           d);
  } else if (doc[r.properties].kind == yaml::Kind::Null) {
    // `Properties: ~` cannot be filled by inserting: the fix replaces the null.
    fix::Entries entries;
    entries.emplace_back(key, std::move(value));
    attach(ctx,
           fix::replace_null_fix(ctx.tpl, ctx.style(), r.properties, entries,
                                 std::move(title) + " (replacing the null Properties)"),
           d);
  } else if (doc[doc.resolve(r.properties)].kind == yaml::Kind::Null) {
    d.not_fixable = "Properties is an explicit null; replace it with a mapping by hand";
  } else {
    d.not_fixable = "Properties is not a mapping";
  }
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string s;
  for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? sep : "") + parts[i];
  return s;
}

std::string when(const model::Assumptions& assumptions) {
  std::string w = model::describe_assumptions(assumptions);
  return w.empty() ? "" : " (" + w + ")";
}

}  // namespace enclint::rules
