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

// `target` is a mapping node, or the empty value of a block key (`Properties:`
// with nothing after it).
InsertPlan plan_insert(const model::Template& tpl, const FileStyle& style, yaml::NodeId target,
                       const std::string& key, const model::Value& value);

// Replaces a scalar's bytes by `text` (used by unsafe fixes).
Edit replace_node(const model::Template& tpl, yaml::NodeId node, std::string text);

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

}  // namespace enclint::fix
