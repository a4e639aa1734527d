// What the dot and mermaid reporters write in a picture's nodes and legend,
// said once for both.
#pragma once

#include <string>
#include <vector>

#include "engine/picture.hpp"

namespace enclint::report {

// The lines of a node's label: logical id, type (without `AWS::`), note.
std::vector<std::string> label_lines(const engine::Picture::Node& node);
// An edge's label, with what ENC011 says when the key use is missing.
std::string edge_label(const engine::Picture::Edge& edge);

// The fill and line colours of a node (#rrggbb), by kind and status.
struct Colours {
  const char* fill;
  const char* line;
};
Colours colours(const engine::Picture::Node& node);
inline constexpr const char* kDeniedColour = "#c62828";

}  // namespace enclint::report
