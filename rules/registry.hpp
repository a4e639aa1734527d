// The one explicit list of rules (no static self-registration), sorted by id.
#pragma once

#include <string_view>
#include <vector>

#include "lint/rule.hpp"

namespace enclint::rules {

const std::vector<const lint::Rule*>& all();
// By id (ENC201) or name (s3-encryption-missing), in any case; nullptr when unknown.
const lint::Rule* find(std::string_view id_or_name);
// What a --select/--ignore entry names: the rule of that id or name, or
// every rule whose id begins with it (ENC2: the S3 block); empty when none.
std::vector<const lint::Rule*> matching(std::string_view pattern);

// Every resource type some rule checks (RuleInfo::resource_types), sorted, once.
const std::vector<std::string_view>& checked_types();
bool is_checked_type(std::string_view type);

}  // namespace enclint::rules
