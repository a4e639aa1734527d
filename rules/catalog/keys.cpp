// Log groups, secrets, backup vaults, trails and event buses are encrypted
// whatever the template says; at level cmk a team also wants its own key.
// Every fix inserts --kms-key (there is no default to guess) and is unsafe:
// the key's policy must let the service, and every reader, use it.
#include "rules/catalog/keys.hpp"

#include "rules/requirement.hpp"

namespace enclint::rules::catalog {

namespace {

constexpr char kLogGroup[] = "log group";
constexpr char kSecret[] = "secret";
constexpr char kVault[] = "backup vault";
constexpr char kTrail[] = "CloudTrail trail";
constexpr char kBus[] = "event bus";

}  // namespace

const lint::Rule& logs_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC701",
              .name = "logs-cmk-missing",
              .summary = "CloudWatch Logs log group without a customer managed key (level cmk)",
              .resource_types = {"AWS::Logs::LogGroup"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .peers = {{"cfn_nag", "W84"},
                        {"checkov", "CKV_AWS_158"},
                        {"cfn-guard", "CLOUDWATCH_LOG_GROUP_ENCRYPTED"}},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::Logs::LogGroup` sets
`KmsKeyId`.

## Why is this bad?
CloudWatch Logs always encrypts log data, with keys the service manages. With
`KmsKeyId` the log group is encrypted with a KMS key of yours: you control
its policy and rotation, and every use is recorded in CloudTrail.

## Example
```yaml
AppLogs:
  Type: AWS::Logs::LogGroup
  Properties:
    RetentionInDays: 30
```

## Use instead
```yaml
AppLogs:
  Type: AWS::Logs::LogGroup
  Properties:
    RetentionInDays: 30
    KmsKeyId: !GetAtt LogsKey.Arn
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key` given as a key ARN (a log
group takes no alias, key id or `Ref` of a key, which names its id): the key policy must allow the `logs.<region>.amazonaws.com`
service principal, or CloudFormation's update fails; once it succeeds, new
log events are encrypted with the key and readers need `kms:Decrypt` on it.
The log group is not replaced.

## References
- https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-logs-loggroup.html
)",
          },
      .label = named<kLogGroup>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsKeyId",
          .insert = key_arn,
          .insert_title = "Add KmsKeyId",
          .unsafe_insert = always_unsafe,
          .why = "its logs are encrypted only with keys CloudWatch Logs manages; policy level cmk "
                 "requires a customer managed key",
      }},
  }};
  return rule;
}

const lint::Rule& secretsmanager_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC711",
              .name = "secretsmanager-cmk-missing",
              .summary = "Secrets Manager secret without a customer managed key (level cmk)",
              .resource_types = {"AWS::SecretsManager::Secret"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .peers = {{"cfn_nag", "W77"},
                        {"checkov", "CKV_AWS_149"},
                        {"cfn-guard", "SECRETSMANAGER_USING_CMK"}},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::SecretsManager::Secret`
sets `KmsKeyId`.

## Why is this bad?
Secrets Manager always encrypts secrets; without `KmsKeyId` it uses the AWS
managed key `aws/secretsmanager`, whose policy you cannot change and which
cannot be shared with other accounts. A customer managed key puts access to
the secret's value under a key policy of yours.

## Example
```yaml
DatabasePassword:
  Type: AWS::SecretsManager::Secret
  Properties:
    GenerateSecretString: {PasswordLength: 32}
```

## Use instead
```yaml
DatabasePassword:
  Type: AWS::SecretsManager::Secret
  Properties:
    GenerateSecretString: {PasswordLength: 32}
    KmsKeyId: !Ref SecretsKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: the secret is
re-encrypted in place, but every principal that reads it then needs
`kms:Decrypt` on the new key, or its `GetSecretValue` calls fail.

## References
- https://docs.aws.amazon.com/secretsmanager/latest/userguide/security-encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-secretsmanager-secret.html
)",
          },
      .label = named<kSecret>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsKeyId",
          .unsafe_insert = always_unsafe,
          .why = "it is encrypted with the AWS managed key aws/secretsmanager; policy level cmk "
                 "requires a customer managed key",
      }},
  }};
  return rule;
}

const lint::Rule& backup_vault_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC721",
              .name = "backup-vault-cmk-missing",
              .summary = "AWS Backup vault without a customer managed key (level cmk)",
              .resource_types = {"AWS::Backup::BackupVault"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .peers = {{"checkov", "CKV_AWS_166"}},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::Backup::BackupVault` sets
`EncryptionKeyArn`.

## Why is this bad?
AWS Backup always encrypts the recovery points in a vault; without
`EncryptionKeyArn` it uses a key AWS Backup creates for you. With your own
key, who can restore from the vault is governed by a key policy of yours.

## Example
```yaml
Vault:
  Type: AWS::Backup::BackupVault
  Properties:
    BackupVaultName: nightly
```

## Use instead
```yaml
Vault:
  Type: AWS::Backup::BackupVault
  Properties:
    BackupVaultName: nightly
    EncryptionKeyArn: !GetAtt BackupKey.Arn
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key` given as a key ARN:
`EncryptionKeyArn` is create-only, so CloudFormation **replaces** the vault —
a new, empty vault, and the old one can only be deleted once its recovery
points are gone.

## References
- https://docs.aws.amazon.com/aws-backup/latest/devguide/encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-backup-backupvault.html
)",
          },
      .label = named<kVault>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "EncryptionKeyArn",
          .insert = key_arn,
          .insert_title = "Add EncryptionKeyArn",
          .unsafe_insert = always_unsafe,
          .why = "its recovery points are encrypted with a key AWS Backup creates, and setting it "
                 "later replaces the vault: a new, empty one",
      }},
  }};
  return rule;
}

