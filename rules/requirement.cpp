#include "rules/requirement.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "rules/support.hpp"

namespace enclint::rules {

using model::Possibility;
using K = model::Possibility::Kind;
using yaml::kNone;
using yaml::NodeId;

namespace {

// true, True, TRUE, quoted or not (CloudFormation takes the string "true" for
// a boolean): the only enabling values. yes/on/1 are not: CloudFormation does
// not read YAML 1.1 words as booleans.
bool is_true(const yaml::Document& doc, NodeId node) {
  return model::truth_of(doc, node) == model::Truth::True;
}

std::string parameter_problem(const lint::CheckContext& ctx, std::string_view key,
                              const std::string& name) {
  std::string k(key);
  const model::Parameter* p = ctx.tpl.parameter(name);
  NodeId def = p ? p->default_value : kNone;
  const auto& doc = ctx.tpl.doc();
  if (def != kNone && !is_true(doc, def))
    return k + " comes from parameter " + name + ", which is " + describe_value(doc, def) +
           " by default and has no AllowedValues";
  return k + " comes from parameter " + name +
         ", which has no AllowedValues, so false can be passed at deploy time" +
         (def != kNone ? " (its Default is true)" : "");
}

std::string undecidable(std::string_view key, const Possibility& p) {
  if (p.kind == K::AnyParameter)
    return std::string(key) + " comes from parameter " + p.detail +
           ", which has no AllowedValues, so it cannot be checked statically";
  return std::string(key) + " is " + p.detail + ", which cannot be checked statically";
}

// The mapping a fix inserting into `parent` would change is the resource's
// own Properties (or there is none yet), not one Fn::If branch of them.
bool is_properties(const yaml::Document& doc, const model::Resource& r, NodeId parent) {
  return parent == kNone || (r.properties != kNone && parent == doc.resolve(r.properties));
}

// "Globals.SimpleTable.SSESpecification": a place named for a person.
std::string dotted(std::string path) {
  for (char& c : path)
    if (c == '/') c = '.';
  return path;
}

// Why a value inherited from SAM Globals is not fixed here. `source`: where
// the value is (or would be) written, Globals/SimpleTable/SSESpecification/SSEEnabled.
std::string change_in_globals(const std::string& key, const std::string& source) {
  return key + " comes from " + dotted(source.substr(0, source.rfind('/'))) + "; change it there";
}

std::string parent_path(const PropertyValue& pv, std::string_view key) {
  return pv.path.substr(0, pv.path.size() - key.size() - 1);
}

void mark_safety(const Check& c, lint::Diagnostic& d, const lint::FixOptions& options) {
  if (d.fix && c.unsafe_insert && c.unsafe_insert(options))
    d.fix->applicability = fix::Applicability::Unsafe;
}

std::string insert_title(const Check& c, const lint::FixOptions& options) {
  return c.title_for ? c.title_for(options) : std::string(c.insert_title);
}

// A check does not apply to a resource that writes one of its `not_with`
// properties (a cluster member, a restore from a snapshot) — in every way it
// can turn out: one that only some condition sets, or that is null or empty,
// leaves the check on. An undecidable one (an import) turns it off rather
// than risk a false alarm.
bool applies(const lint::CheckContext& ctx, const model::Resource& r, const Check& c) {
  const auto& doc = ctx.tpl.doc();
  for (std::string_view other : c.not_with) {
    std::vector<PropertyValue> values = property(ctx, r, other);
    bool always_there =
        !values.empty() && std::all_of(values.begin(), values.end(), [&](const PropertyValue& pv) {
          const Possibility& p = pv.value;
          if (p.kind == K::Unknown || p.kind == K::AnyParameter) return true;
          if (p.kind != K::Node) return false;
          NodeId n = doc.resolve(p.node);
          return doc[n].kind != yaml::Kind::Null &&
                 !(doc[n].kind == yaml::Kind::Scalar && doc[n].value().empty());
        });
    if (always_there) return false;
  }
  return true;
}

// A `not_with` property written under some conditions only (applies() let
// the check run): inserting the setting could meet it, and CloudFormation
// may reject the two together (an SQS queue takes SSE-SQS or a KMS key, not
// both). Its name, or "" when there is none.
std::string partly_written(const lint::CheckContext& ctx, const model::Resource& r,
                           const Check& c) {
  for (std::string_view other : c.not_with)
    for (const PropertyValue& pv : property(ctx, r, other))
      if (pv.written != kNone) return std::string(other);
  return {};
}

// The ways a `not_with` property is written, with the assumptions under
// which it is: a possibility of the checked value that implies one of them
// (its assumptions include all of theirs) is the other kind of resource (a
// restore from a snapshot) and is not judged.
std::vector<model::Assumptions> not_with_written(const lint::CheckContext& ctx,
                                                 const model::Resource& r, const Check& c) {
  std::vector<model::Assumptions> out;
  for (std::string_view other : c.not_with)
    for (const PropertyValue& pv : property(ctx, r, other))
      if (pv.value.kind != K::Absent) out.push_back(pv.value.assumptions);
  return out;
}

bool implies(const model::Assumptions& have, const model::Assumptions& want) {
  return std::all_of(want.begin(), want.end(), [&](const model::Assumption& w) {
    return std::any_of(have.begin(), have.end(), [&](const model::Assumption& h) {
      return h.condition == w.condition && h.name == w.name && h.value == w.value;
    });
  });
}

}  // namespace

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
        verdict.problems.push_back(k + " is " + what + (plain ? "" : ", not true") +
                                   when(p.assumptions));
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
      if (!applies(ctx, r, c)) continue;
      switch (c.kind) {
        case RequirementKind::BlockRequired: check_block(ctx, r, c, out); break;
        case RequirementKind::TrueRequired: check_true(ctx, r, c, out); break;
        case RequirementKind::OneOf: check_one_of(ctx, r, c, out); break;
        case RequirementKind::NeedsTrue: check_needs_true(ctx, r, c, out); break;
        case RequirementKind::KeyRequired: check_key_required(ctx, r, c, out); break;
      }
    }
  }
}

