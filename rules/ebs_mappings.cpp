#include "rules/ebs_mappings.hpp"

#include <algorithm>
#include <set>

#include "rules/property.hpp"
#include "rules/requirement.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

using model::Possibility;
using K = model::Possibility::Kind;
using yaml::kNone;
using yaml::NodeId;

namespace {

// A place whose value has the wrong shape, or cannot be decided: one finding
// each (an error listing the problems, else an info).
struct Shape {
  std::string path;
  std::string label;  // who: "launch template 'LT'", "EBS volume /dev/sdf of ..."
  NodeId at = kNone;  // where the finding points (kNone: the Properties key)
  std::vector<std::string> problems;
  std::string undecided;
  std::string hint;         // after the problems: what cannot be checked
  std::string not_fixable;  // why there is no fix
};

// What a wrong shape is, for a place that must be a mapping or a list.
struct Expected {
  std::string_view shape;    // "a mapping", "a list"
  std::string_view content;  // what a parameter cannot be: "a list of mappings"
  std::string_view hint;
  std::string_view not_fixable;
};

const Expected kDataMap{"a mapping", "a mapping", "its block device mappings cannot be checked",
                        "LaunchTemplateData is not a mapping; write it as one by hand"};
const Expected kList{"a list", "a list of mappings",
                     "its EBS volumes cannot be checked: BlockDeviceMappings takes a list of block "
                     "device mappings",
                     "BlockDeviceMappings is not a list; write it as one by hand"};
const Expected kItem{"a mapping", "a mapping",
                     "its volume cannot be checked: a block device mapping is a mapping of "
                     "DeviceName and Ebs, VirtualName or NoDevice",
                     "the block device mapping is not a mapping; write it as one by hand"};
const Expected kEbs{"a mapping", "a mapping",
                    "the volume's encryption cannot be checked: Ebs takes a mapping of the "
                    "volume's settings, Encrypted: true among them",
                    "Ebs is not a mapping; write it as one, with Encrypted: true, by hand"};

// Where a finding about `pv` points: the branch it is in, else the value as
// written, else the key of the mapping it would be in.
NodeId where(const yaml::Document& doc, const PropertyValue& pv) {
  const Possibility& p = pv.value;
  if (pv.written != kNone) {
    bool in_branch = p.kind == K::Node && p.node != doc.resolve(pv.written) &&
                     branch_path(doc, pv.written, p.node).has_value();
    return in_branch ? p.node : pv.written;
  }
  if (pv.parent != kNone) return doc[pv.parent].key != kNone ? doc[pv.parent].key : pv.parent;
  return kNone;
}

class Shapes {
 public:
  // Records that `pv` (named `key` in messages) is not what `e` says,
  // unless it is absent (nothing written, or AWS::NoValue: nothing to check).
  void wrong(const yaml::Document& doc, const PropertyValue& pv, const std::string& label,
             const std::string& key, const Expected& e) {
    const Possibility& p = pv.value;
    if (p.kind == K::Absent) return;
    Shape& s = at(value_path(doc, pv), label, where(doc, pv), e);
    switch (p.kind) {
      case K::Unknown: s.undecided = undecidable(key, p); break;
      case K::AnyParameter:
        s.problems.push_back(key + " comes from parameter " + p.detail + ", which cannot be " +
                             std::string(e.content) + when(p.assumptions));
        break;
      default: {
        std::string what = describe_value(doc, p.node);
        s.problems.push_back(key + " is " + what +
                             (what == "null" ? "" : ", not " + std::string(e.shape)) +
                             when(p.assumptions));
        break;
      }
    }
  }

  const std::vector<Shape>& all() const { return shapes_; }

