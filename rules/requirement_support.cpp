#include "rules/requirement_support.hpp"

#include <algorithm>

#include "rules/support.hpp"

namespace enclint::rules::detail {

using model::Possibility;
using K = model::Possibility::Kind;
using yaml::kNone;
using yaml::NodeId;

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

namespace {

// Edit distance, ignoring case, capped at 3 (enough to tell a typo).
std::size_t distance(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  if (a.size() > b.size() + 3 || b.size() > a.size() + 3) return 3;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t up = row[j];
      row[j] = std::min(
          {row[j] + 1, row[j - 1] + 1, diagonal + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1)});
      diagonal = up;
    }
  }
  return std::min<std::size_t>(row[b.size()], 3);
}

}  // namespace

std::string near_miss(const yaml::Document& doc, NodeId map, NodeId resource,
                      std::string_view key) {
  if (map != kNone && doc.is_map(map)) {
    const auto& kids = doc[doc.resolve(map)].children();
    for (std::size_t i = 0; i + 1 < kids.size(); i += 2) {
      std::string_view written = doc.text(kids[i]);
      if (written == key || key.size() < 6 || distance(written, key) > 2) continue;
      bool only_case = written.size() == key.size() && distance(written, key) == 0;
      return " ('" + std::string(written) + "' is written: did you mean " + std::string(key) + "?" +
             (only_case ? " CloudFormation keys are case-sensitive)" : ")");
    }
  }
  if (resource != kNone && doc.is_map(resource) && doc.key_of(resource, key) != kNone)
    return " (did you mean it inside Properties? " + std::string(key) +
           " is written beside Properties, where CloudFormation rejects it)";
  return {};
}

bool replace_blank_key(const lint::CheckContext& ctx, NodeId written, const std::string& key,
                       model::Value value, const std::string& shown, lint::Diagnostic& d) {
  const auto& doc = ctx.tpl.doc();
  if (written == kNone || doc[written].kind == yaml::Kind::Alias || !is_blank(doc, written))
    return false;
  const char* what = doc[written].kind == yaml::Kind::Null ? "the null" : "the empty string";
  attach(ctx,
         fix::replace_value_fix(ctx.tpl, ctx.style(), written, std::move(value),
                                "Set " + key + " to " + shown + " (replacing " + what + ")"),
         d);
  return true;
}

void mark_safety(const Check& c, lint::Diagnostic& d, const lint::FixOptions& options) {
  if (d.fix && c.unsafe_insert && c.unsafe_insert(options))
    d.fix->applicability = fix::Applicability::Unsafe;
}

void note_unused_key(const Check& c, const lint::FixOptions& options, const model::Resource& r,
                     lint::Diagnostic& d) {
  if (!d.fix || options.kms_key.empty() || !c.key_unused) return;
  std::string why = c.key_unused(options, r);
  if (why.empty()) return;
  d.note = "the fix does not use --kms-key: " + why;
  d.fix->title += " (without --kms-key: " + why + ")";
}

std::string insert_title(const Check& c, const lint::FixOptions& options) {
  return c.title_for ? c.title_for(options) : std::string(c.insert_title);
}

std::string no_insert_reason(const Check& c, const lint::Options& options) {
  if (c.no_insert_at_cmk && options.level == lint::Level::Cmk && c.no_insert_at_cmk(options.fix))
    return std::string(c.no_insert_at_cmk_reason);
  return c.no_insert.empty() ? std::string(kNeedsKey) : std::string(c.no_insert);
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
    attach(ctx,
           fix::insert_fix(ctx.tpl, ctx.style(), parent, key, std::move(value), std::move(title)),
           d);
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

// "EncryptionConfiguration.EncryptionType is KMS or KMS_DSSE": where a check
// with only_if applies.
std::string only_where(const Check& c) {
  std::string values;
  for (std::string_view v : c.only_if_in) values += (values.empty() ? "" : " or ") + std::string(v);
  return dotted(std::string(c.only_if)) + " is " + values;
}

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
    return !a.empty() && model::implies(assumptions, a);
  });
}

}  // namespace enclint::rules::detail
