#include "rules/requirement.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "rules/requirement_support.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

using model::Possibility;
using K = model::Possibility::Kind;
using yaml::kNone;
using yaml::NodeId;
using namespace detail;  // NOLINT(google-build-using-namespace): the kinds' own helpers

std::string undecidable(std::string_view key, const Possibility& p) {
  if (p.kind == K::AnyParameter)
    return std::string(key) + " comes from parameter " + p.detail +
           ", which has no AllowedValues, so it cannot be checked statically";
  return std::string(key) + " is " + p.detail + ", which cannot be checked statically";
}

bool aws_managed_key(std::string_view v) {
  return v.rfind("alias/aws/", 0) == 0 || v.find(":alias/aws/") != std::string_view::npos;
}

std::string key_problem(const yaml::Document& doc, std::string_view key, const Possibility& p,
                        bool cmk, bool& managed) {
  managed = false;
  const std::string k(key);
  switch (p.kind) {
    case K::Unknown:
    case K::AnyParameter: return {};
    case K::Absent: return k + (p.no_value ? " is removed by Ref: AWS::NoValue" : " is not set");
    case K::Node: break;
  }
  if (!doc.is_scalar(p.node) || is_blank(doc, p.node)) {
    std::string what = describe_value(doc, p.node);
    return k + " is " + what + (what == "null" ? "" : ", not a key");
  }
  std::string_view v = doc[doc.resolve(p.node)].value();
  if (!cmk || !aws_managed_key(v)) return {};
  managed = true;
  return k + " is the AWS managed key " + std::string(v) + ", not a customer managed key";
}

bool is_blank(const yaml::Document& doc, NodeId node) {
  node = doc.resolve(node);
  if (node == kNone) return false;
  const yaml::Node& n = doc[node];
  return n.kind == yaml::Kind::Null || (n.kind == yaml::Kind::Scalar && n.value().empty());
}

std::string describe_value(const yaml::Document& doc, NodeId node) {
  node = doc.resolve(node);
  if (node == kNone) return "absent";
  const yaml::Node& n = doc[node];
  switch (n.kind) {
    case yaml::Kind::Null: return "null";
    case yaml::Kind::Map: return "a mapping";
    case yaml::Kind::Seq: return "a list";
    default: break;
  }
  std::string_view v = n.value();
  if (model::truth_of(doc, node) == model::Truth::False) return "false";
  if (v.empty()) return "an empty string";
  constexpr std::size_t kShown = 40;
  return "'" + std::string(v.substr(0, kShown)) + (v.size() > kShown ? "...'" : "'");
}

namespace {
// Whether the parameter value a possibility assumes (its only assumption) is
// that parameter's Default: what a deployment gets unless someone overrides it.
bool has_default(const lint::CheckContext& ctx, const model::Assumptions& assumptions) {
  if (assumptions.size() != 1 || assumptions.front().condition) return false;
  const model::Parameter* param = ctx.tpl.parameter(assumptions.front().name);
  return param && param->default_value != kNone &&
         ctx.tpl.doc().text(param->default_value) == assumptions.front().value;
}
}  // namespace

TrueVerdict require_true(const lint::CheckContext& ctx, std::string_view key,
                         const std::vector<PropertyValue>& values) {
  const auto& doc = ctx.tpl.doc();
  const std::string k(key);
  TrueVerdict verdict;
  for (const PropertyValue& pv : values) {
    const Possibility& p = pv.value;
    switch (p.kind) {
      case K::Absent:
        verdict.problems.push_back(
            k + (p.no_value ? " is removed by Ref: AWS::NoValue" : " is not set") +
            when(p.assumptions));
        break;
      case K::Node: {
        if (is_true(doc, p.node)) break;
        std::string what = describe_value(doc, p.node);
        bool plain = what == "false" || what == "null";
        // "(when parameter P is 'false', its Default: false by default)"
        std::string w = when(p.assumptions);
        if (!w.empty() && has_default(ctx, p.assumptions))
          w.insert(w.size() - 1, ", its Default: " + what + " by default");
        verdict.problems.push_back(k + " is " + what + (plain ? "" : ", not true") + w);
        break;
      }
      case K::AnyParameter:
        verdict.problems.push_back(parameter_problem(ctx, key, p.detail) + when(p.assumptions));
        break;
      case K::Unknown: verdict.undecided = undecidable(key, p); break;
    }
  }
  return verdict;
}

