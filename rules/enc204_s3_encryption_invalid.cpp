#include "rules/enc204_s3_encryption_invalid.hpp"

#include "rules/s3_encryption.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

namespace {

const lint::RuleInfo kInfo{
    .id = "ENC204",
    .name = "s3-encryption-invalid",
    .summary = "S3 encryption rule with an unknown SSEAlgorithm, or a KMSMasterKeyID with AES256",
    .resource_types = {"AWS::S3::Bucket"},
    .fix = lint::FixAvailability::None,
    .doc = R"(## What it does
Checks `ServerSideEncryptionByDefault` of every encryption rule: `SSEAlgorithm`
must be `AES256`, `aws:kms` or `aws:kms:dsse` (values are case-sensitive), and
`KMSMasterKeyID` only goes with the KMS algorithms. Values reached through
`Fn::If` branches or a parameter's `AllowedValues` are checked too.

## Why is this bad?
An unknown algorithm fails the deployment (or, through a parameter, fails
only in the environments that pass it). A `KMSMasterKeyID` next to `AES256`
is rejected by S3: SSE-S3 uses keys S3 owns, so the template suggests a
customer managed key it does not get.

## Example
```yaml
ServerSideEncryptionByDefault:
  SSEAlgorithm: AES256
  KMSMasterKeyID: !Ref BucketKey
```

## Use instead
```yaml
ServerSideEncryptionByDefault:
  SSEAlgorithm: aws:kms
  KMSMasterKeyID: !Ref BucketKey
```

## Fix safety
No fix: whether the key or the algorithm is wrong is for a person to decide.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-serversideencryptionbydefault.html
)"};

bool known(const std::string& a) { return a == "AES256" || a == "aws:kms" || a == "aws:kms:dsse"; }

}  // namespace

const lint::RuleInfo& S3EncryptionInvalid::info() const { return kInfo; }

void S3EncryptionInvalid::check(const lint::CheckContext& ctx,
                                std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  for (const model::Resource& r : ctx.tpl.resources()) {
    if (!info().applies_to(r.type)) continue;
    for (const EncryptionRule& rule : encryption_rules(ctx, r)) {
      for (const RuleAlgorithm& ra : rule_algorithms(ctx, rule)) {
        if (ra.written == yaml::kNone) continue;
        std::vector<const model::Possibility*> aes;
        for (const model::Possibility& v : ra.values) {
          if (v.kind != model::Possibility::Kind::Node || doc[v.node].kind != yaml::Kind::Scalar)
            continue;
          const std::string a(doc[v.node].value());
          if (a == "AES256") aes.push_back(&v);
          if (known(a)) continue;
          auto [begin, end] = node_location(ctx.tpl, ra.written);
          out.push_back(
              make(r, begin, end,
                   rule_label(r, rule) + ": SSEAlgorithm '" + a + "'" + when(v.assumptions) +
                       " is not one of AES256, aws:kms, aws:kms:dsse; the deployment fails",
                   ra.path + "/SSEAlgorithm"));
          break;
        }
        // A key only matters where it can be present together with AES256.
        yaml::NodeId key = doc.get(ra.by_default, "KMSMasterKeyID");
        const model::Possibility* clash = nullptr;
        for (const model::Possibility& k : ctx.eval().expand(key)) {
          if (k.kind == model::Possibility::Kind::Absent) continue;
          for (const model::Possibility* a : aes)
            if (!clash && model::consistent(a->assumptions, k.assumptions)) clash = a;
        }
        if (clash) {
          auto [begin, end] = node_location(ctx.tpl, key);
          out.push_back(make(
              r, begin, end,
              rule_label(r, rule) + ": KMSMasterKeyID is set with SSEAlgorithm AES256" +
                  when(clash->assumptions) +
                  "; S3 accepts a key only with aws:kms or aws:kms:dsse (SSE-S3 uses keys S3 owns)",
              ra.path + "/KMSMasterKeyID"));
        }
      }
    }
  }
}

}  // namespace enclint::rules
