// Kinesis Data Streams (ENC32x) and Firehose (ENC33x): neither encrypts the
// data it holds at rest unless the template says so.
#include "rules/catalog/kinesis.hpp"

#include "rules/requirement.hpp"
#include "rules/support.hpp"

namespace enclint::rules::catalog {

namespace {

constexpr char kStream[] = "Kinesis stream";
constexpr char kFirehose[] = "Firehose stream";

// Both keys are required together; the AWS managed key unless --kms-key.
model::Value stream_encryption(const lint::FixOptions& options, const model::Resource&) {
  return model::Value::map(
      {{"EncryptionType", model::Value::string("KMS")},
       {"KeyId", options.kms_key.empty() ? model::Value::string("alias/aws/kinesis")
                                         : kms_key_value(options.kms_key)}});
}

std::string title(const lint::FixOptions& options) {
  return "Add StreamEncryption with EncryptionType: KMS and KeyId: " +
         (options.kms_key.empty() ? std::string("alias/aws/kinesis") : options.kms_key);
}

// Firehose: its own key unless --kms-key names one; KeyARN takes an ARN only.
model::Value firehose_encryption(const lint::FixOptions& options, const model::Resource&) {
  if (options.kms_key.empty())
    return model::Value::map({{"KeyType", model::Value::string("AWS_OWNED_CMK")}});
  if (options.kms_key.rfind("arn:", 0) != 0) return {};  // null: nothing to insert
  return model::Value::map({{"KeyType", model::Value::string("CUSTOMER_MANAGED_CMK")},
                            {"KeyARN", model::Value::string(options.kms_key)}});
}

std::string firehose_title(const lint::FixOptions& options) {
  return options.kms_key.empty()
             ? "Add DeliveryStreamEncryptionConfigurationInput with KeyType: AWS_OWNED_CMK"
             : "Add DeliveryStreamEncryptionConfigurationInput with KeyType: "
               "CUSTOMER_MANAGED_CMK and KeyARN: " +
                   options.kms_key;
}

}  // namespace

const lint::Rule& kinesis_stream_encryption_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC321",
              .name = "kinesis-stream-encryption-missing",
              .summary = "Kinesis stream without StreamEncryption (data at rest not encrypted)",
              .resource_types = {"AWS::Kinesis::Stream"},
              .fix = lint::FixAvailability::SafeOrUnsafe,
              .fix_options = {"kms-key"},
              .peers = {{"cfn_nag", "W49"},
                        {"checkov", "CKV_AWS_43"},
                        {"cfn-guard", "KINESIS_STREAM_ENCRYPTION_RULE"}},
              .doc = R"(## What it does
Checks that every `AWS::Kinesis::Stream` declares `StreamEncryption`.

## Why is this bad?
Kinesis Data Streams does not encrypt records at rest unless server-side
encryption is turned on: without `StreamEncryption` the data in the stream's
shards is stored unencrypted for the whole retention period. With
`EncryptionType: KMS` every record is encrypted with a KMS key before it is
written to storage, and every use of the key is recorded in CloudTrail.

## Example
```yaml
OrdersStream:
  Type: AWS::Kinesis::Stream
  Properties:
    ShardCount: 1
```

## Use instead
```yaml
OrdersStream:
  Type: AWS::Kinesis::Stream
  Properties:
    ShardCount: 1
    StreamEncryption:
      EncryptionType: KMS
      KeyId: alias/aws/kinesis
```

## Fix safety
Safe with the AWS managed key `alias/aws/kinesis`: the fix only inserts the
block above, and CloudFormation turns encryption on in place — the stream is
not replaced and producers and consumers keep working while it updates.
With `--kms-key` the fix inserts your key instead and is unsafe
(`--unsafe-fixes`): every producer and consumer then needs `kms:GenerateDataKey`
or `kms:Decrypt` on that key, or its calls fail with access denied.

## References
- https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-kinesis-stream-streamencryption.html
)",
          },
      .label = named<kStream>,
      .checks = {{
          .kind = RequirementKind::BlockRequired,
          .key = "StreamEncryption",
          .insert = stream_encryption,
          .title_for = title,
          .unsafe_insert = with_own_key,
          .absent = ", so its records are stored unencrypted; set EncryptionType: KMS and a KeyId "
                    "(alias/aws/kinesis, or your own key)",
          .why = "without it the stream's records are stored unencrypted",
      }},
  }};
  return rule;
}