 private:
  Shape& at(const std::string& path, const std::string& label, NodeId node, const Expected& e) {
    auto it = std::find_if(shapes_.begin(), shapes_.end(),
                           [&](const Shape& s) { return s.path == path; });
    if (it != shapes_.end()) return *it;
    shapes_.push_back({path, label, node, {}, {}, std::string(e.hint), std::string(e.not_fixable)});
    return shapes_.back();
  }
  std::vector<Shape> shapes_;
};

// "EBS volume /dev/xvda of launch template 'LT'", or, when DeviceName is not
// one literal, "EBS volume in block device mapping 2 of ...".
std::string volume_label(const lint::CheckContext& ctx, const Possibility& item, std::size_t index,
                         const std::string& label) {
  const auto& doc = ctx.tpl.doc();
  std::vector<Possibility> names =
      ctx.eval().expand(doc.get(item.node, "DeviceName"), item.assumptions);
  if (names.size() == 1 && names.front().kind == K::Node && doc.is_scalar(names.front().node)) {
    std::string_view name = doc[doc.resolve(names.front().node)].value();
    if (!name.empty()) return "EBS volume " + std::string(name) + " of " + label;
  }
  return "EBS volume in block device mapping " + std::to_string(index + 1) + " of " + label;
}

// Whether a possibility of SnapshotId names no snapshot, so that the volume's
// encryption is the template's to state. One that an Fn::Transform may add
// counts as none (the Encrypted finding says what cannot be checked).
bool no_snapshot(const yaml::Document& doc, const PropertyValue& s) {
  const Possibility& p = s.value;
  return p.kind == K::Absent || (p.kind == K::Node && is_blank(doc, p.node)) ||
         (p.kind == K::Unknown && s.written == kNone);
}

}  // namespace

NodeId ebs_location(const yaml::Document& doc, const PropertyValue& ebs) {
  const NodeId mapping = ebs.value.node;
  bool direct = mapping == doc.resolve(ebs.written) && doc[ebs.written].key != kNone;
  return direct ? doc[ebs.written].key : mapping;
}

void EbsMappingsRule::check(const lint::CheckContext& ctx,
                            std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  const std::vector<std::string_view> levels = split_path(m_.list);
  for (const model::Resource& r : ctx.tpl.resources()) {
    if (!info().applies_to(r.type)) continue;
    const std::string label = std::string(m_.noun) + " '" + std::string(r.logical_id) + "'";
    Shapes shapes;
    // The list, in every way it can turn out; a resource without it is not
    // a finding (its instances' root volume comes from the AMI).
    std::vector<PropertyValue> lists = property(ctx, r, levels.front());
    for (std::size_t i = 1; i < levels.size(); ++i) {
      for (const PropertyValue& pv : lists)
        if (!pv.is_map(doc)) shapes.wrong(doc, pv, label, std::string(levels[i - 1]), kDataMap);
      lists = member(ctx, lists, levels[i]);
    }
    std::set<NodeId> seen;  // each Ebs mapping once, however many ways lead to it
    for (const PropertyValue& list : lists) {
      const Possibility& p = list.value;
      if (p.kind != K::Node || !doc.is_seq(p.node)) {
        shapes.wrong(doc, list, label, "BlockDeviceMappings", kList);
        continue;
      }
      const std::string list_path = value_path(doc, list);
      const auto& items = doc[doc.resolve(p.node)].children();
      for (std::size_t i = 0; i < items.size(); ++i) {
        for (Possibility item : ctx.eval().expand(items[i], p.assumptions)) {
          PropertyValue in_list;
          in_list.written = items[i];
          in_list.path = list_path + "/" + std::to_string(i);
          if (item.kind != K::Node || !doc.is_map(item.node)) {
            in_list.value = std::move(item);
            shapes.wrong(doc, in_list, label, "block device mapping " + std::to_string(i + 1),
                         kItem);
            continue;
          }
          const std::string volume = volume_label(ctx, item, i, label);
          in_list.value = std::move(item);
          for (const PropertyValue& ebs : member(ctx, {in_list}, "Ebs")) {
            const Possibility& e = ebs.value;
            // No Ebs: an instance store volume (VirtualName) or NoDevice.
            if (e.kind == K::Absent) continue;
            // `Ebs:` with nothing after it: an EBS volume with no settings.
            bool empty = e.kind == K::Node && e.node == ebs.written && doc.is_empty_null(e.node);
            if (!ebs.is_map(doc) && !empty) {
              shapes.wrong(doc, ebs, volume, "Ebs", kEbs);
              continue;
            }
            if (seen.insert(e.node).second) check_ebs(ctx, r, volume, ebs, empty, out);
          }
        }
      }
    }
    // Wrong shapes are the Encrypted rule's findings (it runs at every level).
    if (m_.require != EbsRequire::Encrypted) continue;
    for (const Shape& s : shapes.all()) {
      auto [begin, end] =
          s.at != kNone ? node_location(ctx.tpl, s.at) : missing_property_location(ctx.tpl, r);
      if (s.problems.empty()) {
        lint::Diagnostic d = make(r, begin, end, s.label + ": " + s.undecided, s.path);
        d.severity = lint::Severity::Info;
        out.push_back(std::move(d));
        continue;
      }
      lint::Diagnostic d =
          make(r, begin, end, s.label + ": " + join(s.problems) + "; " + s.hint, s.path);
      d.not_fixable = s.not_fixable;
      out.push_back(std::move(d));
    }
  }
}

