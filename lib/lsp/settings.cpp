#include "lsp/settings.hpp"

#include "rules/kms_key_option.hpp"

namespace enclint::lsp {

std::string apply_settings(const nlohmann::json& init, engine::CheckOptions& options) {
  if (init.is_null()) return {};
  if (!init.is_object()) return "initializationOptions must be an object";
  for (const auto& [key, value] : init.items()) {
    if (key != "level" && key != "kmsKey" && key != "sseAlgorithm")
      return "unknown initialization option '" + key + "' (level, kmsKey, sseAlgorithm)";
    if (!value.is_string()) return "initialization option '" + key + "' must be a string";
  }
  if (auto it = init.find("level"); it != init.end()) {
    const std::string& level = it->get_ref<const std::string&>();
    if (level == "baseline")
      options.lint.level = lint::Level::Baseline;
    else if (level == "cmk")
      options.lint.level = lint::Level::Cmk;
    else
      return "level must be baseline or cmk, not '" + level + "'";
  }
  if (auto it = init.find("sseAlgorithm"); it != init.end()) {
    const std::string& alg = it->get_ref<const std::string&>();
    if (alg != "AES256" && alg != "aws:kms" && alg != "aws:kms:dsse")
      return "sseAlgorithm must be AES256, aws:kms or aws:kms:dsse, not '" + alg + "'";
    options.lint.fix.sse_algorithm = alg;
  }
  if (auto it = init.find("kmsKey"); it != init.end()) {
    const std::string& key = it->get_ref<const std::string&>();
    if (std::string problem = rules::kms_key_form_problem(key); !problem.empty()) return problem;
    options.lint.fix.kms_key = key;
    // As on the command line: a key means SSE-KMS unless an algorithm is given.
    if (!init.contains("sseAlgorithm")) options.lint.fix.sse_algorithm = "aws:kms";
  }
  return {};
}

}  // namespace enclint::lsp