void RequirementRule::check_block(const lint::CheckContext& ctx, const model::Resource& r,
                                  const Check& c, std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  const std::string key(c.key);
  const std::string label = req_.label(r);
  std::vector<PropertyValue> values = property(ctx, r, c.key);

  // Absent where nothing is written: one finding per mapping it is missing
  // from (the Properties, or each Fn::If branch of them), each with its fix.
  std::set<NodeId> missing_from;
  for (const PropertyValue& pv : values) {
    if (pv.value.kind != K::Absent || pv.value.no_value || pv.written != kNone) continue;
    if (!missing_from.insert(pv.parent).second) continue;
    bool whole = is_properties(doc, r, pv.parent);
    auto [begin, end] =
        whole ? missing_property_location(ctx.tpl, r) : node_location(ctx.tpl, pv.parent);
    lint::Diagnostic d =
        make(r, begin, end,
             label + " has no " + key + when(pv.value.assumptions) +
                 (c.absent_for ? c.absent_for(ctx.options.fix) : std::string(c.absent)),
             whole ? r.path + "/Properties" : parent_path(pv, c.key));
    if (c.insert) {
      model::Value block = c.insert(ctx.options.fix, r);
      std::string title = insert_title(c, ctx.options.fix);
      if (whole)
        attach_properties_insert(ctx, r, key, std::move(block), std::move(title), d);
      else
        attach(fix::insert_fix(ctx.tpl, ctx.style(), pv.parent, key, std::move(block),
                               std::move(title)),
               d);
    }
    mark_safety(c, d, ctx.options.fix);
    out.push_back(std::move(d));
  }
  // Written, but not a mapping in some way it can turn out (in another Fn::If
  // branch of Properties than the ones it is missing from, say).
  std::vector<std::string> problems;
  std::string undecided;
  const PropertyValue* at = nullptr;
  bool only_empty_null = true;
  for (const PropertyValue& pv : values) {
    const Possibility& p = pv.value;
    if (pv.is_map(doc)) continue;
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
      only_empty_null = false;
    } else if (p.kind == K::Absent) {
      problems.push_back(key + " is removed by Ref: AWS::NoValue" + when(p.assumptions));
      only_empty_null = false;
    } else {
      std::string what = describe_value(doc, p.node);
      problems.push_back(key + " is " + what + (what == "null" ? "" : ", not a mapping") +
                         when(p.assumptions));
      only_empty_null &= doc.is_empty_null(p.node) && p.node == pv.written;
    }
    if (!at || at->value.kind == K::Unknown) at = &pv;
  }
  if (!at) return;
  auto [begin, end] = at->written != kNone                ? node_location(ctx.tpl, at->written)
                      : is_properties(doc, r, at->parent) ? missing_property_location(ctx.tpl, r)
                                                          : node_location(ctx.tpl, at->parent);
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
  } else if (only_empty_null && c.insert) {
    // `Key:` with nothing after it: the block's entries go right there, insert-only.
    model::Value block = c.insert(ctx.options.fix, r);
    fix::Entries entries;
    for (auto& e : block.entries) entries.emplace_back(e.first, std::move(e.second));
    attach(fix::insert_fix(ctx.tpl, ctx.style(), at->written, entries,
                           insert_title(c, ctx.options.fix)),
           d);
    mark_safety(c, d, ctx.options.fix);
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
                                 const Check& c, std::vector<lint::Diagnostic>& out) const {
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
    for (const PropertyValue& block : property(ctx, r, c.block)) {
      if (!block.is_map(doc) || !seen.insert(block.value.node).second) continue;
      groups.push_back({block.value.node, false, block.from_globals, block.path, block.source,
                        member(ctx, {block}, c.key)});
    }
  }
  const std::vector<model::Assumptions> excluded = not_with_written(ctx, r, c);
  for (Group& g : groups) {
    std::erase_if(g.values, [&](const PropertyValue& v) {
      return std::any_of(excluded.begin(), excluded.end(), [&](const model::Assumptions& a) {
        return !a.empty() && implies(v.value.assumptions, a);
      });
    });
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
    auto [begin, end] = written != kNone                 ? node_location(ctx.tpl, written)
                        : g.properties || g.map == kNone ? missing_property_location(ctx.tpl, r)
                        : doc[g.map].key != kNone        ? node_location(ctx.tpl, doc[g.map].key)
                                                         : node_location(ctx.tpl, g.map);
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
    if (from_globals || g.from_globals) {
      d.not_fixable = change_in_globals(key, from_globals ? globals_source : g.source + "/" + key);
    } else if (std::string other = partly_written(ctx, r, c); !other.empty()) {
      d.not_fixable = other + " is written but not always set (a condition, or empty); set " + key +
                      " by hand where it is not";
    } else if (written == kNone) {
      if (g.properties || g.map == kNone)
        attach_properties_insert(ctx, r, key, model::Value::boolean(true), "Add " + key + ": true",
                                 d);
      else
        attach(fix::insert_fix(ctx.tpl, ctx.style(), g.map, key, model::Value::boolean(true),
                               "Add " + key + ": true"),
               d);
      mark_safety(c, d, ctx.options.fix);
    } else {
      attach(fix::replace_value_fix(ctx.tpl, ctx.style(), written, model::Value::boolean(true),
                                    "Set " + key + " to true"),
             d);
    }
    out.push_back(std::move(d));
  }
}

