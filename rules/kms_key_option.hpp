// What `--kms-key` (config `fix.kms_key`) may be, so that no fix writes a key
// CloudFormation rejects: checked once for its form (a usage error), and
// per template for `Ref:X` (X must be a key, an alias or a String parameter
// of that template, and not one that already depends on the resource fixed:
// a dependency cycle, found on the template's graph).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/template.hpp"

namespace enclint::rules {

// Why `key` is not a key the fixes can write, "" when it is: a KMS key ARN,
// an alias ARN, `alias/NAME`, a key id (a UUID or `mrk-` and 32 hex digits),
// or `Ref:LogicalId`.
std::string kms_key_form_problem(std::string_view key);

// For `Ref:X`: why X cannot be the key in `tpl`, "" when it can (or when the
// key is not a Ref). `fixed`: the logical ids of the resources whose fixes
// would write the key (a resource cannot be its own key, nor encrypted with
// a key that depends on it).
std::string kms_key_ref_problem(const model::Template& tpl, std::string_view key,
                                const std::vector<std::string>& fixed);

}  // namespace enclint::rules
