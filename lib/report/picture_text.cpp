#include "report/picture_text.hpp"

namespace enclint::report {

using engine::Picture;

std::vector<std::string> label_lines(const Picture::Node& node) {
  std::string type = node.type;
  if (type.rfind("AWS::", 0) == 0) type = type.substr(5);
  std::vector<std::string> lines{node.id, type};
  if (node.kind == Picture::Kind::Store && node.status == Picture::Status::AwsKey)
    lines.emplace_back("AWS key");
  if (!node.note.empty()) lines.push_back(node.note);
  return lines;
}

std::string edge_label(const Picture::Edge& edge) {
  return edge.denied ? edge.label + ": no key use (ENC011)" : edge.label;
}

Colours colours(const Picture::Node& node) {
  if (node.kind == Picture::Kind::Key) return {"#bbdefb", "#1565c0"};
  if (node.kind == Picture::Kind::Principal) return {"#eeeeee", "#616161"};
  switch (node.status) {
    case Picture::Status::Finding: return {"#ffcdd2", "#c62828"};
    case Picture::Status::CustomerKey: return {"#c8e6c9", "#2e7d32"};
    default: return {"#fff9c4", "#f9a825"};
  }
}

}  // namespace enclint::report
