// More stores that AWS always encrypts, where only the key is a choice
// (ENC7xx, level cmk): container images, Kafka volumes, SageMaker storage,
// Step Functions data and Lambda environment variables.
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

// rules/catalog/keys_compute.cpp
const lint::Rule& ecr_cmk_missing();  // ENC731
const lint::Rule& msk_cmk_missing();  // ENC741
// rules/catalog/keys_sagemaker.cpp
const lint::Rule& sagemaker_notebook_cmk_missing();         // ENC751
const lint::Rule& sagemaker_endpoint_config_cmk_missing();  // ENC752
// rules/catalog/keys_serverless.cpp
const lint::Rule& stepfunctions_cmk_missing();  // ENC771
const lint::Rule& lambda_cmk_missing();         // ENC791

}  // namespace enclint::rules::catalog
