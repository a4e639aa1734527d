#include "rules/enc105_dynamodb_cmk_missing.hpp"

#include <algorithm>
#include <set>

#include "rules/dynamodb_sse.hpp"
#include "rules/property.hpp"
#include "rules/requirement.hpp"
#include "rules/requirement_support.hpp"
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
`SSESpecification.KMSMasterKeyId`; where a replica's `SSESpecification` is an
`Fn::If`, every branch that can occur while SSE is on needs it.

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
global table, into each replica's `SSESpecification`, or into the `Fn::If`
branch of it that lacks the key. A branch that is `Ref: AWS::NoValue` is left
to you. Without a key there is nothing to insert.

## References
- https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/encryption.howitworks.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-dynamodb-globaltable-replicassespecification.html
)"};

const char* kWhy =
    "the AWS managed key aws/dynamodb is used, whose policy and rotation you cannot control; "
    "policy level cmk requires a customer managed key";

// The possibilities of SSEEnabled under which SSE is on.
std::vector<model::Possibility> enabled(const lint::CheckContext& ctx, const PropertyValue& spec) {
  std::vector<model::Possibility> on;
  for (PropertyValue& pv : member(ctx, {spec}, "SSEEnabled")) {
    model::Possibility& p = pv.value;
    if (p.kind == model::Possibility::Kind::Node &&
        model::truth_of(ctx.tpl.doc(), p.node) == model::Truth::False)
      continue;
    if (p.kind == model::Possibility::Kind::Absent) continue;
    on.push_back(std::move(p));
  }
  return on;
}

// A key is a non-empty value: absent, null and "" name none.
bool no_key(const yaml::Document& doc, const model::Possibility& k) {
  return k.kind == model::Possibility::Kind::Absent ||
         (k.kind == model::Possibility::Kind::Node && is_blank(doc, k.node));
}

}  // namespace

const lint::RuleInfo& DynamodbCmkMissing::info() const { return kInfo; }

// A global table's key is per replica: each replica's SSESpecification, in
// each way it can turn out while SSE is on (`given`), needs KMSMasterKeyId.
// An Fn::If there is decided branch by branch, each its own finding and fix.
void DynamodbCmkMissing::check_replicas(const lint::CheckContext& ctx, const model::Resource& r,
                                        const model::Assumptions& given,
                                        std::set<std::pair<yaml::NodeId, yaml::NodeId>>& seen,
                                        std::set<std::string>& paths,
                                        std::vector<lint::Diagnostic>& out) const {
  using K = model::Possibility::Kind;
  const auto& doc = ctx.tpl.doc();
  const std::string& key_option = ctx.options.fix.kms_key;
  yaml::NodeId replicas = doc.resolve(doc.get(r.properties, "Replicas"));
  if (!doc.is_seq(replicas)) return;
  const auto& items = doc[replicas].children();
  for (std::size_t i = 0; i < items.size(); ++i) {
    yaml::NodeId replica = doc.resolve(items[i]);
    if (!doc.is_map(replica)) continue;
    yaml::NodeId written = doc.get(replica, "SSESpecification");
    const std::string replica_path = r.path + "/Properties/Replicas/" + std::to_string(i);
    for (const model::Possibility& p : ctx.eval().expand(written, given)) {
      // Undecidable (Fn::ImportValue, a parameter): never a finding by itself.
      if (p.kind == K::Unknown || p.kind == K::AnyParameter) continue;
      const bool map = p.kind == K::Node && doc.is_map(p.node);
      if (map && doc.get(p.node, "KMSMasterKeyId") != yaml::kNone) continue;
      // Each its own finding identity (rule + path): the branch of the written
      // SSESpecification that lacks the key, the SSESpecification (also where
      // AWS::NoValue removes it), else the replica.
      std::string branch =
          p.kind == K::Node ? branch_path(doc, written, p.node).value_or("") : std::string();
      std::string path =
          replica_path + (written == yaml::kNone ? "" : "/SSESpecification" + branch);
      if (!seen.insert({replica, p.node}).second || !paths.insert(path).second) continue;
      auto [begin, end] = node_location(ctx.tpl, branch.empty() ? replica : p.node);
      std::string region(doc.text(doc.get(replica, "Region")));
      lint::Diagnostic d =
          make(r, begin, end,
               table_label(r) + ": replica " + (region.empty() ? "" : "in " + region + " ") +
                   "has no SSESpecification.KMSMasterKeyId" + when(p.assumptions) + ": " + kWhy,
               std::move(path));
      if (key_option.empty()) {
        d.not_fixable = kNeedsKey;
      } else if (map) {
        attach(ctx,
               fix::insert_fix(ctx.tpl, ctx.style(), p.node, "KMSMasterKeyId",
                               kms_key_value(key_option), "Add KMSMasterKeyId to the replica"),
               d);
      } else if (written == yaml::kNone) {
        attach(ctx,
               fix::insert_fix(ctx.tpl, ctx.style(), replica, "SSESpecification",
                               model::Value::map({{"KMSMasterKeyId", kms_key_value(key_option)}}),
                               "Add SSESpecification with KMSMasterKeyId to the replica"),
               d);
      } else if (p.kind == K::Absent) {
        d.not_fixable = "the replica's SSESpecification is removed by Ref: AWS::NoValue" +
                        when(p.assumptions) +
                        "; write a mapping with KMSMasterKeyId in its place by hand";
      } else {
        d.not_fixable = "the replica's SSESpecification is not a mapping";
      }
      out.push_back(std::move(d));
    }
  }
}

