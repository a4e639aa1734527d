// Kinesis Data Streams (ENC32x): a stream is not encrypted at rest unless
// StreamEncryption says so.
#include "rules/catalog/kinesis.hpp"

#include "rules/requirement.hpp"
#include "rules/support.hpp"

namespace enclint::rules::catalog {

namespace {

std::string stream_label(const model::Resource& r) {
  return "Kinesis stream '" + std::string(r.logical_id) + "'";
}

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

// A customer managed key needs grants for every producer and consumer.
bool with_own_key(const lint::FixOptions& options) { return !options.kms_key.empty(); }

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
      .label = stream_label,
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

}  // namespace enclint::rules::catalog
