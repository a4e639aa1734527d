// Customer managed keys for file and block storage (level cmk): ENC505 EFS
// file systems, ENC515 EBS volumes.
#pragma once

#include "lint/rule.hpp"

namespace enclint::rules::catalog {

const lint::Rule& efs_cmk_missing();         // ENC505
const lint::Rule& ebs_volume_cmk_missing();  // ENC515

}  // namespace enclint::rules::catalog