void RequirementRule::check_one_of(const lint::CheckContext& ctx, const model::Resource& r,
                                   const Check& c, std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  const std::string key(c.key);
  std::set<NodeId> reported;
  for (const PropertyValue& value : member(ctx, property(ctx, r, c.block), c.key)) {
    const Possibility& p = value.value;
    if (p.kind == K::Absent || reported.count(value.written)) continue;
    auto [begin, end] = node_location(ctx.tpl, value.written);
    if (p.kind == K::Unknown || p.kind == K::AnyParameter) {
      lint::Diagnostic d =
          make(r, begin, end, req_.label(r) + ": " + undecidable(key, p), value.path);
      d.severity = lint::Severity::Info;
      reported.insert(value.written);
      out.push_back(std::move(d));
      continue;
    }
    std::string_view v = doc.is_scalar(p.node) ? doc[doc.resolve(p.node)].value() : "";
    if (doc.is_scalar(p.node) &&
        std::find(c.allowed.begin(), c.allowed.end(), v) != c.allowed.end())
      continue;
    reported.insert(value.written);
    std::string what =
        doc.is_scalar(p.node) ? "'" + std::string(v) + "'" : describe_value(doc, p.node);
    out.push_back(make(r, begin, end,
                       req_.label(r) + ": " + key + " is " + what + when(p.assumptions) + "; " +
                           (c.why_value ? c.why_value(v) : std::string(c.why)),
                       value.path));
  }
}

