// RDS, Aurora, DocumentDB and Neptune (ENC4xx): storage is encrypted only
// when `StorageEncrypted: true` is set at creation. The setting is create-only
// in each type's schema, so every fix is unsafe: CloudFormation replaces the
// database, and the new one is empty.
#include "rules/catalog/databases.hpp"

#include "rules/requirement.hpp"

namespace enclint::rules::catalog {

namespace {

constexpr char kInstance[] = "RDS DB instance";
constexpr char kCluster[] = "RDS DB cluster";
constexpr char kDocdb[] = "DocumentDB cluster";
constexpr char kNeptune[] = "Neptune cluster";

}  // namespace

const lint::Rule& rds_instance_encryption_disabled() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC401",
              .name = "rds-instance-encryption-disabled",
              .summary = "RDS DB instance without StorageEncrypted: true (storage not encrypted)",
              .resource_types = {"AWS::RDS::DBInstance"},
              .fix = lint::FixAvailability::Unsafe,
              .peers = {{"cfn_nag", "F27"},
                        {"checkov", "CKV_AWS_16"},
                        {"cfn-guard", "RDS_STORAGE_ENCRYPTED"}},
              .doc = R"(## What it does
Checks that every `AWS::RDS::DBInstance` sets `StorageEncrypted: true`.
Instances that belong to a cluster (`DBClusterIdentifier`: the cluster
decides), read replicas (`SourceDBInstanceIdentifier`), and instances restored
from a snapshot (`DBSnapshotIdentifier`, `DBClusterSnapshotIdentifier`) or to
a point in time (`SourceDbiResourceId`, `SourceDBInstanceAutomatedBackupsArn`)
inherit their source's encryption and are not checked.

## Why is this bad?
An RDS DB instance is not encrypted unless `StorageEncrypted` is true: its
storage, automated backups, read replicas and snapshots are all unencrypted.
With `StorageEncrypted: true` they are encrypted with a KMS key — the AWS
managed key `aws/rds`, or yours with `KmsKeyId`.

## Example
```yaml
OrdersDatabase:
  Type: AWS::RDS::DBInstance
  Properties:
    Engine: postgres
    DBInstanceClass: db.t4g.micro
    AllocatedStorage: "20"
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
```

## Fix safety
Unsafe (`--unsafe-fixes`): `StorageEncrypted` can only be chosen when the
instance is created, so CloudFormation **replaces** an existing instance when
it changes — a new, empty database. To encrypt a database that holds data,
take a snapshot, copy it with encryption, and restore from the copy. On a
stack that has not been deployed yet, the fix is harmless.

## References
- https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Overview.Encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbinstance.html
)",
          },
      .label = named<kInstance>,
      .checks = {{
          .kind = RequirementKind::TrueRequired,
          .key = "StorageEncrypted",
          .unsafe_insert = always_unsafe,
          .why = "the instance's storage, backups and snapshots are then unencrypted, and "
                 "setting StorageEncrypted later replaces the instance: a new, empty database",
          .not_with = {"DBClusterIdentifier", "SourceDBInstanceIdentifier", "DBSnapshotIdentifier",
                       "DBClusterSnapshotIdentifier", "SourceDbiResourceId",
                       "SourceDBInstanceAutomatedBackupsArn"},
      }},
  }};
  return rule;
}

const lint::Rule& rds_cluster_encryption_disabled() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC411",
              .name = "rds-cluster-encryption-disabled",
              .summary = "RDS or Aurora DB cluster without StorageEncrypted: true",
              .resource_types = {"AWS::RDS::DBCluster"},
              .fix = lint::FixAvailability::Unsafe,
              .peers = {{"cfn_nag", "F26"},
                        {"checkov", "CKV_AWS_96"},
                        {"cfn-guard", "RDS_STORAGE_ENCRYPTED"}},
              .doc = R"(## What it does
Checks that every `AWS::RDS::DBCluster` sets `StorageEncrypted: true`.
Clusters restored from a snapshot (`SnapshotIdentifier`) or cloned from
another cluster (`SourceDBClusterIdentifier`) inherit the source's encryption
and are not checked.

## Why is this bad?
A Multi-AZ DB cluster, and an Aurora cluster created before February 18, 2026,
is not encrypted unless `StorageEncrypted` is true. Aurora clusters created
since then are encrypted by default, but with a key AWS owns: no key policy of
yours and no CloudTrail record of its use. `StorageEncrypted: true` encrypts
the cluster with a KMS key in your account — the AWS managed key `aws/rds`, or
yours with `KmsKeyId` — and states the choice in the template.

## Example
```yaml
OrdersCluster:
  Type: AWS::RDS::DBCluster
  Properties:
    Engine: aurora-postgresql
    MasterUsername: admin
    ManageMasterUserPassword: true
```

## Use instead
```yaml
OrdersCluster:
  Type: AWS::RDS::DBCluster
  Properties:
    Engine: aurora-postgresql
    MasterUsername: admin
    ManageMasterUserPassword: true
    StorageEncrypted: true
```

## Fix safety
Unsafe (`--unsafe-fixes`): `StorageEncrypted` can only be chosen when the
cluster is created, so CloudFormation **replaces** an existing cluster when it
changes — a new, empty database (for an Aurora cluster encrypted by default it
also moves the cluster from the AWS owned key to `aws/rds`). On a stack that
has not been deployed yet, the fix is harmless.

