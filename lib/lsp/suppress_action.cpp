#include "lsp/suppress_action.hpp"

#include <memory>

#include "lint/inline_suppression.hpp"
#include "model/template.hpp"

namespace enclint::lsp {

std::optional<fix::Edit> suppression_edit(const std::string& path, const std::string& text,
                                          const lint::Diagnostic& d) {
  if (d.resource.empty()) return std::nullopt;
  auto source = std::make_shared<source::SourceFile>(path, text);
  model::LoadResult loaded = model::load(source);
  if (!loaded.tpl) return std::nullopt;
  const model::Template& tpl = *loaded.tpl;
  // Several resources on one line (a flow mapping) cannot be told apart by
  // a comment: offer none rather than one that silences its neighbours too.
  for (const auto& r : tpl.resources()) {
    if (r.logical_id != d.resource || r.key == yaml::kNone) continue;
    std::size_t at = tpl.doc()[r.key].begin;
    std::size_t line = source->line_start(at);
    if (line < source->content_begin()) line = source->content_begin();
    std::string_view indent = std::string_view(text).substr(line, at - line);
    if (indent.find_first_not_of(" \t") != std::string_view::npos) return std::nullopt;
  }
  return lint::inline_suppression_edit(tpl, d, kReasonPlaceholder);
}

}  // namespace enclint::lsp
