#include "rules/enc201_s3_encryption_missing.hpp"

#include "rules/s3_encryption.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

namespace {

const lint::RuleInfo kInfo{
    .id = "ENC201",
    .name = "s3-encryption-missing",
    .summary = "S3 bucket without BucketEncryption (default encryption not stated in the template)",
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
bucket keys).

## References
- https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-bucket-encryption.html
- https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-bucketencryption.html
)"};

}  // namespace

model::Value default_encryption_rule(const lint::FixOptions& options) {
  std::vector<std::pair<std::string, model::Value>> by_default{
      {"SSEAlgorithm", model::Value::string(options.sse_algorithm)}};
  if (!options.kms_key.empty() && options.sse_algorithm != "AES256")
    by_default.emplace_back("KMSMasterKeyID", kms_key_value(options.kms_key));
  std::vector<std::pair<std::string, model::Value>> rule{
      {"ServerSideEncryptionByDefault", model::Value::map(std::move(by_default))}};
  if (options.sse_algorithm != "aws:kms:dsse")
    rule.emplace_back("BucketKeyEnabled", model::Value::boolean(true));
  return model::Value::map(std::move(rule));
}

const lint::RuleInfo& S3EncryptionMissing::info() const { return kInfo; }

void S3EncryptionMissing::check(const lint::CheckContext& ctx,
                                std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  for (const model::Resource& r : ctx.tpl.resources()) {
    if (!info().applies_to(r.type)) continue;
    yaml::NodeId written = doc.get(r.properties, "BucketEncryption");
    const std::string& algorithm = ctx.options.fix.sse_algorithm;
    const std::string baseline =
        "S3 applies SSE-S3 to new objects by default since January 2023, but the template does "
        "not state it; declare default encryption (" +
        algorithm + (algorithm == "aws:kms:dsse" ? "" : ", BucketKeyEnabled: true") +
        ") so it is explicit and reviewable";
    if (written == yaml::kNone) {
      auto [begin, end] = missing_property_location(ctx.tpl, r);
      lint::Diagnostic d =
          make(r, begin, end, bucket_label(r) + " has no BucketEncryption: " + baseline,
               r.path + "/Properties");
      model::Value encryption =
          model::Value::map({{"ServerSideEncryptionConfiguration",
                              model::Value::seq({default_encryption_rule(ctx.options.fix)})}});
      attach_properties_insert(
          ctx, r, "BucketEncryption", std::move(encryption),
          "Add BucketEncryption with " + algorithm +
              (algorithm == "aws:kms:dsse" ? "" : " and BucketKeyEnabled: true"),
          d);
      out.push_back(std::move(d));
      continue;
    }
    // Written, but it can disappear (Fn::If with Ref: AWS::NoValue) or be undecidable.
    for (const model::Possibility& p : ctx.eval().expand(written)) {
      auto [begin, end] = node_location(ctx.tpl, written);
      std::string path = r.path + "/Properties/BucketEncryption";
      if (p.kind == model::Possibility::Kind::Absent) {
        lint::Diagnostic d = make(r, begin, end,
                                  bucket_label(r) + " can have no BucketEncryption" +
                                      when(p.assumptions) + ": " + baseline,
                                  path);
        d.not_fixable = "BucketEncryption is conditional; make it unconditional by hand";
        out.push_back(std::move(d));
        break;
      }
      if (p.kind == model::Possibility::Kind::Unknown) {
        lint::Diagnostic d = make(r, begin, end,
                                  bucket_label(r) + ": BucketEncryption is " + p.detail +
                                      ", which cannot be checked statically",
                                  path);
        d.severity = lint::Severity::Info;
        out.push_back(std::move(d));
        break;
      }
    }
  }
}

}  // namespace enclint::rules
