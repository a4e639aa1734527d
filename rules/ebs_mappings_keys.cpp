// ENC525, ENC535 (level cmk): where an Ebs mapping of a launch template's or
// an EC2 instance's block device mappings writes Encrypted and it can be
// true, KmsKeyId must name a customer managed key. A launch configuration's
// Ebs takes no KmsKeyId in CloudFormation, so ENC541 has no such companion.
#include <algorithm>

#include "rules/ebs_mappings.hpp"
#include "rules/requirement.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

using model::Possibility;
using K = model::Possibility::Kind;
using yaml::kNone;
using yaml::NodeId;

namespace {

// Whether a way Encrypted turns out can make the volume encrypted: true, a
// parameter, or an intrinsic that cannot be decided. Absent, false or any
// other value leaves the volume unencrypted (the Encrypted rule's finding),
// and EC2 takes a KmsKeyId only with Encrypted: true.
bool can_be_true(const yaml::Document& doc, const Possibility& p) {
  switch (p.kind) {
    case K::Node: return model::truth_of(doc, p.node) == model::Truth::True;
    case K::AnyParameter:
    case K::Unknown: return true;
    case K::Absent: return false;
  }
  return false;
}

}  // namespace

void EbsMappingsRule::check_key(const lint::CheckContext& ctx, const model::Resource& r,
                                const std::string& volume, const PropertyValue& ebs,
                                const std::vector<PropertyValue>& encrypted, bool snapshot_written,
                                std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  // The ways the volume can be encrypted: only there is a key to choose.
  std::vector<const model::Assumptions*> on;
  bool always_true = true;  // Encrypted is true in every way: a key can go in everywhere
  for (const PropertyValue& v : encrypted) {
    if (can_be_true(doc, v.value)) on.push_back(&v.value.assumptions);
    always_true &= v.value.kind == K::Node && can_be_true(doc, v.value);
  }
  if (on.empty()) return;

  const std::vector<PropertyValue> keys = member(ctx, {ebs}, "KmsKeyId");
  if (keys.empty()) return;
  std::vector<std::string> problems;
  bool all_managed = true;
  for (const PropertyValue& k : keys) {
    bool managed = false;
    const std::string problem = key_problem(doc, "KmsKeyId", k.value, /*cmk=*/true, managed);
    if (problem.empty()) continue;
    // What EBS does instead, for after the conditions.
    const std::string then =
        k.value.kind == K::Absent && !k.value.no_value
            ? ", so EBS uses the account's default KMS key for EBS (aws/ebs unless the account "
              "chose another)"
            : "";
    // Under the conditions of both the key and an Encrypted that can be true.
    for (const model::Assumptions* a : on) {
      if (!model::consistent(k.value.assumptions, *a)) continue;
      model::Assumptions both = k.value.assumptions;
      model::add_assumptions(both, *a);
      std::string text = problem + when(both) + then;
      if (std::find(problems.begin(), problems.end(), text) == problems.end())
        problems.push_back(std::move(text));
      all_managed &= managed;
    }
  }
  if (problems.empty()) return;

  // The KmsKeyId value, else the `Ebs` key (else the mapping: an Fn::If branch).
  const NodeId written = keys.front().written;
  auto [begin, end] = node_location(ctx.tpl, written != kNone ? written : ebs_location(doc, ebs));
  lint::Diagnostic d =
      make(r, begin, end, volume + ": " + join(problems) + "; " + std::string(m_.why),
           keys.front().path);
  const std::string& kms_key = ctx.options.fix.kms_key;
  const Possibility& only = keys.front().value;
  if (kms_key.empty()) {
    d.not_fixable = kNeedsKey;
  } else if (snapshot_written) {
    d.not_fixable =
        "SnapshotId is written but not always set (a condition, or empty); set KmsKeyId by hand "
        "where it is not";
  } else if (!always_true) {
    d.not_fixable =
        "Encrypted is not true in every case (a condition, a parameter or a value that cannot be "
        "checked), and EC2 takes a KmsKeyId only with Encrypted: true; set KmsKeyId by hand where "
        "Encrypted is true";
  } else if (written == kNone) {
    attach(ctx,
           fix::insert_fix(ctx.tpl, ctx.style(), ebs.value.node, "KmsKeyId", kms_key_value(kms_key),
                           "Add KmsKeyId: " + kms_key + " to the EBS volume"),
           d);
  } else if (all_managed && keys.size() == 1 && only.kind == K::Node &&
             only.node == doc.resolve(written)) {
    attach(ctx,
           fix::replace_value_fix(ctx.tpl, ctx.style(), written, kms_key_value(kms_key),
                                  "Set KmsKeyId to " + kms_key),
           d);
  } else {
    d.not_fixable = "KmsKeyId is written but empty or conditional; set it by hand";
  }
  // A new key for the volume: instances need it (and, for a deployed
  // instance, the change replaces it).
  if (d.fix) d.fix->applicability = fix::Applicability::Unsafe;
  out.push_back(std::move(d));
}

