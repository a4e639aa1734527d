#include "lint/suppression.hpp"

#include <algorithm>

#include "lint/inline_suppression.hpp"

namespace enclint::lint {

using yaml::kNone;
using yaml::NodeId;

std::vector<std::string> foreign_rules(const std::vector<const Rule*>& rules, std::string_view tool,
                                       std::string_view id) {
  std::vector<std::string> ours;
  for (const Rule* r : rules)
    for (const PeerRule& peer : r->info().peers)
      if (peer.tool == tool && peer.id == id) ours.emplace_back(r->info().id);
  return ours;
}

namespace {

std::string rule_id(const std::vector<const Rule*>& rules, std::string_view id_or_name) {
  for (const Rule* r : rules)
    if (r->info().named(id_or_name)) return std::string(r->info().id);
  return {};
}

std::span<const NodeId> items(const yaml::Document& doc, NodeId seq) {
  seq = doc.resolve(seq);
  if (seq == kNone || doc[seq].kind != yaml::Kind::Seq) return {};
  return doc[seq].children();
}

void collect_from(const yaml::Document& doc, NodeId metadata, const std::string& resource,
                  const std::vector<const Rule*>& rules, bool foreign,
                  std::vector<Suppression>& out) {
  if (!doc.is_map(metadata)) return;
  for (NodeId entry : own_suppress_entries(doc, metadata)) {
    std::string reason(doc.text(doc.get(entry, "reason")));
    std::string id = rule_id(rules, doc.text(doc.get(entry, "rule")));
    if (reason.empty() || id.empty()) continue;  // ENC001 reports it; not honoured
    out.push_back({{id}, resource, "cfn-enclint", reason});
  }
  if (!foreign) return;
  auto add = [&](std::string_view tool, std::string_view id, std::string reason) {
    std::vector<std::string> ours = foreign_rules(rules, tool, id);
    if (!ours.empty())
      out.push_back({std::move(ours), resource, std::string(tool) + " " + std::string(id),
                     std::move(reason)});
  };
  for (NodeId e : items(doc, doc.get(doc.get(metadata, "cfn_nag"), "rules_to_suppress")))
    add("cfn_nag", doc.text(doc.get(e, "id")), std::string(doc.text(doc.get(e, "reason"))));
  for (NodeId e : items(doc, doc.get(doc.get(metadata, "checkov"), "skip")))
    add("checkov", doc.text(doc.get(e, "id")), std::string(doc.text(doc.get(e, "comment"))));
  for (NodeId e : items(doc, doc.get(doc.get(metadata, "guard"), "SuppressedRules")))
    add("cfn-guard", doc.text(e), {});
}

}  // namespace

std::vector<NodeId> own_suppress_entries(const yaml::Document& doc, NodeId metadata) {
  auto entries = items(doc, doc.get(doc.get(metadata, "cfn-enclint"), "suppress"));
  return {entries.begin(), entries.end()};
}

std::vector<Suppression> collect_suppressions(const model::Template& tpl,
                                              const std::vector<const Rule*>& rules, bool foreign) {
  std::vector<Suppression> out;
  const auto& doc = tpl.doc();
  // Only our own format exists at template level; the others are per resource.
  collect_from(doc, tpl.metadata(), "", rules, false, out);
  for (const auto& r : tpl.resources())
    collect_from(doc, r.metadata, std::string(r.logical_id), rules, foreign, out);
  for (const InlineComment& c : inline_comments(tpl)) {
    std::string resource(c.resource->logical_id);
    if (c.kind == InlineComment::Kind::Checkov) {
      std::vector<std::string> ours =
          foreign ? foreign_rules(rules, "checkov", c.rules[0]) : std::vector<std::string>{};
      if (!ours.empty())
        out.push_back(
            {std::move(ours), resource, "checkov " + c.rules[0] + " (comment)", c.reason});
      continue;
    }
    // Incomplete ones are not honoured: ENC001 reports them.
    if (c.malformed || c.reason.empty()) continue;
    std::vector<std::string> ids;
    for (const std::string& r : c.rules)
      if (std::string id = rule_id(rules, r); !id.empty()) ids.push_back(id);
    if (!ids.empty()) out.push_back({std::move(ids), resource, "cfn-enclint comment", c.reason});
  }
  return out;
}

void apply_suppressions(const std::vector<Suppression>& sups, std::vector<Diagnostic>& diags,
                        std::vector<Diagnostic>* suppressed) {
  if (sups.empty()) return;
  std::vector<Diagnostic> kept;
  kept.reserve(diags.size());
  for (Diagnostic& d : diags) {
    const Suppression* hit = nullptr;
    for (const Suppression& s : sups) {
      if (!s.resource.empty() && s.resource != d.resource) continue;
      if (std::find(s.rules.begin(), s.rules.end(), d.rule) != s.rules.end()) {
        hit = &s;
        break;
      }
    }
    if (!hit || d.rule == "ENC001") {
      kept.push_back(std::move(d));
      continue;
    }
    d.suppressed_by = hit->source + (hit->reason.empty() ? "" : ": " + hit->reason);
    if (suppressed) suppressed->push_back(std::move(d));
  }
  diags = std::move(kept);
}

}  // namespace enclint::lint
