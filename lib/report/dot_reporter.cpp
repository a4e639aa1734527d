// --format dot: one Graphviz digraph, a cluster per template.
#include "report/picture_text.hpp"
#include "report/reporter.hpp"

namespace enclint::report {

using engine::Picture;

namespace {
// A DOT double-quoted string.
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

const char* shape(Picture::Kind kind) {
  switch (kind) {
    case Picture::Kind::Store: return "cylinder";
    case Picture::Kind::Key: return "hexagon";
    case Picture::Kind::Principal: return "box";
  }
  return "box";
}
}  // namespace

void DotReporter::start(std::ostream& out) {
  if (started_) return;
  started_ = true;
  out << "digraph \"cfn-enclint\" {\n"
         "  rankdir=LR;\n"
         "  node [fontname=\"Helvetica\", fontsize=11, style=\"filled,rounded\"];\n"
         "  edge [fontname=\"Helvetica\", fontsize=9];\n";
}

void DotReporter::add(std::ostream& out, const engine::FileResult& r, const ReportOptions&) {
  start(out);
  if (!r.picture || r.picture->nodes.empty()) return;
  const Picture& pic = *r.picture;
  std::string prefix = "f" + std::to_string(files_++) + ":";
  out << "  subgraph " << quoted("cluster_" + prefix) << " {\n    label=" << quoted(r.path)
      << ";\n";
  for (const Picture::Node& n : pic.nodes) {
    std::string label;
    for (const auto& line : label_lines(n)) label += (label.empty() ? "" : "\n") + line;
    Colours c = colours(n);
    out << "    " << quoted(prefix + n.id) << " [label=" << quoted(label)
        << ", shape=" << shape(n.kind) << ", fillcolor=\"" << c.fill << "\", color=\"" << c.line
        << "\"];\n";
  }
  for (const Picture::Edge& e : pic.edges) {
    out << "    " << quoted(prefix + pic.nodes[e.from].id) << " -> "
        << quoted(prefix + pic.nodes[e.to].id) << " [label=" << quoted(edge_label(e));
    if (e.key) out << ", style=dashed";
    if (e.denied)
      out << ", color=\"" << kDeniedColour << "\", fontcolor=\"" << kDeniedColour
          << "\", penwidth=2";
    out << "];\n";
  }
  out << "  }\n";
}

void DotReporter::finish(std::ostream& out, const ReportOptions&) {
  start(out);
  out << "}\n";
}

}  // namespace enclint::report
