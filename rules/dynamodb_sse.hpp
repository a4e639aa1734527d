// What the DynamoDB rules share: how messages name a table.
#pragma once

#include <string>

#include "model/template.hpp"

namespace enclint::rules {

// "DynamoDB table 'X'" / "DynamoDB global table 'X'" / "SAM SimpleTable 'X'".
std::string table_label(const model::Resource& r);

}  // namespace enclint::rules
