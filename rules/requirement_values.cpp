// The kinds about one value: OneOf, NeedsTrue, NotTrue and KeyRequired.
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
      attach(ctx,
             fix::replace_value_fix(ctx.tpl, ctx.style(), value.written,
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
      attach(ctx,
             fix::replace_value_fix(ctx.tpl, ctx.style(), value.written,
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
    if (c.only_written && pv.written == kNone) continue;
    bool managed = false;
    std::string problem = key_problem(doc, key, p, req_.info.level == lint::Level::Cmk, managed);
    if (problem.empty() || !reported.insert(pv.parent).second) continue;
    bool written = pv.written != kNone;
    bool whole = c.block.empty() && !written && is_properties(doc, r, pv.parent);
    auto [begin, end] =
        written ? node_location(ctx.tpl, pv.written) : missing_at(ctx, r, whole, pv.parent);
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
                          ? std::string(kNeedsKey)
                          : key + " takes a key ARN; pass --kms-key arn:aws:kms:... to insert one";
    } else if (pv.from_globals) {
      d.not_fixable = change_in_globals(key, pv.source);
    } else if (managed && p.node == doc.resolve(pv.written)) {
      attach(ctx,
             fix::replace_value_fix(ctx.tpl, ctx.style(), pv.written, std::move(value),
                                    "Set " + key + " to " + kms_key),
             d);
    } else if (written && p.kind == K::Node && p.node == pv.written &&
               replace_blank_key(ctx, pv.written, key, value,
                                 kms_key.empty() ? value.scalar : kms_key, d)) {
      // `Key: ~` or `Key: ""`: the key goes in its place.
    } else if (written) {
      d.not_fixable = key + " is written but conditional; set it by hand";
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
