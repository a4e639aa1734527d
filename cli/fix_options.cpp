#include "cli/fix_options.hpp"

#include "rules/kms_key_option.hpp"

namespace enclint::cli {

std::string fix_options_problem(const lint::FixOptions& fix,
                                const std::optional<std::string>& kms_key, bool fix_flag,
                                bool diff_flag) {
  if (fix_flag && diff_flag)
    return "--diff and --fix cannot be combined: --diff shows what --fix would write and writes "
           "nothing";
  const std::string& alg = fix.sse_algorithm;
  if (alg != "AES256" && alg != "aws:kms" && alg != "aws:kms:dsse")
    return "--sse-algorithm must be AES256, aws:kms or aws:kms:dsse, not '" + alg + "'";
  if (kms_key) return rules::kms_key_form_problem(*kms_key);
  return {};
}

}  // namespace enclint::cli
