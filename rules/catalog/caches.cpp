// ElastiCache replication groups and DAX clusters: at-rest encryption can
// only be chosen when the cache is created (create-only in both schemas), so
// every fix replaces the cache, and a cache starts empty.
#include "rules/catalog/caches.hpp"

#include "rules/requirement.hpp"

namespace enclint::rules::catalog {

namespace {

constexpr char kReplicationGroup[] = "ElastiCache replication group";
constexpr char kDax[] = "DAX cluster";

model::Value dax_sse(const lint::FixOptions&, const model::Resource&) {
  return model::Value::map({{"SSEEnabled", model::Value::boolean(true)}});
}

}  // namespace

const lint::Rule& elasticache_encryption_disabled() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC441",
              .name = "elasticache-encryption-disabled",
              .summary = "ElastiCache replication group without AtRestEncryptionEnabled: true",
              .resource_types = {"AWS::ElastiCache::ReplicationGroup"},
              .fix = lint::FixAvailability::Unsafe,
              .peers = {{"cfn_nag", "F25"},
                        {"checkov", "CKV_AWS_29"},
                        {"cfn-guard", "ELASTICACHE_REPLICATION_GROUP_ENCRYPTION_AT_REST"}},
              .doc = R"(## What it does
Checks that every `AWS::ElastiCache::ReplicationGroup` sets
`AtRestEncryptionEnabled: true`.

## Why is this bad?
A node-based Redis OSS replication group is not encrypted at rest unless
`AtRestEncryptionEnabled` is true: the data it swaps to disk, its backups and
its snapshots in S3 are unencrypted. With it ElastiCache encrypts them with a
KMS key — one ElastiCache manages, or yours with `KmsKeyId`.

## Example
```yaml
SessionCache:
  Type: AWS::ElastiCache::ReplicationGroup
  Properties:
    ReplicationGroupDescription: sessions
    Engine: redis
    CacheNodeType: cache.t4g.small
    NumCacheClusters: 2
```

## Use instead
```yaml
SessionCache:
  Type: AWS::ElastiCache::ReplicationGroup
  Properties:
    ReplicationGroupDescription: sessions
    Engine: redis
    CacheNodeType: cache.t4g.small
    NumCacheClusters: 2
    AtRestEncryptionEnabled: true
```

## Fix safety
Unsafe (`--unsafe-fixes`): at-rest encryption can be enabled only when the
replication group is created, so CloudFormation **replaces** an existing one
— a new, empty cache (restore from a backup to keep the data). On a stack
that has not been deployed yet, the fix is harmless.

## References
- https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-replicationgroup.html
)",
          },
      .label = named<kReplicationGroup>,
      .checks = {{
          .kind = RequirementKind::TrueRequired,
          .key = "AtRestEncryptionEnabled",
          .unsafe_insert = always_unsafe,
          .why = "its disk, backups and snapshots are then unencrypted, and setting it later "
                 "replaces the replication group: a new, empty cache",
      }},
  }};
  return rule;
}

const lint::Rule& dax_encryption_disabled() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC451",
              .name = "dax-encryption-disabled",
              .summary = "DAX cluster without SSESpecification.SSEEnabled: true",
              .resource_types = {"AWS::DAX::Cluster"},
              .fix = lint::FixAvailability::Unsafe,
              .peers = {{"cfn_nag", "W83"},
                        {"checkov", "CKV_AWS_47"},
                        {"cfn-guard", "DAX_ENCRYPTION_ENABLED"}},
              .doc = R"(## What it does
Checks that every `AWS::DAX::Cluster` sets `SSESpecification` with
`SSEEnabled: true`.

## Why is this bad?
A DAX cluster is not encrypted at rest unless `SSEEnabled` is true: the
cached items, query and scan results, logs and configuration on its nodes are
stored unencrypted. With it DAX encrypts them with an AWS owned key.

## Example
```yaml
TableCache:
  Type: AWS::DAX::Cluster
  Properties:
    NodeType: dax.t3.small
    ReplicationFactor: 3
    IAMRoleARN: !GetAtt DaxRole.Arn
```

## Use instead
```yaml
TableCache:
  Type: AWS::DAX::Cluster
  Properties:
    NodeType: dax.t3.small
    ReplicationFactor: 3
    IAMRoleARN: !GetAtt DaxRole.Arn
    SSESpecification:
      SSEEnabled: true
```

## Fix safety
Unsafe (`--unsafe-fixes`): `SSESpecification` can only be set when the
cluster is created, so CloudFormation **replaces** an existing cluster — the
new one starts with an empty cache (the data stays in DynamoDB). On a stack
that has not been deployed yet, the fix is harmless.

## References
- https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/DAXEncryptionAtRest.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-dax-cluster.html
)",
          },
      .label = named<kDax>,
      .checks = {{
                     .kind = RequirementKind::BlockRequired,
                     .key = "SSESpecification",
                     .insert = dax_sse,
                     .insert_title = "Add SSESpecification with SSEEnabled: true",
                     .unsafe_insert = always_unsafe,
                     .absent = ", so its cached data is stored unencrypted; set SSEEnabled: true "
                               "(which replaces a deployed cluster: a new, empty cache)",
                     .why = "without it the cached data is stored unencrypted",
                 },
                 {
                     .kind = RequirementKind::TrueRequired,
                     .block = "SSESpecification",
                     .key = "SSEEnabled",
                     .unsafe_insert = always_unsafe,
                     .why = "the cached data is then stored unencrypted, and setting it later "
                            "replaces the cluster: a new, empty cache",
                 }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
