// Stores that AWS always encrypts, where only the key is a choice (ENC7xx,
// level cmk): table entries of rules/requirement.hpp's KeyRequired kind.
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

const lint::Rule& logs_cmk_missing();            // ENC701
const lint::Rule& secretsmanager_cmk_missing();  // ENC711
const lint::Rule& backup_vault_cmk_missing();    // ENC721
const lint::Rule& cloudtrail_cmk_missing();      // ENC761
const lint::Rule& eventbus_cmk_missing();        // ENC781

}  // namespace enclint::rules::catalog
