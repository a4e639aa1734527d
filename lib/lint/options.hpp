// What a lint run is asked to do: which rules, which fix parameters.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace enclint::lint {

struct FixOptions {
  std::string sse_algorithm = "AES256";  // what ENC201's fix inserts
  std::string kms_key;                   // --kms-key; "" for none
};

struct Options {
  std::vector<std::string> select;  // rule ids or names; empty: all
  std::vector<std::string> ignore;
  FixOptions fix;
};

}  // namespace enclint::lint
