// Encrypted databases and caches without a key of their own use the AWS
// managed key of their service (aws/rds, aws/elasticache), whose policy
// nobody can change. Their KmsKeyId is create-only: every fix replaces the
// resource with a new, empty one, and only --kms-key says which key.
#include "rules/catalog/database_keys.hpp"

#include "rules/requirement.hpp"

namespace enclint::rules::catalog {

namespace {

constexpr char kInstance[] = "RDS DB instance";
constexpr char kCluster[] = "DB cluster";
constexpr char kDocdb[] = "DocumentDB cluster";
constexpr char kNeptune[] = "Neptune cluster";
constexpr char kReplicationGroup[] = "ElastiCache replication group";

constexpr char kWhy[] =
    "its storage is encrypted with the AWS managed key aws/rds; policy level cmk requires a "
    "customer managed key, and setting KmsKeyId later replaces it: a new, empty database";

}  // namespace

const lint::Rule& rds_instance_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC405",
              .name = "rds-instance-cmk-missing",
              .summary = "Encrypted RDS DB instance without a customer managed KmsKeyId (level "
                         "cmk)",
              .resource_types = {"AWS::RDS::DBInstance"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::RDS::DBInstance` that
writes `StorageEncrypted` also sets `KmsKeyId` to a customer managed key (not
the AWS managed key `alias/aws/rds`). Instances in a cluster, read replicas
and restores are not checked: their key comes from the cluster or the
source. (An instance without `StorageEncrypted: true` is not encrypted at
all; ENC401 reports it.)

## Why is this bad?
Without `KmsKeyId` RDS encrypts the instance, its automated backups and
snapshots with `aws/rds`, whose policy you cannot change: you cannot share
its snapshots with another account, nor limit who may use the key.

## Example
```yaml
OrdersDatabase:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.t4g.micro
    AllocatedStorage: "20"
    StorageEncrypted: true
```

## Use instead
```yaml
OrdersDatabase:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.t4g.micro
    AllocatedStorage: "20"
    StorageEncrypted: true
    KmsKeyId: !Ref DatabaseKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: `KmsKeyId` can only be
set when the instance is created, so CloudFormation **replaces** a deployed
instance — a new, empty database (restore a snapshot copied with the new key
to keep the data). On a stack that has not been deployed yet, the fix is
harmless.

## References
- https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.Keys.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html
)",
          },
      .label = named<kInstance>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsKeyId",
          .unsafe_insert = always_unsafe,
          .why = kWhy,
          .not_with = {"DBClusterIdentifier", "SourceDBInstanceIdentifier", "DBSnapshotIdentifier",
                       "DBClusterSnapshotIdentifier", "SourceDbiResourceId",
                       "SourceDBInstanceAutomatedBackupsArn"},
          .only_with = {"StorageEncrypted"},
      }},
  }};
  return rule;
}

const lint::Rule& rds_cluster_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC415",
              .name = "rds-cluster-cmk-missing",
              .summary = "Encrypted RDS or Aurora DB cluster without a customer managed KmsKeyId "
                         "(level cmk)",
              .resource_types = {"AWS::RDS::DBCluster"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::RDS::DBCluster` that
writes `StorageEncrypted` also sets `KmsKeyId` to a customer managed key (not
the AWS managed key `alias/aws/rds`). Restores from a snapshot and clones
are not checked: their key comes from the source. (A cluster without
`StorageEncrypted: true` is reported by ENC411.)

## Why is this bad?
Without `KmsKeyId` the cluster's storage, backups and snapshots are
encrypted with `aws/rds`, whose policy you cannot change: you cannot share
its snapshots with another account, nor limit who may use the key.

## Example
```yaml
OrdersCluster:
  Type: AWS::RDS::DBCluster
  Properties:
    Engine: aurora-postgresql
    StorageEncrypted: true
```

## Use instead
```yaml
OrdersCluster:
  Type: AWS::RDS::DBCluster
  Properties:
    Engine: aurora-postgresql
    StorageEncrypted: true
    KmsKeyId: !Ref DatabaseKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: `KmsKeyId` can only be
set when the cluster is created, so CloudFormation **replaces** a deployed
cluster — a new, empty database. On a stack that has not been deployed yet,
the fix is harmless.

## References
- https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.Keys.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbcluster.html
)",
          },
      .label = named<kCluster>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsKeyId",
          .unsafe_insert = always_unsafe,
          .why = kWhy,
          .not_with = {"SnapshotIdentifier", "SourceDBClusterIdentifier"},
          .only_with = {"StorageEncrypted"},
      }},
  }};
  return rule;
}

