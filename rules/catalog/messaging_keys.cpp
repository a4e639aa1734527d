// At level cmk a queue, topic or stream must be encrypted with a KMS key of
// the team's own: SSE-SQS, the AWS managed keys (alias/aws/sqs, alias/aws/sns,
// alias/aws/kinesis) and Firehose's AWS owned key have policies nobody can
// change. Every fix is unsafe: producers, consumers and the AWS services that
// publish need grants on the new key.
#include "rules/catalog/messaging_keys.hpp"

#include "rules/requirement.hpp"

namespace enclint::rules::catalog {

namespace {

constexpr char kQueue[] = "SQS queue";
constexpr char kTopic[] = "SNS topic";
constexpr char kStream[] = "Kinesis stream";
constexpr char kFirehose[] = "Firehose stream";

}  // namespace

const lint::Rule& sqs_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC305",
              .name = "sqs-cmk-missing",
              .summary = "SQS queue without a customer managed KmsMasterKeyId (level cmk)",
              .resource_types = {"AWS::SQS::Queue"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .peers = {{"checkov", "CKV_AWS_27"}},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::SQS::Queue` sets
`KmsMasterKeyId` to a customer managed key — not absent (SSE-SQS, the
queue's default) and not the AWS managed key `alias/aws/sqs`.

## Why is this bad?
SSE-SQS and `alias/aws/sqs` encrypt the queue with keys whose policy you
cannot change: you cannot limit who may decrypt its messages, share it with
another account, or see each use in CloudTrail as a use of your key. A queue
encrypted with `alias/aws/sqs` cannot even invoke a Lambda function in
another account.

## Example
```yaml
OrdersQueue:
  Type: AWS::SQS::Queue
  Properties:
    SqsManagedSseEnabled: true
```

## Use instead
```yaml
OrdersQueue:
  Type: AWS::SQS::Queue
  Properties:
    KmsMasterKeyId: !Ref QueueKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: the fix inserts
`KmsMasterKeyId` (or replaces `alias/aws/sqs`); it is withheld while
`SqsManagedSseEnabled` is true, which CloudFormation rejects together with a
key — remove it by hand. The queue is not replaced, but every producer and
consumer then needs `kms:GenerateDataKey` or `kms:Decrypt` on the key, and
AWS services that send to the queue (S3 event notifications, SNS,
EventBridge) need a grant in its key policy, or their messages are lost.

## References
- https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html
)",
          },
      .label = named<kQueue>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsMasterKeyId",
          .unsafe_insert = always_unsafe,
          .why = "its messages are encrypted only with keys SQS or AWS manage; policy level cmk "
                 "requires a customer managed key",
          .conflicts_with = {"SqsManagedSseEnabled"},
      }},
  }};
  return rule;
}

