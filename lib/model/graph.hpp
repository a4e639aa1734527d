// The template as a graph: resources, parameters, conditions and outputs,
// and what connects them — intrinsic references (Ref, Fn::GetAtt, Fn::Sub),
// DependsOn, conditions, and what a principal may do to a store or a key
// (SAM policy templates, SAM event sources, IAM policy statements), which
// key encrypts a store, which policy is attached to which role.
//
// Built on demand (a rule asks for it through its CheckContext), once per
// file: a template that no graph rule looks at never pays for it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/evaluate.hpp"
#include "model/template.hpp"

namespace enclint::model {

enum class NodeKind : std::uint8_t { Resource, Parameter, Condition, Output };

enum class EdgeKind : std::uint8_t {
  Ref,            // Ref X (also `Condition: X` inside Conditions is a Condition edge)
  GetAtt,         // Fn::GetAtt [X, Attr] or X.Attr
  Sub,            // ${X} or ${X.Attr} in Fn::Sub
  DependsOn,      // DependsOn: X or [X, ...]
  Condition,      // the resource's (output's) Condition, an Fn::If's, a condition's Condition
  Access,         // a permission of the source on the target store or key
  EventSource,    // a SAM event: the function consumes the target (stream, queue) or is
                  // triggered by it (bucket, topic)
  Attached,       // the source uses the target's permissions (a function its role, a role
                  // its policy)
  EncryptedWith,  // the source store is encrypted at rest with the target key
  Publishes,      // an AWS service publishes to the target topic for the source (an
                  // EventBridge rule's target, an alarm's action, a bucket's notification)
};
const char* to_string(EdgeKind k);

// What an Access (or EventSource) edge allows, as bits.
enum AccessBits : std::uint8_t {
  kRead = 1,             // reads the store's data
  kWrite = 2,            // writes the store's data
  kDecrypt = 4,          // kms:Decrypt on the key
  kGenerateDataKey = 8,  // kms:GenerateDataKey on the key
  kEncrypt = 16,         // kms:Encrypt on the key
};
// "read", "write", "read/write", "kms:Decrypt", ...: for messages and pictures.
std::string describe_access(std::uint8_t access);

struct GraphNode {
  NodeKind kind = NodeKind::Resource;
  std::string_view name;            // logical id, parameter, condition or output name
  std::string_view type;            // resources: their Type; parameters: their Type
  yaml::NodeId node = yaml::kNone;  // the definition (a resource's mapping, ...)
  std::size_t resource = 0;         // resources: index in Template::resources()
};

struct Edge {
  std::uint32_t from = 0, to = 0;  // node indices
  EdgeKind kind = EdgeKind::Ref;
  std::uint8_t access = 0;        // Access / EventSource: AccessBits
  bool wildcard = false;          // Access: from a Resource pattern (`*`, `table/*`)
  yaml::NodeId at = yaml::kNone;  // where it is written (the Ref, the statement, ...)
  std::string detail;             // GetAtt/Sub: the attribute; Access: the policy
                                  // (template name, PolicyName or "inline statement")
  Assumptions assumptions;        // conditions under which the edge exists
};

class Graph {
 public:
  static constexpr std::uint32_t kNoNode = 0xffffffffu;

  explicit Graph(const Template& tpl);

  const std::vector<GraphNode>& nodes() const { return nodes_; }
  const std::vector<Edge>& edges() const { return edges_; }
  // The node of a resource, parameter, condition or output by name; kNoNode if none.
  std::uint32_t find(NodeKind kind, std::string_view name) const;
  // The node of resource `i` of Template::resources().
  std::uint32_t resource_node(std::size_t i) const { return static_cast<std::uint32_t>(i); }
  // Edges leaving / entering a node (indices into edges()).
  const std::vector<std::uint32_t>& out(std::uint32_t node) const { return out_[node]; }
  const std::vector<std::uint32_t>& in(std::uint32_t node) const { return in_[node]; }
  const Template& tpl() const { return tpl_; }

  // Used while building (graph_*.cpp).
  void add(Edge e);
  // The node a Ref/GetAtt/Sub name stands for: a resource (its written logical
  // id, so `${Name}Table` inside Fn::ForEach), else a parameter; kNoNode for
  // pseudo parameters and names the template does not define.
  std::uint32_t target(std::string_view name) const;

 private:
  const Template& tpl_;
  std::vector<GraphNode> nodes_;
  std::vector<Edge> edges_;
  std::vector<std::vector<std::uint32_t>> out_, in_;
  std::unordered_map<std::string_view, std::uint32_t> index_[4];  // by NodeKind, then name
};

// The keys of `s` in Fn::Sub syntax: `${X}` and `${X.Attr}` (not `${!X}`).
struct SubVariable {
  std::string name, attribute;
};
std::vector<SubVariable> sub_variables(std::string_view s);

}  // namespace enclint::model
