#include "rules/enc203_s3_bucket_key_disabled.hpp"

#include "rules/property.hpp"
#include "rules/requirement.hpp"
#include "rules/s3_encryption.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

namespace {

const lint::RuleInfo kInfo{.id = "ENC203",
                           .name = "s3-bucket-key-disabled",
                           .summary = "S3 encryption rule without BucketKeyEnabled: true",
                           .resource_types = {"AWS::S3::Bucket"},
                           .fix = lint::FixAvailability::SafeOrUnsafe,
                           .doc = R"(## What it does
Checks every rule of `BucketEncryption.ServerSideEncryptionConfiguration`
(not only the first) for `BucketKeyEnabled: true`. `BucketKeyEnabled` is a
sibling of `ServerSideEncryptionByDefault`, not a key inside it. Rules with
`SSEAlgorithm: aws:kms:dsse` are not reported: DSSE-KMS has no bucket keys.
A value that can be false under a condition or parameter is reported too.

## Why is this bad?
With SSE-KMS, every object write and read without a bucket key is a KMS
request: bucket keys cut KMS traffic and cost by up to 99%, and avoid KMS
request throttling. With AES256 (SSE-S3) the bucket key has no effect today,
but level `baseline` still asks for it so that a later switch to KMS
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
indentation. Explicit `false` or a conditional value: unsafe
(`--unsafe-fixes`), the value is replaced by `true`; someone may have turned
bucket keys off on purpose (for example for per-object CloudTrail events of
KMS use). `BucketKeyEnabled` written inside `ServerSideEncryptionByDefault`
(where CloudFormation rejects it) is reported as misplaced; the unsafe fix
moves its line out, beside `ServerSideEncryptionByDefault` (block style
only; a flow mapping is left to a person).

## References
- https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-key.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-serversideencryptionrule.html
)"};

std::string why(const std::vector<std::string>& algorithms) {
  bool kms = false;
  for (const auto& a : algorithms) kms |= a != "AES256";
  if (!algorithms.empty() && !kms)
    return "with AES256 (SSE-S3) a bucket key has no effect today, but the baseline asks for it "
           "so a later switch to KMS does not multiply KMS requests";
  return "without a bucket key every object read and write is a KMS request (cost, throttling)";
}

}  // namespace

const lint::RuleInfo& S3BucketKeyDisabled::info() const { return kInfo; }

void S3BucketKeyDisabled::check(const lint::CheckContext& ctx,
                                std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  for (const model::Resource& r : ctx.tpl.resources()) {
    if (!info().applies_to(r.type)) continue;
    for (const EncryptionRule& rule : encryption_rules(ctx, r)) {
      std::vector<std::string> algorithms = algorithm_names(ctx, rule);
      bool all_dsse = !algorithms.empty();
      for (const auto& a : algorithms) all_dsse &= a == "aws:kms:dsse";
      if (all_dsse) continue;
      yaml::NodeId key = doc.get(rule.map, "BucketKeyEnabled");
      PropertyValue in_rule;
      in_rule.value = {model::Possibility::Kind::Node, rule.map, {}, rule.assumptions, false};
      in_rule.written = rule.map;
      in_rule.path = rule.path;
      TrueVerdict verdict =
          require_true(ctx, "BucketKeyEnabled", member(ctx, {in_rule}, "BucketKeyEnabled"));
      const std::vector<std::string>& problems = verdict.problems;
      const std::string& undecided = verdict.undecided;
      std::string path = rule.path + (key == yaml::kNone ? "" : "/BucketKeyEnabled");
      auto [begin, end] = node_location(ctx.tpl, key == yaml::kNone ? rule.map : key);
      if (problems.empty()) {
        if (!undecided.empty()) {
          lint::Diagnostic d = make(r, begin, end, rule_label(r, rule) + ": " + undecided, path);
          d.severity = lint::Severity::Info;
          out.push_back(std::move(d));
        }
        continue;
      }
      // Written one level too deep, where CloudFormation rejects it: say so,
      // and move it (unsafe: the lines of the rule change, not only grow).
      yaml::NodeId by_default = doc.get(rule.map, "ServerSideEncryptionByDefault");
      yaml::NodeId inside = key == yaml::kNone && doc.is_map(by_default)
                                ? doc.key_of(by_default, "BucketKeyEnabled")
                                : yaml::kNone;
      if (inside != yaml::kNone) {
        auto [at, stop] = node_location(ctx.tpl, inside);
        lint::Diagnostic d =
            make(r, at, stop,
                 rule_label(r, rule) +
                     ": BucketKeyEnabled is misplaced inside ServerSideEncryptionByDefault, where "
                     "CloudFormation rejects it; it belongs beside it, in the encryption rule",
                 rule.path + "/ServerSideEncryptionByDefault/BucketKeyEnabled");
        attach(ctx,
               fix::move_up_fix(ctx.tpl, ctx.style(), doc.resolve(by_default), "BucketKeyEnabled",
                                "Move BucketKeyEnabled out of ServerSideEncryptionByDefault into "
                                "the encryption rule"),
               d);
        out.push_back(std::move(d));
        continue;
      }
      lint::Diagnostic d =
          make(r, begin, end, rule_label(r, rule) + ": " + join(problems) + "; " + why(algorithms),
               path);
      if (key == yaml::kNone) {
        attach(ctx,
               fix::insert_fix(ctx.tpl, ctx.style(), rule.map, "BucketKeyEnabled",
                               model::Value::boolean(true),
                               "Add BucketKeyEnabled: true to the encryption rule"),
               d);
      } else {
        attach(ctx,
               fix::replace_value_fix(ctx.tpl, ctx.style(), key, model::Value::boolean(true),
                                      "Set BucketKeyEnabled to true"),
               d);
      }
      out.push_back(std::move(d));
    }
  }
}

}  // namespace enclint::rules
