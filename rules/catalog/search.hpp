// Search domains' requirements (ENC60x OpenSearch Service, ENC61x the legacy
// Elasticsearch type): table entries of rules/requirement.hpp's kinds.
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

const lint::Rule& opensearch_encryption_disabled();     // ENC601
const lint::Rule& elasticsearch_encryption_disabled();  // ENC611

}  // namespace enclint::rules::catalog
