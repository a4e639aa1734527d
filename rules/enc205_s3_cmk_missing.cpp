#include "rules/enc205_s3_cmk_missing.hpp"

#include <cctype>

#include "rules/requirement.hpp"
#include "rules/requirement_support.hpp"
#include "rules/s3_encryption.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

namespace {

const lint::RuleInfo kInfo{
    .id = "ENC205",
    .name = "s3-cmk-missing",
    .summary = "S3 default encryption without a customer managed KMS key (level cmk)",
    .resource_types = {"AWS::S3::Bucket"},
    .level = lint::Level::Cmk,
    .fix = lint::FixAvailability::Unsafe,
    .fix_options = {"kms-key", "sse-algorithm"},
    .doc = R"(## What it does
At policy level `cmk` only (`--level cmk`, or `level: cmk` in the config):
checks that every encryption rule uses `aws:kms` or `aws:kms:dsse` with a
`KMSMasterKeyID`.

## Why is this bad?
`AES256` (SSE-S3) uses keys S3 owns, and `aws:kms` without a key uses the AWS
managed key `aws/s3`: in both cases you cannot write the key policy, control
rotation, or share the data across accounts under your own key. Teams that
must hold their own keys need a customer managed key.

## Example
```yaml
ServerSideEncryptionByDefault:
  SSEAlgorithm: AES256
```

## Use instead
```yaml
ServerSideEncryptionByDefault:
  SSEAlgorithm: aws:kms
  KMSMasterKeyID: !Ref BucketKey
```

## Fix safety
Unsafe, and only with a key (`--kms-key`, or `fix.kms_key` in the config):
`SSEAlgorithm` is replaced by `aws:kms` and `KMSMasterKeyID` inserted.
Switching to SSE-KMS changes who can read new objects (the key policy must
allow readers) and adds KMS request costs. An algorithm in the wrong case
(`aes256`, `AWS:KMS`, which CloudFormation rejects) is named as such and
replaced the same way; a null or empty `KMSMasterKeyID` is replaced by the key.

## References
- https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-serversideencryptionbydefault.html
)"};

bool kms(const std::string& a) { return a == "aws:kms" || a == "aws:kms:dsse"; }

}  // namespace

namespace {
// What a non-KMS SSEAlgorithm is: SSE-S3, or a KMS name in the wrong case
// (CloudFormation takes the names as written).
std::string describe_algorithm(const std::string& a) {
  std::string lower = a;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (a == "AES256") return a + " (SSE-S3, keys S3 owns)";
  if (lower == "aes256")
    return "'" + a + "' (AES256, SSE-S3, in the wrong case, which CloudFormation rejects)";
  if (lower == "aws:kms" || lower == "aws:kms:dsse")
    return "'" + a + "' (" + lower + " in the wrong case, which CloudFormation rejects)";
  return "'" + a + "', which is not a KMS algorithm";
}
}  // namespace

const lint::RuleInfo& S3CmkMissing::info() const { return kInfo; }

void S3CmkMissing::check(const lint::CheckContext& ctx, std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  const std::string& key_option = ctx.options.fix.kms_key;
  for (const model::Resource& r : ctx.tpl.resources()) {
    if (!info().applies_to(r.type)) continue;
    for (const EncryptionRule& rule : encryption_rules(ctx, r)) {
      for (const RuleAlgorithm& ra : rule_algorithms(ctx, rule)) {
        if (ra.by_default == yaml::kNone) continue;  // ENC202
        std::string weak;
        bool keyless = false;  // a KMS algorithm where no key is there at the same time
        std::string keyless_algorithm = "aws:kms";
        yaml::NodeId key = doc.get(ra.by_default, "KMSMasterKeyID");
        auto keys = ctx.eval().expand(key, rule.assumptions);
        for (const model::Possibility& v : ra.values) {
          if (v.kind == model::Possibility::Kind::Absent) {
            weak = "no SSEAlgorithm" + when(v.assumptions);
            continue;
          }
          if (v.kind != model::Possibility::Kind::Node) continue;
          const std::string a(doc[v.node].value());
          if (!kms(a)) {
            // What the algorithm is, then when: "AES256 (SSE-S3, keys S3 owns) (when ...)".
            weak = describe_algorithm(a) + when(v.assumptions);
            continue;
          }
          for (const auto& k : keys) {
            bool none = k.kind == model::Possibility::Kind::Absent ||
                        (k.kind == model::Possibility::Kind::Node && is_blank(doc, k.node));
            if (none && model::consistent(k.assumptions, v.assumptions)) {
              keyless = true;
              keyless_algorithm = a;
            }
          }
        }
        if (weak.empty() && !keyless) continue;
        std::string problem =
            weak.rfind("no SSEAlgorithm", 0) == 0 ? "has " + weak
            : !weak.empty()
                ? "uses " + weak
                : "uses " + keyless_algorithm +
                      (key != yaml::kNone && is_blank(doc, key)
                           ? (doc[key].kind == yaml::Kind::Null ? " with a null KMSMasterKeyID"
                                                                : " with an empty KMSMasterKeyID")
                           : " without KMSMasterKeyID") +
                      " (the AWS managed key aws/s3)";
        yaml::NodeId at = ra.written != yaml::kNone ? ra.written : ra.by_default;
        auto [begin, end] = node_location(ctx.tpl, at);
        lint::Diagnostic d = make(r, begin, end,
                                  rule_label(r, rule) + " " + problem +
                                      "; policy level cmk requires a customer managed KMS key",
                                  ra.path);
        bool literal = ra.written != yaml::kNone && doc[ra.written].kind == yaml::Kind::Scalar &&
                       doc[ra.written].tag().empty();
        if (key_option.empty()) {
          d.not_fixable = kNeedsKey;
        } else if (key != yaml::kNone && keyless && weak.empty() &&
                   detail::replace_blank_key(ctx, key, "KMSMasterKeyID", kms_key_value(key_option),
                                             key_option, d)) {
          // `KMSMasterKeyID: ~`: the key goes in its place.
        } else if (key != yaml::kNone && keyless) {
          d.not_fixable =
              "KMSMasterKeyID is set only under some conditions; make it unconditional by hand";
        } else if (ra.written == yaml::kNone) {
          d.not_fixable = "ServerSideEncryptionByDefault has no SSEAlgorithm; set it by hand";
        } else if (!weak.empty() && !literal) {
          d.not_fixable = "SSEAlgorithm is not a plain value; change it by hand";
        } else {
          // One fix of up to two parts, which keeps the parts' alias sharing
          // (fix::add_part): the shared-node guard of the linter then refuses
          // it where the mapping is also used by a place that does not need it.
          fix::Fix f;
          f.title = "Use aws:kms with the given key";
          f.applicability = fix::Applicability::Unsafe;
          auto add = [&](fix::InsertFix part) {
            if (!part.fix) {
              d.not_fixable = std::move(part.reason);
              return false;
            }
            if (fix::add_part(f, std::move(*part.fix))) return true;
            d.not_fixable =
                "the mapping is shared through different YAML aliases; change it by hand";
            return false;
          };
          bool ok = true;
          if (!weak.empty())
            ok = add(fix::replace_value_fix(ctx.tpl, ctx.style(), ra.written,
                                            model::Value::string("aws:kms"), f.title));
          if (ok && key == yaml::kNone)
            ok = add(fix::insert_fix(ctx.tpl, ctx.style(), ra.by_default, "KMSMasterKeyID",
                                     kms_key_value(key_option), f.title));
          if (ok) d.fix = std::move(f);
        }
        out.push_back(std::move(d));
      }
    }
  }
}

}  // namespace enclint::rules
