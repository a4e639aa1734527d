// Redshift clusters, Athena query results and the Glue Data Catalog.
// Redshift encrypts new clusters by default today but not those created
// before, Athena leaves its results to the output bucket's default, and the
// Glue Data Catalog is not encrypted unless an account-wide setting says so.
#include "rules/catalog/analytics.hpp"

#include "rules/requirement.hpp"
#include "rules/support.hpp"

namespace enclint::rules::catalog {

namespace {

constexpr char kCluster[] = "Redshift cluster";
constexpr char kWorkGroup[] = "Athena workgroup";
constexpr char kCatalog[] = "Glue Data Catalog encryption settings";

// SSE_S3 (what the results get from S3's default), or SSE_KMS with --kms-key.
model::Value results_encryption(const lint::FixOptions& options, const model::Resource&) {
  if (options.kms_key.empty())
    return model::Value::map({{"EncryptionOption", model::Value::string("SSE_S3")}});
  return model::Value::map({{"EncryptionOption", model::Value::string("SSE_KMS")},
                            {"KmsKey", kms_key_value(options.kms_key)}});
}

std::string results_title(const lint::FixOptions& options) {
  return options.kms_key.empty()
             ? "Add EncryptionConfiguration with EncryptionOption: SSE_S3"
             : "Add EncryptionConfiguration with EncryptionOption: SSE_KMS and KmsKey: " +
                   options.kms_key;
}

// SSE-KMS with the AWS managed key aws/glue, or --kms-key.
model::Value catalog_encryption(const lint::FixOptions& options, const model::Resource&) {
  model::Value v = model::Value::map({{"CatalogEncryptionMode", model::Value::string("SSE-KMS")}});
  if (!options.kms_key.empty())
    v.entries.push_back({"SseAwsKmsKeyId", kms_key_value(options.kms_key)});
  return v;
}

std::string catalog_title(const lint::FixOptions& options) {
  return "Add EncryptionAtRest with CatalogEncryptionMode: SSE-KMS" +
         (options.kms_key.empty() ? std::string() : " and SseAwsKmsKeyId: " + options.kms_key);
}

std::string catalog_mode_why(std::string_view value) {
  return std::string(value == "DISABLED" ? "the Data Catalog's"
                                         : "unless it is SSE-KMS (or "
                                           "SSE-KMS-WITH-SERVICE-ROLE), "
                                           "the Data Catalog's") +
         " databases, tables and partitions are stored unencrypted";
}

}  // namespace

const lint::Rule& redshift_encryption_disabled() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC621",
              .name = "redshift-encryption-disabled",
              .summary = "Redshift cluster without Encrypted: true",
              .resource_types = {"AWS::Redshift::Cluster"},
              .fix = lint::FixAvailability::Unsafe,
              .peers = {{"cfn_nag", "F28"},
                        {"checkov", "CKV_AWS_64"},
                        {"cfn-guard", "REDSHIFT_CLUSTER_CONFIGURATION_CHECK"}},
              .doc = R"(## What it does
Checks that every `AWS::Redshift::Cluster` sets `Encrypted: true`.

## Why is this bad?
Redshift encrypts clusters created today by default, but a cluster created
before that change, or restored from an unencrypted snapshot, is stored
unencrypted — its data blocks, system metadata and snapshots — unless
`Encrypted` is true. The template is what says which one you get; with
`Encrypted: true` it says so, with the AWS managed key `aws/redshift` or your
own `KmsKeyId`.

## Example
```yaml
Warehouse:
  Type: AWS::Redshift::Cluster
  Properties:
    ClusterType: multi-node
    NumberOfNodes: 2
    NodeType: ra3.xlplus
    DBName: analytics
```

## Use instead
```yaml
Warehouse:
  Type: AWS::Redshift::Cluster
  Properties:
    ClusterType: multi-node
    NumberOfNodes: 2
    NodeType: ra3.xlplus
    DBName: analytics
    Encrypted: true
```

## Fix safety
Unsafe (`--unsafe-fixes`): the cluster is not replaced, but when it is not
encrypted yet Redshift migrates its data to a new, encrypted cluster, and the
cluster is read-only until the migration ends — hours for a large cluster.
For a cluster that is already encrypted the fix changes nothing.

## References
- https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-redshift-cluster.html
)",
          },
      .label = named<kCluster>,
      .checks = {{
          .kind = RequirementKind::TrueRequired,
          .key = "Encrypted",
          .unsafe_insert = always_unsafe,
          .why = "a cluster created before Redshift encrypted new clusters by default, or "
                 "restored from an unencrypted snapshot, is then stored unencrypted, and "
                 "encrypting it later makes it read-only while its data is migrated",
      }},
  }};
  return rule;
}

const lint::Rule& athena_results_encryption_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC631",
              .name = "athena-results-encryption-missing",
              .summary = "Athena workgroup whose query results have no EncryptionConfiguration",
              .resource_types = {"AWS::Athena::WorkGroup"},
              .fix = lint::FixAvailability::SafeOrUnsafe,
              .fix_options = {"kms-key"},
              .doc = R"(## What it does
Checks that every `AWS::Athena::WorkGroup` sets
`WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration`.

## Why is this bad?
Athena writes every query's results to S3. Without an encryption
configuration the workgroup leaves them to the output bucket: encrypted with
SSE-S3 by S3's default for new objects (since January 2023), or with whatever
the bucket says — the template does not state it, and a query that names
another output location may use another bucket. With `EncryptionOption`
(`SSE_S3`, `SSE_KMS` or `CSE_KMS`) the workgroup encrypts the results itself;
`EnforceWorkGroupConfiguration: true` also keeps clients from overriding it.

