// SQS queues and SNS topics. SQS encrypts new queues with its own key
// (SSE-SQS) unless told otherwise, so stating it is free; SNS does not
// encrypt a topic at all unless it is given a KMS key.
#include "rules/catalog/messaging.hpp"

#include "rules/requirement.hpp"
#include "rules/support.hpp"
#include "rules/topic_publishers.hpp"

namespace enclint::rules::catalog {

namespace {

constexpr char kQueue[] = "SQS queue";
constexpr char kTopic[] = "SNS topic";

// The AWS managed key unless --kms-key names one.
model::Value topic_key(const lint::FixOptions& options, const model::Resource&) {
  return options.kms_key.empty() ? model::Value::string("alias/aws/sns")
                                 : kms_key_value(options.kms_key);
}

std::string topic_key_title(const lint::FixOptions& options) {
  return "Add KmsMasterKeyId: " +
         (options.kms_key.empty() ? std::string("alias/aws/sns") : options.kms_key);
}

}  // namespace

const lint::Rule& sqs_encryption_not_stated() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC301",
              .name = "sqs-encryption-not-stated",
              .summary = "SQS queue with neither SqsManagedSseEnabled: true nor a KmsMasterKeyId",
              .resource_types = {"AWS::SQS::Queue"},
              .fix = lint::FixAvailability::SafeOrUnsafe,
              .peers = {{"cfn_nag", "W48"},
                        {"checkov", "CKV_AWS_27"},
                        {"cfn-guard", "SQS_QUEUE_KMS_MASTER_KEY_ID_RULE"}},
              .doc = R"(## What it does
Checks that every `AWS::SQS::Queue` states how it is encrypted at rest:
`SqsManagedSseEnabled: true` (SSE-SQS), or a `KmsMasterKeyId` (SSE-KMS, which
this rule then leaves alone). `SqsManagedSseEnabled` absent, false, or any
value that is not `true` is reported.

## Why is this bad?
SQS encrypts new queues with SSE-SQS when `SqsManagedSseEnabled` is not
written, so a queue without it is not storing plaintext — but the template
does not say so, and reviews and policy checks cannot see it. With
`SqsManagedSseEnabled: false` and no KMS key the queue's messages are stored
unencrypted.

## Example
```yaml
OrdersQueue:
  Type: AWS::SQS::Queue
  Properties:
    VisibilityTimeout: 60
```

## Use instead
```yaml
OrdersQueue:
  Type: AWS::SQS::Queue
  Properties:
    VisibilityTimeout: 60
    SqsManagedSseEnabled: true
```

## Fix safety
Absent: safe, `SqsManagedSseEnabled: true` is inserted; it states what SQS
already does, and the update happens in place without interruption. Written
but not true: unsafe (`--unsafe-fixes`), the value is replaced by `true`,
which turns encryption on for new messages of a queue someone chose to leave
unencrypted. For SSE-KMS instead, set `KmsMasterKeyId` yourself (never both:
CloudFormation rejects a queue with the two together).

## References
- https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sqs-queue.html
)",
          },
      .label = named<kQueue>,
      .checks = {{
          .kind = RequirementKind::TrueRequired,
          .key = "SqsManagedSseEnabled",
          .why = "SQS encrypts new queues with SSE-SQS only while the property is absent, and the "
                 "template does not state it; false leaves the messages unencrypted",
          .not_with = {"KmsMasterKeyId"},
      }},
  }};
  return rule;
}

const lint::Rule& sns_topic_encryption_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC311",
              .name = "sns-topic-encryption-missing",
              .summary = "SNS topic without KmsMasterKeyId (messages stored unencrypted)",
              .resource_types = {"AWS::SNS::Topic"},
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .peers = {{"cfn_nag", "W47"},
                        {"checkov", "CKV_AWS_26"},
                        {"cfn-guard", "SNS_ENCRYPTED_KMS"}},
              .doc = R"(## What it does
Checks that every `AWS::SNS::Topic` sets `KmsMasterKeyId`.

## Why is this bad?
SNS does not encrypt a topic unless it is given a KMS key: messages are
stored unencrypted while SNS delivers them. With `KmsMasterKeyId` they are
encrypted with that key as soon as SNS receives them.

## Example
```yaml
AlertsTopic:
  Type: AWS::SNS::Topic
  Properties:
    TopicName: alerts
```

## Use instead
```yaml
AlertsTopic:
  Type: AWS::SNS::Topic
  Properties:
    TopicName: alerts
    KmsMasterKeyId: !Ref AlertsKey   # a customer managed key whose policy lets the publishers use it
```

## Fix safety
Unsafe (`--unsafe-fixes`) with either key. The AWS managed key
`alias/aws/sns` (inserted without `--kms-key`) cannot be used by AWS services
that publish to the topic — CloudWatch alarms, EventBridge rules, S3 event
notifications, CloudTrail — because its key policy cannot be changed: their
messages are then rejected. So when an EventBridge rule, a CloudWatch alarm
or an S3 bucket notification of the template publishes to the topic, no fix
is offered without `--kms-key`, and the note names those publishers and the
service principals the key policy must allow. A key of your own (`--kms-key`) needs a key
policy statement for each such service, and `kms:GenerateDataKey` and
`kms:Decrypt` for the other publishers. The update itself happens in place.

## References
- https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html
- https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sns-topic.html
)",
          },
      .label = named<kTopic>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsMasterKeyId",
          .insert = topic_key,
          .title_for = topic_key_title,
          .unsafe_insert = always_unsafe,
          .why = "SNS stores the topic's messages unencrypted; set a KMS key whose policy lets the "
                 "publishers use it",
          .takes_no_key = aws_key_unusable_by_publishers,
      }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
