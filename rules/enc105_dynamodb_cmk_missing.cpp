#include "rules/enc105_dynamodb_cmk_missing.hpp"

#include <set>

#include "rules/dynamodb_sse.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

namespace {

const lint::RuleInfo kInfo{
    .id = "ENC105",
    .name = "dynamodb-cmk-missing",
    .summary =
        "DynamoDB table encrypted with the AWS managed key instead of a customer managed key "
        "(level cmk)",
    .resource_types = {"AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable",
                       "AWS::Serverless::SimpleTable"},
    .level = lint::Level::Cmk,
    .fix = lint::FixAvailability::Safe,
    .fix_options = {"kms-key"},
    .peers = {{"checkov", "CKV_AWS_119"}, {"cfn-guard", "DYNAMODB_TABLE_ENCRYPTED_KMS"}},
    .doc = R"(## What it does
At policy level `cmk` only (`--level cmk`, or `level: cmk` in the config):
checks that DynamoDB tables with SSE enabled name a customer managed key,
`SSESpecification.KMSMasterKeyId`. For `AWS::DynamoDB::GlobalTable` the key
is per replica: every entry of `Replicas` needs
`SSESpecification.KMSMasterKeyId`.

## Why is this bad?
With `SSEType: KMS` and no key, DynamoDB uses the AWS managed key
`aws/dynamodb`: you can audit its use, but you cannot change its key policy,
rotate it on your schedule, share it across accounts or disable it. Teams
that must hold their own keys need a customer managed key.

## Example
```yaml
SSESpecification:
  SSEEnabled: true
  SSEType: KMS
```

## Use instead
```yaml
SSESpecification:
  SSEEnabled: true
  SSEType: KMS
  KMSMasterKeyId: !Ref TableKey
```

## Fix safety
Safe when a key is given (`--kms-key`, or `fix.kms_key` in the config):
`KMSMasterKeyId` (and `SSEType: KMS` when it is missing) is inserted; for a
global table, into each replica's `SSESpecification`. Without a key there is
nothing to insert.

## References
- https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/encryption.howitworks.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-globaltable-replicassespecification.html
)"};

const char* kWhy =
    "the AWS managed key aws/dynamodb is used, whose policy and rotation you cannot control; "
    "policy level cmk requires a customer managed key";

bool can_be_enabled(const lint::CheckContext& ctx, const EffectiveSse& spec) {
  for (const auto& p : sse_key(ctx, spec, "SSEEnabled").possibilities) {
    if (p.kind == model::Possibility::Kind::Node &&
        model::truth_of(ctx.tpl.doc(), p.node) == model::Truth::False)
      continue;
    if (p.kind == model::Possibility::Kind::Absent) continue;
    return true;
  }
  return false;
}

}  // namespace

const lint::RuleInfo& DynamodbCmkMissing::info() const { return kInfo; }

