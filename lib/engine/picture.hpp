// What `--format dot` and `--format mermaid` draw for one template: its data
// stores (by encryption status and key), its KMS keys, and the principals
// that read or write the stores, from the resource graph and the findings.
// Position-free, so the reporters need neither the template nor the graph.
#pragma once

#include <string>
#include <vector>

#include "lint/diagnostic.hpp"
#include "model/template.hpp"

namespace enclint::engine {

struct Picture {
  enum class Kind { Store, Key, Principal };
  // How a store is encrypted at rest, as the picture colours it.
  enum class Status {
    None,         // keys and principals
    Finding,      // a rule reports it: not encrypted as required
    AwsKey,       // encrypted with an AWS owned or AWS managed key (or its key is not ours)
    CustomerKey,  // encrypted with a customer managed key of the template
  };
  struct Node {
    std::string id;    // logical id, as written
    std::string type;  // AWS::DynamoDB::Table
    Kind kind = Kind::Store;
    Status status = Status::None;
    std::string note;  // "ENC101", "key DataKey", ...
  };
  struct Edge {
    std::size_t from = 0, to = 0;  // node indices
    std::string label;             // "read (DynamoDBReadPolicy)", "encrypted with"
    bool denied = false;           // ENC011: the key use is missing
    bool key = false;              // store → key
  };
  std::vector<Node> nodes;
  std::vector<Edge> edges;
};

// The picture of `tpl`, whose findings are `diagnostics`.
Picture make_picture(const model::Template& tpl, const std::vector<lint::Diagnostic>& diagnostics);

}  // namespace enclint::engine
