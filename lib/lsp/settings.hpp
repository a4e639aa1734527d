// What an editor may set in `initializationOptions`: the policy level and
// the key options of the fixes, as on the command line:
//   {"level": "baseline" | "cmk", "kmsKey": "alias/app",
//    "sseAlgorithm": "AES256" | "aws:kms" | "aws:kms:dsse"}
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/check_options.hpp"

namespace enclint::lsp {

// Applies `init` (null or an object) to `options`. Returns why it cannot be
// used ("" when it can): an unknown key, a value of the wrong type or form.
std::string apply_settings(const nlohmann::json& init, engine::CheckOptions& options);

}  // namespace enclint::lsp
