// Step Functions state machines (ENC77x) and Lambda functions' environment
// variables (ENC79x) are always encrypted; at level cmk with a key of the
// team's own. Neither key is create-only, but each fix is unsafe: the roles
// that run the resource need permission to use the key, or they fail.
#include "rules/catalog/keys_compute.hpp"

#include "rules/requirement.hpp"
#include "rules/support.hpp"

namespace enclint::rules::catalog {

namespace {

constexpr char kStateMachine[] = "state machine";
constexpr char kFunction[] = "Lambda function";

// Type CUSTOMER_MANAGED_KMS_KEY with the key; none without --kms-key.
model::Value sfn_encryption(const lint::FixOptions& options, const model::Resource&) {
  if (options.kms_key.empty()) return {};
  return model::Value::map({{"Type", model::Value::string("CUSTOMER_MANAGED_KMS_KEY")},
                            {"KmsKeyId", kms_key_value(options.kms_key)}});
}

std::string sfn_title(const lint::FixOptions& options) {
  return "Add EncryptionConfiguration with Type: CUSTOMER_MANAGED_KMS_KEY and KmsKeyId: " +
         options.kms_key;
}

std::string sfn_type_why(std::string_view value) {
  if (value == "AWS_OWNED_KEY")
    return "its definition and execution data are encrypted with a key AWS owns; policy "
           "level cmk requires Type: "
           "CUSTOMER_MANAGED_KMS_KEY with a KmsKeyId, so set both by hand";
  return "Step Functions takes AWS_OWNED_KEY or CUSTOMER_MANAGED_KMS_KEY; policy level cmk "
         "requires CUSTOMER_MANAGED_KMS_KEY with a KmsKeyId";
}

}  // namespace

const lint::Rule& stepfunctions_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC771",
              .name = "stepfunctions-cmk-missing",
              .summary = "Step Functions state machine without a customer managed key "
                         "(level cmk)",
              .resource_types = {"AWS::StepFunctions::StateMachine"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::StepFunctions::StateMachine`
sets `EncryptionConfiguration` with `Type: CUSTOMER_MANAGED_KMS_KEY` and a
`KmsKeyId`.

## Why is this bad?
Step Functions always encrypts state machine definitions and execution data
(inputs, outputs, history) at rest. Without `EncryptionConfiguration`, or with
`Type: AWS_OWNED_KEY`, it uses a key AWS owns: you cannot see, audit or
revoke its use. With a customer managed key, reading that data needs
permission on a key of yours, and every use is recorded in CloudTrail.

## Example
```yaml
Workflow:
  Type: AWS::StepFunctions::StateMachine
  Properties:
    RoleArn: !GetAtt WorkflowRole.Arn
    DefinitionString: '{"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}'
```

## Use instead
```yaml
Workflow:
  Type: AWS::StepFunctions::StateMachine
  Properties:
    RoleArn: !GetAtt WorkflowRole.Arn
    DefinitionString: '{"StartAt": "Done", "States": {"Done": {"Type": "Succeed"}}}'
    EncryptionConfiguration:
      Type: CUSTOMER_MANAGED_KMS_KEY
      KmsKeyId: !Ref WorkflowKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: the state machine is
updated in place (not replaced), but its execution role then needs
`kms:Decrypt` and `kms:GenerateDataKey` on the key, or executions fail; so do
the callers that start executions or read their history. A
`Type: AWS_OWNED_KEY` is not changed: set the type and the key by hand.

## References
- https://docs.aws.amazon.com/step-functions/latest/dg/encryption-at-rest.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-stepfunctions-statemachine.html
)",
          },
      .label = named<kStateMachine>,
      .checks =
          {
              {
                  .kind = RequirementKind::BlockRequired,
                  .key = "EncryptionConfiguration",
                  .insert = sfn_encryption,
                  .title_for = sfn_title,
                  .unsafe_insert = always_unsafe,
                  .absent = ", so its definition and execution data are encrypted with a key AWS "
                            "owns; policy level cmk requires Type: CUSTOMER_MANAGED_KMS_KEY with "
                            "a KmsKeyId",
                  .why = "its definition and execution data are encrypted with a key AWS owns; "
                         "policy level cmk requires a customer managed key",
              },
              {
                  .kind = RequirementKind::OneOf,
                  .block = "EncryptionConfiguration",
                  .key = "Type",
                  .allowed = {"CUSTOMER_MANAGED_KMS_KEY"},
                  .why_value = sfn_type_why,
              },
              {
                  .kind = RequirementKind::KeyRequired,
                  .block = "EncryptionConfiguration",
                  .key = "KmsKeyId",
                  .unsafe_insert = always_unsafe,
                  .why =
                      "Type CUSTOMER_MANAGED_KMS_KEY needs the key in KmsKeyId; policy level cmk "
                      "requires a customer managed key",
                  .only_if = "EncryptionConfiguration/Type",
                  .only_if_in = {"CUSTOMER_MANAGED_KMS_KEY"},
              },
          },
  }};
  return rule;
}

const lint::Rule& lambda_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC791",
              .name = "lambda-cmk-missing",
              .summary = "Lambda function with environment variables but no customer managed "
                         "key (level cmk)",
              .resource_types = {"AWS::Lambda::Function", "AWS::Serverless::Function"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .peers = {{"checkov", "CKV_AWS_173"}},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::Lambda::Function` and
`AWS::Serverless::Function` that has `Environment` sets `KmsKeyArn`. For SAM
functions, `Globals.Function.Environment` and `Globals.Function.KmsKeyArn`
count. Functions without environment variables are not checked.

## Why is this bad?
Lambda always encrypts a function's environment variables at rest; without
`KmsKeyArn` it uses its default service key. With a customer managed key,
who can read the variables (often connection strings or tokens) is governed
by a key policy of yours, and every use is recorded in CloudTrail.

## Example
```yaml
Handler:
  Type: AWS::Lambda::Function
  Properties:
    Runtime: python3.12
    Handler: app.handler
    Role: !GetAtt HandlerRole.Arn
    Code: {S3Bucket: !Ref CodeBucket, S3Key: app.zip}
    Environment:
      Variables: {TABLE: orders}
```

## Use instead
```yaml
Handler:
  Type: AWS::Lambda::Function
  Properties:
    Runtime: python3.12
    Handler: app.handler
    Role: !GetAtt HandlerRole.Arn
    Code: {S3Bucket: !Ref CodeBucket, S3Key: app.zip}
    Environment:
      Variables: {TABLE: orders}
    KmsKeyArn: !GetAtt FunctionKey.Arn
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key` given as a key ARN
(`KmsKeyArn` takes no alias or key id): the function is updated in place, but
its execution role then needs `kms:Decrypt` on the key, or invocations fail
with `KMSAccessDeniedException`; whoever deploys the stack needs permission to
use the key too. An empty `KmsKeyArn` in SAM `Globals` is not changed: set it
there by hand.

## References
- https://docs.aws.amazon.com/lambda/latest/dg/configuration-envvars-encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-lambda-function.html
)",
          },
      .label = named<kFunction>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsKeyArn",
          .insert = key_arn,
          .insert_title = "Add KmsKeyArn",
          .unsafe_insert = always_unsafe,
          .why = "its environment variables are encrypted with Lambda's default service key; "
                 "policy level cmk requires a customer managed key",
          .only_with = {"Environment"},
      }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