void RequirementRule::check(const lint::CheckContext& ctx,
                            std::vector<lint::Diagnostic>& out) const {
  for (const model::Resource& r : ctx.tpl.resources()) {
    if (!info().applies_to(r.type)) continue;
    for (const Check& c : req_.checks) {
      const NotWith others = not_with(ctx, r, c);
      if (others.always) continue;
      switch (c.kind) {
        case RequirementKind::BlockRequired: check_block(ctx, r, c, others, out); break;
        case RequirementKind::TrueRequired: check_true(ctx, r, c, others, out); break;
        case RequirementKind::OneOf: check_one_of(ctx, r, c, out); break;
        case RequirementKind::NeedsTrue: check_needs_true(ctx, r, c, out); break;
        case RequirementKind::KeyRequired: check_key_required(ctx, r, c, others, out); break;
        case RequirementKind::NotTrue: check_not_true(ctx, r, c, out); break;
      }
    }
  }
}

void RequirementRule::check_block(const lint::CheckContext& ctx, const model::Resource& r,
                                  const Check& c, const NotWith& others,
                                  std::vector<lint::Diagnostic>& out) const {
  // A nested block ("A/B" and key C) is required level by level: a finding
  // for the outermost level that is missing or not a mapping, whose fix
  // inserts the levels below it too.
  std::vector<std::string_view> levels = split_path(c.block);
  levels.push_back(c.key);
  std::vector<PropertyValue> values;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    values = i == 0 ? property(ctx, r, levels[0]) : member(ctx, values, levels[i]);
    check_block_level(ctx, r, c, values, levels, i, others, out);
  }
}

