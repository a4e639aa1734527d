// The value algebra the rules ask: what can this property be at deploy time?
// Intrinsics are decoded once, short form (`!If`) and long form (`Fn::If`)
// alike. A value expands into its possibilities:
//   - Fn::If takes both branches unless its condition is decided (each branch
//     remembers the assumption, e.g. "condition UseKms is false");
//   - Ref to a parameter becomes each of its AllowedValues, or "any value"
//     when it has none (a Default alone does not stop an override);
//   - Ref: AWS::NoValue makes the property absent;
//   - anything else we cannot decide statically (Fn::ImportValue, GetAtt, a
//     Ref to a resource) is Unknown — never a finding by itself.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/template.hpp"

namespace enclint::model {

enum class Truth { True, False, Unknown };

// Something that must hold for a possibility: "condition X is true",
// "parameter P is 'false'". Possibilities of two properties can only occur
// together when their assumptions are consistent.
struct Assumption {
  bool condition = true;  // a condition's truth, else a parameter's value
  std::string name;
  std::string value;  // "true"/"false" for conditions
};
using Assumptions = std::vector<Assumption>;

bool consistent(const Assumptions& a, const Assumptions& b);
// Whether `have` holds every assumption of `want` (so a possibility under
// `have` is one of those under `want`).
bool implies(const Assumptions& have, const Assumptions& want);
// Adds to `to` the assumptions of `extra` about a condition or parameter it
// says nothing of yet: the assumptions of two consistent possibilities together.
void add_assumptions(Assumptions& to, const Assumptions& extra);

struct Possibility {
  enum class Kind {
    Absent,        // not written, or Ref: AWS::NoValue
    Node,          // a concrete node: scalar, mapping or sequence
    AnyParameter,  // a parameter without AllowedValues: any value can be passed
    Unknown,       // cannot be decided statically
  };
  Kind kind = Kind::Absent;
  yaml::NodeId node = yaml::kNone;  // Node: the concrete node
  std::string detail;               // AnyParameter: its name; Unknown: the intrinsic
  Assumptions assumptions;          // what must hold for this possibility
  bool no_value = false;            // Absent because of Ref: AWS::NoValue
};

class Evaluator {
 public:
  explicit Evaluator(const Template& tpl) : tpl_(tpl) {}

  // The possibilities of a written node (kNone: one Absent). Bounded: past
  // kMaxPossibilities the rest are one Unknown.
  std::vector<Possibility> expand(yaml::NodeId node) const;
  // The same, inside a possibility that already assumes `given`: an Fn::If on
  // a condition decided there takes only that branch, a Ref to a parameter
  // fixed there only that value. The result's assumptions include `given`.
  std::vector<Possibility> expand(yaml::NodeId node, const Assumptions& given) const;

  // Looks `key` up in each mapping possibility of `map_node` and expands the
  // values found; non-mapping possibilities pass through unchanged.
  std::vector<Possibility> lookup(const std::vector<Possibility>& maps,
                                  const std::string& key) const;

  Truth condition(const std::string& name) const;

  // The intrinsic function a node is ("Fn::If", "Ref", ...; "" for none) and
  // the node holding its arguments.
  std::string intrinsic(yaml::NodeId node, yaml::NodeId* args = nullptr) const;

  static constexpr std::size_t kMaxPossibilities = 64;

 private:
  void expand_into(yaml::NodeId node, Assumptions assumptions, std::vector<Possibility>& out,
                   int depth) const;
  Truth eval_condition_node(yaml::NodeId node, int depth) const;
  Truth condition_at(const std::string& name, int depth) const;
  // Finite set of scalar values a node can take; nullopt when unbounded.
  std::optional<std::vector<std::string>> scalar_values(yaml::NodeId node, int depth) const;

  const Template& tpl_;
  mutable std::map<std::string, Truth> conditions_;
};

// `true`, 'true', "True", TRUE (a standard tag such as !!str allowed) are true;
// likewise false; anything else, an intrinsic included, Unknown.
Truth truth_of(const yaml::Document& doc, yaml::NodeId scalar);

// "when condition A is true and parameter P is 'false'"; "" for none.
std::string describe_assumptions(const Assumptions& assumptions);

}  // namespace enclint::model
