// Encrypted search domains, warehouses, query results and catalogs without a
// key of their own use their service's AWS managed key (aws/es,
// aws/redshift, aws/glue) or S3's keys. Every fix inserts --kms-key and is
// unsafe: a domain's key is chosen at creation, a cluster migrates, and
// every reader needs access to the key.
#include "rules/catalog/analytics_keys.hpp"

#include "rules/requirement.hpp"

namespace enclint::rules::catalog {

namespace {

constexpr char kDomain[] = "OpenSearch domain";
constexpr char kEsDomain[] = "Elasticsearch domain";
constexpr char kCluster[] = "Redshift cluster";
constexpr char kWorkGroup[] = "Athena workgroup";
constexpr char kCatalog[] = "Glue Data Catalog encryption settings";

constexpr char kDomainWhy[] =
    "its indexes and snapshots are encrypted with the AWS managed key aws/es; policy level cmk "
    "requires a customer managed key, and setting KmsKeyId later replaces the domain: a new, "
    "empty one";

std::vector<Check> domain_checks() {
  return {{
      .kind = RequirementKind::KeyRequired,
      .block = "EncryptionAtRestOptions",
      .key = "KmsKeyId",
      .unsafe_insert = always_unsafe,
      .why = kDomainWhy,
      .only_with = {"EncryptionAtRestOptions/Enabled"},
  }};
}

}  // namespace

const lint::Rule& opensearch_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC605",
              .name = "opensearch-cmk-missing",
              .summary = "Encrypted OpenSearch Service domain without a customer managed KmsKeyId "
                         "(level cmk)",
              .resource_types = {"AWS::OpenSearchService::Domain"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::OpenSearchService::Domain`
whose `EncryptionAtRestOptions` writes `Enabled` also sets `KmsKeyId` to a
customer managed key (not `alias/aws/es`). (A domain that is not encrypted
is reported by ENC601.)

## Why is this bad?
Without `KmsKeyId` the domain's indexes, logs and automated snapshots are
encrypted with the AWS managed key `aws/es`, whose policy you cannot change.

## Example
```yaml
SearchDomain:
  Type: AWS::OpenSearchService::Domain
  Properties:
    EngineVersion: OpenSearch_2.11
    EncryptionAtRestOptions:
      Enabled: true
```

## Use instead
```yaml
SearchDomain:
  Type: AWS::OpenSearchService::Domain
  Properties:
    EngineVersion: OpenSearch_2.11
    EncryptionAtRestOptions:
      Enabled: true
      KmsKeyId: !Ref SearchKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: the key of an encrypted
domain cannot be changed in place, so CloudFormation **replaces** a deployed
domain — a new, empty one (restore from a manual snapshot to keep the
data). The key policy must let OpenSearch Service use the key. On a stack
that has not been deployed yet, the fix is harmless.

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

const lint::Rule& elasticsearch_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC615",
              .name = "elasticsearch-cmk-missing",
              .summary = "Encrypted Elasticsearch domain without a customer managed KmsKeyId "
                         "(level cmk)",
              .resource_types = {"AWS::Elasticsearch::Domain"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::Elasticsearch::Domain`
whose `EncryptionAtRestOptions` writes `Enabled` also sets `KmsKeyId` to a
customer managed key (not `alias/aws/es`). (A domain that is not encrypted
is reported by ENC611.)

## Why is this bad?
Without `KmsKeyId` the domain's indexes, logs and automated snapshots are
encrypted with the AWS managed key `aws/es`, whose policy you cannot change.

## Example
```yaml
LogsDomain:
  Type: AWS::Elasticsearch::Domain
  Properties:
    ElasticsearchVersion: "7.10"
    EncryptionAtRestOptions:
      Enabled: true
```

## Use instead
```yaml
LogsDomain:
  Type: AWS::Elasticsearch::Domain
  Properties:
    ElasticsearchVersion: "7.10"
    EncryptionAtRestOptions:
      Enabled: true
      KmsKeyId: !Ref SearchKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: changing `KmsKeyId`
**replaces** a deployed domain — a new, empty one. On a stack that has not
been deployed yet, the fix is harmless.

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

const lint::Rule& redshift_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC625",
              .name = "redshift-cmk-missing",
              .summary = "Encrypted Redshift cluster without a customer managed KmsKeyId (level "
                         "cmk)",
              .resource_types = {"AWS::Redshift::Cluster"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::Redshift::Cluster` that
writes `Encrypted` also sets `KmsKeyId` to a customer managed key (not
`alias/aws/redshift`). (A cluster without `Encrypted: true` is reported by
ENC621.)

## Why is this bad?
Without `KmsKeyId` Redshift encrypts the cluster and its snapshots with the
AWS managed key `aws/redshift`, whose policy you cannot change: you cannot
share its snapshots with another account, nor limit who may use the key.

## Example
```yaml
Warehouse:
  Type: AWS::Redshift::Cluster
  Properties:
    NodeType: ra3.xlplus
    Encrypted: true
```

## Use instead
```yaml
Warehouse:
  Type: AWS::Redshift::Cluster
  Properties:
    NodeType: ra3.xlplus
    Encrypted: true
    KmsKeyId: !Ref WarehouseKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: the cluster is not
replaced, but Redshift re-encrypts it with the new key — a migration during
which the cluster is read-only, for hours on a large cluster. The key policy
must let Redshift use the key.

## References
- https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-redshift-cluster.html
)",
          },
      .label = named<kCluster>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsKeyId",
          .unsafe_insert = always_unsafe,
          .why = "it is encrypted with the AWS managed key aws/redshift; policy level cmk requires "
                 "a customer managed key, and changing the key makes the cluster read-only while "
                 "it is re-encrypted",
          .only_with = {"Encrypted"},
      }},
  }};
  return rule;
}

