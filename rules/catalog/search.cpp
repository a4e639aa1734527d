// OpenSearch Service and Elasticsearch domains are not encrypted at rest
// unless EncryptionAtRestOptions.Enabled is true. Turning it on for a
// deployed domain is a blue/green deployment that only some domains support
// (Elasticsearch 6.7 or later, no UltraWarm or cold storage), so every fix
// is unsafe.
#include "rules/catalog/search.hpp"

#include "rules/requirement.hpp"
#include "rules/support.hpp"

namespace enclint::rules::catalog {

namespace {

constexpr char kDomain[] = "OpenSearch domain";
constexpr char kEsDomain[] = "Elasticsearch domain";

// Enabled: true, with --kms-key the key too (else the AWS managed key aws/es).
model::Value at_rest(const lint::FixOptions& options, const model::Resource&) {
  model::Value v = model::Value::map({{"Enabled", model::Value::boolean(true)}});
  if (!options.kms_key.empty()) v.entries.push_back({"KmsKeyId", kms_key_value(options.kms_key)});
  return v;
}

std::string at_rest_title(const lint::FixOptions& options) {
  return "Add EncryptionAtRestOptions with Enabled: true" +
         (options.kms_key.empty() ? std::string() : " and KmsKeyId: " + options.kms_key);
}

constexpr char kAbsent[] =
    ", so its indexes, logs, swap files and automated snapshots are stored unencrypted; set "
    "Enabled: true (on a deployed domain a blue/green deployment, which some domains cannot do)";
constexpr char kWhy[] =
    "the domain's indexes, logs and automated snapshots are then stored unencrypted, and turning "
    "encryption on for a deployed domain is a blue/green deployment that domains before "
    "Elasticsearch 6.7 or with UltraWarm or cold storage cannot do";

// A function, not a global: the rules are built on first use, in any order.
std::vector<Check> domain_checks() {
  return {{
              .kind = RequirementKind::BlockRequired,
              .key = "EncryptionAtRestOptions",
              .insert = at_rest,
              .title_for = at_rest_title,
              .unsafe_insert = always_unsafe,
              .absent = kAbsent,
              .why = kWhy,
          },
          {
              .kind = RequirementKind::TrueRequired,
              .block = "EncryptionAtRestOptions",
              .key = "Enabled",
              .unsafe_insert = always_unsafe,
              .why = kWhy,
          }};
}

}  // namespace

const lint::Rule& opensearch_encryption_disabled() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC601",
              .name = "opensearch-encryption-disabled",
              .summary = "OpenSearch Service domain without EncryptionAtRestOptions.Enabled: true",
              .resource_types = {"AWS::OpenSearchService::Domain"},
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .peers = {{"cfn-guard", "OPENSEARCH_ENCRYPTED_AT_REST"}},
              .doc = R"(## What it does
Checks that every `AWS::OpenSearchService::Domain` sets
`EncryptionAtRestOptions` with `Enabled: true`.

## Why is this bad?
OpenSearch Service does not encrypt a domain at rest unless told to: without
it the domain's indexes, logs, swap files and automated snapshots are stored
unencrypted on its nodes' volumes. With `Enabled: true` they are encrypted
with a KMS key — the AWS managed key `aws/es`, or yours with `KmsKeyId`.
Fine-grained access control also requires it.

## Example
```yaml
SearchDomain:
  Type: AWS::OpenSearchService::Domain
  Properties:
    EngineVersion: OpenSearch_2.11
    ClusterConfig:
      InstanceType: r6g.large.search
```

## Use instead
```yaml
SearchDomain:
  Type: AWS::OpenSearchService::Domain
  Properties:
    EngineVersion: OpenSearch_2.11
    ClusterConfig:
      InstanceType: r6g.large.search
    EncryptionAtRestOptions:
      Enabled: true
```

## Fix safety
Unsafe (`--unsafe-fixes`): turning encryption on for a deployed domain is a
blue/green deployment — OpenSearch Service copies the domain to new nodes,
which takes time and load — and it is only possible for OpenSearch or
Elasticsearch 6.7 and later without UltraWarm or cold storage; for other
domains the stack update fails, and only a new domain (a restore from a
snapshot) can be encrypted. Encryption cannot be turned off again. With
`--kms-key` the fix also sets `KmsKeyId`, and the key policy must let the
domain use the key. On a stack that has not been deployed yet, the fix is
harmless.

## References
- https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-opensearchservice-domain-encryptionatrestoptions.html
)",
          },
      .label = named<kDomain>,
      .checks = domain_checks(),
  }};
  return rule;
}

const lint::Rule& elasticsearch_encryption_disabled() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC611",
              .name = "elasticsearch-encryption-disabled",
              .summary = "Elasticsearch domain without EncryptionAtRestOptions.Enabled: true",
              .resource_types = {"AWS::Elasticsearch::Domain"},
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .peers = {{"cfn_nag", "W54"},
                        {"checkov", "CKV_AWS_5"},
                        {"cfn-guard", "ELASTICSEARCH_ENCRYPTED_AT_REST"}},
              .doc = R"(## What it does
Checks that every `AWS::Elasticsearch::Domain` (the older resource type for
OpenSearch Service domains) sets `EncryptionAtRestOptions` with
`Enabled: true`.

## Why is this bad?
A domain is not encrypted at rest unless told to: without it the domain's
indexes, logs, swap files and automated snapshots are stored unencrypted on
its nodes' volumes. With `Enabled: true` they are encrypted with a KMS key —
the AWS managed key `aws/es`, or yours with `KmsKeyId`.

## Example
```yaml
LogsDomain:
  Type: AWS::Elasticsearch::Domain
  Properties:
    ElasticsearchVersion: "7.10"
    ElasticsearchClusterConfig:
      InstanceType: r5.large.elasticsearch
```

## Use instead
```yaml
LogsDomain:
  Type: AWS::Elasticsearch::Domain
  Properties:
    ElasticsearchVersion: "7.10"
    ElasticsearchClusterConfig:
      InstanceType: r5.large.elasticsearch
    EncryptionAtRestOptions:
      Enabled: true
```

## Fix safety
Unsafe (`--unsafe-fixes`): CloudFormation updates `EncryptionAtRestOptions`
with some interruption — a blue/green deployment to new nodes — and it is
only possible for Elasticsearch 6.7 and later without UltraWarm or cold
storage; for older domains the update fails. With `--kms-key` the fix also
sets `KmsKeyId`, and changing a domain's `KmsKeyId` **replaces** the domain:
a new, empty one. On a stack that has not been deployed yet, the fix is
harmless.

## References
- https://docs.aws.amazon.com/opensearch-service/latest/developerguide/encryption-at-rest.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-elasticsearch-domain-encryptionatrestoptions.html
)",
          },
      .label = named<kEsDomain>,
      .checks = domain_checks(),
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
