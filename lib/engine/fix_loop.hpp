// ruff's fix loop: apply the non-overlapping fixes, re-parse, verify that
// the result is the previous text plus exactly the intended additions,
// re-lint, and repeat until no fix is left (bounded).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lint/rule.hpp"
#include "model/template.hpp"

namespace enclint::engine {

struct FixLoopResult {
  bool ok = false;
  // The fixed text (when ok): the last round's source, not a copy of it.
  std::shared_ptr<const source::SourceFile> fixed_source;
  std::string_view text() const { return fixed_source ? fixed_source->view() : std::string_view(); }
  std::string error;                        // why nothing may be written
  std::size_t error_offset = 0;             // where, in the original text
  source::Position error_at;                // the same as a line and column
  std::vector<lint::Diagnostic> remaining;  // findings in the fixed text
  std::size_t applied = 0;                  // fixes applied
  // Fixes that could not be made, by finding_key: why (their findings in
  // `remaining` are not fixable, with this reason); the others were applied.
  std::map<std::string, std::string> not_made;
};

inline constexpr int kMaxFixRounds = 10;

// From this size on, a round's fixed text is verified as a stream of parser
// events (fix/stream_verify) before it is parsed into a Document, and the
// previous round's template is freed in between: the two documents are never
// in memory together. It costs one more parse, so smaller files (and all of
// the corpus) take the direct comparison.
inline constexpr std::size_t kStreamVerifyFromBytes = std::size_t{1024} * 1024;

bool fix_allowed(const lint::Diagnostic& d, bool unsafe);

// What an editor asks of the loop besides the fixed text.
struct FixLoopExtras {
  // Fix only the finding with this finding_key (a quick fix for one finding).
  const std::string* only = nullptr;
  // Filled with the loop's edits composed on the original text (fix/compose),
  // so that applying them gives the fixed text; left empty when the rounds'
  // edits cannot be composed (the caller then diffs the texts).
  std::vector<fix::Edit>* edits = nullptr;
};

// `tpl` must outlive the call. `stream_verify_from`: see kStreamVerifyFromBytes.
FixLoopResult fix_loop(const model::Template& tpl, const std::vector<lint::Diagnostic>& diagnostics,
                       const std::vector<const lint::Rule*>& rules, const lint::Options& options,
                       bool unsafe, std::size_t stream_verify_from = kStreamVerifyFromBytes,
                       FixLoopExtras extras = {});
// The same, owning the template: it is freed as soon as it is not needed.
// With streaming verification, the applied fixes in `diagnostics` keep only
// what reports show (title, applicability) once verified.
FixLoopResult fix_loop(model::Template&& tpl, std::vector<lint::Diagnostic>& diagnostics,
                       const std::vector<const lint::Rule*>& rules, const lint::Options& options,
                       bool unsafe, std::size_t stream_verify_from = kStreamVerifyFromBytes,
                       FixLoopExtras extras = {});

// Identity of a finding across fix rounds: rule and template path.
std::string finding_key(const lint::Diagnostic& d);

}  // namespace enclint::engine