const lint::Rule& sns_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC315",
              .name = "sns-cmk-missing",
              .summary = "SNS topic encrypted with the AWS managed key alias/aws/sns (level cmk)",
              .resource_types = {"AWS::SNS::Topic"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks that an `AWS::SNS::Topic` whose
`KmsMasterKeyId` is written names a customer managed key, not the AWS
managed key `alias/aws/sns`. (A topic without `KmsMasterKeyId` is not
encrypted at all; ENC311 reports it.)

## Why is this bad?
The policy of `alias/aws/sns` cannot be changed: you cannot limit who may
publish encrypted messages or read them, and AWS services that publish to
topics — CloudWatch alarms, EventBridge, S3 event notifications, CloudTrail —
cannot use it at all, so their messages never arrive.

## Example
```yaml
AlarmTopic:
  Type: AWS::SNS::Topic
  Properties:
    KmsMasterKeyId: alias/aws/sns
```

## Use instead
```yaml
AlarmTopic:
  Type: AWS::SNS::Topic
  Properties:
    KmsMasterKeyId: !Ref TopicKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: the fix replaces the
AWS managed key with yours. The topic is not replaced, but publishers then
need `kms:GenerateDataKey` and `kms:Decrypt` on the key, and every AWS
service that publishes to the topic needs a grant in the key policy.

## References
- https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html
)",
          },
      .label = named<kTopic>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsMasterKeyId",
          .unsafe_insert = always_unsafe,
          .why = "policy level cmk requires a customer managed key, and AWS services cannot "
                 "publish to a topic encrypted with the AWS managed key",
          .only_written = true,
      }},
  }};
  return rule;
}

const lint::Rule& kinesis_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC325",
              .name = "kinesis-cmk-missing",
              .summary = "Kinesis stream encrypted without a customer managed KeyId (level cmk)",
              .resource_types = {"AWS::Kinesis::Stream"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks that the `StreamEncryption` of every
`AWS::Kinesis::Stream` names a customer managed `KeyId`, not the AWS managed
key `alias/aws/kinesis`. (A stream without `StreamEncryption` is not
encrypted at all; ENC321 reports it.)

## Why is this bad?
The policy of `alias/aws/kinesis` cannot be changed: any principal of the
account allowed to read the stream can decrypt it, and the key cannot be
shared with consumers in other accounts.

## Example
```yaml
OrdersStream:
  Type: AWS::Kinesis::Stream
  Properties:
    ShardCount: 1
    StreamEncryption:
      EncryptionType: KMS
      KeyId: alias/aws/kinesis
```

## Use instead
```yaml
OrdersStream:
  Type: AWS::Kinesis::Stream
  Properties:
    ShardCount: 1
    StreamEncryption:
      EncryptionType: KMS
      KeyId: !GetAtt StreamKey.Arn
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: the fix sets `KeyId`
to your key. Kinesis re-encrypts in place — the stream is not replaced — but
every producer then needs `kms:GenerateDataKey` on the key and every consumer
`kms:Decrypt`, or their calls fail.

## References
- https://docs.aws.amazon.com/streams/latest/dev/server-side-encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-kinesis-stream-streamencryption.html
)",
          },
      .label = named<kStream>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .block = "StreamEncryption",
          .key = "KeyId",
          .unsafe_insert = always_unsafe,
          .why = "policy level cmk requires a customer managed key",
      }},
  }};
  return rule;
}

const lint::Rule& firehose_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC335",
              .name = "firehose-cmk-missing",
              .summary = "Firehose stream encrypted with the AWS owned key (level cmk)",
              .resource_types = {"AWS::KinesisFirehose::DeliveryStream"},
              .level = lint::Level::Cmk,
              .doc = R"(## What it does
At policy level `cmk` only: checks that the
`DeliveryStreamEncryptionConfigurationInput` of every
`AWS::KinesisFirehose::DeliveryStream` sets `KeyType: CUSTOMER_MANAGED_CMK`.
(A stream written to directly without the block is not encrypted at all;
ENC331 reports it.)

## Why is this bad?
With `AWS_OWNED_CMK` Firehose encrypts the records it buffers with a key
that belongs to the service: there is no key policy of yours, and no
CloudTrail record of its use.

## Example
```yaml
ClickStream:
  Type: AWS::KinesisFirehose::DeliveryStream
  Properties:
    DeliveryStreamEncryptionConfigurationInput:
      KeyType: AWS_OWNED_CMK
```

## Use instead
```yaml
ClickStream:
  Type: AWS::KinesisFirehose::DeliveryStream
  Properties:
    DeliveryStreamEncryptionConfigurationInput:
      KeyType: CUSTOMER_MANAGED_CMK
      KeyARN: !GetAtt FirehoseKey.Arn
```

## Fix safety
No fix: the change takes two edits — `KeyType` and a `KeyARN` — and the key
policy must let Firehose use the key. Firehose switches keys in place, and
the stream keeps accepting records while it does.

## References
- https://docs.aws.amazon.com/firehose/latest/dev/encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-kinesisfirehose-deliverystream-deliverystreamencryptionconfigurationinput.html
)",
          },
      .label = named<kFirehose>,
      .checks = {{
          .kind = RequirementKind::OneOf,
          .block = "DeliveryStreamEncryptionConfigurationInput",
          .key = "KeyType",
          .why = "policy level cmk requires CUSTOMER_MANAGED_CMK and a KeyARN of your own",
          .allowed = {"CUSTOMER_MANAGED_CMK"},
      }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
