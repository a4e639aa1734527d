#include "rules/registry.hpp"

#include "rules/enc101_dynamodb_sse_missing.hpp"
#include "rules/enc201_s3_encryption_missing.hpp"
#include "rules/enc203_s3_bucket_key_disabled.hpp"

namespace enclint::rules {

const std::vector<const lint::Rule*>& all() {
  static const DynamodbSseMissing enc101;
  static const S3EncryptionMissing enc201;
  static const S3BucketKeyDisabled enc203;
  static const std::vector<const lint::Rule*> rules{&enc101, &enc201, &enc203};
  return rules;
}

const lint::Rule* find(std::string_view id_or_name) {
  for (const lint::Rule* r : all()) {
    if (r->info().id == id_or_name || r->info().name == id_or_name) return r;
  }
  return nullptr;
}

}  // namespace enclint::rules