void RequirementRule::check_block_level(const lint::CheckContext& ctx, const model::Resource& r,
                                        const Check& c, const std::vector<PropertyValue>& values,
                                        const std::vector<std::string_view>& levels,
                                        std::size_t level, const NotWith& others,
                                        std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  const std::string key(levels[level]);
  std::string full;  // "WorkGroupConfiguration.ResultConfiguration": what is missing
  for (std::string_view l : levels) full += (full.empty() ? "" : ".") + std::string(l);
  const std::string label = req_.label(r);
  // The value of `key` a fix writes: the check's block, inside the levels
  // below `key`; null when the check has none for these options.
  auto insertion = [&]() -> std::optional<model::Value> {
    if (!c.insert) return std::nullopt;
    if (c.no_insert_at_cmk && ctx.options.level == lint::Level::Cmk &&
        c.no_insert_at_cmk(ctx.options.fix))
      return model::Value{};
    model::Value v = c.insert(ctx.options.fix, r);
    if (v.kind == model::Value::Kind::Null) return v;
    for (std::size_t j = levels.size() - 1; j > level; --j)
      v = model::Value::map({{std::string(levels[j]), std::move(v)}});
    return v;
  };
  auto attach_insert = [&](lint::Diagnostic& d, bool whole, NodeId parent) {
    std::optional<model::Value> v = insertion();
    if (!v) return;
    if (!others.partly.empty()) {
      // The block may be invalid for the other kind of resource.
      d.not_fixable =
          others.partly + " depends on a condition; add " + key + " by hand where it applies";
      return;
    }
    if (v->kind == model::Value::Kind::Null) {
      d.not_fixable = no_insert_reason(c, ctx.options);
      return;
    }
    insert_into(ctx, r, whole, parent, key, std::move(*v), insert_title(c, ctx.options.fix), d);
    mark_safety(c, d, ctx.options.fix);
    note_unused_key(c, ctx.options.fix, r, d);
  };

  // Absent where nothing is written: one finding per mapping it is missing
  // from (the Properties, or each Fn::If branch of them), each with its fix.
  std::set<NodeId> missing_from;
  for (const PropertyValue& pv : values) {
    if (pv.value.kind != K::Absent || pv.value.no_value || pv.written != kNone) continue;
    if (set_aside(others, pv.value.assumptions) || !missing_from.insert(pv.parent).second) continue;
    bool whole = is_properties(doc, r, pv.parent);
    auto [begin, end] = missing_at(ctx, r, whole, pv.parent);
    lint::Diagnostic d =
        make(r, begin, end,
             label + " has no " + full + when(pv.value.assumptions) +
                 near_miss(doc, pv.parent, level == 0 ? r.node : kNone, key) +
                 (c.absent_for ? c.absent_for(ctx.options.fix) : std::string(c.absent)),
             whole ? r.path + "/Properties" : parent_path(pv, key));
    attach_insert(d, whole, pv.parent);
    out.push_back(std::move(d));
  }
  // Written, but not a mapping in some way it can turn out (in another Fn::If
  // branch of Properties than the ones it is missing from, say).
  std::vector<std::string> problems;
  std::string undecided;
  const PropertyValue* at = nullptr;
  bool only_empty_null = true, only_null = true;  // (the latter: `Key: ~` too)
  for (const PropertyValue& pv : values) {
    const Possibility& p = pv.value;
    if (pv.is_map(doc) || set_aside(others, p.assumptions)) continue;
    if (p.kind == K::Absent && !p.no_value && pv.written == kNone) continue;  // reported above
    if (p.kind == K::Unknown) {
      undecided = undecidable(key, p);
      if (!at) at = &pv;
      continue;
    }
    if (p.kind == K::AnyParameter) {
      // A parameter is a string, a number or a list: never a mapping.
      problems.push_back(key + " comes from parameter " + p.detail + ", which cannot be a mapping" +
                         when(p.assumptions));
      only_empty_null = only_null = false;
    } else if (p.kind == K::Absent) {
      problems.push_back(key + " is removed by Ref: AWS::NoValue" + when(p.assumptions));
      only_empty_null = only_null = false;
    } else {
      std::string what = describe_value(doc, p.node);
      problems.push_back(key + " is " + what + (what == "null" ? "" : ", not a mapping") +
                         when(p.assumptions));
      only_empty_null &= doc.is_empty_null(p.node) && p.node == pv.written;
      only_null &= doc[p.node].kind == yaml::Kind::Null && p.node == pv.written;
    }
    if (!at || at->value.kind == K::Unknown) at = &pv;
  }
  if (!at) return;
  auto [begin, end] = at->written != kNone
                          ? node_location(ctx.tpl, at->written)
                          : missing_at(ctx, r, is_properties(doc, r, at->parent), at->parent);
  if (problems.empty()) {
    lint::Diagnostic d = make(r, begin, end, label + ": " + undecided, at->path);
    d.severity = lint::Severity::Info;
    out.push_back(std::move(d));
    return;
  }
  lint::Diagnostic d =
      make(r, begin, end, label + ": " + join(problems) + "; " + std::string(c.why), at->path);
  if (at->from_globals) {
    d.not_fixable = change_in_globals(key, at->source);
  } else if (std::optional<model::Value> block = insertion(); only_empty_null && block) {
    // `Key:` with nothing after it: the block's entries go right there, insert-only.
    if (block->kind == model::Value::Kind::Null) {
      d.not_fixable = no_insert_reason(c, ctx.options);
    } else {
      fix::Entries entries;
      for (auto& e : block->entries) entries.emplace_back(e.first, std::move(e.second));
      attach(ctx,
             fix::insert_fix(ctx.tpl, ctx.style(), at->written, entries,
                             insert_title(c, ctx.options.fix)),
             d);
      mark_safety(c, d, ctx.options.fix);
    }
  } else if (std::optional<model::Value> block = insertion();
             only_null && block && block->kind != model::Value::Kind::Null) {
    // `Key: ~`: no insertion fills a null; the fix replaces it, unsafe.
    fix::Entries entries;
    for (auto& e : block->entries) entries.emplace_back(e.first, std::move(e.second));
    attach(ctx,
           fix::replace_null_fix(ctx.tpl, ctx.style(), at->written, entries,
                                 insert_title(c, ctx.options.fix) + " (replacing the null)"),
           d);
  } else if (std::any_of(values.begin(), values.end(), [](const PropertyValue& pv) {
               return pv.value.kind == K::Absent && pv.written != kNone;
             })) {
    d.not_fixable = key + " is conditional; make it unconditional by hand";
  } else {
    d.not_fixable = key + " is not a mapping; write the block in its place by hand";
  }
  out.push_back(std::move(d));
}

