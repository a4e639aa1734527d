// Analytics stores' requirements (ENC62x Redshift, ENC63x Athena, ENC64x
// Glue Data Catalog): table entries of rules/requirement.hpp's kinds.
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

const lint::Rule& redshift_encryption_disabled();       // ENC621
const lint::Rule& athena_results_encryption_missing();  // ENC631
const lint::Rule& glue_catalog_encryption_disabled();   // ENC641

}  // namespace enclint::rules::catalog
