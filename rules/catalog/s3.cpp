// S3's requirements as table entries (ENC201). The rules over a bucket's
// list of encryption rules (ENC202-ENC205) stay custom: a list of rules, each
// with its own algorithm, fits no single path.
#include "rules/catalog/s3.hpp"

#include "rules/requirement.hpp"
#include "rules/s3_encryption.hpp"
#include "rules/support.hpp"

namespace enclint::rules::catalog {

namespace {

bool dsse(const lint::FixOptions& o) { return o.sse_algorithm == "aws:kms:dsse"; }

// {ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault:
// {SSEAlgorithm, KMSMasterKeyID?}, BucketKeyEnabled: true}]}, from the options
// (DSSE-KMS has no bucket keys).
model::Value encryption_block(const lint::FixOptions& options, const model::Resource&) {
  std::vector<std::pair<std::string, model::Value>> by_default{
      {"SSEAlgorithm", model::Value::string(options.sse_algorithm)}};
  if (!options.kms_key.empty() && options.sse_algorithm != "AES256")
    by_default.emplace_back("KMSMasterKeyID", kms_key_value(options.kms_key));
  std::vector<std::pair<std::string, model::Value>> rule{
      {"ServerSideEncryptionByDefault", model::Value::map(std::move(by_default))}};
  if (!dsse(options)) rule.emplace_back("BucketKeyEnabled", model::Value::boolean(true));
  return model::Value::map({{"ServerSideEncryptionConfiguration",
                             model::Value::seq({model::Value::map(std::move(rule))})}});
}

// At level cmk a bucket needs SSE-KMS with a customer managed key (ENC205):
// AES256, or aws:kms without a key, is not what the fix may write there.
bool no_customer_key(const lint::FixOptions& o) {
  return o.kms_key.empty() || o.sse_algorithm == "AES256";
}

std::string key_unused(const lint::FixOptions& o, const model::Resource&) {
  return o.sse_algorithm == "AES256" ? "--sse-algorithm AES256 (SSE-S3) takes no key" : "";
}

std::string what_to_declare(const lint::FixOptions& o) {
  return o.sse_algorithm + (dsse(o) ? "" : ", BucketKeyEnabled: true");
}

std::string absent(const lint::FixOptions& o) {
  return ": S3 applies SSE-S3 to new objects by default since January 2023, but the template "
         "does not state it; declare default encryption (" +
         what_to_declare(o) + ") so it is explicit and reviewable";
}

std::string title(const lint::FixOptions& o) {
  return "Add BucketEncryption with " + o.sse_algorithm +
         (dsse(o) ? "" : " and BucketKeyEnabled: true");
}

}  // namespace

const lint::Rule& s3_encryption_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC201",
              .name = "s3-encryption-missing",
              .summary = "S3 bucket without BucketEncryption (default encryption not stated in the "
                         "template)",
              .resource_types = {"AWS::S3::Bucket"},
              .fix = lint::FixAvailability::Safe,
              .fix_options = {"kms-key", "sse-algorithm"},
              .peers = {{"cfn_nag", "W41"},
                        {"checkov", "CKV_AWS_19"},
                        {"cfn-guard", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"}},
              .doc = R"(## What it does
Checks that every `AWS::S3::Bucket` declares `BucketEncryption`.

## Why is this bad?
Since January 2023 S3 applies SSE-S3 (AES256) to every new object of every
bucket, so a bucket without `BucketEncryption` is not storing plaintext.
But the template then does not say how the bucket is encrypted: reviewers
and policy checks cannot see it, and nothing records the choice of key or
bucket keys. The documented baseline states default encryption explicitly,
with `BucketKeyEnabled: true`.

## Example
```yaml
ArticleImagesBucket:
  Type: AWS::S3::Bucket
  Properties:
    BucketName: !Sub "travel-guide-images-${Environment}"
```

## Use instead
```yaml
ArticleImagesBucket:
  Type: AWS::S3::Bucket
  Properties:
    BucketName: !Sub "travel-guide-images-${Environment}"
    BucketEncryption:
      ServerSideEncryptionConfiguration:
        - ServerSideEncryptionByDefault:
            SSEAlgorithm: AES256
          BucketKeyEnabled: true
```

## Fix safety
Safe: the fix only inserts the block above at the end of `Properties`
(creating `Properties` if needed), in the file's own style. It states what
S3 already does by default; `--sse-algorithm aws:kms` and `--kms-key` choose
SSE-KMS instead (with `aws:kms:dsse`, no `BucketKeyEnabled`: DSSE-KMS has no
bucket keys). At policy level `cmk` the fix needs `--kms-key` (and a KMS
algorithm): without one there is no fix, rather than an AES256 block that
ENC205 would then report. `--kms-key` with `--sse-algorithm AES256` is not
used (SSE-S3 takes no key), and a note says so. An explicit null
(`Properties: ~`, `BucketEncryption: null`) is replaced by an unsafe fix; a
near miss (`bucketEncryption`, or `BucketEncryption` beside `Properties`) is
named in the message ("did you mean").

## References
- https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html
- https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-bucketencryption.html
)",
          },
      .label = bucket_label,
      .checks = {{
          .kind = RequirementKind::BlockRequired,
          .key = "BucketEncryption",
          .insert = encryption_block,
          .title_for = title,
          .key_unused = key_unused,
          .no_insert_at_cmk = no_customer_key,
          .no_insert_at_cmk_reason =
              "at level cmk the bucket needs SSE-KMS with a customer managed key: pass --kms-key "
              "(with --sse-algorithm aws:kms or aws:kms:dsse, the default with a key)",
          .absent_for = absent,
          .why = "the bucket then has no declared default encryption (S3 applies SSE-S3 to new "
                 "objects by default since January 2023, but the template does not state it)",
      }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
