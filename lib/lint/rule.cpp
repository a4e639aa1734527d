#include "lint/rule.hpp"

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