void RequirementRule::check_true(const lint::CheckContext& ctx, const model::Resource& r,
                                 const Check& c, const NotWith& others,
                                 std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  const std::string key(c.key);
  const std::string label = req_.label(r);
  // The mappings the setting must be true in, each with its possibilities:
  // every mapping possibility of the block, or (no block) of Properties.
  struct Group {
    NodeId map = kNone;       // kNone: no Properties yet
    bool properties = false;  // the resource's own Properties (not an Fn::If branch)
    bool from_globals = false;
    std::string path;
    std::string source;  // where the block is written, when from Globals
    std::vector<PropertyValue> values;
  };
  std::vector<Group> groups;
  if (c.block.empty()) {
    for (PropertyValue& pv : property(ctx, r, c.key)) {
      auto it = std::find_if(groups.begin(), groups.end(),
                             [&](const Group& g) { return g.map == pv.parent; });
      if (it == groups.end()) {
        bool whole = is_properties(doc, r, pv.parent);
        groups.push_back({pv.parent,
                          whole,
                          false,
                          whole ? r.path + "/Properties" : parent_path(pv, c.key),
                          {},
                          {}});
        it = groups.end() - 1;
      }
      it->values.push_back(std::move(pv));
    }
  } else {
    std::set<NodeId> seen;
    for (const PropertyValue& block : block_values(ctx, r, c.block)) {
      if (!block.is_map(doc) || !seen.insert(block.value.node).second) continue;
      groups.push_back({block.value.node, false, block.from_globals, block.path, block.source,
                        member(ctx, {block}, c.key)});
    }
  }
  for (Group& g : groups) {
    std::erase_if(g.values,
                  [&](const PropertyValue& v) { return set_aside(others, v.value.assumptions); });
    if (g.values.empty()) continue;
    TrueVerdict verdict = require_true(ctx, c.key, g.values);
    NodeId written = kNone;
    bool from_globals = false;
    std::string globals_source;
    for (const PropertyValue& v : g.values) {
      if (written == kNone) written = v.written;
      if (v.from_globals && v.written != kNone) {
        from_globals = true;
        globals_source = v.source;
      }
    }
    auto [begin, end] = written != kNone ? node_location(ctx.tpl, written)
                                         : missing_at(ctx, r, g.properties, g.map);
    const std::string& path = g.values.front().path;
    if (verdict.problems.empty()) {
      if (!verdict.undecided.empty()) {
        lint::Diagnostic d = make(r, begin, end, label + ": " + verdict.undecided, path);
        d.severity = lint::Severity::Info;
        out.push_back(std::move(d));
      }
      continue;
    }
    lint::Diagnostic d = make(
        r, begin, end, label + ": " + join(verdict.problems) + "; " + std::string(c.why), path);
    if (g.from_globals && !from_globals && written == kNone && others.partly.empty()) {
      // The block is in SAM Globals and lacks the key: it goes there (SAM
      // merges Globals into every resource of the type), and the title says so.
      attach(ctx,
             fix::insert_fix(ctx.tpl, ctx.style(), g.map, key, model::Value::boolean(true),
                             "Add " + key + ": true to " + dotted(g.source) + " (every " +
                                 std::string(r.type.substr(r.type.rfind(':') + 1)) +
                                 " of the template takes it)"),
             d);
      mark_safety(c, d, ctx.options.fix);
    } else if (from_globals || g.from_globals) {
      d.not_fixable = change_in_globals(key, from_globals ? globals_source : g.source + "/" + key);
    } else if (!others.partly.empty()) {
      d.not_fixable = others.partly +
                      " is written but not always set (a condition, or empty); set " + key +
                      " by hand where it is not";
    } else if (written == kNone) {
      insert_into(ctx, r, g.properties, g.map, key, model::Value::boolean(true),
                  "Add " + key + ": true", d);
      mark_safety(c, d, ctx.options.fix);
    } else {
      attach(ctx,
             fix::replace_value_fix(ctx.tpl, ctx.style(), written, model::Value::boolean(true),
                                    "Set " + key + " to true"),
             d);
    }
    out.push_back(std::move(d));
  }
}

}  // namespace enclint::rules
