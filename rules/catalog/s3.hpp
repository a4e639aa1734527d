// S3's requirements (table entries of rules/requirement.hpp's kinds).
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

const lint::Rule& s3_encryption_missing();  // ENC201

}  // namespace enclint::rules::catalog
