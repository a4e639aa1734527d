#include "rules/property.hpp"

#include "rules/support.hpp"

namespace enclint::rules {

using model::Possibility;
using yaml::kNone;
using yaml::NodeId;

std::string path_below(const yaml::Document& doc, NodeId base, const std::string& base_path,
                       NodeId node) {
  // Not below base (a parameter's AllowedValues entry): the base's own path.
  return base_path + branch_path(doc, base, node).value_or("");
}

namespace {

// The path of a node of the Globals section (no aliases or branches there to speak of).
std::string root_path(const yaml::Document& doc, NodeId node) {
  std::string path = path_below(doc, doc.root(), "", node);
  return path.empty() ? path : path.substr(1);
}

// `key` of the mapping `map` (whose path is `map_path`), with `globals` the
// mapping SAM merges under it.
void lookup_in(const lint::CheckContext& ctx, NodeId map, NodeId globals, bool in_globals,
               std::string_view key, const model::Assumptions& assumptions,
               const std::string& map_path, std::vector<PropertyValue>& out) {
  const auto& doc = ctx.tpl.doc();
  const std::string key_path = map_path + "/" + std::string(key);
  NodeId written = doc.get(map, key);
  NodeId partner = doc.get(globals, key);
  if (written == kNone && doc.get(map, "Fn::Transform") != kNone) {
    // AWS::Include can add the key at deploy time.
    PropertyValue pv;
    pv.value = Possibility{Possibility::Kind::Unknown, kNone, "possibly added by Fn::Transform",
                           assumptions, false};
    pv.parent = map;
    pv.path = key_path;
    out.push_back(std::move(pv));
    return;
  }
  bool from_globals = in_globals;
  std::string path = key_path;
  NodeId parent = map;
  if (written == kNone && partner != kNone) {
    written = partner;
    partner = kNone;
    from_globals = true;
    parent = doc.resolve(globals);
    path = root_path(doc, doc.resolve(globals)) + "/" + std::string(key);
  }
  for (Possibility& p : ctx.eval().expand(written, assumptions)) {
    PropertyValue pv;
    pv.written = written;
    pv.parent = parent;
    pv.from_globals = from_globals;
    pv.path = path;
    if (p.kind == Possibility::Kind::Node && doc.is_map(p.node) && doc.is_map(partner))
      pv.globals = doc.resolve(partner);
    pv.value = std::move(p);
    out.push_back(std::move(pv));
  }
}

}  // namespace

std::string value_path(const yaml::Document& doc, const PropertyValue& pv) {
  if (pv.value.kind != Possibility::Kind::Node || pv.written == kNone) return pv.path;
  return path_below(doc, doc.resolve(pv.written), pv.path, pv.value.node);
}

std::vector<PropertyValue> property(const lint::CheckContext& ctx, const model::Resource& r,
                                    std::string_view key) {
  const auto& doc = ctx.tpl.doc();
  const std::string props_path = r.path + "/Properties";
  NodeId globals = ctx.tpl.globals_for(r.type);
  std::vector<PropertyValue> out;
  NodeId base = r.properties == kNone ? kNone : doc.resolve(r.properties);
  std::vector<Possibility> props = ctx.eval().expand(r.properties);
  for (const Possibility& p : props) {
    if (p.kind == Possibility::Kind::Node && doc.is_map(p.node)) {
      lookup_in(ctx, p.node, globals, false, key, p.assumptions,
                path_below(doc, base, props_path, p.node), out);
    } else if (p.kind == Possibility::Kind::Absent || p.kind == Possibility::Kind::Node) {
      // No Properties, a null one, or one that is not a mapping at all (which
      // CloudFormation rejects): the key is not there; only Globals can set it.
      NodeId not_a_map = p.kind == Possibility::Kind::Node ? p.node : kNone;
      if (doc.get(globals, key) != kNone) {
        lookup_in(ctx, kNone, globals, false, key, p.assumptions, props_path, out);
        continue;
      }
      PropertyValue pv;
      pv.value = Possibility{Possibility::Kind::Absent, kNone, {}, p.assumptions, false};
      pv.parent = not_a_map;
      pv.path = props_path + "/" + std::string(key);
      out.push_back(std::move(pv));
    } else {
      PropertyValue pv;
      // Properties that an intrinsic makes (Fn::Transform: AWS::Include).
      pv.value = p;
      pv.value.kind = Possibility::Kind::Unknown;
      pv.value.detail =
          (p.kind == Possibility::Kind::AnyParameter ? "in Properties that come from parameter "
                                                     : "in Properties that come from ") +
          p.detail;
      pv.path = props_path;
      out.push_back(std::move(pv));
    }
  }
  return out;
}

std::vector<PropertyValue> member(const lint::CheckContext& ctx,
                                  const std::vector<PropertyValue>& parents, std::string_view key) {
  const auto& doc = ctx.tpl.doc();
  std::vector<PropertyValue> out;
  for (const PropertyValue& parent : parents) {
    if (!parent.is_map(doc)) continue;
    lookup_in(ctx, parent.value.node, parent.globals, parent.from_globals, key,
              parent.value.assumptions, value_path(doc, parent), out);
  }
  return out;
}

}  // namespace enclint::rules
