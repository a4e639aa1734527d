// More stores that AWS always encrypts, where only the key is a choice
// (ENC7xx, level cmk): container images and Kafka data volumes.
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

// rules/catalog/keys_compute.cpp
const lint::Rule& ecr_cmk_missing();  // ENC731
const lint::Rule& msk_cmk_missing();  // ENC741

}  // namespace enclint::rules::catalog