const lint::Rule& athena_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC635",
              .name = "athena-cmk-missing",
              .summary = "Athena workgroup whose query results are not encrypted with a customer "
                         "managed key (level cmk)",
              .resource_types = {"AWS::Athena::WorkGroup"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks that the results'
`EncryptionConfiguration` of every `AWS::Athena::WorkGroup` uses `SSE_KMS` or
`CSE_KMS` with a `KmsKey` of yours (not an AWS managed key). (A workgroup
without the block is reported by ENC631.)

## Why is this bad?
With `SSE_S3` the query results are encrypted with keys S3 manages: there
is no key policy of yours limiting who may read them, and no CloudTrail
record of each use.

## Example
```yaml
Analysts:
  Type: AWS::Athena::WorkGroup
  Properties:
    Name: analysts
    WorkGroupConfiguration:
      ResultConfiguration:
        EncryptionConfiguration:
          EncryptionOption: SSE_S3
```

## Use instead
```yaml
Analysts:
  Type: AWS::Athena::WorkGroup
  Properties:
    Name: analysts
    WorkGroupConfiguration:
      ResultConfiguration:
        EncryptionConfiguration:
          EncryptionOption: SSE_KMS
          KmsKey: !GetAtt ResultsKey.Arn
```

## Fix safety
`SSE_S3` is reported without a fix: the change takes two edits (the option
and a key). For `SSE_KMS` or `CSE_KMS` without a `KmsKey`, `--kms-key`
inserts yours, unsafe (`--unsafe-fixes`): everyone who runs queries in the
workgroup or reads their results then needs `kms:GenerateDataKey` and
`kms:Decrypt` on it. The workgroup is updated in place.

## References
- https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-athena-workgroup-encryptionconfiguration.html
)",
          },
      .label = named<kWorkGroup>,
      .checks = {{
                     .kind = RequirementKind::OneOf,
                     .block = "WorkGroupConfiguration/ResultConfiguration/EncryptionConfiguration",
                     .key = "EncryptionOption",
                     .why = "the query results are encrypted with keys S3 manages; policy level "
                            "cmk requires SSE_KMS (or CSE_KMS) and a KmsKey of your own",
                     .allowed = {"SSE_KMS", "CSE_KMS"},
                 },
                 {
                     .kind = RequirementKind::KeyRequired,
                     .block = "WorkGroupConfiguration/ResultConfiguration/EncryptionConfiguration",
                     .key = "KmsKey",
                     .unsafe_insert = always_unsafe,
                     .why = "policy level cmk requires a customer managed key",
                     .only_if = "WorkGroupConfiguration/ResultConfiguration/"
                                "EncryptionConfiguration/EncryptionOption",
                     .only_if_in = {"SSE_KMS", "CSE_KMS"},
                 }},
  }};
  return rule;
}

const lint::Rule& glue_catalog_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC645",
              .name = "glue-catalog-cmk-missing",
              .summary = "Encrypted Glue Data Catalog without a customer managed SseAwsKmsKeyId "
                         "(level cmk)",
              .resource_types = {"AWS::Glue::DataCatalogEncryptionSettings"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
At policy level `cmk` only: checks that an
`AWS::Glue::DataCatalogEncryptionSettings` whose `EncryptionAtRest` writes
`CatalogEncryptionMode` `SSE-KMS` (or `SSE-KMS-WITH-SERVICE-ROLE`) also sets
`SseAwsKmsKeyId` to a customer managed key (not `alias/aws/glue`). (A
catalog that is not encrypted is reported by ENC641.)

## Why is this bad?
Without `SseAwsKmsKeyId` Glue encrypts the Data Catalog with the AWS managed
key `aws/glue`, whose policy you cannot change: you cannot share the catalog
with another account, nor limit who may decrypt it.

## Example
```yaml
CatalogEncryption:
  Type: AWS::Glue::DataCatalogEncryptionSettings
  Properties:
    CatalogId: !Ref AWS::AccountId
    DataCatalogEncryptionSettings:
      EncryptionAtRest:
        CatalogEncryptionMode: SSE-KMS
```

## Use instead
```yaml
CatalogEncryption:
  Type: AWS::Glue::DataCatalogEncryptionSettings
  Properties:
    CatalogId: !Ref AWS::AccountId
    DataCatalogEncryptionSettings:
      EncryptionAtRest:
        CatalogEncryptionMode: SSE-KMS
        SseAwsKmsKeyId: !Ref CatalogKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: the setting is
account-wide, and every principal and service that reads the catalog
(Athena, EMR, Redshift Spectrum, Glue jobs and crawlers, Lake Formation)
then needs `kms:Decrypt` on the key. Nothing is replaced.

## References
- https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-glue-datacatalogencryptionsettings-encryptionatrest.html
)",
          },
      .label = named<kCatalog>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .block = "DataCatalogEncryptionSettings/EncryptionAtRest",
          .key = "SseAwsKmsKeyId",
          .unsafe_insert = always_unsafe,
          .why = "the Data Catalog is encrypted with the AWS managed key aws/glue; policy level "
                 "cmk requires a customer managed key",
          .only_if = "DataCatalogEncryptionSettings/EncryptionAtRest/CatalogEncryptionMode",
          .only_if_in = {"SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE"},
          .only_with = {"DataCatalogEncryptionSettings/EncryptionAtRest/CatalogEncryptionMode"},
      }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
