#include "rules/enc103_dynamodb_sse_invalid.hpp"

#include <algorithm>
#include <set>

#include "rules/dynamodb_sse.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

namespace {

const lint::RuleInfo kInfo{.id = "ENC103",
                           .name = "dynamodb-sse-invalid",
                           .summary =
                               "DynamoDB SSESpecification with an SSEType other than KMS, or a key "
                               "while SSE is not enabled",
                           .resource_types = {"AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable",
                                              "AWS::Serverless::SimpleTable"},
                           .fix = lint::FixAvailability::None,
                           .doc = R"(## What it does
Checks that `SSESpecification.SSEType` is `KMS` wherever it is written, and
that `KMSMasterKeyId` is only given together with `SSEEnabled: true`.

## Why is this bad?
`KMS` is the only type that selects a KMS key (`AWS::DynamoDB::Table`
accepts nothing else; `AWS::DynamoDB::GlobalTable` also accepts `AES256`,
which is the AWS owned key). A `KMSMasterKeyId` next to a disabled or absent
`SSEEnabled` is not used: the table stays on the AWS owned key while the
template suggests a customer managed key.

## Example
```yaml
SSESpecification:
  SSEEnabled: false
  KMSMasterKeyId: !Ref TableKey
```

## Use instead
```yaml
SSESpecification:
  SSEEnabled: true
  SSEType: KMS
  KMSMasterKeyId: !Ref TableKey
```

## Fix safety
No fix: the intent is unclear (drop the key, or enable SSE?).

## References
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-table-ssespecification.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-globaltable-ssespecification.html
)"};

}  // namespace

const lint::RuleInfo& DynamodbSseInvalid::info() const { return kInfo; }

void DynamodbSseInvalid::check(const lint::CheckContext& ctx,
                               std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  using K = model::Possibility::Kind;
  for (const model::Resource& r : ctx.tpl.resources()) {
    if (!info().applies_to(r.type)) continue;
    std::set<yaml::NodeId> reported;
    for (const EffectiveSse& spec : effective_sse(ctx, r)) {
      if (!spec.exists()) continue;
      SseKey type = sse_key(ctx, spec, "SSEType");
      for (const model::Possibility& p : type.possibilities) {
        if (p.kind != K::Node || doc[p.node].kind != yaml::Kind::Scalar) continue;
        const std::string v(doc[p.node].value());
        if (v == "KMS" || !reported.insert(type.value).second) continue;
        auto [begin, end] = node_location(ctx.tpl, type.value);
        out.push_back(
            make(r, begin, end,
                 table_label(r) + ": SSEType is '" + v + "'" + when(p.assumptions) +
                     "; only KMS selects a KMS key (" +
                     (v == "AES256" ? "AES256 is not a KMS type: the table keeps an AWS owned key"
                                    : "CloudFormation rejects other values") +
                     ")",
                 r.path + "/Properties/SSESpecification/SSEType"));
      }
      SseKey key = sse_key(ctx, spec, "KMSMasterKeyId");
      if (key.value == yaml::kNone || reported.count(key.value)) continue;
      SseKey enabled = sse_key(ctx, spec, "SSEEnabled");
      std::vector<model::Possibility> keys = key.possibilities;
      for (const model::Possibility& p : enabled.possibilities) {
        bool off = p.kind == K::Absent || p.kind == K::AnyParameter ||
                   (p.kind == K::Node && model::truth_of(doc, p.node) == model::Truth::False);
        // Only where a key can be present at the same time as SSE is off.
        bool key_there = std::any_of(keys.begin(), keys.end(), [&](const model::Possibility& k) {
          return k.kind != K::Absent && model::consistent(k.assumptions, p.assumptions);
        });
        if (!off || !key_there) continue;
        reported.insert(key.value);
        auto [begin, end] = node_location(ctx.tpl, key.value);
        out.push_back(make(r, begin, end,
                           table_label(r) + ": KMSMasterKeyId is set but SSEEnabled is not true" +
                               when(p.assumptions) +
                               "; the key is not used and the table stays on an AWS owned key",
                           r.path + "/Properties/SSESpecification/KMSMasterKeyId"));
        break;
      }
    }
  }
}

}  // namespace enclint::rules
