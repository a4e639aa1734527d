// The one explicit list of rules (no static self-registration), sorted by id.
#pragma once

#include <string_view>
#include <vector>

#include "lint/rule.hpp"

namespace enclint::rules {

const std::vector<const lint::Rule*>& all();
// By id (ENC201) or name (s3-encryption-missing); nullptr when unknown.
const lint::Rule* find(std::string_view id_or_name);

// Every resource type some rule checks (RuleInfo::resource_types), sorted, once.
const std::vector<std::string_view>& checked_types();
bool is_checked_type(std::string_view type);

}  // namespace enclint::rules
