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

// A check's `not_with` properties on one resource, looked up once.
struct NotWith {
  // Written in every way they can turn out (an undecidable one counts as
  // written, rather than risk a false alarm): the check does not apply.
  bool always = false;
  // One written only under some conditions, or null or empty ("" for none):
  // inserting the setting could meet it, and CloudFormation may reject the two
  // together (an SQS queue takes SSE-SQS or a KMS key, not both).
  std::string partly;
  // The assumptions under which each is written: a possibility of the checked
  // value that implies one of them is the other kind of resource (a restore
  // from a snapshot) and is not judged.
  std::vector<model::Assumptions> when;
};

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

// Where a finding about a key missing from `parent` points: the Properties key
// (else the logical id) when `parent` is the resource's own Properties or
// there is none; else that mapping's key, else the mapping (an Fn::If branch).
std::pair<std::size_t, std::size_t> missing_at(const lint::CheckContext& ctx,
                                               const model::Resource& r, bool whole,
                                               NodeId parent) {
  if (whole || parent == kNone) return missing_property_location(ctx.tpl, r);
  const auto& doc = ctx.tpl.doc();
  return node_location(ctx.tpl, doc[parent].key != kNone ? doc[parent].key : parent);
}

// Adds `key: value` to `parent`, or (`whole`) to the resource's Properties,
// creating them when there are none.
void insert_into(const lint::CheckContext& ctx, const model::Resource& r, bool whole, NodeId parent,
                 const std::string& key, model::Value value, std::string title,
                 lint::Diagnostic& d) {
  if (whole || parent == kNone)
    attach_properties_insert(ctx, r, key, std::move(value), std::move(title), d);
  else
    attach(fix::insert_fix(ctx.tpl, ctx.style(), parent, key, std::move(value), std::move(title)),
           d);
}

// "A/B": the block's levels, outermost first.
std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    std::size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

// Every way the block at `path` ("A" or "A/B") can turn out: Properties/A,
// then B inside each mapping A can be, and so on.
std::vector<PropertyValue> block_values(const lint::CheckContext& ctx, const model::Resource& r,
                                        std::string_view path) {
  std::vector<std::string_view> levels = split_path(path);
  std::vector<PropertyValue> values = property(ctx, r, levels.front());
  for (std::size_t i = 1; i < levels.size(); ++i) values = member(ctx, values, levels[i]);
  return values;
}

NotWith not_with(const lint::CheckContext& ctx, const model::Resource& r, const Check& c) {
  const auto& doc = ctx.tpl.doc();
  NotWith nw;
  for (std::string_view other : c.not_with) {
    std::vector<PropertyValue> values = block_values(ctx, r, other);
    bool always = !values.empty();
    for (const PropertyValue& pv : values) {
      const Possibility& p = pv.value;
      always &= p.kind == K::Unknown || p.kind == K::AnyParameter ||
                (p.kind == K::Node && !is_blank(doc, p.node));
      if (pv.written != kNone && nw.partly.empty()) nw.partly = other;
      if (p.kind != K::Absent) nw.when.push_back(p.assumptions);
    }
    nw.always |= always;
  }
  if (!c.only_with.empty()) {
    bool any = false;
    for (std::string_view key : c.only_with)
      for (const PropertyValue& pv : block_values(ctx, r, key)) any |= pv.value.kind != K::Absent;
    nw.always |= !any;
  }
  if (!c.only_if.empty()) {
    // Another kind of resource wherever the value is decided and not one of
    // `only_if_in`, or cannot be decided (rather than risk a false alarm).
    std::vector<PropertyValue> values = block_values(ctx, r, c.only_if);
    bool always = !values.empty();
    for (const PropertyValue& pv : values) {
      const Possibility& p = pv.value;
      bool listed = p.kind == K::Absent ||
                    (p.kind == K::Node && doc.is_scalar(p.node) &&
                     std::find(c.only_if_in.begin(), c.only_if_in.end(),
                               doc[doc.resolve(p.node)].value()) != c.only_if_in.end());
      always &= !listed;
      if (!listed) nw.when.push_back(p.assumptions);
    }
    nw.always |= always;
    if (!always && !nw.when.empty() && nw.partly.empty()) nw.partly = c.only_if;
  }
  return nw;
}

