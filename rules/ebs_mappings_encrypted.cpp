// ENC521, ENC531, ENC541: every Ebs mapping of a launch template's, an EC2
// instance's or a launch configuration's block device mappings must set
// Encrypted: true. The check is rules/ebs_mappings.cpp; here are the rules'
// settings and documentation.
#include "rules/ebs_mappings.hpp"

namespace enclint::rules {

const lint::Rule& launch_template_ebs_encryption_disabled() {
  static const EbsMappingsRule rule{EbsMappings{
      .info =
          {
              .id = "ENC521",
              .name = "launch-template-ebs-encryption-disabled",
              .summary = "Launch template EBS volume without Encrypted: true",
              .resource_types = {"AWS::EC2::LaunchTemplate"},
              .fix = lint::FixAvailability::SafeOrUnsafe,
              .doc = R"(## What it does
Checks every block device mapping in `LaunchTemplateData.BlockDeviceMappings`
of an `AWS::EC2::LaunchTemplate` that describes an EBS volume (has `Ebs`) for
`Ebs.Encrypted: true`. Not checked: mappings without `Ebs` (an instance store
volume with `VirtualName`, or `NoDevice`), and EBS volumes created from a
snapshot (`SnapshotId`): their encryption follows the snapshot, and AWS takes
no encryption value for them. A launch template without `BlockDeviceMappings`
is not reported: its instances' volumes then come from the AMI's own block
device mappings, which the template does not show. A value that can be
other than true under a condition or a parameter value is reported too; a
`BlockDeviceMappings`, block device mapping or `Ebs` of the wrong type is
reported without a fix.

## Why is this bad?
An EBS volume is encrypted only when `Encrypted` is true, or when the account
has turned on "EBS encryption by default" in the Region where the instance
is launched — a setting the template cannot show and another account or
Region may not have. Without it every instance launched from the template
gets the volume, and every snapshot taken of it, unencrypted. With
`Encrypted: true` EBS encrypts them with a KMS key: the account's default
EBS key (`aws/ebs` unless changed), or yours with `KmsKeyId`.

## Example
```yaml
WebTemplate:
  Type: AWS::EC2::LaunchTemplate
  Properties:
    LaunchTemplateData:
      ImageId: ami-0123456789abcdef0
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs:
            VolumeSize: 30
            VolumeType: gp3
```

## Use instead
```yaml
WebTemplate:
  Type: AWS::EC2::LaunchTemplate
  Properties:
    LaunchTemplateData:
      ImageId: ami-0123456789abcdef0
      BlockDeviceMappings:
        - DeviceName: /dev/xvda
          Ebs:
            VolumeSize: 30
            VolumeType: gp3
            Encrypted: true
```

## Fix safety
Absent `Encrypted`: safe, `Encrypted: true` is inserted into the `Ebs`
mapping. CloudFormation updates a launch template in place by creating a new
version of it: instances already running keep their volumes, and only
instances launched from the new version (by an Auto Scaling group or fleet
that uses it) get encrypted volumes. A written value that is not true
(`false`, a string, a parameter, an `Fn::If`): unsafe (`--unsafe-fixes`), the
value is replaced by `true`; someone may have written it on purpose. Where
`SnapshotId` is written only under some conditions there is no fix: AWS takes
no encryption value with a snapshot, so set `Encrypted` by hand where there is
none.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-launchtemplate-blockdevicemapping-ebs.html
- https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
)",
          },
      .noun = "launch template",
      .list = "LaunchTemplateData/BlockDeviceMappings",
      .unsafe_insert = false,
      .why = "instances launched from the template get this volume unencrypted unless the "
             "account turned on EBS encryption by default in their Region",
  }};
  return rule;
}

