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

// `key` of the mapping `map` (whose path is `map_path`), with `globals` the
// mapping SAM merges under it.
// `in_globals`: the mapping itself comes from Globals (written at `map_source`).
void lookup_in(const lint::CheckContext& ctx, NodeId map, NodeId globals,
               const std::string& globals_path, bool in_globals, const std::string& map_source,
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
  std::string source = in_globals ? map_source + "/" + std::string(key) : std::string();
  NodeId parent = map;
  if (written == kNone && partner != kNone) {
    written = partner;
    partner = kNone;
    from_globals = true;
    parent = doc.resolve(globals);
    source = globals_path + "/" + std::string(key);
  }
  for (Possibility& p : ctx.eval().expand(written, assumptions)) {
    PropertyValue pv;
    pv.written = written;
    pv.parent = parent;
    pv.from_globals = from_globals;
    pv.path = key_path;
    pv.source = source;
    if (p.kind == Possibility::Kind::Node && doc.is_map(p.node) && doc.is_map(partner)) {
      pv.globals = doc.resolve(partner);
      pv.globals_path = globals_path + "/" + std::string(key);
    }
    pv.value = std::move(p);
    out.push_back(std::move(pv));
  }
}

}  // namespace

std::vector<std::string_view> split_path(std::string_view path) {
  std::vector<std::string_view> out;
  while (!path.empty()) {
    std::size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return out;
}

std::string value_path(const yaml::Document& doc, const PropertyValue& pv) {
  if (pv.value.kind != Possibility::Kind::Node || pv.written == kNone) return pv.path;
  return path_below(doc, doc.resolve(pv.written), pv.path, pv.value.node);
}

std::vector<PropertyValue> property(const lint::CheckContext& ctx, const model::Resource& r,
                                    std::string_view key) {
  const auto& doc = ctx.tpl.doc();
  const std::string props_path = r.path + "/Properties";
  NodeId globals = ctx.tpl.globals_for(r.type);
  // SAM's section for the type: Globals/Function for AWS::Serverless::Function.
  const std::string globals_path = "Globals/" + std::string(r.type.substr(r.type.rfind(':') + 1));
  std::vector<PropertyValue> out;
  NodeId base = r.properties == kNone ? kNone : doc.resolve(r.properties);
  std::vector<Possibility> props = ctx.eval().expand(r.properties);
  for (const Possibility& p : props) {
    if (p.kind == Possibility::Kind::Node && doc.is_map(p.node)) {
      lookup_in(ctx, p.node, globals, globals_path, false, {}, key, p.assumptions,
                path_below(doc, base, props_path, p.node), out);
    } else if (p.kind == Possibility::Kind::Absent || p.kind == Possibility::Kind::Node) {
      // No Properties, a null one, or one that is not a mapping at all (which
      // CloudFormation rejects): the key is not there; only Globals can set it.
      NodeId not_a_map = p.kind == Possibility::Kind::Node ? p.node : kNone;
      if (doc.get(globals, key) != kNone) {
        lookup_in(ctx, kNone, globals, globals_path, false, {}, key, p.assumptions, props_path,
                  out);
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
    lookup_in(ctx, parent.value.node, parent.globals, parent.globals_path, parent.from_globals,
              parent.source, key, parent.value.assumptions, value_path(doc, parent), out);
  }
  return out;
}

}  // namespace enclint::rules