bool implies(const model::Assumptions& have, const model::Assumptions& want) {
  return std::all_of(want.begin(), want.end(), [&](const model::Assumption& w) {
    return std::any_of(have.begin(), have.end(), [&](const model::Assumption& h) {
      return h.condition == w.condition && h.name == w.name && h.value == w.value;
    });
  });
}

// "EncryptionConfiguration.EncryptionType is KMS or KMS_DSSE": where a check
// with only_if applies.
std::string only_where(const Check& c) {
  std::string values;
  for (std::string_view v : c.only_if_in) values += (values.empty() ? "" : " or ") + std::string(v);
  return dotted(std::string(c.only_if)) + " is " + values;
}

const char kNeedsKey[] = "pass --kms-key (or set fix.kms_key in the config) to insert a key";

// The first of `keys` that can be true on `r` (or cannot be decided).
std::string_view can_be_true(const lint::CheckContext& ctx, const model::Resource& r,
                             const std::vector<std::string_view>& keys) {
  for (std::string_view other : keys)
    for (const PropertyValue& pv : property(ctx, r, other)) {
      const Possibility& p = pv.value;
      if (p.kind == K::Unknown || p.kind == K::AnyParameter ||
          (p.kind == K::Node && is_true(ctx.tpl.doc(), p.node)))
        return other;
    }
  return {};
}

// Whether a possibility of the checked value belongs to the other kind of
// resource (its assumptions imply those under which a not_with property is written).
bool set_aside(const NotWith& others, const model::Assumptions& assumptions) {
  return std::any_of(others.when.begin(), others.when.end(), [&](const model::Assumptions& a) {
    return !a.empty() && implies(assumptions, a);
  });
}

}  // namespace

std::string undecidable(std::string_view key, const Possibility& p) {
  if (p.kind == K::AnyParameter)
    return std::string(key) + " comes from parameter " + p.detail +
           ", which has no AllowedValues, so it cannot be checked statically";
  return std::string(key) + " is " + p.detail + ", which cannot be checked statically";
}

bool aws_managed_key(std::string_view v) {
  return v.rfind("alias/aws/", 0) == 0 || v.find(":alias/aws/") != std::string_view::npos;
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
      d.not_fixable = c.no_insert.empty() ? std::string(kNeedsKey) : std::string(c.no_insert);
      return;
    }
    insert_into(ctx, r, whole, parent, key, std::move(*v), insert_title(c, ctx.options.fix), d);
    mark_safety(c, d, ctx.options.fix);
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
  bool only_empty_null = true;
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
      d.not_fixable = c.no_insert.empty() ? std::string(kNeedsKey) : std::string(c.no_insert);
    } else {
      fix::Entries entries;
      for (auto& e : block->entries) entries.emplace_back(e.first, std::move(e.second));
      attach(fix::insert_fix(ctx.tpl, ctx.style(), at->written, entries,
                             insert_title(c, ctx.options.fix)),
             d);
      mark_safety(c, d, ctx.options.fix);
    }
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
    if (from_globals || g.from_globals) {
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
  std::set<NodeId> missing_from;
  for (const PropertyValue& value : member(ctx, block_values(ctx, r, c.block), c.key)) {
    const Possibility& p = value.value;
    if (p.kind == K::Absent && !c.insert_value.empty() &&
        missing_from.insert(value.parent).second) {
      // Required: absent (or removed) is a finding, its fix inserts the value.
      bool written = value.written != kNone;
      auto [begin, end] =
          written ? node_location(ctx.tpl, value.written) : missing_at(ctx, r, false, value.parent);
      lint::Diagnostic d =
          make(r, begin, end,
               req_.label(r) + ": " + key +
                   (p.no_value ? " is removed by Ref: AWS::NoValue" : " is not set") +
                   when(p.assumptions) + "; " + std::string(c.why),
               value.path);
      if (value.from_globals || written) {
        d.not_fixable = key + " is written but conditional; set it by hand";
      } else {
        insert_into(ctx, r, false, value.parent, key,
                    model::Value::string(std::string(c.insert_value)),
                    "Add " + key + ": " + std::string(c.insert_value), d);
        mark_safety(c, d, ctx.options.fix);
      }
      out.push_back(std::move(d));
      continue;
    }
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
    lint::Diagnostic d = make(r, begin, end,
                              req_.label(r) + ": " + key + " is " + what + when(p.assumptions) +
                                  "; " + (c.why_value ? c.why_value(v) : std::string(c.why)),
                              value.path);
    if (value.from_globals) {
      d.not_fixable = change_in_globals(key, value.source);
    } else if (!c.replace_with.empty()) {
      attach(fix::replace_value_fix(ctx.tpl, ctx.style(), value.written,
                                    model::Value::string(std::string(c.replace_with)),
                                    "Set " + key + " to " + std::string(c.replace_with)),
             d);
    }
    out.push_back(std::move(d));
  }
}

