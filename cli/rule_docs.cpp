// --list-rules and --explain: what the registry declares about each rule.
#include <algorithm>
#include <sstream>

#include "cli/cli.hpp"
#include "rules/registry.hpp"
#include "util/json_string.hpp"

namespace enclint::cli {

std::string list_rules(bool json) {
  std::ostringstream out;
  const auto& all = rules::all();
  if (json) {
    out << "[";
    for (std::size_t n = 0; n < all.size(); ++n) {
      const auto& i = all[n]->info();
      out << (n ? ",\n " : "\n ") << "{\"id\": " << util::json_string(i.id)
          << ", \"name\": " << util::json_string(i.name)
          << ", \"severity\": " << util::json_string(lint::to_string(i.severity))
          << ", \"fix\": " << util::json_string(lint::to_string(i.fix))
          << ", \"level\": " << (i.level == lint::Level::Cmk ? "\"cmk\"" : "\"baseline\"")
          << ", \"summary\": " << util::json_string(i.summary) << ", \"resource_types\": [";
      for (std::size_t t = 0; t < i.resource_types.size(); ++t)
        out << (t ? ", " : "") << util::json_string(i.resource_types[t]);
      out << "]}";
    }
    out << "\n]\n";
    return out.str();
  }
  // Columns: id, name, [severity, fix], summary.
  std::size_t name_width = 0, tag_width = 0;
  auto tag = [](const lint::RuleInfo& i) {
    return "[" + std::string(lint::to_string(i.severity)) + ", fix: " + lint::to_string(i.fix) +
           "]";
  };
  for (const lint::Rule* r : all) {
    name_width = std::max(name_width, r->info().name.size());
    tag_width = std::max(tag_width, tag(r->info()).size());
  }
  for (const lint::Rule* r : all) {
    const auto& i = r->info();
    std::string name(i.name), t = tag(i);
    out << i.id << "  " << name << std::string(name_width - name.size(), ' ') << "  " << t
        << std::string(tag_width - t.size(), ' ') << "  " << i.summary << "\n";
  }
  return out.str();
}

namespace {
// "`a`, `b`" from a declaration's list.
template <typename List, typename Show>
std::string listing(const List& items, Show show) {
  std::string s;
  for (const auto& item : items) s += (s.empty() ? "" : ", ") + show(item);
  return s;
}
}  // namespace

std::string explain(const std::string& id_or_name) {
  const lint::Rule* r = rules::find(id_or_name);
  if (!r) return {};
  const auto& i = r->info();
  std::ostringstream out;
  out << "# " << i.id << " " << i.name << "\n\n"
      << i.summary << "\n\n"
      << "Default severity: " << lint::to_string(i.severity) << ". Fix: " << lint::to_string(i.fix)
      << "." << (i.level == lint::Level::Cmk ? " Policy level: cmk only." : "") << "\n\n";
  auto code = [](std::string_view s) { return "`" + std::string(s) + "`"; };
  if (!i.resource_types.empty())
    out << "- Resource types: " << listing(i.resource_types, code) << "\n";
  if (!i.fix_options.empty())
    out << "- Fix options: " << listing(i.fix_options, [](std::string_view o) {
      return "`--" + std::string(o) + "`";
    }) << "\n";
  if (!i.peers.empty())
    out << "- Suppressions honoured from other tools: "
        << listing(i.peers,
                   [](const lint::PeerRule& p) {
                     return std::string(p.tool) + " `" + std::string(p.id) + "`";
                   })
        << "\n";
  if (!i.resource_types.empty() || !i.fix_options.empty() || !i.peers.empty()) out << "\n";
  out << i.doc;
  return out.str();
}

}  // namespace enclint::cli
