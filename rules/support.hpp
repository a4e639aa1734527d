// Helpers the rules share: where a "missing" finding points, the blocks the
// fixes insert, how a written boolean reads.
#pragma once

#include <string>

#include "lint/rule.hpp"
#include "model/value.hpp"

namespace enclint::rules {

// SPEC §2: the most specific place — the Properties key, else the logical id.
std::pair<std::size_t, std::size_t> missing_property_location(const model::Template& tpl,
                                                              const model::Resource& r);

// The KMS key option as a value: `Ref:Name` becomes {"Ref": "Name"}.
model::Value kms_key_value(const std::string& key);

// Adds `key: value` to the resource's Properties (creating Properties when it
// is absent) and attaches the fix to `d`, or records why it cannot.
void attach_properties_insert(const lint::CheckContext& ctx, const model::Resource& r,
                              const std::string& key, model::Value value, std::string title,
                              lint::Diagnostic& d);

enum class Truth { True, False, Unknown };
// `true`, 'true', "True" are true; likewise false. Intrinsics are Unknown here.
Truth literal_truth(const yaml::Document& doc, yaml::NodeId node);

}  // namespace enclint::rules
