#include "rules/dynamodb_sse.hpp"

namespace enclint::rules {

std::string table_label(const model::Resource& r) {
  std::string id(r.logical_id);
  if (r.type == "AWS::DynamoDB::GlobalTable") return "DynamoDB global table '" + id + "'";
  if (r.type == "AWS::Serverless::SimpleTable") return "SAM SimpleTable '" + id + "'";
  return "DynamoDB table '" + id + "'";
}

}  // namespace enclint::rules
