#include "lint/rule.hpp"

#include <cctype>

namespace enclint::lint {

const char* to_string(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Info: return "info";
  }
  return "error";
}

const char* to_string(FixAvailability f) {
  switch (f) {
    case FixAvailability::None: return "none";
    case FixAvailability::Safe: return "safe";
    case FixAvailability::Unsafe: return "unsafe";
    case FixAvailability::SafeOrUnsafe: return "safe or unsafe";
  }
  return "none";
}

namespace {
bool same_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}
}  // namespace

bool RuleInfo::named(std::string_view id_or_name) const {
  return same_ignoring_case(id_or_name, id) || same_ignoring_case(id_or_name, name);
}

bool RuleInfo::id_starts_with(std::string_view prefix) const {
  return prefix.size() <= id.size() && same_ignoring_case(prefix, id.substr(0, prefix.size()));
}

bool RuleInfo::applies_to(std::string_view type) const {
  for (std::string_view t : resource_types)
    if (t == type) return true;
  return false;
}

Diagnostic Rule::make(const model::Resource& resource, std::size_t begin, std::size_t end,
                      std::string message, std::string path) const {
  Diagnostic d;
  d.rule = info().id;
  d.name = info().name;
  d.severity = info().severity;
  d.message = std::move(message);
  d.begin = begin;
  d.end = end;
  d.resource = resource.logical_id;
  d.resource_type = resource.type;
  d.path = std::move(path);
  return d;
}

}  // namespace enclint::lint