const lint::Rule& instance_ebs_encryption_disabled() {
  static const EbsMappingsRule rule{EbsMappings{
      .info =
          {
              .id = "ENC531",
              .name = "instance-ebs-encryption-disabled",
              .summary = "EC2 instance EBS volume without Encrypted: true",
              .resource_types = {"AWS::EC2::Instance"},
              .fix = lint::FixAvailability::Unsafe,
              .doc = R"(## What it does
Checks every block device mapping in `BlockDeviceMappings` of an
`AWS::EC2::Instance` that describes an EBS volume (has `Ebs`) for
`Ebs.Encrypted: true`. Not checked: mappings without `Ebs` (an instance store
volume with `VirtualName`, or `NoDevice`), and EBS volumes created from a
snapshot (`SnapshotId`): their encryption follows the snapshot, and AWS takes
no encryption value for them. An instance without `BlockDeviceMappings` is
not reported: its volumes then come from the AMI's own block device
mappings, which the template does not show. Volumes attached with `Volumes`
are `AWS::EC2::Volume` resources, checked by ENC511. A value that can be
other than true under a condition or a parameter value is reported too; a
`BlockDeviceMappings`, block device mapping or `Ebs` of the wrong type is
reported without a fix.

## Why is this bad?
An EBS volume is encrypted only when `Encrypted` is true, or when the account
has turned on "EBS encryption by default" in the instance's Region — a
setting the template cannot show and another account or Region may not have.
Without it the volume, and every snapshot taken of it, is stored
unencrypted. With `Encrypted: true` EBS encrypts them with a KMS key: the
account's default EBS key (`aws/ebs` unless changed), or yours with
`KmsKeyId`.

## Example
```yaml
WebServer:
  Type: AWS::EC2::Instance
  Properties:
    ImageId: ami-0123456789abcdef0
    InstanceType: t3.micro
    BlockDeviceMappings:
      - DeviceName: /dev/xvda
        Ebs:
          VolumeSize: 30
```

## Use instead
```yaml
WebServer:
  Type: AWS::EC2::Instance
  Properties:
    ImageId: ami-0123456789abcdef0
    InstanceType: t3.micro
    BlockDeviceMappings:
      - DeviceName: /dev/xvda
        Ebs:
          VolumeSize: 30
          Encrypted: true
```

## Fix safety
Unsafe (`--unsafe-fixes`), whether `Encrypted: true` is inserted or a written
value is replaced by `true`: changing `BlockDeviceMappings` of a deployed
instance (other than only `DeleteOnTermination`) makes CloudFormation replace
the instance. The new instance gets new volumes, a new instance ID and new
private IP address; the data on the old volumes is lost unless they are
snapshotted first (or kept with `DeleteOnTermination: false`). To encrypt a
volume that holds data, snapshot it, copy the snapshot with encryption, and
launch from the copy. On a stack that has not been deployed yet, the fix is
harmless.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-blockdev-template.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-instance.html
- https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
)",
          },
      .noun = "EC2 instance",
      .list = "BlockDeviceMappings",
      .unsafe_insert = true,
      .why = "the volume is unencrypted unless the account turned on EBS encryption by default "
             "in the Region, and changing BlockDeviceMappings replaces the instance (a new "
             "instance with new volumes: the data on the old ones is lost unless snapshotted)",
  }};
  return rule;
}

const lint::Rule& launch_configuration_ebs_encryption_disabled() {
  static const EbsMappingsRule rule{EbsMappings{
      .info =
          {
              .id = "ENC541",
              .name = "launch-configuration-ebs-encryption-disabled",
              .summary = "Launch configuration EBS volume without Encrypted: true",
              .resource_types = {"AWS::AutoScaling::LaunchConfiguration"},
              .fix = lint::FixAvailability::Unsafe,
              .peers = {{"checkov", "CKV_AWS_8"}},
              .doc = R"(## What it does
Checks every block device mapping in `BlockDeviceMappings` of an
`AWS::AutoScaling::LaunchConfiguration` that describes an EBS volume (has
`Ebs`) for `Ebs.Encrypted: true`. Not checked: mappings without `Ebs` (an
instance store volume with `VirtualName`, or `NoDevice`), and EBS volumes
created from a snapshot (`SnapshotId`): their encryption follows the
snapshot, and AWS takes no encryption value for them. A launch configuration
without `BlockDeviceMappings` is not reported: its instances' volumes then
come from the AMI's own block device mappings, which the template does not
show. A value that can be other than true under a condition or a parameter
value is reported too; a `BlockDeviceMappings`, block device mapping or `Ebs`
of the wrong type is reported without a fix.

## Why is this bad?
An EBS volume is encrypted only when `Encrypted` is true, or when the account
has turned on "EBS encryption by default" in the Region where the Auto
Scaling group launches its instances — a setting the template cannot show
and another account or Region may not have. Without it every instance the
group launches gets the volume, and every snapshot taken of it,
unencrypted. A launch configuration cannot name a KMS key (its `Ebs` takes
no `KmsKeyId` in CloudFormation), so there is no level `cmk` rule for it:
with `Encrypted: true` EBS uses the account's default EBS key (`aws/ebs`
unless changed). A launch template can name one (ENC521; ENC525 at level
`cmk`).

## Example
```yaml
WebConfig:
  Type: AWS::AutoScaling::LaunchConfiguration
  Properties:
    ImageId: ami-0123456789abcdef0
    InstanceType: t3.micro
    BlockDeviceMappings:
      - DeviceName: /dev/xvda
        Ebs:
          VolumeSize: 30
```

## Use instead
```yaml
WebConfig:
  Type: AWS::AutoScaling::LaunchConfiguration
  Properties:
    ImageId: ami-0123456789abcdef0
    InstanceType: t3.micro
    BlockDeviceMappings:
      - DeviceName: /dev/xvda
        Ebs:
          VolumeSize: 30
          Encrypted: true
```

## Fix safety
Unsafe (`--unsafe-fixes`), whether `Encrypted: true` is inserted or a written
value is replaced by `true`: a launch configuration cannot be changed, so
CloudFormation creates a new one, points the Auto Scaling group at it, and
deletes the old one. The group's running instances keep their unencrypted
volumes until they are replaced (by a rolling update policy, or as the group
scales in and out). On a stack that has not been deployed yet, the fix is
harmless.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-autoscaling-launchconfiguration-blockdevice.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-autoscaling-launchconfiguration.html
- https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
)",
          },
      .noun = "launch configuration",
      .list = "BlockDeviceMappings",
      .unsafe_insert = true,
      .why = "instances the Auto Scaling group launches get this volume unencrypted unless the "
             "account turned on EBS encryption by default in the Region; setting Encrypted makes "
             "CloudFormation replace the launch configuration, and running instances keep "
             "unencrypted volumes until they are replaced",
  }};
  return rule;
}

}  // namespace enclint::rules