void EbsMappingsRule::check_ebs(const lint::CheckContext& ctx, const model::Resource& r,
                                const std::string& volume, const PropertyValue& ebs, bool empty,
                                std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  const Possibility& e = ebs.value;
  std::vector<PropertyValue> encrypted;
  std::vector<PropertyValue> snapshots;
  if (empty) {
    PropertyValue pv;
    pv.value = Possibility{K::Absent, kNone, {}, e.assumptions, false};
    pv.parent = e.node;
    pv.path = value_path(doc, ebs) + "/Encrypted";
    encrypted.push_back(std::move(pv));
  } else {
    encrypted = member(ctx, {ebs}, "Encrypted");
    snapshots = member(ctx, {ebs}, "SnapshotId");
  }
  // The ways the volume is not made from a snapshot: only there is its
  // encryption the template's to state (AWS takes no encryption value with
  // a snapshot). A SnapshotId written only under some conditions, or empty,
  // leaves the setting to be written by hand.
  std::vector<model::Assumptions> without_snapshot;
  bool snapshot_written = false;
  for (const PropertyValue& s : snapshots) {
    snapshot_written |= s.written != kNone;
    if (no_snapshot(doc, s)) without_snapshot.push_back(s.value.assumptions);
  }
  if (snapshots.empty()) without_snapshot.push_back(e.assumptions);
  // Each way Encrypted can turn out together with each way without a
  // snapshot (the messages name the conditions of both).
  std::vector<PropertyValue> judged;
  for (const PropertyValue& v : encrypted) {
    for (const model::Assumptions& a : without_snapshot) {
      if (!model::consistent(v.value.assumptions, a)) continue;
      PropertyValue both = v;
      model::add_assumptions(both.value.assumptions, a);
      judged.push_back(std::move(both));
    }
  }
  encrypted = std::move(judged);
  if (encrypted.empty()) return;
  if (m_.require == EbsRequire::CustomerKey) {
    check_key(ctx, r, volume, ebs, encrypted, snapshot_written, out);
    return;
  }

  TrueVerdict verdict = require_true(ctx, "Encrypted", encrypted);
  const NodeId written = encrypted.front().written;
  // The Encrypted value, else the `Ebs` key (else the mapping: an Fn::If branch).
  auto [begin, end] = node_location(ctx.tpl, written != kNone ? written : ebs_location(doc, ebs));
  const std::string& path = encrypted.front().path;
  if (verdict.problems.empty()) {
    if (!verdict.undecided.empty()) {
      lint::Diagnostic d = make(r, begin, end, volume + ": " + verdict.undecided, path);
      d.severity = lint::Severity::Info;
      out.push_back(std::move(d));
    }
    return;
  }
  lint::Diagnostic d = make(
      r, begin, end, volume + ": " + join(verdict.problems) + "; " + std::string(m_.why), path);
  if (snapshot_written) {
    d.not_fixable =
        "SnapshotId is written but not always set (a condition, or empty); set Encrypted by hand "
        "where it is not";
  } else if (written == kNone) {
    attach(ctx,
           fix::insert_fix(ctx.tpl, ctx.style(), e.node, "Encrypted", model::Value::boolean(true),
                           "Add Encrypted: true to the EBS volume"),
           d);
    if (d.fix && m_.unsafe_insert) d.fix->applicability = fix::Applicability::Unsafe;
  } else {
    attach(ctx,
           fix::replace_value_fix(ctx.tpl, ctx.style(), written, model::Value::boolean(true),
                                  "Set Encrypted to true"),
           d);
  }
  out.push_back(std::move(d));
}

}  // namespace enclint::rules
