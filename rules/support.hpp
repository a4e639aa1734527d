// Helpers the rules share: where a "missing" finding points, the blocks the
// fixes insert, and how to attach a fix or its reason to a diagnostic.
#pragma once

#include <optional>
#include <string>

#include "fix/insert.hpp"
#include "lint/rule.hpp"
#include "model/value.hpp"

namespace enclint::rules {

// SPEC §2: the most specific place — the Properties key, else the logical id.
std::pair<std::size_t, std::size_t> missing_property_location(const model::Template& tpl,
                                                              const model::Resource& r);
// The byte range of a node.
std::pair<std::size_t, std::size_t> node_location(const model::Template& tpl, yaml::NodeId node);

// The path steps from `from` down to `to` in the style of template paths,
// e.g. "/Fn::If/1" for the second branch of an `!If` written at `from`: what
// tells apart the findings of two branches of one property. Aliases are
// followed, a tag counts as the intrinsic's key (`!If` as `Fn::If`); "" when
// `to` is `from` itself, nullopt when it is not below it.
std::optional<std::string> branch_path(const yaml::Document& doc, yaml::NodeId from,
                                       yaml::NodeId to);

// Why a fix that needs a key has none: no --kms-key was given.
inline constexpr char kNeedsKey[] =
    "pass --kms-key (or set fix.kms_key in the config) to insert a key";

// The KMS key option as a value: `Ref:Name` becomes {"Ref": "Name"}.
model::Value kms_key_value(const std::string& key);

// Adds `key: value` to the resource's Properties (creating Properties when it
// is absent) and attaches the fix to `d`, or records why it cannot.
void attach_properties_insert(const lint::CheckContext& ctx, const model::Resource& r,
                              const std::string& key, model::Value value, std::string title,
                              lint::Diagnostic& d);

// Attaches a fix result (or its reason) to a diagnostic; without its edits
// when the run does not use them (lint::Options::fix_edits).
void attach(const lint::CheckContext& ctx, fix::InsertFix result, lint::Diagnostic& d);

// "; " between parts.
std::string join(const std::vector<std::string>& parts, const std::string& sep = "; ");

// " (when condition X is false)" or "".
std::string when(const model::Assumptions& assumptions);

}  // namespace enclint::rules
