#include "engine/fix_loop.hpp"

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_set>

#include "fix/apply.hpp"
#include "fix/compose.hpp"
#include "fix/stream_verify.hpp"
#include "fix/verify.hpp"
#include "lint/linter.hpp"
#include "util/interrupt.hpp"

namespace enclint::engine {

bool fix_allowed(const lint::Diagnostic& d, bool unsafe) {
  return d.fix && (d.fix->applicability == fix::Applicability::Safe || unsafe);
}

std::string finding_key(const lint::Diagnostic& d) { return std::string(d.rule) + "|" + d.path; }

namespace {

// What the report needs of an applied fix is its title and applicability;
// the edits and additions go once the fix is verified (big files only).
void slim_applied(std::vector<lint::Diagnostic>& diagnostics,
                  const std::unordered_set<const fix::Fix*>& applied) {
  for (auto& d : diagnostics) {
    if (!d.fix || !applied.count(&*d.fix)) continue;
    std::vector<fix::Edit>().swap(d.fix->edits);
    std::vector<fix::Addition>().swap(d.fix->additions);
  }
}

// Why `fixes` cannot be made together in `tpl` ("" when they can): a safe
// one removes bytes, or the result does not parse or does not verify.
std::string cannot_make(const model::Template& tpl, const std::vector<const fix::Fix*>& fixes) {
  const std::string& before = tpl.source().text();
  std::string after = fix::apply(before, fixes);
  bool all_safe = true;
  for (const fix::Fix* f : fixes) all_safe &= f->applicability == fix::Applicability::Safe;
  if (all_safe && !fix::is_insert_only(before, after)) return "a safe fix would have removed bytes";
  auto fixed = std::make_shared<source::SourceFile>(tpl.source().path(), std::move(after));
  model::LoadResult loaded = model::load(fixed);
  if (loaded.status != model::LoadResult::Status::Template || !loaded.tpl)
    return "the fixed template would not parse (" + loaded.message + ")";
  if (auto diff = fix::verify_additions(tpl.doc(), loaded.tpl->doc(), fixes))
    return "the fix did not verify: " + *diff;
  return {};
}

// Each parse of a trial costs as much as a round: a file whose fixes all
// fail is not tried fix by fix beyond this many trials.
constexpr int kMaxTrials = 64;

// The fixes of `group` that fail on their own, with why, found by halving
// (a group that can be made holds none); false when the trials ran out.
bool failing(const model::Template& tpl, const std::vector<const fix::Fix*>& group,
             std::vector<std::pair<const fix::Fix*, std::string>>& out, int& trials) {
  if (group.empty()) return true;
  if (++trials > kMaxTrials) return false;
  std::string why = cannot_make(tpl, group);
  if (why.empty()) return true;
  if (group.size() == 1) {
    out.emplace_back(group.front(), std::move(why));
    return true;
  }
  auto half = group.begin() + static_cast<std::ptrdiff_t>(group.size() / 2);
  return failing(tpl, {group.begin(), half}, out, trials) &&
         failing(tpl, {half, group.end()}, out, trials);
}

FixLoopResult run(const model::Template* borrowed, std::optional<model::Template> owned_tpl,
                  const std::vector<lint::Diagnostic>& diagnostics,
                  std::vector<lint::Diagnostic>* slimmable,
                  const std::vector<const lint::Rule*>& rules, const lint::Options& options,
                  bool unsafe, std::size_t stream_verify_from, FixLoopExtras extras) {
  FixLoopResult result;
  bool composable = true;
  // The template of the round: the caller's (borrowed), or one we own and
  // may free once its successor is verified.
  std::optional<model::Template> current_holder = std::move(owned_tpl);
  const model::Template* current = current_holder ? &*current_holder : borrowed;
  // The first round reads the caller's diagnostics; later rounds own theirs.
  // They hold no reference into any template.
  std::vector<lint::Diagnostic> owned;
  const std::vector<lint::Diagnostic>* current_diags = &diagnostics;
  std::set<std::string> addressed;
  // Findings whose fix could not be made (by finding_key): the file's other
  // fixes go ahead, and these are reported as not fixable, with the reason.
  std::map<std::string, std::string> rejected;
  // A round that fails: the fixes that cannot be made on their own are set
  // aside and the round is tried again without them (false: none of them
  // fails alone, or finding them took too many trials, so the round's
  // failure stands).
  std::vector<const fix::Fix*> chosen;
  auto set_aside_failing = [&] {
    std::vector<std::pair<const fix::Fix*, std::string>> bad;
    int trials = 0;
    if (!failing(*current, chosen, bad, trials) || bad.empty()) return false;
    for (const auto& [f, why] : bad)
      for (const auto& d : *current_diags)
        if (d.fix && &*d.fix == f)
          rejected.emplace(finding_key(d),
                           "the fix could not be made (" + why + "); change it by hand");
    return true;
  };
  auto not_fixable = [&](std::vector<lint::Diagnostic>& diags) {
    for (auto& d : diags) {
      auto it = rejected.find(finding_key(d));
      if (it == rejected.end() || !d.fix) continue;
      d.fix.reset();
      d.not_fixable = it->second;
    }
  };
  for (int round = 0; round < kMaxFixRounds; ++round) {
    if (util::interrupted()) {  // the caller reports the file as interrupted
      result.error = "interrupted";
      return result;
    }
    std::vector<const fix::Fix*> candidates;
    for (const auto& d : *current_diags)
      if (fix_allowed(d, unsafe) && !d.fix->edits.empty() && !rejected.count(finding_key(d)) &&
          (!extras.only || finding_key(d) == *extras.only))
        candidates.push_back(&*d.fix);
    if (candidates.empty()) {
      for (const auto& d : *current_diags) {
        if (addressed.count(finding_key(d)) && fix_allowed(d, unsafe)) {
          result.error =
              "the fix for " + std::string(d.rule) + " on '" + d.resource + "' did not resolve it";
          return result;
        }
      }
      result.ok = true;
      result.fixed_source = current->source_ptr();
      // The last round's findings, moved when this loop owns them (a conditional
      // expression with the caller's const ones would copy both ways).
      if (current_diags == &owned)
        result.remaining = std::move(owned);
      else
        result.remaining = diagnostics;
      not_fixable(result.remaining);
      result.not_made = std::move(rejected);
      if (extras.edits && !composable) extras.edits->clear();
      return result;
    }
    chosen = fix::non_overlapping(candidates);
    std::size_t where = chosen.front()->edits.front().begin;
    if (round == 0) {
      result.error_offset = where;
      result.error_at = current->source().position(where);  // the caller may not keep the text
    }
    const std::string& before = current->source().text();
    std::string after = fix::apply(before, chosen);
    bool all_safe = true;
    for (const fix::Fix* f : chosen) all_safe &= f->applicability == fix::Applicability::Safe;
    if (all_safe && !fix::is_insert_only(before, after)) {
      if (set_aside_failing()) {
        --round;
        continue;
      }
      result.error = "a safe fix would have removed bytes; nothing was written";
      return result;
    }
    auto fixed_source =
        std::make_shared<source::SourceFile>(current->source().path(), std::move(after));
    auto not_parsed = [&](const std::string& message, std::size_t offset) {
      auto pos = fixed_source->position(offset);
      result.error = "the fixed template would not parse (" + message + " at line " +
                     std::to_string(pos.line) + ", column " + std::to_string(pos.column) +
                     " of the fixed text); nothing was written";
      return result;
    };
    auto not_verified = [&](const std::string& why) {
      result.error = "the fix did not verify: " + why + "; nothing was written";
      return result;
    };
    std::unordered_set<const fix::Fix*> applied(chosen.begin(), chosen.end());
    auto record_applied = [&] {
      if (extras.edits && composable) {
        std::vector<fix::Edit> edits;
        for (const fix::Fix* f : chosen)
          edits.insert(edits.end(), f->edits.begin(), f->edits.end());
        std::sort(edits.begin(), edits.end(),
                  [](const fix::Edit& a, const fix::Edit& b) { return a.begin < b.begin; });
        composable = fix::compose(*extras.edits, edits);
      }
      for (const auto& d : *current_diags) {
        if (d.fix && applied.count(&*d.fix)) {
          addressed.insert(finding_key(d));
          ++result.applied;
        }
      }
    };
    bool streamed = fixed_source->view().size() >= stream_verify_from;
    if (streamed) {
      fix::StreamVerdict verdict =
          fix::verify_additions_streaming(current->doc(), *fixed_source, chosen);
      if ((verdict.parse_error || verdict.mismatch) && set_aside_failing()) {
        --round;
        continue;
      }
      if (verdict.parse_error)
        return not_parsed(verdict.parse_error->message, verdict.parse_error->offset);
      if (verdict.mismatch) return not_verified(*verdict.mismatch);
      record_applied();
      // Verified: what the next parse does not need goes first. The previous
      // template (the fixes and diagnostics hold no reference into it), and
      // the applied fixes' edits and additions.
      if (current_holder) {
        current = nullptr;
        current_holder.reset();
      }
      if (current_diags == &owned)
        slim_applied(owned, applied);
      else if (slimmable)
        slim_applied(*slimmable, applied);
#ifdef __GLIBC__
      // What was freed is scattered over the heap in small pieces; the next
      // document is a few large blocks that cannot reuse them. Hand the
      // pages back first.
      malloc_trim(0);
#endif
    }
    model::LoadResult loaded = model::load(fixed_source);
    bool parsed = loaded.status == model::LoadResult::Status::Template && loaded.tpl;
    std::optional<std::string> diff;
    if (parsed && !streamed)
      diff = fix::verify_additions(current->doc(), loaded.tpl->doc(), chosen);
    if ((!parsed || diff) && !streamed && set_aside_failing()) {
      --round;
      continue;
    }
    if (!parsed) return not_parsed(loaded.message, loaded.offset);
    if (!streamed) {
      if (diff) return not_verified(*diff);
      record_applied();
    }
    std::vector<lint::Diagnostic> next = lint::run_rules(*loaded.tpl, rules, options);
    current_holder.emplace(std::move(*loaded.tpl));
    current = &*current_holder;
    owned = std::move(next);
    current_diags = &owned;
  }
  result.error = "the fixes did not converge after " + std::to_string(kMaxFixRounds) +
                 " rounds; nothing was written";
  return result;
}

}  // namespace

FixLoopResult fix_loop(const model::Template& tpl, const std::vector<lint::Diagnostic>& diagnostics,
                       const std::vector<const lint::Rule*>& rules, const lint::Options& options,
                       bool unsafe, std::size_t stream_verify_from, FixLoopExtras extras) {
  return run(&tpl, std::nullopt, diagnostics, nullptr, rules, options, unsafe, stream_verify_from,
             extras);
}

FixLoopResult fix_loop(model::Template&& tpl, std::vector<lint::Diagnostic>& diagnostics,
                       const std::vector<const lint::Rule*>& rules, const lint::Options& options,
                       bool unsafe, std::size_t stream_verify_from, FixLoopExtras extras) {
  return run(nullptr, std::move(tpl), diagnostics, &diagnostics, rules, options, unsafe,
             stream_verify_from, extras);
}

}  // namespace enclint::engine
