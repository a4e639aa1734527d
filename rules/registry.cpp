#include "rules/registry.hpp"

#include <algorithm>

#include "rules/catalog/analytics.hpp"
#include "rules/catalog/analytics_keys.hpp"
#include "rules/catalog/build.hpp"
#include "rules/catalog/caches.hpp"
#include "rules/catalog/database_keys.hpp"
#include "rules/catalog/databases.hpp"
#include "rules/catalog/dynamodb.hpp"
#include "rules/catalog/efs.hpp"
#include "rules/catalog/keys.hpp"
#include "rules/catalog/keys_compute.hpp"
#include "rules/catalog/kinesis.hpp"
#include "rules/catalog/messaging.hpp"
#include "rules/catalog/messaging_keys.hpp"
#include "rules/catalog/s3.hpp"
#include "rules/catalog/search.hpp"
#include "rules/catalog/storage.hpp"
#include "rules/catalog/storage_keys.hpp"
#include "rules/ebs_mappings.hpp"
#include "rules/enc001_invalid_suppression.hpp"
#include "rules/enc011_kms_key_access_missing.hpp"
#include "rules/enc105_dynamodb_cmk_missing.hpp"
#include "rules/enc202_s3_encryption_empty.hpp"
#include "rules/enc203_s3_bucket_key_disabled.hpp"
#include "rules/enc204_s3_encryption_invalid.hpp"
#include "rules/enc205_s3_cmk_missing.hpp"

namespace enclint::rules {

const std::vector<const lint::Rule*>& all() {
  static const InvalidSuppression enc001;
  static const KmsKeyAccessMissing enc011;
  static const KmsKeyPolicyLocksOut enc012;
  static const DynamodbCmkMissing enc105;
  static const S3EncryptionEmpty enc202;
  static const S3BucketKeyDisabled enc203;
  static const S3EncryptionInvalid enc204;
  static const S3CmkMissing enc205;
  // Sorted by id (ENC001 first): --list-rules, SARIF's rule table and the docs follow it.
  static const std::vector<const lint::Rule*> rules{
      &enc001,
      &enc011,
      &enc012,
      &catalog::dynamodb_sse_missing(),
      &catalog::dynamodb_sse_disabled(),
      &catalog::dynamodb_sse_invalid(),
      &enc105,
      &catalog::s3_encryption_missing(),
      &enc202,
      &enc203,
      &enc204,
      &enc205,
      &catalog::sqs_encryption_not_stated(),
      &catalog::sqs_cmk_missing(),
      &catalog::sns_topic_encryption_missing(),
      &catalog::sns_cmk_missing(),
      &catalog::kinesis_stream_encryption_missing(),
      &catalog::kinesis_cmk_missing(),
      &catalog::firehose_stream_encryption_missing(),
      &catalog::firehose_cmk_missing(),
      &catalog::rds_instance_encryption_disabled(),
      &catalog::rds_instance_cmk_missing(),
      &catalog::rds_cluster_encryption_disabled(),
      &catalog::rds_cluster_cmk_missing(),
      &catalog::docdb_cluster_encryption_disabled(),
      &catalog::docdb_cluster_cmk_missing(),
      &catalog::neptune_cluster_encryption_disabled(),
      &catalog::neptune_cluster_cmk_missing(),
      &catalog::elasticache_encryption_disabled(),
      &catalog::elasticache_cmk_missing(),
      &catalog::dax_encryption_disabled(),
      &catalog::efs_encryption_disabled(),
      &catalog::efs_cmk_missing(),
      &catalog::ebs_volume_encryption_disabled(),
      &catalog::ebs_volume_cmk_missing(),
      &launch_template_ebs_encryption_disabled(),
      &launch_template_ebs_cmk_missing(),
      &instance_ebs_encryption_disabled(),
      &instance_ebs_cmk_missing(),
      &launch_configuration_ebs_encryption_disabled(),
      &catalog::opensearch_encryption_disabled(),
      &catalog::opensearch_cmk_missing(),
      &catalog::elasticsearch_encryption_disabled(),
      &catalog::elasticsearch_cmk_missing(),
      &catalog::redshift_encryption_disabled(),
      &catalog::redshift_cmk_missing(),
      &catalog::athena_results_encryption_missing(),
      &catalog::athena_cmk_missing(),
      &catalog::glue_catalog_encryption_disabled(),
      &catalog::glue_catalog_cmk_missing(),
      &catalog::logs_cmk_missing(),
      &catalog::secretsmanager_cmk_missing(),
      &catalog::backup_vault_cmk_missing(),
      &catalog::ecr_cmk_missing(),
      &catalog::msk_cmk_missing(),
      &catalog::sagemaker_notebook_cmk_missing(),
      &catalog::sagemaker_endpoint_config_cmk_missing(),
      &catalog::cloudtrail_cmk_missing(),
      &catalog::stepfunctions_cmk_missing(),
      &catalog::eventbus_cmk_missing(),
      &catalog::lambda_cmk_missing(),
      &catalog::codebuild_encryption_disabled(),
      &catalog::codebuild_cmk_missing(),
  };
  return rules;
}

const lint::Rule* find(std::string_view id_or_name) {
  for (const lint::Rule* r : all()) {
    if (r->info().named(id_or_name)) return r;
  }
  return nullptr;
}

std::vector<const lint::Rule*> matching(std::string_view pattern) {
  if (const lint::Rule* r = find(pattern)) return {r};
  std::vector<const lint::Rule*> out;
  // A block of ids (ENC2, enc20); "E" or "EN" alone is no block.
  if (pattern.size() < 3) return out;
  for (const lint::Rule* r : all())
    if (r->info().id_starts_with(pattern)) out.push_back(r);
  return out;
}

const std::vector<std::string_view>& checked_types() {
  static const std::vector<std::string_view> types = [] {
    std::vector<std::string_view> v;
    for (const lint::Rule* r : all())
      v.insert(v.end(), r->info().resource_types.begin(), r->info().resource_types.end());
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    return v;
  }();
  return types;
}

bool is_checked_type(std::string_view type) {
  const auto& types = checked_types();
  return std::binary_search(types.begin(), types.end(), type);
}

}  // namespace enclint::rules
