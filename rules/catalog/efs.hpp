// EFS's requirements (table entries of rules/requirement.hpp's kinds).
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

const lint::Rule& efs_encryption_disabled();  // ENC501

}  // namespace enclint::rules::catalog