void RequirementRule::check_needs_true(const lint::CheckContext& ctx, const model::Resource& r,
                                       const Check& c, std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  std::set<NodeId> seen;
  for (const PropertyValue& block : block_values(ctx, r, c.block)) {
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

void RequirementRule::check_not_true(const lint::CheckContext& ctx, const model::Resource& r,
                                     const Check& c, std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  const std::string key(c.key);
  std::set<NodeId> reported;  // one finding per place it is written
  for (const PropertyValue& value : member(ctx, block_values(ctx, r, c.block), c.key)) {
    const Possibility& p = value.value;
    if (p.kind == K::Absent || reported.count(value.written)) continue;
    if (p.kind == K::Node && !is_true(doc, p.node)) continue;
    auto [begin, end] = node_location(ctx.tpl, value.written);
    reported.insert(value.written);
    if (p.kind == K::Unknown) {
      lint::Diagnostic d =
          make(r, begin, end, req_.label(r) + ": " + undecidable(key, p), value.path);
      d.severity = lint::Severity::Info;
      out.push_back(std::move(d));
      continue;
    }
    std::string what =
        p.kind == K::AnyParameter
            ? key + " comes from parameter " + p.detail +
                  ", which has no AllowedValues, so true can be passed at deploy time"
            : key + " is true";
    lint::Diagnostic d = make(
        r, begin, end,
        req_.label(r) + ": " + what + when(p.assumptions) + "; " + std::string(c.why), value.path);
    if (value.from_globals)
      d.not_fixable = change_in_globals(key, value.source);
    else
      attach(fix::replace_value_fix(ctx.tpl, ctx.style(), value.written,
                                    model::Value::boolean(false), "Set " + key + " to false"),
             d);
    out.push_back(std::move(d));
  }
}

void RequirementRule::check_key_required(const lint::CheckContext& ctx, const model::Resource& r,
                                         const Check& c, const NotWith& others,
                                         std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  const std::string key(c.key);
  const std::string& kms_key = ctx.options.fix.kms_key;
  std::vector<PropertyValue> values =
      c.block.empty() ? property(ctx, r, c.key) : member(ctx, block_values(ctx, r, c.block), c.key);
  const std::string no_key = c.takes_no_key ? c.takes_no_key(ctx, r) : std::string();
  std::set<NodeId> reported;  // one finding per mapping the key is missing from
  for (const PropertyValue& pv : values) {
    const Possibility& p = pv.value;
    if (set_aside(others, p.assumptions)) continue;
    // An intrinsic (a Ref or GetAtt of a key, an import) or a parameter is a
    // key written: what it names is the business of other checks.
    if (p.kind == K::Unknown || p.kind == K::AnyParameter) continue;
    if (c.only_written && pv.written == kNone) continue;
    // A key is a non-empty string; null, "" or a mapping or list name none.
    bool missing = p.kind == K::Absent || !doc.is_scalar(p.node) || is_blank(doc, p.node);
    bool managed = !missing && req_.info.level == lint::Level::Cmk &&
                   aws_managed_key(doc[doc.resolve(p.node)].value());
    if ((!missing && !managed) || !reported.insert(pv.parent).second) continue;
    bool written = pv.written != kNone;
    bool whole = c.block.empty() && !written && is_properties(doc, r, pv.parent);
    auto [begin, end] =
        written ? node_location(ctx.tpl, pv.written) : missing_at(ctx, r, whole, pv.parent);
    std::string problem =
        !written     ? key + " is not set"
        : p.no_value ? key + " is removed by Ref: AWS::NoValue"
        : managed
            ? key + " is the AWS managed key " + std::string(doc[doc.resolve(p.node)].value()) +
                  ", not a customer managed key"
            : key + " is " + describe_value(doc, p.node) +
                  (doc[doc.resolve(p.node)].kind == yaml::Kind::Null ? "" : ", not a key");
    // Also there under a condition where the check does not apply (an
    // only_if value that differs by branch): a key inserted for both would
    // be wrong in the other.
    bool partly = std::any_of(
        others.when.begin(), others.when.end(),
        [&](const model::Assumptions& a) { return model::consistent(p.assumptions, a); });
    if (partly && !c.only_if.empty()) problem += " (where " + only_where(c) + ")";
    lint::Diagnostic d = make(
        r, begin, end,
        req_.label(r) + ": " + problem + when(p.assumptions) + "; " + std::string(c.why), pv.path);
    // The key to insert: the entry's own choice (a default key, or null when
    // it takes no such key), else --kms-key; null: none.
    model::Value value = c.insert          ? c.insert(ctx.options.fix, r)
                         : kms_key.empty() ? model::Value{}
                                           : kms_key_value(kms_key);
    std::string title =
        c.title_for || !c.insert_title.empty() ? insert_title(c, ctx.options.fix) : "Add " + key;
    if (!no_key.empty()) {
      d.not_fixable = no_key;
    } else if (value.kind == model::Value::Kind::Null) {
      d.not_fixable = kms_key.empty()
                          ? "pass --kms-key (or set fix.kms_key in the config) to insert a key"
                          : key + " takes a key ARN; pass --kms-key arn:aws:kms:... to insert one";
    } else if (pv.from_globals) {
      d.not_fixable = change_in_globals(key, pv.source);
    } else if (managed && p.node == doc.resolve(pv.written)) {
      attach(fix::replace_value_fix(ctx.tpl, ctx.style(), pv.written, std::move(value),
                                    "Set " + key + " to " + kms_key),
             d);
    } else if (written) {
      d.not_fixable = key + " is written but empty or conditional; set it by hand";
    } else if (std::string_view other = can_be_true(ctx, r, c.conflicts_with); !other.empty()) {
      d.not_fixable = std::string(other) + " is set, and CloudFormation rejects it together with " +
                      key + "; remove it and add " + key + " by hand";
    } else if (partly) {
      d.not_fixable =
          key + " is needed only " +
          (c.only_if.empty() ? std::string("under some conditions") : "where " + only_where(c)) +
          ", which depends on a condition; set it by hand";
    } else {
      insert_into(ctx, r, whole, pv.parent, key, std::move(value), std::move(title), d);
    }
    mark_safety(c, d, ctx.options.fix);
    out.push_back(std::move(d));
  }
}

}  // namespace enclint::rules
