// Who would be denied a customer managed key of the template: the paths
// principal → policy → store → key along which a read needs kms:Decrypt and
// a write kms:GenerateDataKey, and whether the key's policy lets IAM policies
// grant that at all. Read from the resource graph; shared by ENC011, ENC012
// and the notes of fixes that introduce a key.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/graph.hpp"

namespace enclint::rules {

// One store permission whose key use nothing grants.
struct KeyNeed {
  std::uint32_t holder = 0;  // where the store permission is written (function, role, policy)
  std::uint32_t store = 0, key = 0;
  std::uint32_t access_edge = 0;  // holder → store (Access or EventSource)
  std::uint8_t access = 0;        // model::kRead / kWrite: what the holder does to the store
  std::uint8_t missing = 0;       // model::kDecrypt / kGenerateDataKey
  std::vector<std::uint32_t> identities;  // who calls: the function or role denied
  model::Assumptions assumptions;         // when the store is read or written with that key
};

// What a key's policy allows: whether IAM policies of the account work for
// it (a statement for the account's root, or for any principal), and the
// principals it names itself with the key use it grants them.
struct KeyPolicy {
  bool written = false;     // KeyPolicy is in the template (else CloudFormation's default)
  bool iam_enabled = true;  // the account's IAM policies can grant use of the key
  yaml::NodeId node = yaml::kNone;
  std::vector<std::pair<std::uint32_t, std::uint8_t>> principals;  // node, kms bits
  std::vector<std::string> principal_names;  // as written (`${Fn}Role` for SAM roles)
  std::vector<std::uint8_t> principal_name_bits;
};
KeyPolicy key_policy(const model::Graph& g, std::uint32_t key);
// The key use a key policy itself gives `identity` (a SAM function's role is
// `<Function>Role`, which a template can name but does not define).
std::uint8_t key_policy_grants(const model::Graph& g, const KeyPolicy& kp, std::uint32_t identity);

// Every store permission on a store encrypted with a key of the template
// whose caller holds no matching key use (one per holder, store, key and
// assumptions: two statements for `T.Arn` and `T.Arn/index/*` are one need), from IAM policies
// (when the key policy lets them work) or from the key policy.
std::vector<KeyNeed> missing_key_grants(const model::Graph& g);

// The principals that read or write `store` and would hold no use of `key`
// (a key of the template; kNoNode for one from elsewhere, which no statement
// of the template grants) once it encrypts the store: "function 'F'
// (kms:Decrypt)". What a fix that introduces a key warns of.
std::vector<std::string> would_lose_access(const model::Graph& g, std::uint32_t store,
                                           std::uint32_t key);

// Who calls with a holder's permissions: the holder itself (a role, a SAM
// function without Role), a SAM function's Role, the roles and functions a
// policy is attached to (the policy itself when it is attached to none).
std::vector<std::uint32_t> identities_of(const model::Graph& g, std::uint32_t holder);

// "function 'F'", "role 'R'", "policy 'P'", "DynamoDB table 'T'", "key 'K'".
std::string describe_node(const model::Graph& g, std::uint32_t node);

}  // namespace enclint::rules
