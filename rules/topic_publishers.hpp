// SNS topics that AWS services publish to (EventBridge rule targets,
// CloudWatch alarm actions, S3 event notifications, from the resource graph):
// those services cannot use the AWS managed key alias/aws/sns, whose key
// policy cannot be changed, so inserting it would make their messages fail.
#pragma once

#include <string>

#include "lint/rule.hpp"

namespace enclint::rules {

// For ENC311's Check::takes_no_key: why alias/aws/sns is no fix for `topic`
// ("" when no AWS service of the template publishes to it, or --kms-key names
// a key of the user's, whose policy can let them).
std::string aws_key_unusable_by_publishers(const lint::CheckContext& ctx,
                                           const model::Resource& topic);

}  // namespace enclint::rules
