// Plans the one edit that adds `key: value` to a mapping of the document,
// at the end of that mapping, in the file's style. Insert-only by
// construction. Declines (with a reason) where no such edit is right.
#pragma once

#include <optional>
#include <string>

#include "fix/fix.hpp"
#include "fix/style.hpp"
#include "model/template.hpp"

namespace enclint::fix {

struct InsertPlan {
  std::optional<Edit> edit;
  std::string reason;  // why not, when edit is empty
};

using Entries = std::vector<std::pair<std::string, model::Value>>;

// `target` is a mapping node, or the empty value of a block key (`Properties:`
// with nothing after it). The entries are added in order after its last one.
// A mapping that is an intrinsic function — its one key `Ref`, `Condition` or
// `Fn::...` (`{Fn::If: [...]}`), or a tagged mapping (`!Transform {...}`) — is
// declined: CloudFormation allows no other key beside the function's.
InsertPlan plan_insert(const model::Template& tpl, const FileStyle& style, yaml::NodeId target,
                       const Entries& entries);

// The path of a node from the root, for Additions.
std::vector<PathStep> path_of(const yaml::Document& doc, yaml::NodeId node);

// A fix that adds `key: value` to `target` (see plan_insert), or the reason
// it cannot.
struct InsertFix {
  std::optional<Fix> fix;
  std::string reason;
};
InsertFix insert_fix(const model::Template& tpl, const FileStyle& style, yaml::NodeId target,
                     const std::string& key, model::Value value, std::string title);
InsertFix insert_fix(const model::Template& tpl, const FileStyle& style, yaml::NodeId target,
                     const Entries& entries, std::string title);

// An unsafe fix that replaces an explicit null (`Properties: ~`, `null`, JSON
// `null`) by a mapping of `entries`: insert-only cannot fill a null.
InsertFix replace_null_fix(const model::Template& tpl, const FileStyle& style,
                           yaml::NodeId null_node, const Entries& entries, std::string title);

// An unsafe fix that moves the entry `key` of the block mapping `inner` (a
// value of the block mapping that holds it) one level up, beside `inner`:
// `BucketKeyEnabled` written inside `ServerSideEncryptionByDefault`.
InsertFix move_up_fix(const model::Template& tpl, const FileStyle& style, yaml::NodeId inner,
                      std::string_view key, std::string title);

// An unsafe fix that replaces the value of a mapping entry (`value_node`) by
// `value`, e.g. `SSEEnabled: false` -> `true`.
InsertFix replace_value_fix(const model::Template& tpl, const FileStyle& style,
                            yaml::NodeId value_node, model::Value value, std::string title);

}  // namespace enclint::fix
