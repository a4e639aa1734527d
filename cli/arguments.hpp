// Turning option values into what the run needs, with messages that name the
// option: rule lists (spaces, any case, id prefixes), counts, severities.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "lint/options.hpp"

namespace enclint::cli {

// "ENC201, ENC101" and repeated options: the entries, trimmed, empty ones dropped.
std::vector<std::string> split_list(const std::vector<std::string>& values);

// The rule ids that `patterns` name (ids or names in any case, or id prefixes
// such as ENC2), each once, in registry order. Sets `error` for an entry that
// names no rule.
std::vector<std::string> rule_ids(const std::vector<std::string>& patterns, std::string& error);

// A non-negative whole number for `option`; sets `error` otherwise.
std::optional<unsigned long> parse_count(const std::string& option, const std::string& value,
                                         std::string& error);

std::optional<lint::Severity> parse_severity(const std::string& value);

}  // namespace enclint::cli
