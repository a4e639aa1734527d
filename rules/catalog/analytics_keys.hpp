// Customer managed keys for search and analytics (level cmk): ENC605
// OpenSearch Service, ENC615 Elasticsearch, ENC625 Redshift, ENC635 Athena
// query results, ENC645 the Glue Data Catalog.
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

const lint::Rule& opensearch_cmk_missing();     // ENC605
const lint::Rule& elasticsearch_cmk_missing();  // ENC615
const lint::Rule& redshift_cmk_missing();       // ENC625
const lint::Rule& athena_cmk_missing();         // ENC635
const lint::Rule& glue_catalog_cmk_missing();   // ENC645

}  // namespace enclint::rules::catalog
