#include "rules/enc101_dynamodb_sse_missing.hpp"

#include "rules/dynamodb_sse.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

namespace {

const lint::RuleInfo kInfo{
    .id = "ENC101",
    .name = "dynamodb-sse-missing",
    .summary = "DynamoDB table without SSESpecification (encrypted only with an AWS owned key)",
    .resource_types = {"AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable",
                       "AWS::Serverless::SimpleTable"},
    .fix = lint::FixAvailability::Safe,
    .fix_options = {"kms-key"},
    .peers = {{"cfn_nag", "W74"},
              {"checkov", "CKV_AWS_119"},
              {"cfn-guard", "DYNAMODB_TABLE_ENCRYPTED_KMS"}},
    .doc = R"(## What it does
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

}  // namespace

const lint::RuleInfo& DynamodbSseMissing::info() const { return kInfo; }

void DynamodbSseMissing::check(const lint::CheckContext& ctx,
                               std::vector<lint::Diagnostic>& out) const {
  for (const model::Resource& r : ctx.tpl.resources()) {
    if (!info().applies_to(r.type)) continue;
    std::vector<EffectiveSse> specs = effective_sse(ctx, r);
    const EffectiveSse* missing = nullptr;
    const EffectiveSse* undecided = nullptr;
    for (const auto& s : specs) {
      if (!s.undecidable.empty()) {
        if (!undecided) undecided = &s;
      } else if (!s.exists() && !missing) {
        missing = &s;
      }
    }
    yaml::NodeId written = resource_sse_node(ctx, r);
    const std::string label = table_label(r);
    const std::string owned =
        "encrypted only with an AWS owned key (no key policy, no CloudTrail record of key use)";
    if (!missing) {
      if (undecided) {
        auto [begin, end] = node_location(ctx.tpl, written);
        lint::Diagnostic d = make(r, begin, end,
                                  label + ": SSESpecification is " + undecided->undecidable +
                                      ", which cannot be checked statically",
                                  r.path + "/Properties/SSESpecification");
        d.severity = lint::Severity::Info;
        out.push_back(std::move(d));
      }
      continue;
    }
    bool global = r.type == "AWS::DynamoDB::GlobalTable";
    if (written == yaml::kNone) {
      auto [begin, end] = missing_property_location(ctx.tpl, r);
      lint::Diagnostic d = make(r, begin, end,
                                label + " has no SSESpecification, so it is " + owned +
                                    "; set SSEEnabled: true and SSEType: KMS",
                                r.path + "/Properties");
      std::vector<std::pair<std::string, model::Value>> sse{
          {"SSEEnabled", model::Value::boolean(true)}, {"SSEType", model::Value::string("KMS")}};
      if (!ctx.options.fix.kms_key.empty() && !global)
        sse.emplace_back("KMSMasterKeyId", kms_key_value(ctx.options.fix.kms_key));
      attach_properties_insert(ctx, r, "SSESpecification", model::Value::map(std::move(sse)),
                               "Add SSESpecification with SSEEnabled: true and SSEType: KMS", d);
      out.push_back(std::move(d));
      continue;
    }
    // Written, but it can disappear: Fn::If with Ref: AWS::NoValue.
    auto [begin, end] = node_location(ctx.tpl, written);
    lint::Diagnostic d = make(r, begin, end,
                              label + " can have no SSESpecification" + when(missing->assumptions) +
                                  ", and is then " + owned,
                              r.path + "/Properties/SSESpecification");
    d.not_fixable = "SSESpecification is conditional; make it unconditional by hand";
    out.push_back(std::move(d));
  }
}

}  // namespace enclint::rules