void DynamodbCmkMissing::check(const lint::CheckContext& ctx,
                               std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  const std::string& key_option = ctx.options.fix.kms_key;
  for (const model::Resource& r : ctx.tpl.resources()) {
    if (!info().applies_to(r.type)) continue;
    bool global = r.type == "AWS::DynamoDB::GlobalTable";
    std::set<yaml::NodeId> seen;
    std::set<std::pair<yaml::NodeId, yaml::NodeId>> replica_seen;
    std::set<std::string> replica_paths;
    // Every mapping SSESpecification can be (Properties under Fn::If, SAM Globals merged).
    for (const PropertyValue& spec : property(ctx, r, "SSESpecification")) {
      if (!spec.is_map(doc)) continue;
      std::vector<model::Possibility> sse_on = enabled(ctx, spec);
      if (sse_on.empty()) continue;
      if (global) {
        for (const model::Possibility& p : sse_on)
          check_replicas(ctx, r, p.assumptions, replica_seen, replica_paths, out);
        continue;
      }
      // Missing where SSE can be on while no key is there.
      std::vector<PropertyValue> key = member(ctx, {spec}, "KMSMasterKeyId");
      bool has_key = true;
      for (const auto& on : sse_on)
        for (const auto& k : key)
          if (no_key(doc, k.value) && model::consistent(k.value.assumptions, on.assumptions))
            has_key = false;
      yaml::NodeId spec_node = spec.value.node;
      if (has_key || !seen.insert(spec_node).second) continue;
      yaml::NodeId at = doc[spec_node].key != yaml::kNone ? doc[spec_node].key : spec_node;
      auto [begin, end] = node_location(ctx.tpl, at);
      // Written as null or "": say so, rather than "without".
      const bool blank = key.size() == 1 && key.front().written != yaml::kNone &&
                         is_blank(doc, key.front().written);
      const char* what = !blank ? " has SSE without KMSMasterKeyId"
                         : doc[key.front().written].kind == yaml::Kind::Null
                             ? " has SSE with a null KMSMasterKeyId"
                             : " has SSE with an empty KMSMasterKeyId";
      lint::Diagnostic d =
          make(r, begin, end, table_label(r) + what + when(spec.value.assumptions) + ": " + kWhy,
               value_path(doc, spec));
      bool key_written = std::any_of(
          key.begin(), key.end(), [](const PropertyValue& k) { return k.written != yaml::kNone; });
      if (key_option.empty()) {
        d.not_fixable = kNeedsKey;
      } else if (spec.from_globals) {
        d.not_fixable = "SSESpecification comes from Globals.SimpleTable; add the key there";
      } else if (key_written && key.size() == 1 &&
                 detail::replace_blank_key(ctx, key.front().written, "KMSMasterKeyId",
                                           kms_key_value(key_option), key_option, d)) {
        // `KMSMasterKeyId: ~`: the key goes in its place.
      } else if (key_written) {
        d.not_fixable =
            "KMSMasterKeyId is set only under some conditions, or empty; set it by hand";
      } else {
        fix::Entries entries;
        std::vector<PropertyValue> type = member(ctx, {spec}, "SSEType");
        if (std::all_of(type.begin(), type.end(),
                        [](const PropertyValue& t) { return t.written == yaml::kNone; }))
          entries.emplace_back("SSEType", model::Value::string("KMS"));
        entries.emplace_back("KMSMasterKeyId", kms_key_value(key_option));
        attach(ctx,
               fix::insert_fix(ctx.tpl, ctx.style(), spec_node, entries,
                               "Add KMSMasterKeyId to SSESpecification"),
               d);
      }
      out.push_back(std::move(d));
    }
  }
}

}  // namespace enclint::rules
