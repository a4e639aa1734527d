// What permissions mean for data at rest: which IAM actions read or write a
// store's data or use a KMS key, what each SAM policy template grants, which
// resource types are stores of which service, and where each store names its
// key. Tables, read by the graph builder.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace enclint::model {

// The IAM service prefix of a data store or key type ("dynamodb", "s3",
// "sqs", "sns", "kinesis", "kms"); "" for the others.
std::string_view service_of(std::string_view type);

// The AccessBits an IAM action (`dynamodb:GetItem`, `s3:Put*`, `kms:*`, `*`)
// grants on a resource of `service`: wildcards match every action they cover.
std::uint8_t action_access(std::string_view action, std::string_view service);

// A SAM policy template that grants data access: its name, the parameter
// that names the resource, the service of that resource, and the access.
struct PolicyTemplate {
  std::string_view name;
  std::string_view parameter;
  std::string_view service;
  std::uint8_t access;
};
const PolicyTemplate* policy_template(std::string_view name);

// A SAM event source type (DynamoDB, Kinesis, SQS, S3, SNS): the property
// that names its resource and what the function's role does to it.
struct EventSourceKind {
  std::string_view type;
  std::string_view property;
  std::uint8_t access;  // 0: the resource only triggers the function
};
const EventSourceKind* event_source(std::string_view type);

// Where a store of `type` names its at-rest key: paths of Properties keys,
// "*" for every item of a list. Empty for types without one here.
const std::vector<std::vector<std::string_view>>& key_paths(std::string_view type);

}  // namespace enclint::model
