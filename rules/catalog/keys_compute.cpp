// ECR repositories (ENC73x) and MSK clusters (ENC74x) are encrypted whatever
// the template says; at level cmk a team also wants its own key. Both keys
// are create-only: every fix replaces the resource, and only --kms-key says
// which key to insert.
#include "rules/catalog/keys_compute.hpp"

#include "rules/requirement.hpp"
#include "rules/support.hpp"

namespace enclint::rules::catalog {

namespace {

constexpr char kRepository[] = "ECR repository";
constexpr char kCluster[] = "MSK cluster";

// EncryptionType: KMS with the key; none without --kms-key (KMS alone would
// be the AWS managed key aws/ecr, and still replace the repository).
model::Value ecr_encryption(const lint::FixOptions& options, const model::Resource&) {
  if (options.kms_key.empty()) return {};
  return model::Value::map({{"EncryptionType", model::Value::string("KMS")},
                            {"KmsKey", kms_key_value(options.kms_key)}});
}

std::string ecr_title(const lint::FixOptions& options) {
  return "Add EncryptionConfiguration with EncryptionType: KMS and KmsKey: " + options.kms_key;
}

std::string ecr_type_why(std::string_view value) {
  if (value == "AES256")
    return "its images are encrypted with Amazon S3 managed keys; policy level cmk requires "
           "EncryptionType: KMS (or KMS_DSSE) with a customer managed KmsKey, and changing "
           "either replaces the repository (a new, empty one), so set both by hand";
  return "ECR takes AES256, KMS or KMS_DSSE; policy level cmk requires KMS (or KMS_DSSE) with a "
         "customer managed KmsKey";
}

// EncryptionAtRest holds nothing but the key, which must be an ARN.
model::Value msk_encryption(const lint::FixOptions& options, const model::Resource& r) {
  model::Value key = key_arn(options, r);
  if (key.kind == model::Value::Kind::Null) return key;
  return model::Value::map({{"DataVolumeKMSKeyId", std::move(key)}});
}

std::string msk_title(const lint::FixOptions& options) {
  return "Add EncryptionAtRest with DataVolumeKMSKeyId: " + options.kms_key;
}

}  // namespace

const lint::Rule& ecr_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC731",
              .name = "ecr-cmk-missing",
              .summary = "ECR repository without a customer managed key (level cmk)",
              .resource_types = {"AWS::ECR::Repository"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .peers = {{"checkov", "CKV_AWS_136"}},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::ECR::Repository` sets
`EncryptionConfiguration` with `EncryptionType: KMS` (or `KMS_DSSE`) and a
`KmsKey`.

## Why is this bad?
ECR always encrypts images at rest. Without `EncryptionConfiguration`, or
with `EncryptionType: AES256`, it uses Amazon S3 managed keys; with `KMS` but
no `KmsKey` it uses the AWS managed key `aws/ecr`, whose policy you cannot
change. With a customer managed key, who can pull the images is also
governed by a key policy of yours, and every use is recorded in CloudTrail.

## Example
```yaml
AppImages:
  Type: AWS::ECR::Repository
  Properties:
    RepositoryName: app
```

## Use instead
```yaml
AppImages:
  Type: AWS::ECR::Repository
  Properties:
    RepositoryName: app
    EncryptionConfiguration:
      EncryptionType: KMS
      KmsKey: !GetAtt ImagesKey.Arn
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: `EncryptionConfiguration`
is create-only, so CloudFormation **replaces** the repository — a new, empty
repository, and every image must be pushed again (with a fixed
`RepositoryName` the update fails instead, as the name is taken). Pulling
then also needs `kms:Decrypt` on the key. An `EncryptionType: AES256` is not
changed: set the type and the key by hand.

## References
- https://docs.aws.amazon.com/AmazonECR/latest/userguide/encryption-at-rest.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ecr-repository.html
)",
          },
      .label = named<kRepository>,
      .checks =
          {
              {
                  .kind = RequirementKind::BlockRequired,
                  .key = "EncryptionConfiguration",
                  .insert = ecr_encryption,
                  .title_for = ecr_title,
                  .unsafe_insert = always_unsafe,
                  .absent = ", so its images are encrypted with Amazon S3 managed keys; policy "
                            "level cmk requires EncryptionType: KMS with a customer managed "
                            "KmsKey, and setting it replaces the repository (a new, empty one)",
                  .why = "its images are encrypted with Amazon S3 managed keys; policy level cmk "
                         "requires a customer managed key",
              },
              {
                  .kind = RequirementKind::OneOf,
                  .block = "EncryptionConfiguration",
                  .key = "EncryptionType",
                  .allowed = {"KMS", "KMS_DSSE"},
                  .why_value = ecr_type_why,
              },
              {
                  .kind = RequirementKind::KeyRequired,
                  .block = "EncryptionConfiguration",
                  .key = "KmsKey",
                  .unsafe_insert = always_unsafe,
                  .why = "it is encrypted with the AWS managed key aws/ecr; policy level cmk "
                         "requires a customer managed key, and setting it replaces the "
                         "repository (a new, empty one)",
                  .only_if = "EncryptionConfiguration/EncryptionType",
                  .only_if_in = {"KMS", "KMS_DSSE"},
              },
          },
  }};
  return rule;
}

