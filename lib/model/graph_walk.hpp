// Inside the graph builder (graph*.cpp only): the references a value makes —
// Ref, Fn::GetAtt, Fn::Sub — found through every Fn::If branch with the
// condition each branch assumes, skipping the variables of enclosing
// Fn::ForEach loops and of an Fn::Sub's own variable map.
#pragma once

#include <string>
#include <vector>

#include "model/graph.hpp"

namespace enclint::model::detail {

struct Reference {
  std::uint32_t target = Graph::kNoNode;  // kNoNode: a name the template does not define
  std::string name;                       // as written
  EdgeKind kind = EdgeKind::Ref;          // Ref, GetAtt, Sub or Condition (Fn::If's)
  std::string attribute;                  // GetAtt/Sub: the attribute
  yaml::NodeId at = yaml::kNone;          // the intrinsic
  Assumptions assumptions;
};

class Walker {
 public:
  Walker(const Graph& graph, const Evaluator& eval) : graph_(graph), eval_(eval) {}

  // The loop variables in scope at `node`: the identifiers of every
  // Fn::ForEach whose body holds it.
  std::vector<std::string> loop_variables(yaml::NodeId node) const;

  // A `Condition: C` on a resource or output: what all of its edges assume
  // (nothing when C is decided true; a decided false still assumes it).
  Assumptions own_condition(yaml::NodeId definition) const;

  // Every reference made in `value` (all of it, nested values included).
  void references(yaml::NodeId value, const Assumptions& given,
                  const std::vector<std::string>& scope, std::vector<Reference>& out) const;

  // The values `value` can be after its Fn::If branches are taken (each with
  // its assumptions), aliases followed; other nodes as they are.
  struct Branch {
    yaml::NodeId node;
    Assumptions assumptions;
  };
  std::vector<Branch> branches(yaml::NodeId value, const Assumptions& given) const;
  // The items of a sequence value, or the value itself when it is not one
  // (IAM accepts a string where a list of strings goes), through Fn::If.
  std::vector<Branch> items(yaml::NodeId value, const Assumptions& given) const;

 private:
  void walk(yaml::NodeId node, const Assumptions& given, const std::vector<std::string>& scope,
            std::vector<Reference>& out, int depth) const;
  void add(std::string_view name, std::string attribute, EdgeKind kind, yaml::NodeId at,
           const Assumptions& given, const std::vector<std::string>& scope,
           std::vector<Reference>& out) const;

  const Graph& graph_;
  const Evaluator& eval_;
};

// The access edges: SAM policy templates and event sources, IAM policy
// statements, attached policies and roles, and the keys of stores.
void add_access_edges(Graph& graph, const Evaluator& eval);

}  // namespace enclint::model::detail
