#include "rules/enc102_dynamodb_sse_disabled.hpp"

#include <set>

#include "rules/dynamodb_sse.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

namespace {

const lint::RuleInfo kInfo{
    .id = "ENC102",
    .name = "dynamodb-sse-disabled",
    .summary = "DynamoDB SSESpecification whose SSEEnabled is, or can be, false",
    .resource_types = {"AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable",
                       "AWS::Serverless::SimpleTable"},
    .fix = lint::FixAvailability::SafeOrUnsafe,
    .peers = {{"cfn_nag", "W74"},
              {"checkov", "CKV_AWS_119"},
              {"cfn-guard", "DYNAMODB_TABLE_ENCRYPTED_KMS"}},
    .doc = R"(## What it does
Checks `SSESpecification.SSEEnabled` of DynamoDB tables, global tables and SAM
SimpleTables (merged with `Globals.SimpleTable.SSESpecification`, resource
values winning). It reports `SSEEnabled` that is false, absent, or can be
false at deploy time: an `Fn::If` branch (both branches are checked, nested
ones too), a `Ref` to a parameter whose `AllowedValues` include false (or
that has no `AllowedValues`: a `Default` does not stop an override), or
`Ref: AWS::NoValue`. A value that cannot be decided statically
(`Fn::ImportValue`, `Fn::GetAtt`) is not a finding; `--format json` lists it
with severity `info`.

## Why is this bad?
With SSE disabled DynamoDB still encrypts the table, but with an AWS *owned*
key: no key policy of yours, no CloudTrail record of its use. Only
`SSEEnabled: true` moves the table to a KMS key in your account (the AWS
managed key `aws/dynamodb`, or your own).

## Example
```yaml
SSESpecification:
  SSEEnabled: !If [IsProd, true, false]
```

## Use instead
```yaml
SSESpecification:
  SSEEnabled: true
  SSEType: KMS
```

## Fix safety
`SSEEnabled` absent: safe, `SSEEnabled: true` is inserted. Explicit or
conditional value: unsafe (`--unsafe-fixes`), the value's bytes are replaced
by `true`, which drops the condition or parameter someone wrote on purpose.
No fix when the value comes from `Globals` (change it there).

## References
- https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-table-ssespecification.html
)"};

}  // namespace

const lint::RuleInfo& DynamodbSseDisabled::info() const { return kInfo; }

void DynamodbSseDisabled::check(const lint::CheckContext& ctx,
                                std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  using K = model::Possibility::Kind;
  for (const model::Resource& r : ctx.tpl.resources()) {
    if (!info().applies_to(r.type)) continue;
    std::set<std::pair<yaml::NodeId, yaml::NodeId>> seen;
    for (const EffectiveSse& spec : effective_sse(ctx, r)) {
      if (!spec.exists() || !seen.insert({spec.resource_map, spec.globals_map}).second) continue;
      SseKey k = sse_key(ctx, spec, "SSEEnabled");
      std::vector<std::string> problems;
      std::string undecided;
      for (const model::Possibility& p : k.possibilities) {
        switch (p.kind) {
          case K::Absent:
            problems.push_back((p.no_value ? "SSEEnabled is removed by Ref: AWS::NoValue"
                                           : "SSEEnabled is not set") +
                               when(p.assumptions));
            break;
          case K::Node: {
            model::Truth t = model::truth_of(doc, p.node);
            if (t == model::Truth::False)
              problems.push_back("SSEEnabled is false" + when(p.assumptions));
            else if (t == model::Truth::Unknown)
              undecided = "SSEEnabled is '" + std::string(doc.text(p.node)) + "', not a boolean";
            break;
          }
          case K::AnyParameter:
            problems.push_back(
                "SSEEnabled comes from parameter " + p.detail +
                ", which has no AllowedValues, so false can be passed at deploy time" +
                when(p.assumptions));
            break;
          case K::Unknown:
            undecided = "SSEEnabled is " + p.detail + ", which cannot be checked statically";
            break;
        }
      }
      yaml::NodeId spec_node =
          spec.resource_map != yaml::kNone ? spec.resource_map : spec.globals_map;
      yaml::NodeId at = k.value != yaml::kNone              ? k.value
                        : doc[spec_node].key != yaml::kNone ? doc[spec_node].key
                                                            : spec_node;
      auto [begin, end] = node_location(ctx.tpl, at);
      std::string path = r.path + "/Properties/SSESpecification/SSEEnabled";
      if (problems.empty()) {
        if (!undecided.empty()) {
          lint::Diagnostic d = make(r, begin, end, table_label(r) + ": " + undecided, path);
          d.severity = lint::Severity::Info;
          out.push_back(std::move(d));
        }
        continue;
      }
      lint::Diagnostic d =
          make(r, begin, end,
               table_label(r) + ": " + join(problems) +
                   "; with SSE disabled DynamoDB encrypts the table with an AWS owned key (no key "
                   "policy, no CloudTrail record of key use), not a KMS key in your account",
               path);
      if (k.from_globals || (k.value == yaml::kNone && spec.resource_map == yaml::kNone)) {
        d.not_fixable =
            "SSEEnabled comes from Globals.SimpleTable.SSESpecification; change it there";
      } else if (k.value == yaml::kNone) {
        attach(fix::insert_fix(ctx.tpl, ctx.style(), spec.resource_map, "SSEEnabled",
                               model::Value::boolean(true), "Add SSEEnabled: true"),
               d);
      } else {
        attach(fix::replace_value_fix(ctx.tpl, ctx.style(), k.value, model::Value::boolean(true),
                                      "Set SSEEnabled to true"),
               d);
      }
      out.push_back(std::move(d));
    }
  }
}

}  // namespace enclint::rules
