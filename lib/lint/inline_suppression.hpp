// Suppressions written as YAML comments (JSON has none):
//   # cfn-enclint: ignore[ENC201,s3-bucket-key-disabled] public website assets
// on a resource's logical-id line or on the line just above it, and
// checkov's `# checkov:skip=CKV_AWS_19:reason`, which checkov reads anywhere
// in the resource's lines (and so do we) — a foreign suppression.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "fix/fix.hpp"
#include "lint/diagnostic.hpp"
#include "model/template.hpp"

namespace enclint::lint {

struct InlineComment {
  enum class Kind { Ours, Checkov };
  Kind kind = Kind::Ours;
  const model::Resource* resource = nullptr;
  std::size_t begin = 0, end = 0;  // the directive's bytes in the source
  bool above = false;              // ours: on the line above the logical id
  bool malformed = false;          // ours: not `ignore[...]` (ENC001 reports it)
  std::vector<std::string> rules;  // as written: our ids or names, or checkov's id
  std::string reason;
};

// Every directive of a YAML template, resource by resource.
std::vector<InlineComment> inline_comments(const model::Template& tpl);

// The edit that adds an inline suppression of `d` with `reason` — a new
// comment line above the resource's logical id, or the rule added to the
// ignore[...] list already there — for an editor's "suppress" action;
// nullopt for JSON or a finding about the template itself. Insert-only.
std::optional<fix::Edit> inline_suppression_edit(const model::Template& tpl, const Diagnostic& d,
                                                 const std::string& reason);

}  // namespace enclint::lint