const lint::Rule& cloudtrail_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC761",
              .name = "cloudtrail-cmk-missing",
              .summary = "CloudTrail trail whose log files are not encrypted with a KMS key "
                         "(level cmk)",
              .resource_types = {"AWS::CloudTrail::Trail"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .peers = {{"checkov", "CKV_AWS_35"}, {"cfn-guard", "CLOUD_TRAIL_ENCRYPTION_ENABLED"}},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::CloudTrail::Trail` sets
`KMSKeyId`.

## Why is this bad?
Without `KMSKeyId` a trail's log files get the S3 bucket's default
encryption (SSE-S3). With a KMS key of yours, reading the audit log needs
`kms:Decrypt` on that key as well as access to the bucket.

## Example
```yaml
AuditTrail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
    S3BucketName: !Ref AuditBucket
```

## Use instead
```yaml
AuditTrail:
  Type: AWS::CloudTrail::Trail
  Properties:
    IsLogging: true
    S3BucketName: !Ref AuditBucket
    KMSKeyId: !Ref TrailKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: the key policy must let
CloudTrail use the key (`kms:GenerateDataKey*` for `cloudtrail.amazonaws.com`),
or log delivery stops; readers of the logs need `kms:Decrypt`.

## References
- https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-cloudtrail-trail.html
)",
          },
      .label = named<kTrail>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KMSKeyId",
          .unsafe_insert = always_unsafe,
          .why = "its log files get only the bucket's default encryption; policy level cmk "
                 "requires a customer managed key",
      }},
  }};
  return rule;
}

const lint::Rule& eventbus_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC781",
              .name = "eventbus-cmk-missing",
              .summary = "EventBridge event bus without a customer managed key (level cmk)",
              .resource_types = {"AWS::Events::EventBus"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::Events::EventBus` sets
`KmsKeyIdentifier`.

## Why is this bad?
EventBridge encrypts events at rest with a key AWS owns. With
`KmsKeyIdentifier` it uses a KMS key of yours, whose policy decides who can
publish to and read from the bus.

## Example
```yaml
OrdersBus:
  Type: AWS::Events::EventBus
  Properties:
    Name: orders
```

## Use instead
```yaml
OrdersBus:
  Type: AWS::Events::EventBus
  Properties:
    Name: orders
    KmsKeyIdentifier: !GetAtt BusKey.Arn
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: the key policy must let
EventBridge use the key, and schema discovery does not work on a bus
encrypted with a customer managed key.

## References
- https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-encryption-at-rest.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-events-eventbus.html
)",
          },
      .label = named<kBus>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsKeyIdentifier",
          .unsafe_insert = always_unsafe,
          .why = "its events are encrypted with a key AWS owns; policy level cmk requires a "
                 "customer managed key",
      }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
