// Where a resource's property is and every way it can turn out, for the
// requirement kinds (rules/requirement.*) and the custom rules alike:
// `Properties` itself may be an Fn::If or come from an Fn::Transform, a SAM
// resource takes what its `Globals` section sets (the resource's own keys
// win, mappings merge key by key), and each value expands over the value
// algebra (Fn::If branches, parameters, AWS::NoValue, undecidable intrinsics).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/rule.hpp"

namespace enclint::rules {

// One way a property can turn out.
struct PropertyValue {
  model::Possibility value;            // what it is: Absent, a Node, a parameter, Unknown
  yaml::NodeId written = yaml::kNone;  // the node as written (before Fn::If/Ref), if any
  // The mapping it is in, or would be added to: a Properties mapping (or one
  // of its Fn::If branches), a nested block, or a Globals section; kNone when
  // there is none yet (no Properties at all: the fix creates it).
  yaml::NodeId parent = yaml::kNone;
  // The mapping at the same place in SAM Globals, which SAM merges under a
  // mapping value of the resource; kNone if none.
  yaml::NodeId globals = yaml::kNone;
  std::string globals_path;   // the path of `globals`: Globals/SimpleTable/SSESpecification
  bool from_globals = false;  // the value itself comes from Globals
  // Where it is, cfn-lint style, always below the resource (a finding's
  // identity, unique per resource even when the value is inherited):
  // Resources/T/Properties/SSESpecification,
  // Resources/B/Properties/Fn::If/1/BucketEncryption.
  std::string path;
  // Where a value from Globals is written: Globals/SimpleTable/SSESpecification/SSEEnabled.
  std::string source;

  bool is_map(const yaml::Document& doc) const {
    return value.kind == model::Possibility::Kind::Node && doc.is_map(value.node);
  }
};

// "A/B": the levels of a path below Properties, outermost first.
std::vector<std::string_view> split_path(std::string_view path);

// Properties/<key> of `r`, in every way it can turn out.
std::vector<PropertyValue> property(const lint::CheckContext& ctx, const model::Resource& r,
                                    std::string_view key);

// <key> inside each mapping possibility of `parents`; possibilities that are
// not mappings are left out (the rule that requires the mapping reports them).
std::vector<PropertyValue> member(const lint::CheckContext& ctx,
                                  const std::vector<PropertyValue>& parents, std::string_view key);

// The path of the value `pv` stands for: its key's path, and the Fn::If
// branch below it when the value is one.
std::string value_path(const yaml::Document& doc, const PropertyValue& pv);

// The path of `node` below `base` (a node whose path is `base_path`), e.g.
// base Properties and a node inside its Fn::If branch: ".../Fn::If/1/Key".
std::string path_below(const yaml::Document& doc, yaml::NodeId base, const std::string& base_path,
                       yaml::NodeId node);

}  // namespace enclint::rules
