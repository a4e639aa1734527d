// A JSON string literal for any UTF-8 text. Shared by the fixer (inserting
// into JSON templates) and the JSON/SARIF reporters.
#pragma once

#include <string>
#include <string_view>

namespace enclint::util {

std::string json_string(std::string_view s);

}  // namespace enclint::util
