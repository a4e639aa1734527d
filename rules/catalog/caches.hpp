// In-memory caches' requirements (ENC44x ElastiCache, ENC45x DAX): table
// entries of rules/requirement.hpp's kinds.
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

const lint::Rule& elasticache_encryption_disabled();  // ENC441
const lint::Rule& dax_encryption_disabled();          // ENC451

}  // namespace enclint::rules::catalog
