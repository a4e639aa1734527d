#include "rules/enc202_s3_encryption_empty.hpp"

#include "rules/property.hpp"
#include "rules/requirement.hpp"
#include "rules/s3_encryption.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

namespace {

const lint::RuleInfo kInfo{
    .id = "ENC202",
    .name = "s3-encryption-empty",
    .summary = "S3 BucketEncryption with no rule that sets a default algorithm",
    .resource_types = {"AWS::S3::Bucket"},
    .fix = lint::FixAvailability::None,
    .peers = {{"checkov", "CKV_AWS_19"}, {"cfn-guard", "S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED"}},
    .doc = R"(## What it does
Checks that `BucketEncryption.ServerSideEncryptionConfiguration` has at least
one rule with `ServerSideEncryptionByDefault.SSEAlgorithm`, whatever the
conditions: a list whose every rule can disappear (`Fn::If` with
`Ref: AWS::NoValue`) or lack an algorithm is reported, with the conditions.

## Why is this bad?
A `BucketEncryption` without a default algorithm states nothing: the bucket
falls back to S3's implicit SSE-S3 while the template looks encrypted by
design. CloudFormation rejects some of these shapes only at deploy time.

## Example
```yaml
BucketEncryption:
  ServerSideEncryptionConfiguration:
    - !If [UseKms, {ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms}}, !Ref AWS::NoValue]
```

## Use instead
```yaml
BucketEncryption:
  ServerSideEncryptionConfiguration:
    - ServerSideEncryptionByDefault:
        SSEAlgorithm: !If [UseKms, aws:kms, AES256]
      BucketKeyEnabled: true
```

## Fix safety
No fix: which algorithm was meant is for a person to decide.

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-s3-bucket-serversideencryptionbydefault.html
)"};

}  // namespace

const lint::RuleInfo& S3EncryptionEmpty::info() const { return kInfo; }

namespace {

// Whether an encryption rule can turn out without a default algorithm, and
// under which assumptions; `misplaced` when SSEAlgorithm sits beside
// ServerSideEncryptionByDefault instead of inside it (CloudFormation rejects it).
bool can_lack_algorithm(const lint::CheckContext& ctx, const EncryptionRule& rule,
                        model::Assumptions& why, bool& misplaced) {
  const auto& doc = ctx.tpl.doc();
  using K = model::Possibility::Kind;
  bool lacks = false;
  misplaced |= doc.get(rule.map, "SSEAlgorithm") != yaml::kNone;
  for (const RuleAlgorithm& ra : rule_algorithms(ctx, rule)) {
    for (const model::Possibility& v : ra.values) {
      // No ServerSideEncryptionByDefault mapping (absent, null, a scalar), or
      // an SSEAlgorithm that is absent or not a scalar.
      bool none = v.kind == K::Absent ||
                  (v.kind == K::Node && (ra.by_default == yaml::kNone || !doc.is_scalar(v.node)));
      if (!none) continue;
      lacks = true;
      why.insert(why.end(), v.assumptions.begin(), v.assumptions.end());
    }
  }
  return lacks;
}

}  // namespace

void S3EncryptionEmpty::check(const lint::CheckContext& ctx,
                              std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  const auto& eval = ctx.eval();
  using K = model::Possibility::Kind;
  for (const model::Resource& r : ctx.tpl.resources()) {
    if (!info().applies_to(r.type)) continue;
    std::string problem;
    yaml::NodeId at = yaml::kNone;
    std::string path = r.path + "/Properties/BucketEncryption";
    for (const PropertyValue& enc : property(ctx, r, "BucketEncryption")) {
      if (!enc.is_map(doc)) continue;  // absent, null or not a mapping: ENC201
      at = enc.written;
      for (const PropertyValue& found : member(ctx, {enc}, "ServerSideEncryptionConfiguration")) {
        const model::Possibility& config = found.value;
        if (config.kind == K::Absent) {
          problem = "BucketEncryption has no ServerSideEncryptionConfiguration" +
                    when(config.assumptions);
        } else if (config.kind == K::Node && !doc.is_seq(config.node)) {
          problem = "ServerSideEncryptionConfiguration is " + describe_value(doc, config.node) +
                    ", not a list of encryption rules" + when(config.assumptions);
        } else if (config.kind == K::Node) {
          // Every rule must be able to lack an algorithm for the whole list to lack one.
          model::Assumptions why;
          bool all_can_lack = true, misplaced = false;
          const auto& items = doc[doc.resolve(config.node)].children();
          for (yaml::NodeId item : items) {
            bool can_lack = false;
            for (const model::Possibility& ip : eval.expand(item, config.assumptions)) {
              if (ip.kind == K::Absent || (ip.kind == K::Node && !doc.is_map(ip.node))) {
                can_lack = true;
                why.insert(why.end(), ip.assumptions.begin(), ip.assumptions.end());
              } else if (ip.kind == K::Node) {
                can_lack |=
                    can_lack_algorithm(ctx, {ip.node, 0, ip.assumptions, {}}, why, misplaced);
              }
            }
            if (!can_lack) {
              all_can_lack = false;
              break;
            }
          }
          if (all_can_lack) {
            problem = items.empty() ? "ServerSideEncryptionConfiguration is empty"
                                    : "no rule of ServerSideEncryptionConfiguration sets "
                                      "ServerSideEncryptionByDefault.SSEAlgorithm" +
                                          when(why) +
                                          (misplaced ? " (SSEAlgorithm is written beside "
                                                       "ServerSideEncryptionByDefault, not "
                                                       "inside it)"
                                                     : "");
          }
        }
        if (!problem.empty()) {
          if (found.written != yaml::kNone) at = found.written;
          path = found.path;
          break;
        }
      }
      if (!problem.empty()) break;
    }
    if (problem.empty()) continue;
    auto [begin, end] = node_location(ctx.tpl, at);
    out.push_back(make(r, begin, end,
                       bucket_label(r) + ": " + problem +
                           "; the bucket then has no declared default encryption (S3 falls back to "
                           "SSE-S3 for new objects)",
                       path));
  }
}

}  // namespace enclint::rules
