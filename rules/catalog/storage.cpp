// EBS volumes (ENC51x): a volume is encrypted only when `Encrypted: true` or
// when the account turned on EBS encryption by default in that Region, which
// the template cannot show.
#include "rules/catalog/storage.hpp"

#include "rules/requirement.hpp"

namespace enclint::rules::catalog {

namespace {

constexpr char kVolume[] = "EBS volume";

}  // namespace

const lint::Rule& ebs_volume_encryption_disabled() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC511",
              .name = "ebs-volume-encryption-disabled",
              .summary = "EBS volume without Encrypted: true",
              .resource_types = {"AWS::EC2::Volume"},
              .fix = lint::FixAvailability::Unsafe,
              .peers = {{"cfn_nag", "F1"},
                        {"checkov", "CKV_AWS_3"},
                        {"cfn-guard", "ENCRYPTED_VOLUMES"}},
              .doc = R"(## What it does
Checks that every `AWS::EC2::Volume` sets `Encrypted: true`.

## Why is this bad?
A volume is encrypted only when `Encrypted` is true, or when the account has
turned on "EBS encryption by default" in the volume's Region — a setting the
template cannot show and another account or Region may not have. Without it
the volume's data, and every snapshot taken of it, is stored unencrypted.
With `Encrypted: true` EBS encrypts them with a KMS key — the AWS managed key
`aws/ebs`, or yours with `KmsKeyId`.

## Example
```yaml
DataVolume:
  Type: AWS::EC2::Volume
  Properties:
    AvailabilityZone: !Select [0, !GetAZs ""]
    Size: 100
```

## Use instead
```yaml
DataVolume:
  Type: AWS::EC2::Volume
  Properties:
    AvailabilityZone: !Select [0, !GetAZs ""]
    Size: 100
    Encrypted: true
```

## Fix safety
Unsafe (`--unsafe-fixes`): CloudFormation cannot change the encryption of an
existing volume — the stack update fails. To encrypt a volume that holds
data, snapshot it, copy the snapshot with encryption, and create a new volume
from the copy. On a stack that has not been deployed yet, the fix is
harmless.

## References
- https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-volume.html
)",
          },
      .label = named<kVolume>,
      .checks = {{
          .kind = RequirementKind::TrueRequired,
          .key = "Encrypted",
          .unsafe_insert = always_unsafe,
          .why = "the volume and its snapshots are then unencrypted unless the account encrypts "
                 "new volumes by default, and setting Encrypted on a deployed volume makes the "
                 "stack update fail",
      }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
