#include "rules/enc202_s3_encryption_empty.hpp"

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

void S3EncryptionEmpty::check(const lint::CheckContext& ctx,
                              std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  const auto& eval = ctx.eval();
  using K = model::Possibility::Kind;
  for (const model::Resource& r : ctx.tpl.resources()) {
    if (!info().applies_to(r.type)) continue;
    yaml::NodeId written = doc.get(r.properties, "BucketEncryption");
    if (written == yaml::kNone) continue;  // ENC201
    std::string problem;
    yaml::NodeId at = written;
    for (const model::Possibility& enc : eval.expand(written)) {
      if (enc.kind != K::Node || !doc.is_map(enc.node)) continue;
      yaml::NodeId config_node = doc.get(enc.node, "ServerSideEncryptionConfiguration");
      for (const model::Possibility& config :
           eval.lookup({enc}, "ServerSideEncryptionConfiguration")) {
        if (config.kind == K::Absent) {
          problem = "BucketEncryption has no ServerSideEncryptionConfiguration" +
                    when(config.assumptions);
        } else if (config.kind == K::Node && doc.is_seq(config.node)) {
          // Every rule must be able to lack an algorithm for the whole list to lack one.
          model::Assumptions why;
          bool all_can_lack = true;
          for (yaml::NodeId item : doc[doc.resolve(config.node)].children()) {
            bool can_lack = false;
            for (const model::Possibility& ip : eval.expand(item, config.assumptions)) {
              if (ip.kind == K::Absent || (ip.kind == K::Node && !doc.is_map(ip.node))) {
                can_lack = true;
                why.insert(why.end(), ip.assumptions.begin(), ip.assumptions.end());
              } else if (ip.kind == K::Node) {
                EncryptionRule rule{ip.node, 0, ip.assumptions, {}};
                for (const RuleAlgorithm& ra : rule_algorithms(ctx, rule))
                  for (const model::Possibility& v : ra.values)
                    if (v.kind == K::Absent) {
                      can_lack = true;
                      why.insert(why.end(), v.assumptions.begin(), v.assumptions.end());
                    }
              }
            }
            if (!can_lack) {
              all_can_lack = false;
              break;
            }
          }
          if (all_can_lack) {
            problem = doc[doc.resolve(config.node)].children().empty()
                          ? "ServerSideEncryptionConfiguration is empty"
                          : "no rule of ServerSideEncryptionConfiguration sets "
                            "ServerSideEncryptionByDefault.SSEAlgorithm" +
                                when(why);
          }
        }
        if (!problem.empty()) {
          if (config_node != yaml::kNone) at = config_node;
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
                       r.path + "/Properties/BucketEncryption"));
  }
}

}  // namespace enclint::rules
