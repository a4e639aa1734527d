// Kinesis Data Streams' and Firehose's requirements (table entries of rules/requirement.hpp's kinds).
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

const lint::Rule& kinesis_stream_encryption_missing();    // ENC321
const lint::Rule& firehose_stream_encryption_missing();  // ENC331

}  // namespace enclint::rules::catalog
