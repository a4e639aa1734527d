// Amazon EFS (ENC50x): a file system created through CloudFormation is not
// encrypted at rest unless `Encrypted: true`, and encryption can only be
// chosen when the file system is created.
#include "rules/catalog/efs.hpp"

#include "rules/requirement.hpp"

namespace enclint::rules::catalog {

namespace {

constexpr char kFileSystem[] = "EFS file system";

}  // namespace

const lint::Rule& efs_encryption_disabled() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC501",
              .name = "efs-encryption-disabled",
              .summary = "EFS file system without Encrypted: true (file data stored unencrypted)",
              .resource_types = {"AWS::EFS::FileSystem"},
              .fix = lint::FixAvailability::Unsafe,
              .peers = {{"cfn_nag", "F32"},
                        {"checkov", "CKV_AWS_42"},
                        {"cfn-guard", "EFS_ENCRYPTED_CHECK"}},
              .doc = R"(## What it does
Checks that every `AWS::EFS::FileSystem` sets `Encrypted: true`: absent,
false, or any value that is not `true` (including the YAML words `yes` and
`on`, a parameter that can be false, or an `Fn::If` branch) is reported.

## Why is this bad?
A file system created through CloudFormation or the API is not encrypted at
rest unless `Encrypted` is true: its files, directories and metadata are
stored unencrypted. With `Encrypted: true` EFS encrypts them with a KMS key —
the AWS managed key `aws/elasticfilesystem`, or yours with `KmsKeyId`.

## Example
```yaml
SharedFiles:
  Type: AWS::EFS::FileSystem
  Properties:
    PerformanceMode: generalPurpose
```

## Use instead
```yaml
SharedFiles:
  Type: AWS::EFS::FileSystem
  Properties:
    PerformanceMode: generalPurpose
    Encrypted: true
```

## Fix safety
Unsafe (`--unsafe-fixes`): the encryption of a file system can only be chosen
when it is created, so CloudFormation **replaces** an existing file system
when `Encrypted` changes — a new, empty file system, whose data you must copy
over yourself (the old one is deleted unless its `DeletionPolicy` keeps it).
On a stack that has not been deployed yet, the fix is harmless.

## References
- https://docs.aws.amazon.com/efs/latest/ug/encryption-at-rest.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-efs-filesystem.html
)",
          },
      .label = named<kFileSystem>,
      .checks = {{
          .kind = RequirementKind::TrueRequired,
          .key = "Encrypted",
          .unsafe_insert = always_unsafe,
          .why = "the file system's data is then stored unencrypted, and setting Encrypted later "
                 "replaces the file system: a new, empty one",
      }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