// ENC525, ENC535 ----------------------------------------------------------

const lint::Rule& launch_template_ebs_cmk_missing() {
  static const EbsMappingsRule rule{EbsMappings{
      .info =
          {
              .id = "ENC525",
              .name = "launch-template-ebs-cmk-missing",
              .summary = "Launch template EBS volume without a customer managed key (level cmk)",
              .resource_types = {"AWS::EC2::LaunchTemplate"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks every block device mapping in
`LaunchTemplateData.BlockDeviceMappings` of an `AWS::EC2::LaunchTemplate`
that ENC521 checks (it has `Ebs`, and the volume is not made from a
snapshot) and whose `Ebs.Encrypted` is written and can be true, for a
`KmsKeyId` that names a customer managed key. A `KmsKeyId` that is absent,
null, empty, a list, removed by `AWS::NoValue` under a condition, or the AWS
managed key (`alias/aws/ebs`, or an alias ARN ending in `:alias/aws/ebs`) is
reported. A `Ref`, `Fn::GetAtt`, parameter or import counts as a key
written (a parameter whose `AllowedValues` hold the AWS managed key is
reported for that value). Not checked here: a volume whose `Encrypted` is absent or not true
— it is not encrypted with any key, which is ENC521's finding, and EC2 takes
a `KmsKeyId` only with `Encrypted: true` — and a `BlockDeviceMappings`, block
device mapping or `Ebs` of the wrong type (ENC521 reports it).

## Why is this bad?
With `Encrypted: true` and no `KmsKeyId`, EBS encrypts the volume with the
account's default KMS key for EBS in the Region where the instance is
launched: the AWS managed key `aws/ebs`, unless the account has chosen
another — a setting the template does not show. Nobody can change the policy
of an AWS managed key, so it cannot limit who may use the volumes and their
snapshots, and snapshots encrypted with it cannot be shared with another
account. With a customer managed key, the key policy decides, and every use
of the key is recorded in CloudTrail.

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
            Encrypted: true
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
            Encrypted: true
            KmsKeyId: !GetAtt VolumeKey.Arn
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`; without it there is no
fix (pass `--kms-key`). The fix inserts `KmsKeyId` into the `Ebs` mapping,
or replaces an AWS managed key written as the whole value. CloudFormation
updates the launch template in place by creating a new version: running
instances keep their volumes, and instances launched from the new version
get volumes encrypted with your key — if they can use it. The key policy
must let whoever launches them use the key: when an Auto Scaling group
launches them, its service-linked role (`AWSServiceRoleForAutoScaling`)
needs `kms:Encrypt`, `kms:Decrypt`, `kms:ReEncrypt*`, `kms:GenerateDataKey*`,
`kms:DescribeKey` and `kms:CreateGrant` on it, or the instances fail to
launch. There is no fix where `Encrypted` is not true in every case (a
`KmsKeyId` without `Encrypted: true` is rejected), where `SnapshotId` is set
only under some conditions, or where `KmsKeyId` is written but empty or
conditional: set those by hand.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-launchtemplate-blockdevicemapping-ebs.html
- https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
- https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html
)",
          },
      .noun = "launch template",
      .list = "LaunchTemplateData/BlockDeviceMappings",
      .unsafe_insert = true,
      .why = "policy level cmk requires a customer managed key (if an Auto Scaling group "
             "launches the instances, the key policy must let its service-linked role use the "
             "key, or they fail to launch)",
      .require = EbsRequire::CustomerKey,
  }};
  return rule;
}

const lint::Rule& instance_ebs_cmk_missing() {
  static const EbsMappingsRule rule{EbsMappings{
      .info =
          {
              .id = "ENC535",
              .name = "instance-ebs-cmk-missing",
              .summary = "EC2 instance EBS volume without a customer managed key (level cmk)",
              .resource_types = {"AWS::EC2::Instance"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks every block device mapping in
`BlockDeviceMappings` of an `AWS::EC2::Instance` that ENC531 checks (it has
`Ebs`, and the volume is not made from a snapshot) and whose
`Ebs.Encrypted` is written and can be true, for a `KmsKeyId` that names a
customer managed key. A `KmsKeyId` that is absent, null, empty, a list,
removed by `AWS::NoValue` under a condition, or the AWS managed key
(`alias/aws/ebs`, or an alias ARN ending in `:alias/aws/ebs`) is reported. A
`Ref`, `Fn::GetAtt`, parameter or import counts as a key written (a
parameter whose `AllowedValues` hold the AWS managed key is reported for
that value). Not checked here: a volume whose `Encrypted` is absent or not true — it is not
encrypted with any key, which is ENC531's finding, and EC2 takes a
`KmsKeyId` only with `Encrypted: true` — a `BlockDeviceMappings`, block
device mapping or `Ebs` of the wrong type (ENC531 reports it), and volumes
attached with `Volumes`, which are `AWS::EC2::Volume` resources.

## Why is this bad?
With `Encrypted: true` and no `KmsKeyId`, EBS encrypts the volume with the
account's default KMS key for EBS in the instance's Region: the AWS managed
key `aws/ebs`, unless the account has chosen another — a setting the
template does not show. Nobody can change the policy of an AWS managed key,
so it cannot limit who may use the volume and its snapshots, and snapshots
encrypted with it cannot be shared with another account. With a customer
managed key, the key policy decides, and every use of the key is recorded
in CloudTrail.

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
          Encrypted: true
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
          KmsKeyId: !Ref VolumeKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`; without it there is no
fix (pass `--kms-key`). The fix inserts `KmsKeyId` into the `Ebs` mapping,
or replaces an AWS managed key written as the whole value. Changing
`BlockDeviceMappings` of a deployed instance (other than only
`DeleteOnTermination`) makes CloudFormation replace the instance: the new
instance gets new volumes, a new instance ID and a new private IP address,
and the data on the old volumes is lost unless they are snapshotted first
(or kept with `DeleteOnTermination: false`). Whoever launches the instance
also needs permission to use the key. On a stack that has not been deployed
yet, the fix is harmless. There is no fix where `Encrypted` is not true in
every case (a `KmsKeyId` without `Encrypted: true` is rejected), where
`SnapshotId` is set only under some conditions, or where `KmsKeyId` is
written but empty or conditional: set those by hand.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ec2-blockdev-template.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-instance.html
- https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html
)",
          },
      .noun = "EC2 instance",
      .list = "BlockDeviceMappings",
      .unsafe_insert = true,
      .why = "policy level cmk requires a customer managed key, and changing BlockDeviceMappings "
             "replaces the instance (a new instance with new volumes: the data on the old ones is "
             "lost unless snapshotted)",
      .require = EbsRequire::CustomerKey,
  }};
  return rule;
}

}  // namespace enclint::rules
