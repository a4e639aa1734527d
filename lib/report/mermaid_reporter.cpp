// --format mermaid: one flowchart, a subgraph per template (GitHub renders a
// ```mermaid block in a pull request or README).
#include "report/picture_text.hpp"
#include "report/reporter.hpp"

namespace enclint::report {

using engine::Picture;

namespace {
// Text inside a quoted mermaid label: quotes and angle brackets as entities.
std::string label_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '"')
      out += "#quot;";
    else if (c == '<')
      out += "#lt;";
    else if (c == '>')
      out += "#gt;";
    else if (c == '#')
      out += "#35;";
    else
      out += c;
  }
  return out;
}

const char* class_of(const Picture::Node& n) {
  if (n.kind == Picture::Kind::Key) return "key";
  if (n.kind == Picture::Kind::Principal) return "principal";
  switch (n.status) {
    case Picture::Status::Finding: return "finding";
    case Picture::Status::CustomerKey: return "cmk";
    default: return "awskey";
  }
}
}  // namespace

void MermaidReporter::add(std::ostream& out, const engine::FileResult& r, const ReportOptions&) {
  if (!started_) out << "flowchart LR\n";
  started_ = true;
  if (!r.picture || r.picture->nodes.empty()) return;
  const Picture& pic = *r.picture;
  std::string file = std::to_string(files_++);
  std::string prefix = "f" + file + "n";
  out << "  subgraph file" << file << "[\"" << label_text(r.path) << "\"]\n";
  for (std::size_t i = 0; i < pic.nodes.size(); ++i) {
    const Picture::Node& n = pic.nodes[i];
    std::string label;
    for (const auto& line : label_lines(n))
      label += (label.empty() ? "" : "<br/>") + label_text(line);
    const char* open = n.kind == Picture::Kind::Store ? "[(\""
                       : n.kind == Picture::Kind::Key ? "{{\""
                                                      : "([\"";
    const char* close = n.kind == Picture::Kind::Store ? "\")]"
                        : n.kind == Picture::Kind::Key ? "\"}}"
                                                       : "\"])";
    out << "    " << prefix << i << open << label << close << "\n";
  }
  out << "  end\n";
  for (const Picture::Edge& e : pic.edges) {
    const char* arrow = e.key ? " -.->" : e.denied ? " ==>" : " -->";
    out << "  " << prefix << e.from << arrow << "|\"" << label_text(edge_label(e)) << "\"| "
        << prefix << e.to << "\n";
    if (e.denied)
      denied_ += "  linkStyle " + std::to_string(links_) + " stroke:" + kDeniedColour +
                 ",stroke-width:2px\n";
    ++links_;
  }
  for (std::size_t i = 0; i < pic.nodes.size(); ++i)
    out << "  class " << prefix << i << " " << class_of(pic.nodes[i]) << "\n";
}

void MermaidReporter::finish(std::ostream& out, const ReportOptions&) {
  if (!started_) out << "flowchart LR\n";
  started_ = true;
  out << denied_;
  for (const char* cls : {"finding", "cmk", "awskey", "key", "principal"}) {
    Picture::Node probe;
    probe.kind = std::string_view(cls) == "key"         ? Picture::Kind::Key
                 : std::string_view(cls) == "principal" ? Picture::Kind::Principal
                                                        : Picture::Kind::Store;
    probe.status = std::string_view(cls) == "finding" ? Picture::Status::Finding
                   : std::string_view(cls) == "cmk"   ? Picture::Status::CustomerKey
                                                      : Picture::Status::AwsKey;
    Colours c = colours(probe);
    out << "  classDef " << cls << " fill:" << c.fill << ",stroke:" << c.line << "\n";
  }
}

}  // namespace enclint::report
