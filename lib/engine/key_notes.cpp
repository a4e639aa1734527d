#include "engine/key_notes.hpp"

#include <optional>

#include "model/graph.hpp"
#include "rules/key_access.hpp"
#include "rules/support.hpp"

namespace enclint::engine {

namespace {
// Whether `v` holds the key value a fix writes for --kms-key.
bool holds(const model::Value& v, const model::Value& key) {
  if (model::equivalent(v, key)) return true;
  for (const auto& e : v.entries)
    if (holds(e.second, key)) return true;
  for (const auto& i : v.items)
    if (holds(i, key)) return true;
  return false;
}
}  // namespace

void note_key_users(const model::Template& tpl, const lint::Options& options,
                    std::vector<lint::Diagnostic>& diagnostics) {
  const std::string& kms_key = options.fix.kms_key;
  if (kms_key.empty()) return;
  const model::Value key_value = rules::kms_key_value(kms_key);
  std::optional<model::Graph> graph;
  std::uint32_t key = model::Graph::kNoNode;
  for (lint::Diagnostic& d : diagnostics) {
    if (!d.fix || d.resource.empty()) continue;
    bool inserts_key = false;
    for (const auto& a : d.fix->additions) inserts_key |= holds(*a.value, key_value);
    if (!inserts_key) continue;
    if (!graph) {
      graph.emplace(tpl);
      // Ref:Key names a key of the template; through an alias, its target key.
      if (kms_key.rfind("Ref:", 0) == 0) {
        std::uint32_t n = graph->find(model::NodeKind::Resource, kms_key.substr(4));
        if (n != model::Graph::kNoNode && graph->nodes()[n].type == "AWS::KMS::Alias")
          for (std::uint32_t e : graph->out(n))
            if (graph->nodes()[graph->edges()[e].to].type == "AWS::KMS::Key")
              n = graph->edges()[e].to;
        if (n != model::Graph::kNoNode && graph->nodes()[n].type == "AWS::KMS::Key") key = n;
      }
    }
    std::uint32_t store = graph->find(model::NodeKind::Resource, d.resource);
    if (store == model::Graph::kNoNode) continue;
    auto lose = rules::would_lose_access(*graph, store, key);
    if (lose.empty()) continue;
    if (!d.note.empty()) d.note += "; ";
    d.note += "the key this fix puts on the store is not granted to " + rules::join(lose, ", ") +
             (lose.size() == 1 ? ", which uses" : ", which use") +
             " the store: they would lose access once it is deployed";
  }
}

}  // namespace enclint::engine
