// Build services' requirements (ENC80x CodeBuild): table entries of
// rules/requirement.hpp's kinds.
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

const lint::Rule& codebuild_encryption_disabled();  // ENC801
const lint::Rule& codebuild_cmk_missing();          // ENC805

}  // namespace enclint::rules::catalog