const lint::Rule& docdb_cluster_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC425",
              .name = "docdb-cluster-cmk-missing",
              .summary = "Encrypted DocumentDB cluster without a customer managed KmsKeyId (level "
                         "cmk)",
              .resource_types = {"AWS::DocDB::DBCluster"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::DocDB::DBCluster` that
writes `StorageEncrypted` also sets `KmsKeyId` to a customer managed key (not
the AWS managed key `alias/aws/rds`). Restores from a snapshot are not
checked. (A cluster without `StorageEncrypted: true` is reported by ENC421.)

## Why is this bad?
Without `KmsKeyId` DocumentDB encrypts the cluster's storage, backups and
snapshots with `aws/rds`, whose policy you cannot change.

## Example
```yaml
Catalog:
  Type: AWS::DocDB::DBCluster
  Properties:
    MasterUsername: admin
    StorageEncrypted: true
```

## Use instead
```yaml
Catalog:
  Type: AWS::DocDB::DBCluster
  Properties:
    MasterUsername: admin
    StorageEncrypted: true
    KmsKeyId: !Ref DatabaseKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: CloudFormation
**replaces** a deployed cluster to change its key — a new, empty database.
On a stack that has not been deployed yet, the fix is harmless.

## References
- https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-docdb-dbcluster.html
)",
          },
      .label = named<kDocdb>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsKeyId",
          .unsafe_insert = always_unsafe,
          .why = kWhy,
          .not_with = {"SnapshotIdentifier", "SourceDBClusterIdentifier"},
          .only_with = {"StorageEncrypted"},
      }},
  }};
  return rule;
}

const lint::Rule& neptune_cluster_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC435",
              .name = "neptune-cluster-cmk-missing",
              .summary = "Encrypted Neptune cluster without a customer managed KmsKeyId (level "
                         "cmk)",
              .resource_types = {"AWS::Neptune::DBCluster"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::Neptune::DBCluster` that
writes `StorageEncrypted` also sets `KmsKeyId` to a customer managed key (not
the AWS managed key `alias/aws/rds`). Restores from a snapshot are not
checked. (A cluster without `StorageEncrypted: true` is reported by ENC431.)

## Why is this bad?
Without `KmsKeyId` Neptune encrypts the cluster's storage, backups and
snapshots with `aws/rds`, whose policy you cannot change.

## Example
```yaml
Graph:
  Type: AWS::Neptune::DBCluster
  Properties:
    StorageEncrypted: true
```

## Use instead
```yaml
Graph:
  Type: AWS::Neptune::DBCluster
  Properties:
    StorageEncrypted: true
    KmsKeyId: !GetAtt DatabaseKey.Arn
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: CloudFormation
**replaces** a deployed cluster to change its key — a new, empty database.
On a stack that has not been deployed yet, the fix is harmless.

## References
- https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-neptune-dbcluster.html
)",
          },
      .label = named<kNeptune>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsKeyId",
          .unsafe_insert = always_unsafe,
          .why = kWhy,
          .not_with = {"SnapshotIdentifier", "SourceDBClusterIdentifier"},
          .only_with = {"StorageEncrypted"},
      }},
  }};
  return rule;
}

const lint::Rule& elasticache_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC445",
              .name = "elasticache-cmk-missing",
              .summary = "Encrypted ElastiCache replication group without a customer managed "
                         "KmsKeyId (level cmk)",
              .resource_types = {"AWS::ElastiCache::ReplicationGroup"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every
`AWS::ElastiCache::ReplicationGroup` that writes `AtRestEncryptionEnabled`
also sets `KmsKeyId` to a customer managed key. (A replication group without
`AtRestEncryptionEnabled: true` is reported by ENC441.)

## Why is this bad?
Without `KmsKeyId` ElastiCache encrypts the cache's disks and backups with
keys the service manages: there is no key policy of yours and no CloudTrail
record of the key's use.

## Example
```yaml
SessionCache:
  Type: AWS::ElastiCache::ReplicationGroup
  Properties:
    ReplicationGroupDescription: sessions
    Engine: redis
    CacheNodeType: cache.t4g.micro
    AtRestEncryptionEnabled: true
```

## Use instead
```yaml
SessionCache:
  Type: AWS::ElastiCache::ReplicationGroup
  Properties:
    ReplicationGroupDescription: sessions
    Engine: redis
    CacheNodeType: cache.t4g.micro
    AtRestEncryptionEnabled: true
    KmsKeyId: !Ref CacheKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: `KmsKeyId` can only be
set when the replication group is created, so CloudFormation **replaces** a
deployed one — a new, empty cache. On a stack that has not been deployed
yet, the fix is harmless.

## References
- https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/at-rest-encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-elasticache-replicationgroup.html
)",
          },
      .label = named<kReplicationGroup>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsKeyId",
          .unsafe_insert = always_unsafe,
          .why = "its cache is encrypted with keys ElastiCache manages; policy level cmk requires "
                 "a customer managed key, and setting KmsKeyId later replaces the replication "
                 "group: a new, empty cache",
          .only_with = {"AtRestEncryptionEnabled"},
      }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