const lint::Rule& firehose_stream_encryption_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC331",
              .name = "firehose-encryption-missing",
              .summary = "Firehose stream with direct PUT sources without "
                         "DeliveryStreamEncryptionConfigurationInput",
              .resource_types = {"AWS::KinesisFirehose::DeliveryStream"},
              .fix = lint::FixAvailability::SafeOrUnsafe,
              .fix_options = {"kms-key"},
              .peers = {{"cfn_nag", "W88"},
                        {"cfn-guard", "KINESIS_FIREHOSE_DELIVERY_STREAM_ENCRYPTION_RULE"}},
              .doc = R"(## What it does
Checks that every `AWS::KinesisFirehose::DeliveryStream` that producers write
to directly (`DeliveryStreamType` absent or `DirectPut`) declares
`DeliveryStreamEncryptionConfigurationInput`. Streams that read from a Kinesis
data stream, an MSK cluster or a database are not checked: their data is
encrypted, or not, at the source, and Firehose does not take this setting for
them.

## Why is this bad?
Firehose buffers incoming records before it delivers them — for up to 24
hours when the destination is unavailable. Without server-side encryption
those buffered records are stored unencrypted. With
`DeliveryStreamEncryptionConfigurationInput` Firehose encrypts them with a key
it owns (`AWS_OWNED_CMK`) or with a KMS key of yours.

## Example
```yaml
ClickStream:
  Type: AWS::KinesisFirehose::DeliveryStream
  Properties:
    DeliveryStreamType: DirectPut
    S3DestinationConfiguration:
      BucketARN: !GetAtt ClickBucket.Arn
      RoleARN: !GetAtt FirehoseRole.Arn
```

## Use instead
```yaml
ClickStream:
  Type: AWS::KinesisFirehose::DeliveryStream
  Properties:
    DeliveryStreamType: DirectPut
    S3DestinationConfiguration:
      BucketARN: !GetAtt ClickBucket.Arn
      RoleARN: !GetAtt FirehoseRole.Arn
    DeliveryStreamEncryptionConfigurationInput:
      KeyType: AWS_OWNED_CMK
```

## Fix safety
Safe with `KeyType: AWS_OWNED_CMK`: the fix only inserts the block, and
Firehose turns encryption on in place — the stream keeps accepting records
while it does. With `--kms-key` (a key ARN: `KeyARN` takes no alias or key
id) the fix inserts `KeyType: CUSTOMER_MANAGED_CMK` and your key, and is
unsafe (`--unsafe-fixes`): the key policy must let Firehose use the key, and
producers then need `kms:GenerateDataKey` on it, or their writes fail.

## References
- https://docs.aws.amazon.com/firehose/latest/dev/encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-kinesisfirehose-deliverystream-deliverystreamencryptionconfigurationinput.html
)",
          },
      .label = named<kFirehose>,
      .checks = {{
          .kind = RequirementKind::BlockRequired,
          .key = "DeliveryStreamEncryptionConfigurationInput",
          .insert = firehose_encryption,
          .no_insert = "KeyARN takes a key ARN; pass --kms-key arn:aws:kms:... to insert one",
          .title_for = firehose_title,
          .unsafe_insert = with_own_key,
          .absent = ", so the records it buffers are stored unencrypted; set KeyType: "
                    "AWS_OWNED_CMK (or CUSTOMER_MANAGED_CMK and a KeyARN)",
          .why = "without it the records the stream buffers are stored unencrypted",
          .only_if = "DeliveryStreamType",
          .only_if_in = {"DirectPut"},
      }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