## Example
```yaml
Analysts:
  Type: AWS::Athena::WorkGroup
  Properties:
    Name: analysts
    WorkGroupConfiguration:
      ResultConfiguration:
        OutputLocation: s3://query-results-bucket/analysts/
```

## Use instead
```yaml
Analysts:
  Type: AWS::Athena::WorkGroup
  Properties:
    Name: analysts
    WorkGroupConfiguration:
      ResultConfiguration:
        OutputLocation: s3://query-results-bucket/analysts/
        EncryptionConfiguration:
          EncryptionOption: SSE_S3
```

## Fix safety
Safe with `EncryptionOption: SSE_S3`: the fix only inserts the block (and the
`WorkGroupConfiguration` and `ResultConfiguration` around it when they are
missing); CloudFormation updates the workgroup in place, and results are
encrypted as S3 would encrypt them by default. With `--kms-key` the fix
inserts `SSE_KMS` and your key instead and is unsafe (`--unsafe-fixes`):
everyone who runs queries in the workgroup, or reads their results, then
needs `kms:GenerateDataKey` and `kms:Decrypt` on that key.

## References
- https://docs.aws.amazon.com/athena/latest/ug/encrypting-query-results-stored-in-s3.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-athena-workgroup-encryptionconfiguration.html
)",
          },
      .label = named<kWorkGroup>,
      .checks = {{
          .kind = RequirementKind::BlockRequired,
          .block = "WorkGroupConfiguration/ResultConfiguration",
          .key = "EncryptionConfiguration",
          .insert = results_encryption,
          .title_for = results_title,
          .unsafe_insert = with_own_key,
          .absent = ", so its query results are encrypted only as the output bucket's default "
                    "says, which the workgroup does not state; set EncryptionOption: SSE_S3 (or "
                    "SSE_KMS and a KmsKey)",
          .why = "without it the query results are encrypted only as the output bucket's "
                 "default says",
      }},
  }};
  return rule;
}

const lint::Rule& glue_catalog_encryption_disabled() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC641",
              .name = "glue-catalog-encryption-disabled",
              .summary = "Glue Data Catalog encryption settings without CatalogEncryptionMode: "
                         "SSE-KMS",
              .resource_types = {"AWS::Glue::DataCatalogEncryptionSettings"},
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .peers = {{"checkov", "CKV_AWS_94"}},
              .doc = R"(## What it does
Checks that every `AWS::Glue::DataCatalogEncryptionSettings` sets
`DataCatalogEncryptionSettings.EncryptionAtRest.CatalogEncryptionMode` to
`SSE-KMS` (or `SSE-KMS-WITH-SERVICE-ROLE`).

## Why is this bad?
The Glue Data Catalog of an account and Region is not encrypted unless this
setting says so: without it (or with `DISABLED`) its databases, tables,
partitions and their metadata are stored unencrypted. With `SSE-KMS` Glue
encrypts them with a KMS key — the AWS managed key `aws/glue`, or yours with
`SseAwsKmsKeyId`.

## Example
```yaml
CatalogEncryption:
  Type: AWS::Glue::DataCatalogEncryptionSettings
  Properties:
    CatalogId: !Ref AWS::AccountId
    DataCatalogEncryptionSettings:
      ConnectionPasswordEncryption:
        ReturnConnectionPasswordEncrypted: true
        KmsKeyId: !Ref CatalogKey
```

## Use instead
```yaml
CatalogEncryption:
  Type: AWS::Glue::DataCatalogEncryptionSettings
  Properties:
    CatalogId: !Ref AWS::AccountId
    DataCatalogEncryptionSettings:
      ConnectionPasswordEncryption:
        ReturnConnectionPasswordEncrypted: true
        KmsKeyId: !Ref CatalogKey
      EncryptionAtRest:
        CatalogEncryptionMode: SSE-KMS
```

## Fix safety
Unsafe (`--unsafe-fixes`): the setting is account-wide. Once the catalog is
encrypted, every principal and service that reads or writes it — Athena,
EMR, Redshift Spectrum, Glue jobs and crawlers, Lake Formation — needs
permission to use the key, or its calls fail; with your own key
(`--kms-key`, inserted as `SseAwsKmsKeyId`) its key policy must allow them.
Nothing is replaced.

## References
- https://docs.aws.amazon.com/glue/latest/dg/encrypt-glue-data-catalog.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-glue-datacatalogencryptionsettings-encryptionatrest.html
)",
          },
      .label = named<kCatalog>,
      .checks = {{
                     .kind = RequirementKind::BlockRequired,
                     .block = "DataCatalogEncryptionSettings",
                     .key = "EncryptionAtRest",
                     .insert = catalog_encryption,
                     .title_for = catalog_title,
                     .unsafe_insert = always_unsafe,
                     .absent = ", so the Data Catalog's databases, tables and partitions are "
                               "stored unencrypted; set CatalogEncryptionMode: SSE-KMS (every "
                               "reader of the catalog then needs access to the key)",
                     .why = "without it the Data Catalog is stored unencrypted",
                 },
                 {
                     .kind = RequirementKind::OneOf,
                     .block = "DataCatalogEncryptionSettings/EncryptionAtRest",
                     .key = "CatalogEncryptionMode",
                     .unsafe_insert = always_unsafe,
                     .why = "the Data Catalog's databases, tables and partitions are then stored "
                            "unencrypted",
                     .allowed = {"SSE-KMS", "SSE-KMS-WITH-SERVICE-ROLE"},
                     .why_value = catalog_mode_why,
                     .replace_with = "SSE-KMS",
                     .insert_value = "SSE-KMS",
                 }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