void RequirementRule::check_needs_true(const lint::CheckContext& ctx, const model::Resource& r,
                                       const Check& c, std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  std::set<NodeId> seen;
  for (const PropertyValue& block : property(ctx, r, c.block)) {
    if (!block.is_map(doc) || !seen.insert(block.value.node).second) continue;
    std::vector<PropertyValue> keys = member(ctx, {block}, c.key);
    if (keys.empty() || keys.front().written == kNone) continue;
    // Only where the key can be there at the same time as the setting is not true.
    for (const PropertyValue& setting : member(ctx, {block}, c.needs_true)) {
      const Possibility& p = setting.value;
      bool not_true = p.kind == K::Absent || p.kind == K::AnyParameter ||
                      (p.kind == K::Node && !is_true(doc, p.node));
      bool key_there = std::any_of(keys.begin(), keys.end(), [&](const PropertyValue& k) {
        return k.value.kind != K::Absent && model::consistent(k.value.assumptions, p.assumptions);
      });
      if (!not_true || !key_there) continue;
      // A parameter without AllowedValues: false can be passed, and the message names it.
      std::string state = p.kind == K::AnyParameter
                              ? std::string(c.needs_true) +
                                    " can be false (it comes from parameter " + p.detail +
                                    ", which has no AllowedValues)"
                              : std::string(c.needs_true) + " is not true";
      auto [begin, end] = node_location(ctx.tpl, keys.front().written);
      out.push_back(make(r, begin, end,
                         req_.label(r) + ": " + std::string(c.key) + " is set but " + state +
                             when(p.assumptions) + "; " + std::string(c.why),
                         keys.front().path));
      break;
    }
  }
}

void RequirementRule::check_key_required(const lint::CheckContext& ctx, const model::Resource& r,
                                         const Check& c, std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  const std::string key(c.key);
  const std::string& kms_key = ctx.options.fix.kms_key;
  std::vector<PropertyValue> values =
      c.block.empty() ? property(ctx, r, c.key) : member(ctx, property(ctx, r, c.block), c.key);
  std::set<NodeId> reported;  // one finding per mapping the key is missing from
  for (const PropertyValue& pv : values) {
    const Possibility& p = pv.value;
    // An intrinsic (a Ref or GetAtt of a key, an import) or a parameter is a
    // key written: what it names is the business of other checks.
    if (p.kind == K::Unknown || p.kind == K::AnyParameter) continue;
    // A key is a non-empty string; null, "" or a mapping or list name none.
    NodeId n = p.kind == K::Node ? doc.resolve(p.node) : kNone;
    bool missing =
        p.kind == K::Absent || doc[n].kind != yaml::Kind::Scalar || doc[n].value().empty();
    if (!missing || !reported.insert(pv.parent).second) continue;
    bool written = pv.written != kNone;
    bool whole = c.block.empty() && !written && is_properties(doc, r, pv.parent);
    auto [begin, end] =
        written ? node_location(ctx.tpl, pv.written)
        : whole ? missing_property_location(ctx.tpl, r)
        : pv.parent != kNone
            ? node_location(ctx.tpl, doc[pv.parent].key != kNone ? doc[pv.parent].key : pv.parent)
            : missing_property_location(ctx.tpl, r);
    std::string problem = !written     ? key + " is not set"
                          : p.no_value ? key + " is removed by Ref: AWS::NoValue"
                                       : key + " is " + describe_value(doc, p.node) +
                                             (doc[n].kind == yaml::Kind::Null ? "" : ", not a key");
    lint::Diagnostic d = make(
        r, begin, end,
        req_.label(r) + ": " + problem + when(p.assumptions) + "; " + std::string(c.why), pv.path);
    // The key to insert: --kms-key, else the entry's own default (if it has one).
    std::optional<model::Value> value;
    if (c.insert)
      value = c.insert(ctx.options.fix, r);
    else if (!kms_key.empty())
      value = kms_key_value(kms_key);
    std::string title =
        c.title_for || !c.insert_title.empty() ? insert_title(c, ctx.options.fix) : "Add " + key;
    if (value && value->kind == model::Value::Kind::Null)  // the check takes no such key
      value.reset();
    if (!value) {
      d.not_fixable = kms_key.empty()
                          ? "pass --kms-key (or set fix.kms_key in the config) to insert a key"
                          : key + " takes a key ARN; pass --kms-key arn:aws:kms:... to insert one";
    } else if (pv.from_globals) {
      d.not_fixable = change_in_globals(key, pv.source);
    } else if (written) {
      d.not_fixable = key + " is written but empty or conditional; set it by hand";
    } else if (whole) {
      attach_properties_insert(ctx, r, key, std::move(*value), std::move(title), d);
    } else {
      attach(fix::insert_fix(ctx.tpl, ctx.style(), pv.parent, key, std::move(*value),
                             std::move(title)),
             d);
    }
    mark_safety(c, d, ctx.options.fix);
    out.push_back(std::move(d));
  }
}

}  // namespace enclint::rules
