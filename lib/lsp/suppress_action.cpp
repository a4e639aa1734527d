#include "lsp/suppress_action.hpp"

#include <memory>

#include "model/template.hpp"

namespace enclint::lsp {

std::optional<fix::Edit> suppression_edit(const std::string& path, const std::string& text,
                                          const lint::Diagnostic& d) {
  if (d.resource.empty()) return std::nullopt;
  auto source = std::make_shared<source::SourceFile>(path, text);
  std::size_t first = text.find_first_not_of(" \t\r\n", source->content_begin());
  if (first == std::string::npos || text[first] == '{') return std::nullopt;  // JSON
  model::LoadResult loaded = model::load(source);
  if (!loaded.tpl) return std::nullopt;
  const model::Template& tpl = *loaded.tpl;
  for (const auto& r : tpl.resources()) {
    if (r.logical_id != d.resource || r.key == yaml::kNone) continue;
    std::size_t at = tpl.doc()[r.key].begin;
    std::size_t line = source->line_start(at);
    std::string_view indent = std::string_view(text).substr(line, at - line);
    if (indent.find_first_not_of(" \t") != std::string_view::npos) return std::nullopt;
    if (line > 0) {  // the line above: an ignore comment already there takes the rule too
      std::size_t above = source->line_start(line - 1);
      std::string_view prev = std::string_view(text).substr(above, line - above);
      std::size_t mark = prev.find("# cfn-enclint: ignore[");
      if (mark != std::string_view::npos && prev.find_first_not_of(" \t") == mark)
        return fix::Edit{above + mark + 22, above + mark + 22, std::string(d.rule) + ","};
    }
    return fix::Edit{line, line,
                     std::string(indent) + "# cfn-enclint: ignore[" + std::string(d.rule) + "] " +
                         kReasonPlaceholder + source->newline()};
  }
  return std::nullopt;
}

}  // namespace enclint::lsp
