#include "lint/cdk.hpp"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <utility>

namespace enclint::lint {

namespace {
// The aws-cdk-lib (v2) construct property that does what a rule's fix would,
// where there is one; other rules get the generic advice.
struct ConstructProperty {
  std::string_view rule, construct, property;
};
constexpr std::array<ConstructProperty, 42> kProperties{{
    {"ENC101", "dynamodb.Table",
     "`encryption: TableEncryption.AWS_MANAGED` (or `TableEncryption.CUSTOMER_MANAGED` with "
     "`encryptionKey`; on a TableV2, `encryption: TableEncryptionV2.awsManagedKey()`)"},
    {"ENC102", "dynamodb.Table",
     "`encryption: TableEncryption.AWS_MANAGED` (or `TableEncryption.CUSTOMER_MANAGED` with "
     "`encryptionKey`)"},
    {"ENC103", "dynamodb.Table",
     "`encryption: TableEncryption.AWS_MANAGED` (or `TableEncryption.CUSTOMER_MANAGED` with "
     "`encryptionKey`)"},
    {"ENC105", "dynamodb.Table",
     "`encryption: TableEncryption.CUSTOMER_MANAGED` and `encryptionKey` (on a TableV2, "
     "`TableEncryptionV2.customerManagedKey(key)`)"},
    {"ENC201", "s3.Bucket",
     "`encryption: BucketEncryption.S3_MANAGED` (or `BucketEncryption.KMS` with `encryptionKey`) "
     "and `bucketKeyEnabled: true`"},
    {"ENC202", "s3.Bucket",
     "`encryption: BucketEncryption.S3_MANAGED` (or `BucketEncryption.KMS` with `encryptionKey`)"},
    {"ENC203", "s3.Bucket", "`bucketKeyEnabled: true`"},
    {"ENC204", "s3.Bucket",
     "`encryption: BucketEncryption.S3_MANAGED` (or `BucketEncryption.KMS` with `encryptionKey`)"},
    {"ENC205", "s3.Bucket", "`encryption: BucketEncryption.KMS` and `encryptionKey`"},
    {"ENC301", "sqs.Queue", "`encryption: QueueEncryption.SQS_MANAGED`"},
    {"ENC305", "sqs.Queue", "`encryption: QueueEncryption.KMS` and `encryptionMasterKey`"},
    {"ENC311", "sns.Topic", "`masterKey`"},
    {"ENC315", "sns.Topic", "`masterKey` (a customer managed kms.Key)"},
    {"ENC321", "kinesis.Stream", "`encryption: StreamEncryption.MANAGED`"},
    {"ENC325", "kinesis.Stream", "`encryption: StreamEncryption.KMS` and `encryptionKey`"},
    {"ENC401", "rds.DatabaseInstance", "`storageEncrypted: true`"},
    {"ENC405", "rds.DatabaseInstance", "`storageEncryptionKey`"},
    {"ENC411", "rds.DatabaseCluster", "`storageEncrypted: true`"},
    {"ENC415", "rds.DatabaseCluster", "`storageEncryptionKey`"},
    {"ENC421", "docdb.DatabaseCluster", "`storageEncrypted: true`"},
    {"ENC425", "docdb.DatabaseCluster", "`kmsKey`"},
    {"ENC441", "elasticache.CfnReplicationGroup", "`atRestEncryptionEnabled: true`"},
    {"ENC445", "elasticache.CfnReplicationGroup", "`kmsKeyId`"},
    {"ENC451", "dax.CfnCluster", "`sseSpecification: {sseEnabled: true}`"},
    {"ENC501", "efs.FileSystem", "`encrypted: true`"},
    {"ENC505", "efs.FileSystem", "`kmsKey`"},
    {"ENC511", "ec2.Volume", "`encrypted: true`"},
    {"ENC515", "ec2.Volume", "`encryptionKey`"},
    {"ENC521", "", "`volume: BlockDeviceVolume.ebs(size, {encrypted: true})` in `blockDevices`"},
    {"ENC531", "", "`volume: BlockDeviceVolume.ebs(size, {encrypted: true})` in `blockDevices`"},
    {"ENC541", "", "`volume: BlockDeviceVolume.ebs(size, {encrypted: true})` in `blockDevices`"},
    {"ENC601", "opensearchservice.Domain", "`encryptionAtRest: {enabled: true}`"},
    {"ENC605", "opensearchservice.Domain", "`encryptionAtRest: {enabled: true, kmsKey}`"},
    {"ENC701", "logs.LogGroup", "`encryptionKey`"},
    {"ENC711", "secretsmanager.Secret", "`encryptionKey`"},
    {"ENC721", "backup.BackupVault", "`encryptionKey`"},
    {"ENC731", "ecr.Repository", "`encryption: RepositoryEncryption.KMS` and `encryptionKey`"},
    {"ENC761", "cloudtrail.Trail", "`encryptionKey`"},
    {"ENC771", "stepfunctions.StateMachine",
     "`encryptionConfiguration: new CustomerManagedEncryptionConfiguration(key)`"},
    {"ENC781", "events.EventBus", "`kmsKey`"},
    {"ENC791", "lambda.Function", "`environmentEncryption`"},
    {"ENC805", "codebuild.Project", "`encryptionKey`"},
}};

constexpr std::string_view kGenerated =
    "the AWS CDK generated this template, and the next `cdk synth` would overwrite a fix: ";
}  // namespace

std::string_view cdk_path(const model::Template& tpl, const model::Resource& resource) {
  if (resource.metadata == yaml::kNone || !tpl.doc().is_map(resource.metadata)) return {};
  return tpl.doc().text(tpl.doc().get(resource.metadata, "aws:cdk:path"));
}

bool generated_by_cdk(const model::Template& tpl) {
  return std::any_of(tpl.resources().begin(), tpl.resources().end(), [&](const auto& r) {
    return r.type == "AWS::CDK::Metadata" || !cdk_path(tpl, r).empty();
  });
}

std::string_view construct_of(std::string_view path) {
  constexpr std::string_view kL1 = "/Resource";
  if (path.size() > kL1.size() && path.substr(path.size() - kL1.size()) == kL1)
    path.remove_suffix(kL1.size());
  return path;
}

namespace {
const ConstructProperty* construct_property(std::string_view rule) {
  auto it = std::find_if(kProperties.begin(), kProperties.end(),
                         [&](const ConstructProperty& entry) { return entry.rule == rule; });
  return it == kProperties.end() ? nullptr : &*it;
}
}  // namespace

void attribute_to_constructs(const model::Template& tpl, std::vector<Diagnostic>& diags) {
  if (diags.empty() || !generated_by_cdk(tpl)) return;
  std::unordered_map<std::string_view, std::string_view> paths;
  for (const model::Resource& r : tpl.resources()) paths.emplace(r.logical_id, cdk_path(tpl, r));
  for (Diagnostic& d : diags) {
    auto it = paths.find(d.resource);
    std::string_view path = it == paths.end() ? std::string_view() : it->second;
    std::string construct(construct_of(path));
    if (!path.empty()) {
      d.construct = path;
      d.message += " (CDK construct " + construct + ")";
    }
    if (d.severity == Severity::Info || (!d.fix && !d.not_fixable.empty())) continue;
    d.fix.reset();
    const ConstructProperty* entry = construct_property(d.rule);
    if (path.empty())
      d.not_fixable = std::string(kGenerated) + "change the CDK app that defines this resource";
    else if (!entry)
      d.not_fixable = std::string(kGenerated) + "set the property on construct " + construct +
                      " in the CDK app (on an L1 Cfn construct, under its camelCase name)";
    else
      d.not_fixable = std::string(kGenerated) + "set " + std::string(entry->property) +
                      " on construct " + construct +
                      (entry->construct.empty() ? "" : " (" + std::string(entry->construct) + ")") +
                      " in the CDK app";
  }
}

}  // namespace enclint::lint
