// Block storage's requirements (ENC51x EBS volumes): table entries of
// rules/requirement.hpp's kinds.
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

const lint::Rule& ebs_volume_encryption_disabled();  // ENC511

}  // namespace enclint::rules::catalog