const lint::Rule& msk_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC741",
              .name = "msk-cmk-missing",
              .summary = "MSK cluster without a customer managed key for its data volumes "
                         "(level cmk)",
              .resource_types = {"AWS::MSK::Cluster"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::MSK::Cluster` sets
`EncryptionInfo.EncryptionAtRest.DataVolumeKMSKeyId`.

## Why is this bad?
Amazon MSK always encrypts the brokers' data volumes. Without
`EncryptionAtRest` it uses an AWS managed key that MSK creates for you, whose
policy you cannot change. With a customer managed key you control its policy
and rotation, and every use is recorded in CloudTrail.

## Example
```yaml
Events:
  Type: AWS::MSK::Cluster
  Properties:
    ClusterName: events
    KafkaVersion: 3.6.0
    NumberOfBrokerNodes: 3
    BrokerNodeGroupInfo:
      InstanceType: kafka.m5.large
      ClientSubnets: [!Ref SubnetA, !Ref SubnetB, !Ref SubnetC]
    EncryptionInfo:
      EncryptionInTransit: {ClientBroker: TLS}
```

## Use instead
```yaml
Events:
  Type: AWS::MSK::Cluster
  Properties:
    ClusterName: events
    KafkaVersion: 3.6.0
    NumberOfBrokerNodes: 3
    BrokerNodeGroupInfo:
      InstanceType: kafka.m5.large
      ClientSubnets: [!Ref SubnetA, !Ref SubnetB, !Ref SubnetC]
    EncryptionInfo:
      EncryptionInTransit: {ClientBroker: TLS}
      EncryptionAtRest:
        DataVolumeKMSKeyId: !GetAtt KafkaKey.Arn
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key` given as a key ARN (the
property takes no alias or key id): `EncryptionAtRest` is create-only, so
CloudFormation **replaces** the cluster — a new, empty cluster with new
broker endpoints; its topics and messages are not carried over.

## References
- https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-msk-cluster.html
)",
          },
      .label = named<kCluster>,
      .checks =
          {
              {
                  .kind = RequirementKind::BlockRequired,
                  .block = "EncryptionInfo",
                  .key = "EncryptionAtRest",
                  .insert = msk_encryption,
                  .no_insert = "pass --kms-key with a key ARN (arn:aws:kms:...) to insert "
                               "EncryptionAtRest",
                  .title_for = msk_title,
                  .unsafe_insert = always_unsafe,
                  .absent = ", so its data volumes are encrypted with an AWS managed key that MSK "
                            "creates; policy level cmk requires a customer managed "
                            "DataVolumeKMSKeyId, and setting it replaces the cluster (a new, "
                            "empty one)",
                  .why = "its data volumes are encrypted with an AWS managed key that MSK "
                         "creates; policy level cmk requires a customer managed key",
              },
              {
                  .kind = RequirementKind::KeyRequired,
                  .block = "EncryptionInfo/EncryptionAtRest",
                  .key = "DataVolumeKMSKeyId",
                  .insert = key_arn,
                  .insert_title = "Add DataVolumeKMSKeyId",
                  .unsafe_insert = always_unsafe,
                  .why = "EncryptionAtRest needs the key; policy level cmk requires a customer "
                         "managed key, and setting it replaces the cluster (a new, empty one)",
              },
          },
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
