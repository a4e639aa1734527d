// The quick fix that silences a finding instead of fixing it: the inline
// comment `# cfn-enclint: ignore[ENC201] <reason>` on the line above the
// resource's logical id, with a reason for the author to write.
#pragma once

#include <optional>
#include <string>

#include "fix/fix.hpp"
#include "lint/diagnostic.hpp"

namespace enclint::lsp {

inline constexpr const char* kReasonPlaceholder = "TODO: why this may stay unencrypted";

// The insertion, or nothing where no comment can say it: JSON (no
// comments), a resource whose logical id does not start its line (several
// on one line), a finding not on a resource. When the line above is already
// such a comment, the rule joins its list instead.
std::optional<fix::Edit> suppression_edit(const std::string& path, const std::string& text,
                                          const lint::Diagnostic& d);

}  // namespace enclint::lsp
