#include "rules/dynamodb_sse.hpp"

namespace enclint::rules {

using model::Possibility;
using yaml::kNone;
using yaml::NodeId;

std::string table_label(const model::Resource& r) {
  std::string id(r.logical_id);
  if (r.type == "AWS::DynamoDB::GlobalTable") return "DynamoDB global table '" + id + "'";
  if (r.type == "AWS::Serverless::SimpleTable") return "SAM SimpleTable '" + id + "'";
  return "DynamoDB table '" + id + "'";
}

NodeId resource_sse_node(const lint::CheckContext& ctx, const model::Resource& r) {
  return ctx.tpl.doc().get(r.properties, "SSESpecification");
}

NodeId globals_sse_node(const lint::CheckContext& ctx) {
  return ctx.tpl.doc().get(ctx.tpl.globals_for("AWS::Serverless::SimpleTable"), "SSESpecification");
}

std::vector<EffectiveSse> effective_sse(const lint::CheckContext& ctx, const model::Resource& r) {
  const auto& doc = ctx.tpl.doc();
  const auto& eval = ctx.eval();
  std::vector<Possibility> own = eval.expand(resource_sse_node(ctx, r));
  std::vector<Possibility> globals{Possibility{}};
  if (r.type == "AWS::Serverless::SimpleTable") {
    globals = eval.expand(globals_sse_node(ctx));
  }
  std::vector<EffectiveSse> out;
  for (const Possibility& p : own) {
    for (const Possibility& g : globals) {
      EffectiveSse e;
      e.assumptions = p.assumptions;
      e.assumptions.insert(e.assumptions.end(), g.assumptions.begin(), g.assumptions.end());
      if (p.kind == Possibility::Kind::Node && doc.is_map(p.node)) e.resource_map = p.node;
      if (g.kind == Possibility::Kind::Node && doc.is_map(g.node)) e.globals_map = g.node;
      if (p.kind == Possibility::Kind::Unknown || p.kind == Possibility::Kind::AnyParameter)
        e.undecidable = p.detail;
      else if (g.kind == Possibility::Kind::Unknown || g.kind == Possibility::Kind::AnyParameter)
        e.undecidable = g.detail;
      out.push_back(std::move(e));
    }
  }
  return out;
}

SseKey sse_key(const lint::CheckContext& ctx, const EffectiveSse& sse, const std::string& key) {
  const auto& doc = ctx.tpl.doc();
  SseKey k;
  if (sse.resource_map != kNone) k.value = doc.get(sse.resource_map, key);
  if (k.value == kNone && sse.globals_map != kNone) {
    k.value = doc.get(sse.globals_map, key);
    k.from_globals = k.value != kNone;
  }
  k.possibilities = ctx.eval().expand(k.value, sse.assumptions);
  return k;
}

}  // namespace enclint::rules
