#include "rules/enc203_s3_bucket_key_disabled.hpp"

#include "fix/insert.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

namespace {

const lint::RuleInfo kInfo{
    "ENC203",
    "s3-bucket-key-disabled",
    "S3 encryption rule without BucketKeyEnabled: true",
    lint::Severity::Error,
    lint::FixAvailability::SafeOrUnsafe,
    R"(## What it does
Checks every rule of `BucketEncryption.ServerSideEncryptionConfiguration`
(not only the first) for `BucketKeyEnabled: true`. `BucketKeyEnabled` is a
sibling of `ServerSideEncryptionByDefault`, not a key inside it. Rules with
`SSEAlgorithm: aws:kms:dsse` are not reported: DSSE-KMS has no bucket keys.

## Why is this bad?
With SSE-KMS, every object write and read without a bucket key is a KMS
request: bucket keys cut KMS traffic and cost by up to 99%, and avoid KMS
request throttling. With AES256 (SSE-S3) the bucket key has no effect today,
but the documented baseline still sets it so that a later switch to KMS
keeps the cost profile; the message says which case applies.

## Example
```yaml
BucketEncryption:
  ServerSideEncryptionConfiguration:
    - ServerSideEncryptionByDefault:
        SSEAlgorithm: aws:kms
```

## Use instead
```yaml
BucketEncryption:
  ServerSideEncryptionConfiguration:
    - ServerSideEncryptionByDefault:
        SSEAlgorithm: aws:kms
      BucketKeyEnabled: true
```

## Fix safety
Absent key: safe, `BucketKeyEnabled: true` is inserted into that rule, at its
indentation. Explicit `BucketKeyEnabled: false`: unsafe (`--unsafe-fixes`),
the value is replaced by `true`; someone may have turned bucket keys off on
purpose (for example for per-object CloudTrail events of KMS use).

## References
- https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-serversideencryptionrule.html
)"};

std::string why(const std::string& algorithm) {
  if (algorithm == "AES256")
    return "with AES256 (SSE-S3) a bucket key has no effect today, but the documented baseline "
           "sets it so a later switch to KMS does not multiply KMS requests";
  return "without a bucket key every object read and write is a KMS request (cost, throttling)";
}

}  // namespace

const lint::RuleInfo& S3BucketKeyDisabled::info() const { return kInfo; }

void S3BucketKeyDisabled::check(const lint::CheckContext& ctx,
                                std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  for (const model::Resource& r : ctx.tpl.resources()) {
    if (r.type != "AWS::S3::Bucket") continue;
    yaml::NodeId config =
        doc.get(doc.get(r.properties, "BucketEncryption"), "ServerSideEncryptionConfiguration");
    if (!doc.is_seq(config)) continue;
    const auto& rules = doc[doc.resolve(config)].children;
    for (std::size_t i = 0; i < rules.size(); ++i) {
      yaml::NodeId rule = doc.resolve(rules[i]);
      if (!doc.is_map(rule)) continue;
      yaml::NodeId algorithm_node =
          doc.get(doc.get(rule, "ServerSideEncryptionByDefault"), "SSEAlgorithm");
      std::string algorithm(doc.text(algorithm_node));
      if (algorithm == "aws:kms:dsse") continue;
      std::string path = r.path + "/Properties/BucketEncryption/ServerSideEncryptionConfiguration/" +
                         std::to_string(i);
      std::string label = "encryption rule " + std::to_string(i + 1) + " of S3 bucket '" +
                          r.logical_id + "'";
      yaml::NodeId key = doc.get(rule, "BucketKeyEnabled");
      if (key == yaml::kNone) {
        lint::Diagnostic d =
            make(r, doc[rule].begin, doc[rule].end,
                 label + " does not set BucketKeyEnabled: true; " + why(algorithm), path);
        auto result = fix::insert_fix(ctx.tpl, ctx.style(), rule, "BucketKeyEnabled",
                                      model::Value::boolean(true),
                                      "Add BucketKeyEnabled: true to the encryption rule");
        if (result.fix)
          d.fix = std::move(result.fix);
        else
          d.not_fixable = result.reason;
        out.push_back(std::move(d));
      } else if (literal_truth(doc, key) == Truth::False) {
        lint::Diagnostic d = make(r, doc[key].begin, doc[key].end,
                                  label + " sets BucketKeyEnabled: false; " + why(algorithm),
                                  path + "/BucketKeyEnabled");
        if (doc.shared_by_alias(key) || doc[key].kind == yaml::Kind::Alias) {
          d.not_fixable = "the value is shared through a YAML alias";
        } else {
          fix::Fix f;
          f.title = "Set BucketKeyEnabled to true";
          f.applicability = fix::Applicability::Unsafe;
          f.edits.push_back(fix::replace_node(ctx.tpl, key, "true"));
          f.additions.push_back(
              fix::Addition{fix::path_of(doc, rule), "BucketKeyEnabled", model::Value::boolean(true)});
          d.fix = std::move(f);
        }
        out.push_back(std::move(d));
      }
    }
  }
}

}  // namespace enclint::rules
