#include "rules/enc101_dynamodb_sse_missing.hpp"

#include "rules/support.hpp"

namespace enclint::rules {

namespace {

const lint::RuleInfo kInfo{
    "ENC101",
    "dynamodb-sse-missing",
    "DynamoDB table without SSESpecification (encrypted only with an AWS owned key)",
    lint::Severity::Error,
    lint::FixAvailability::Safe,
    R"(## What it does
Checks that every `AWS::DynamoDB::Table`, `AWS::DynamoDB::GlobalTable` and
`AWS::Serverless::SimpleTable` declares `SSESpecification`. For a SimpleTable,
`Globals.SimpleTable.SSESpecification` of a SAM template counts.

## Why is this bad?
DynamoDB always encrypts data at rest. Without `SSESpecification` it uses an
AWS *owned* key: you cannot see it, audit its use in CloudTrail, or control
it with a key policy. `SSEEnabled: true` with `SSEType: KMS` switches the
table to a KMS key in your account (the AWS managed key `aws/dynamodb`, or
your own key with `KMSMasterKeyId`), which is the documented baseline.

## Example
```yaml
ArticlesTable:
  Type: AWS::DynamoDB::Table
  Properties:
    BillingMode: PAY_PER_REQUEST
```

## Use instead
```yaml
ArticlesTable:
  Type: AWS::DynamoDB::Table
  Properties:
    BillingMode: PAY_PER_REQUEST
    SSESpecification:
      SSEEnabled: true
      SSEType: KMS
```

## Fix safety
Safe: the fix only inserts the block above at the end of `Properties`
(creating `Properties` if needed), in the file's own style. With
`--kms-key`, `KMSMasterKeyId` is added too (not for GlobalTable, whose keys
are set per replica). Switching an existing table to KMS is an online update
with no replacement, but KMS requests are billed.

## References
- https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-table-ssespecification.html
)"};

bool is_table_type(const std::string& type) {
  return type == "AWS::DynamoDB::Table" || type == "AWS::DynamoDB::GlobalTable" ||
         type == "AWS::Serverless::SimpleTable";
}

bool globals_set_sse(const model::Template& tpl) {
  const auto& doc = tpl.doc();
  yaml::NodeId globals = doc.get(doc.root(), "Globals");
  return doc.get(doc.get(globals, "SimpleTable"), "SSESpecification") != yaml::kNone;
}

}  // namespace

const lint::RuleInfo& DynamodbSseMissing::info() const { return kInfo; }

void DynamodbSseMissing::check(const lint::CheckContext& ctx,
                               std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  for (const model::Resource& r : ctx.tpl.resources()) {
    if (!is_table_type(r.type)) continue;
    if (doc.get(r.properties, "SSESpecification") != yaml::kNone) continue;
    if (r.type == "AWS::Serverless::SimpleTable" && globals_set_sse(ctx.tpl)) continue;
    bool global = r.type == "AWS::DynamoDB::GlobalTable";
    auto [begin, end] = missing_property_location(ctx.tpl, r);
    std::string what = global ? "global table" : "table";
    lint::Diagnostic d = make(
        r, begin, end,
        "DynamoDB " + what + " '" + r.logical_id +
            "' has no SSESpecification, so it is encrypted only with an AWS owned key (no key "
            "policy, no CloudTrail record of key use); set SSEEnabled: true and SSEType: KMS",
        r.path + "/Properties");
    std::vector<std::pair<std::string, model::Value>> sse{
        {"SSEEnabled", model::Value::boolean(true)}, {"SSEType", model::Value::string("KMS")}};
    if (!ctx.options.fix.kms_key.empty() && !global)
      sse.emplace_back("KMSMasterKeyId", kms_key_value(ctx.options.fix.kms_key));
    attach_properties_insert(ctx, r, "SSESpecification", model::Value::map(std::move(sse)),
                             "Add SSESpecification with SSEEnabled: true and SSEType: KMS", d);
    out.push_back(std::move(d));
  }
}

}  // namespace enclint::rules
