// What a lint run is asked to do: which rules, at which policy level, with
// which severities, and the parameters of the fixes.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "util/limits.hpp"

namespace enclint::lint {

enum class Severity { Error, Warning, Info };

// `baseline` is the documented minimum; `cmk` adds the customer-managed-key
// rules. Ordered: a rule runs at its level and above.
enum class Level { Baseline, Cmk };

struct FixOptions {
  std::string sse_algorithm = "AES256";  // what ENC201's fix inserts
  std::string kms_key;                   // --kms-key; "" for none
};

struct Options {
  std::vector<std::string> select;  // rule ids or names; empty: all
  std::vector<std::string> ignore;
  Level level = Level::Baseline;
  std::map<std::string, Severity, std::less<>> severity;  // by rule id
  bool foreign_suppressions = true;  // honour cfn_nag / checkov / cfn-guard metadata
  // How many findings of a file keep their source line (an excerpt of
  // bounded size) for the text output to show: as many as it shows.
  std::size_t source_lines = util::kMaxFindingsShownPerFile;
  // Whether fixes keep their edits and additions (the fix loop, --diff,
  // SARIF, the --kms-key notes). Without, a fix is its title and
  // applicability: all the other reports show, at half the memory a finding.
  bool fix_edits = true;
  FixOptions fix;
};

}  // namespace enclint::lint
