// Customer managed keys for databases and caches (level cmk): ENC405 RDS
// instances, ENC415 RDS and Aurora clusters, ENC425 DocumentDB, ENC435
// Neptune, ENC445 ElastiCache. Each applies where its baseline rule's
// setting is written, and asks for the KmsKeyId that goes with it.
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

const lint::Rule& rds_instance_cmk_missing();     // ENC405
const lint::Rule& rds_cluster_cmk_missing();      // ENC415
const lint::Rule& docdb_cluster_cmk_missing();    // ENC425
const lint::Rule& neptune_cluster_cmk_missing();  // ENC435
const lint::Rule& elasticache_cmk_missing();      // ENC445

}  // namespace enclint::rules::catalog
