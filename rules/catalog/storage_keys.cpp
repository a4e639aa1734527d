// An encrypted file system or volume without a KmsKeyId uses its service's
// AWS managed key (aws/elasticfilesystem, aws/ebs) or, for EBS, the account's
// default key. Neither can change the key of a deployed resource in place.
#include "rules/catalog/storage_keys.hpp"

#include "rules/requirement.hpp"

namespace enclint::rules::catalog {

namespace {

constexpr char kFileSystem[] = "EFS file system";
constexpr char kVolume[] = "EBS volume";

}  // namespace

const lint::Rule& efs_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC505",
              .name = "efs-cmk-missing",
              .summary = "Encrypted EFS file system without a customer managed KmsKeyId (level "
                         "cmk)",
              .resource_types = {"AWS::EFS::FileSystem"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .peers = {{"cfn_nag", "F32"}},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::EFS::FileSystem` that
writes `Encrypted` also sets `KmsKeyId` to a customer managed key (not the
AWS managed key `alias/aws/elasticfilesystem`). (A file system without
`Encrypted: true` is reported by ENC501.)

## Why is this bad?
Without `KmsKeyId` EFS encrypts the file system with
`aws/elasticfilesystem`, whose policy you cannot change: you cannot limit
which principals may use it, nor share it with another account.

## Example
```yaml
SharedFiles:
  Type: AWS::EFS::FileSystem
  Properties:
    PerformanceMode: generalPurpose
    Encrypted: true
```

## Use instead
```yaml
SharedFiles:
  Type: AWS::EFS::FileSystem
  Properties:
    PerformanceMode: generalPurpose
    Encrypted: true
    KmsKeyId: !GetAtt FilesKey.Arn
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: a file system's key is
chosen when it is created, so CloudFormation **replaces** a deployed file
system — a new, empty one; copy the data over (AWS DataSync, or a backup
restored into the new file system). On a stack that has not been deployed
yet, the fix is harmless.

## References
- https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-efs-filesystem.html
)",
          },
      .label = named<kFileSystem>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsKeyId",
          .unsafe_insert = always_unsafe,
          .why = "its files are encrypted with the AWS managed key aws/elasticfilesystem; policy "
                 "level cmk requires a customer managed key, and setting KmsKeyId later replaces "
                 "the file system: a new, empty one",
          .only_with = {"Encrypted"},
      }},
  }};
  return rule;
}

const lint::Rule& ebs_volume_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC515",
              .name = "ebs-volume-cmk-missing",
              .summary = "Encrypted EBS volume without a customer managed KmsKeyId (level cmk)",
              .resource_types = {"AWS::EC2::Volume"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .peers = {{"cfn_nag", "W37"}, {"cfn-guard", "EBS_VOLUME_ENCRYPTION_KEY_RULE"}},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::EC2::Volume` that writes
`Encrypted` also sets `KmsKeyId` to a customer managed key (not the AWS
managed key `alias/aws/ebs`). (A volume without `Encrypted: true` is
reported by ENC511.)

## Why is this bad?
Without `KmsKeyId` EBS encrypts the volume and its snapshots with the
account's default EBS key — `aws/ebs` unless someone changed it, in each
Region — whose policy you may not control: snapshots encrypted with `aws/ebs`
cannot be shared with another account.

## Example
```yaml
DataVolume:
  Type: AWS::EC2::Volume
  Properties:
    AvailabilityZone: !Select [0, !GetAZs ""]
    Size: 100
    Encrypted: true
```

## Use instead
```yaml
DataVolume:
  Type: AWS::EC2::Volume
  Properties:
    AvailabilityZone: !Select [0, !GetAZs ""]
    Size: 100
    Encrypted: true
    KmsKeyId: !Ref VolumeKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: CloudFormation cannot
change the key of a deployed volume — the stack update fails. Snapshot the
volume, copy the snapshot with the new key, and create a volume from the
copy. On a stack that has not been deployed yet, the fix is harmless.

## References
- https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-volume.html
)",
          },
      .label = named<kVolume>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsKeyId",
          .unsafe_insert = always_unsafe,
          .why = "it is encrypted with the account's default EBS key; policy level cmk requires a "
                 "customer managed key, and setting KmsKeyId on a deployed volume makes the "
                 "stack update fail",
          .only_with = {"Encrypted"},
      }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
