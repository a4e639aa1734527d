// Customer managed keys for streams and messaging (level cmk): ENC305 SQS,
// ENC315 SNS, ENC325 Kinesis Data Streams, ENC335 Firehose. Each takes over
// where its baseline rule (ENC301, ENC311, ENC321, ENC331) is satisfied.
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

const lint::Rule& sqs_cmk_missing();       // ENC305
const lint::Rule& sns_cmk_missing();       // ENC315
const lint::Rule& kinesis_cmk_missing();   // ENC325
const lint::Rule& firehose_cmk_missing();  // ENC335

}  // namespace enclint::rules::catalog