void DynamodbCmkMissing::check(const lint::CheckContext& ctx,
                               std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  const std::string& key_option = ctx.options.fix.kms_key;
  const std::string no_key = "pass --kms-key (or set fix.kms_key in the config) to insert a key";
  for (const model::Resource& r : ctx.tpl.resources()) {
    if (!info().applies_to(r.type)) continue;
    bool global = r.type == "AWS::DynamoDB::GlobalTable";
    std::set<yaml::NodeId> seen;
    for (const EffectiveSse& spec : effective_sse(ctx, r)) {
      if (!spec.exists() || !can_be_enabled(ctx, spec)) continue;
      if (global) {
        // The key is per replica.
        yaml::NodeId replicas = doc.resolve(doc.get(r.properties, "Replicas"));
        if (!doc.is_seq(replicas)) continue;
        const auto& items = doc[replicas].children();
        for (std::size_t i = 0; i < items.size(); ++i) {
          yaml::NodeId replica = doc.resolve(items[i]);
          if (!doc.is_map(replica) || !seen.insert(replica).second) continue;
          yaml::NodeId replica_sse = doc.get(replica, "SSESpecification");
          if (doc.get(replica_sse, "KMSMasterKeyId") != yaml::kNone) continue;
          auto [begin, end] = node_location(ctx.tpl, replica);
          std::string region(doc.text(doc.get(replica, "Region")));
          // Each replica its own finding identity (rule + path): the written
          // SSESpecification that lacks the key, else the replica itself.
          std::string path = r.path + "/Properties/Replicas/" + std::to_string(i) +
                             (replica_sse == yaml::kNone ? "" : "/SSESpecification");
          lint::Diagnostic d =
              make(r, begin, end,
                   table_label(r) + ": replica " + (region.empty() ? "" : "in " + region + " ") +
                       "has no SSESpecification.KMSMasterKeyId: " + kWhy,
                   std::move(path));
          if (key_option.empty()) {
            d.not_fixable = no_key;
          } else if (doc.is_map(replica_sse)) {
            attach(fix::insert_fix(ctx.tpl, ctx.style(), doc.resolve(replica_sse), "KMSMasterKeyId",
                                   kms_key_value(key_option), "Add KMSMasterKeyId to the replica"),
                   d);
          } else if (replica_sse == yaml::kNone) {
            attach(
                fix::insert_fix(ctx.tpl, ctx.style(), replica, "SSESpecification",
                                model::Value::map({{"KMSMasterKeyId", kms_key_value(key_option)}}),
                                "Add SSESpecification with KMSMasterKeyId to the replica"),
                d);
          } else {
            d.not_fixable = "the replica's SSESpecification is not a mapping";
          }
          out.push_back(std::move(d));
        }
        continue;
      }
      // Missing where SSE can be on while no key is there.
      SseKey key = sse_key(ctx, spec, "KMSMasterKeyId");
      bool has_key = true;
      for (const auto& on : sse_key(ctx, spec, "SSEEnabled").possibilities) {
        if (on.kind == model::Possibility::Kind::Absent ||
            (on.kind == model::Possibility::Kind::Node &&
             model::truth_of(doc, on.node) == model::Truth::False))
          continue;
        for (const auto& k : key.possibilities)
          if (k.kind == model::Possibility::Kind::Absent &&
              model::consistent(k.assumptions, on.assumptions))
            has_key = false;
      }
      yaml::NodeId spec_node =
          spec.resource_map != yaml::kNone ? spec.resource_map : spec.globals_map;
      if (has_key || !seen.insert(spec_node).second) continue;
      yaml::NodeId at = doc[spec_node].key != yaml::kNone ? doc[spec_node].key : spec_node;
      auto [begin, end] = node_location(ctx.tpl, at);
      // Each branch of an `!If` SSESpecification its own finding identity.
      yaml::NodeId written =
          spec.resource_map != yaml::kNone ? resource_sse_node(ctx, r) : globals_sse_node(ctx);
      lint::Diagnostic d = make(
          r, begin, end,
          table_label(r) + " has SSE without KMSMasterKeyId" + when(spec.assumptions) + ": " + kWhy,
          r.path + "/Properties/SSESpecification" +
              branch_path(doc, written, spec_node).value_or(""));
      if (key_option.empty()) {
        d.not_fixable = no_key;
      } else if (spec.resource_map == yaml::kNone) {
        d.not_fixable = "SSESpecification comes from Globals.SimpleTable; add the key there";
      } else if (key.value != yaml::kNone) {
        d.not_fixable =
            "KMSMasterKeyId is set only under some conditions; make it unconditional by hand";
      } else {
        fix::Entries entries;
        if (sse_key(ctx, spec, "SSEType").value == yaml::kNone)
          entries.emplace_back("SSEType", model::Value::string("KMS"));
        entries.emplace_back("KMSMasterKeyId", kms_key_value(key_option));
        attach(fix::insert_fix(ctx.tpl, ctx.style(), spec.resource_map, entries,
                               "Add KMSMasterKeyId to SSESpecification"),
               d);
      }
      out.push_back(std::move(d));
    }
  }
}

}  // namespace enclint::rules
