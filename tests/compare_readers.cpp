#include "compare_readers.hpp"

#include <algorithm>

#include "yaml/block_events.hpp"
#include "yaml/parser.hpp"

namespace enclint::testing {

std::string compare_readers(const source::SourceFile& src, bool* fast) {
  bool taken = yaml::in_block_subset(src.view(), src.content_begin());
  if (fast) *fast = taken;
  yaml::ParseResult a = yaml::parse(src, true), b = yaml::parse(src, false);
  if (a.error || b.error) {
    if (!a.error || !b.error)
      return a.error ? "only the block reader fails: " + a.error->message
                     : "only yaml-cpp fails: " + b.error->message;
    if (a.error->message != b.error->message || a.error->offset != b.error->offset)
      return "different errors: " + a.error->message + " / " + b.error->message;
    return "";
  }
  if (a.document.has_value() != b.document.has_value()) return "a document in one only";
  if (!a.document) return "";
  const yaml::Document &x = *a.document, &y = *b.document;
  if (x.size() != y.size())
    return "node counts " + std::to_string(x.size()) + " / " + std::to_string(y.size());
  if (x.root() != y.root()) return "different roots";
  for (yaml::NodeId id = 0; id < x.size(); ++id) {
    const yaml::Node &n = x[id], &m = y[id];
    auto at = [&](const std::string& what) {
      return "node " + std::to_string(id) + " at " + std::to_string(m.begin) + " ('" +
             std::string(m.value()) + "'): " + what + " differs";
    };
    if (n.kind != m.kind) return at("kind");
    if (n.style != m.style) return at("style");
    if (n.begin != m.begin) return at("begin " + std::to_string(n.begin));
    if (n.content != m.content) return at("content " + std::to_string(n.content));
    if (n.end != m.end) return at("end " + std::to_string(n.end));
    if (n.tag() != m.tag()) return at("tag '" + std::string(n.tag()) + "'");
    if (n.value() != m.value()) return at("value '" + std::string(n.value()) + "'");
    if (n.parent != m.parent || n.key != m.key) return at("parent or key");
    if (n.anchored != m.anchored || n.aliased != m.aliased) return at("anchors");
    if (!std::equal(n.children().begin(), n.children().end(), m.children().begin(),
                    m.children().end()))
      return at("children");
  }
  return "";
}

}  // namespace enclint::testing
