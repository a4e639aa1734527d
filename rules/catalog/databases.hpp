// The relational and graph databases' requirements (ENC4xx): table entries of
// rules/requirement.hpp's kinds.
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

const lint::Rule& rds_instance_encryption_disabled();     // ENC401
const lint::Rule& rds_cluster_encryption_disabled();      // ENC411
const lint::Rule& docdb_cluster_encryption_disabled();    // ENC421
const lint::Rule& neptune_cluster_encryption_disabled();  // ENC431

}  // namespace enclint::rules::catalog