## References
- https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Overview.Encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbcluster.html
)",
          },
      .label = named<kCluster>,
      .checks = {{
          .kind = RequirementKind::TrueRequired,
          .key = "StorageEncrypted",
          .unsafe_insert = always_unsafe,
          .why = "the cluster is then unencrypted, or for a new Aurora cluster encrypted only with "
                 "a key AWS owns, and setting StorageEncrypted later replaces the cluster: a new, "
                 "empty database",
          .not_with = {"SnapshotIdentifier", "SourceDBClusterIdentifier"},
      }},
  }};
  return rule;
}

const lint::Rule& docdb_cluster_encryption_disabled() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC421",
              .name = "docdb-cluster-encryption-disabled",
              .summary = "DocumentDB cluster without StorageEncrypted: true",
              .resource_types = {"AWS::DocDB::DBCluster"},
              .fix = lint::FixAvailability::Unsafe,
              .peers = {{"checkov", "CKV_AWS_74"}},
              .doc = R"(## What it does
Checks that every `AWS::DocDB::DBCluster` sets `StorageEncrypted: true`.
Clusters restored from a snapshot (`SnapshotIdentifier`) or a point in time of
another cluster (`SourceDBClusterIdentifier`) inherit the source's encryption
and are not checked.

## Why is this bad?
A DocumentDB cluster is not encrypted unless `StorageEncrypted` is true: its
storage, backups and snapshots are unencrypted. With `StorageEncrypted: true`
they are encrypted with a KMS key — the AWS managed key `aws/rds`, or yours
with `KmsKeyId`.

## Example
```yaml
CatalogCluster:
  Type: AWS::DocDB::DBCluster
  Properties:
    MasterUsername: admin
    MasterUserPassword: "{{resolve:secretsmanager:catalog-db:SecretString:password}}"
```

## Use instead
```yaml
CatalogCluster:
  Type: AWS::DocDB::DBCluster
  Properties:
    MasterUsername: admin
    MasterUserPassword: "{{resolve:secretsmanager:catalog-db:SecretString:password}}"
    StorageEncrypted: true
```

## Fix safety
Unsafe (`--unsafe-fixes`): encryption can only be chosen when the cluster is
created, so CloudFormation **replaces** an existing cluster when
`StorageEncrypted` changes — a new, empty database. On a stack that has not
been deployed yet, the fix is harmless.

## References
- https://docs.aws.amazon.com/documentdb/latest/developerguide/encryption-at-rest.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-docdb-dbcluster.html
)",
          },
      .label = named<kDocdb>,
      .checks = {{
          .kind = RequirementKind::TrueRequired,
          .key = "StorageEncrypted",
          .unsafe_insert = always_unsafe,
          .why = "the cluster's storage, backups and snapshots are then unencrypted, and "
                 "setting StorageEncrypted later replaces the cluster: a new, empty database",
          .not_with = {"SnapshotIdentifier", "SourceDBClusterIdentifier"},
      }},
  }};
  return rule;
}

const lint::Rule& neptune_cluster_encryption_disabled() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC431",
              .name = "neptune-cluster-encryption-disabled",
              .summary = "Neptune cluster without StorageEncrypted: true",
              .resource_types = {"AWS::Neptune::DBCluster"},
              .fix = lint::FixAvailability::Unsafe,
              .peers = {{"cfn_nag", "F30"}, {"checkov", "CKV_AWS_44"}},
              .doc = R"(## What it does
Checks that every `AWS::Neptune::DBCluster` sets `StorageEncrypted: true`.
Clusters restored from a snapshot (`SnapshotIdentifier`) or cloned from
another cluster (`SourceDBClusterIdentifier`) inherit the source's encryption
and are not checked.

## Why is this bad?
A Neptune cluster is not encrypted unless `StorageEncrypted` is true: the
graph's storage, backups, replicas and snapshots are unencrypted. With
`StorageEncrypted: true` they are encrypted with a KMS key — the AWS managed
key `aws/rds`, or yours with `KmsKeyId`.

## Example
```yaml
GraphCluster:
  Type: AWS::Neptune::DBCluster
  Properties:
    EngineVersion: "1.3.2.0"
```

## Use instead
```yaml
GraphCluster:
  Type: AWS::Neptune::DBCluster
  Properties:
    EngineVersion: "1.3.2.0"
    StorageEncrypted: true
```

## Fix safety
Unsafe (`--unsafe-fixes`): encryption can only be chosen when the cluster is
created, so CloudFormation **replaces** an existing cluster when
`StorageEncrypted` changes — a new, empty database. On a stack that has not
been deployed yet, the fix is harmless.

## References
- https://docs.aws.amazon.com/neptune/latest/userguide/encrypt.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-neptune-dbcluster.html
)",
          },
      .label = named<kNeptune>,
      .checks = {{
          .kind = RequirementKind::TrueRequired,
          .key = "StorageEncrypted",
          .unsafe_insert = always_unsafe,
          .why = "the graph's storage, backups and snapshots are then unencrypted, and setting "
                 "StorageEncrypted later replaces the cluster: a new, empty database",
          .not_with = {"SnapshotIdentifier", "SourceDBClusterIdentifier"},
      }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
