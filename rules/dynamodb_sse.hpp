// What the DynamoDB rules (ENC101-ENC105) share: which resources are tables,
// and the effective SSESpecification of one, in each way it can turn out.
#pragma once

#include <string>
#include <vector>

#include "lint/rule.hpp"

namespace enclint::rules {

// One way a table's SSESpecification can turn out: the mapping written on
// the resource, the one from SAM `Globals.SimpleTable` (merged as SAM merges:
// resource keys win), both, or none.
struct EffectiveSse {
  yaml::NodeId resource_map = yaml::kNone;
  yaml::NodeId globals_map = yaml::kNone;
  model::Assumptions assumptions;
  std::string undecidable;  // the SSESpecification itself is e.g. Fn::ImportValue
  bool exists() const { return resource_map != yaml::kNone || globals_map != yaml::kNone; }
};

std::vector<EffectiveSse> effective_sse(const lint::CheckContext& ctx, const model::Resource& r);

// The SSESpecification value node written on the resource (kNone if none).
yaml::NodeId resource_sse_node(const lint::CheckContext& ctx, const model::Resource& r);
// The SSESpecification of SAM `Globals.SimpleTable` (kNone if none).
yaml::NodeId globals_sse_node(const lint::CheckContext& ctx);

// A key of an effective specification: where it is written and what it can be.
struct SseKey {
  yaml::NodeId value = yaml::kNone;  // the written value node, kNone when absent
  bool from_globals = false;
  std::vector<model::Possibility> possibilities;  // assumptions include the spec's
};
SseKey sse_key(const lint::CheckContext& ctx, const EffectiveSse& sse, const std::string& key);

// "DynamoDB table 'X'" / "DynamoDB global table 'X'" / "SAM SimpleTable 'X'".
std::string table_label(const model::Resource& r);

}  // namespace enclint::rules
