// DynamoDB's requirements (table entries of rules/requirement.hpp's kinds).
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

const lint::Rule& dynamodb_sse_missing();   // ENC101
const lint::Rule& dynamodb_sse_disabled();  // ENC102
const lint::Rule& dynamodb_sse_invalid();   // ENC103

}  // namespace enclint::rules::catalog
