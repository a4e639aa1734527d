// DynamoDB's requirements as table entries (ENC101, ENC102): what each
// checks, where, what its fix inserts, and what its messages say. The
// checking itself is the requirement kinds' (rules/requirement.*).
#include "rules/catalog/dynamodb.hpp"

#include "rules/dynamodb_sse.hpp"
#include "rules/requirement.hpp"
#include "rules/support.hpp"

namespace enclint::rules::catalog {

namespace {

const std::vector<std::string_view> kTableTypes{
    "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::Serverless::SimpleTable"};

// SSEEnabled and SSEType: KMS, and the key of --kms-key (a GlobalTable takes
// its keys per replica, ENC105).
model::Value sse_block(const lint::FixOptions& options, const model::Resource& r) {
  std::vector<std::pair<std::string, model::Value>> sse{{"SSEEnabled", model::Value::boolean(true)},
                                                        {"SSEType", model::Value::string("KMS")}};
  if (!options.kms_key.empty() && r.type != "AWS::DynamoDB::GlobalTable")
    sse.emplace_back("KMSMasterKeyId", kms_key_value(options.kms_key));
  return model::Value::map(std::move(sse));
}

std::string key_unused(const lint::FixOptions&, const model::Resource& r) {
  return r.type == "AWS::DynamoDB::GlobalTable"
             ? "a global table takes its keys on its replicas (ENC105, at level cmk, adds them)"
             : "";
}

std::string why_sse_type(std::string_view type) {
  return std::string("only KMS selects a KMS key (") +
         (type == "AES256" ? "AES256 is not a KMS type: the table keeps an AWS owned key"
                           : "CloudFormation rejects other values") +
         ")";
}

}  // namespace

const lint::Rule& dynamodb_sse_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC101",
              .name = "dynamodb-sse-missing",
              .summary =
                  "DynamoDB table without SSESpecification (encrypted only with an AWS owned key)",
              .resource_types = kTableTypes,
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
are set per replica: the fix's title and a note say the key is not used).
Switching an existing table to KMS is an online update with no replacement,
but KMS requests are billed. An explicit null (`Properties: ~`,
`SSESpecification: null`) cannot be filled by inserting: the fix replaces the
null, and is unsafe. A near miss (`SseSpecification`, or `SSESpecification`
beside `Properties`) is named in the message ("did you mean").

## References
- https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-table-ssespecification.html
)",
          },
      .label = table_label,
      .checks = {{
          .kind = RequirementKind::BlockRequired,
          .key = "SSESpecification",
          .insert = sse_block,
          .insert_title = "Add SSESpecification with SSEEnabled: true and SSEType: KMS",
          .key_unused = key_unused,
          .absent = ", so it is encrypted only with an AWS owned key (no key policy, no CloudTrail "
                    "record of key use); set SSEEnabled: true and SSEType: KMS",
          .why = "without it the table is encrypted only with an AWS owned key (no key policy, no "
                 "CloudTrail record of key use)",
      }},
  }};
  return rule;
}

const lint::Rule& dynamodb_sse_disabled() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC102",
              .name = "dynamodb-sse-disabled",
              .summary = "DynamoDB SSESpecification whose SSEEnabled is, or can be, false",
              .resource_types = kTableTypes,
              .fix = lint::FixAvailability::SafeOrUnsafe,
              .peers = {{"cfn_nag", "W74"},
                        {"checkov", "CKV_AWS_119"},
                        {"cfn-guard", "DYNAMODB_TABLE_ENCRYPTED_KMS"}},
              .doc = R"(## What it does
Checks `SSESpecification.SSEEnabled` of DynamoDB tables, global tables and SAM
SimpleTables (merged with `Globals.SimpleTable.SSESpecification`, resource
values winning). It reports `SSEEnabled` that is false, absent, or can be
false at deploy time: an `Fn::If` branch (both branches are checked, nested
ones too), a `Ref` to a parameter whose `AllowedValues` include false (or
that has no `AllowedValues`: a `Default` does not stop an override), or
`Ref: AWS::NoValue`. A value that cannot be decided statically
(`Fn::ImportValue`, `Fn::GetAtt`) is not a finding; `--format json` lists it
with severity `info`.

## Why is this bad?
With SSE disabled DynamoDB still encrypts the table, but with an AWS *owned*
key: no key policy of yours, no CloudTrail record of its use. Only
`SSEEnabled: true` moves the table to a KMS key in your account (the AWS
managed key `aws/dynamodb`, or your own).

## Example
```yaml
SSESpecification:
  SSEEnabled: !If [IsProd, true, false]
```

## Use instead
```yaml
SSESpecification:
  SSEEnabled: true
  SSEType: KMS
```

## Fix safety
`SSEEnabled` absent: safe, `SSEEnabled: true` is inserted. Explicit or
conditional value: unsafe (`--unsafe-fixes`), the value's bytes are replaced
by `true`, which drops the condition or parameter someone wrote on purpose.
When the block comes from SAM `Globals.SimpleTable.SSESpecification` and
`SSEEnabled` is absent there, the fix inserts `SSEEnabled: true` into
`Globals` (safe; every SimpleTable of the template takes it). No fix when
the value written in `Globals` is wrong (change it there).

## References
- https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-table-ssespecification.html
)",
          },
      .label = table_label,
      .checks = {{
          .kind = RequirementKind::TrueRequired,
          .block = "SSESpecification",
          .key = "SSEEnabled",
          .why =
              "with SSE disabled DynamoDB encrypts the table with an AWS owned key (no key policy, "
              "no CloudTrail record of key use), not a KMS key in your account",
      }},
  }};
  return rule;
}

const lint::Rule& dynamodb_sse_invalid() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC103",
              .name = "dynamodb-sse-invalid",
              .summary = "DynamoDB SSESpecification with an SSEType other than KMS, or a key while "
                         "SSE is not enabled",
              .resource_types = kTableTypes,
              .doc = R"(## What it does
Checks that `SSESpecification.SSEType` is `KMS` wherever it is written, and
that `KMSMasterKeyId` is only given together with `SSEEnabled: true`.

## Why is this bad?
`KMS` is the only type that selects a KMS key (`AWS::DynamoDB::Table`
accepts nothing else; `AWS::DynamoDB::GlobalTable` also accepts `AES256`,
which is the AWS owned key). A `KMSMasterKeyId` next to a disabled or absent
`SSEEnabled` is not used: the table stays on the AWS owned key while the
template suggests a customer managed key.

## Example
```yaml
SSESpecification:
  SSEEnabled: false
  KMSMasterKeyId: !Ref TableKey
```

## Use instead
```yaml
SSESpecification:
  SSEEnabled: true
  SSEType: KMS
  KMSMasterKeyId: !Ref TableKey
```

## Fix safety
No fix: the intent is unclear (drop the key, or enable SSE?).

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-table-ssespecification.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-globaltable-ssespecification.html
)",
          },
      .label = table_label,
      .checks = {{
                     .kind = RequirementKind::OneOf,
                     .block = "SSESpecification",
                     .key = "SSEType",
                     .allowed = {"KMS"},
                     .why_value = why_sse_type,
                 },
                 {
                     .kind = RequirementKind::NeedsTrue,
                     .block = "SSESpecification",
                     .key = "KMSMasterKeyId",
                     .why = "the key is not used and the table stays on an AWS owned key",
                     .needs_true = "SSEEnabled",
                 }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
