#include "cli/arguments.hpp"

#include <algorithm>
#include <sstream>

#include "rules/registry.hpp"

namespace enclint::cli {

std::vector<std::string> split_list(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    std::stringstream ss(v);
    std::string item;
    while (std::getline(ss, item, ',')) {
      std::size_t from = item.find_first_not_of(" \t");
      if (from == std::string::npos) continue;
      std::size_t to = item.find_last_not_of(" \t");
      out.push_back(item.substr(from, to + 1 - from));
    }
  }
  return out;
}

std::vector<std::string> rule_ids(const std::vector<std::string>& patterns, std::string& error) {
  std::vector<const lint::Rule*> chosen;
  for (const std::string& p : patterns) {
    std::vector<const lint::Rule*> found = rules::matching(p);
    if (found.empty()) {
      error = "unknown rule '" + p + "' (see --list-rules)";
      return {};
    }
    chosen.insert(chosen.end(), found.begin(), found.end());
  }
  std::vector<std::string> ids;
  for (const lint::Rule* r : rules::all())
    if (std::find(chosen.begin(), chosen.end(), r) != chosen.end()) ids.emplace_back(r->info().id);
  return ids;
}

std::optional<unsigned long> parse_count(const std::string& option, const std::string& value,
                                         std::string& error) {
  bool digits =
      !value.empty() && value.size() <= 9 &&
      std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) {
    error = option + " takes a whole number, not '" + value + "'";
    return std::nullopt;
  }
  return std::stoul(value);
}

std::optional<lint::Severity> parse_severity(const std::string& value) {
  if (value == "error") return lint::Severity::Error;
  if (value == "warning") return lint::Severity::Warning;
  if (value == "info") return lint::Severity::Info;
  return std::nullopt;
}

}  // namespace enclint::cli
