// Queues and topics (ENC30x SQS, ENC31x SNS): table entries of
// rules/requirement.hpp's kinds.
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

const lint::Rule& sqs_encryption_not_stated();     // ENC301
const lint::Rule& sns_topic_encryption_missing();  // ENC311

}  // namespace enclint::rules::catalog
