#include "model/access.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "model/graph.hpp"

namespace enclint::model {

namespace {

struct Verb {
  std::string_view service;
  std::string_view action;
  std::uint8_t access;
};

// The data-plane actions that need the store's key: reading needs
// kms:Decrypt, writing kms:GenerateDataKey. Metadata actions (Describe*,
// List*) need no key and are not listed.
constexpr Verb kVerbs[] = {
    {"dynamodb", "GetItem", kRead},
    {"dynamodb", "BatchGetItem", kRead},
    {"dynamodb", "Query", kRead},
    {"dynamodb", "Scan", kRead},
    {"dynamodb", "PartiQLSelect", kRead},
    {"dynamodb", "GetRecords", kRead},
    {"dynamodb", "PutItem", kWrite},
    {"dynamodb", "UpdateItem", kWrite},
    {"dynamodb", "DeleteItem", kWrite},
    {"dynamodb", "BatchWriteItem", kWrite},
    {"dynamodb", "PartiQLInsert", kWrite},
    {"dynamodb", "PartiQLUpdate", kWrite},
    {"dynamodb", "PartiQLDelete", kWrite},
    {"s3", "GetObject", kRead},
    {"s3", "GetObjectVersion", kRead},
    {"s3", "PutObject", kWrite},
    {"sqs", "ReceiveMessage", kRead},
    {"sqs", "SendMessage", kWrite},
    {"sns", "Publish", kWrite},
    {"kinesis", "GetRecords", kRead},
    {"kinesis", "PutRecord", kWrite},
    {"kinesis", "PutRecords", kWrite},
    {"kms", "Decrypt", kDecrypt},
    {"kms", "GenerateDataKey", kGenerateDataKey},
    {"kms", "Encrypt", kEncrypt},
};

bool iequal(char a, char b) {
  return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
}

// IAM's action globs: `*` any run, `?` one character, case-insensitive.
bool glob(std::string_view pattern, std::string_view s) {
  std::size_t p = 0, i = 0, star = std::string_view::npos, mark = 0;
  while (i < s.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || iequal(pattern[p], s[i]))) {
      ++p, ++i;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++, mark = i;
    } else if (star != std::string_view::npos) {
      p = star + 1, i = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

constexpr PolicyTemplate kTemplates[] = {
    {"DynamoDBCrudPolicy", "TableName", "dynamodb", kRead | kWrite},
    {"DynamoDBReadPolicy", "TableName", "dynamodb", kRead},
    {"DynamoDBWritePolicy", "TableName", "dynamodb", kWrite},
    {"DynamoDBStreamReadPolicy", "TableName", "dynamodb", kRead},
    {"S3ReadPolicy", "BucketName", "s3", kRead},
    {"S3WritePolicy", "BucketName", "s3", kWrite},
    {"S3CrudPolicy", "BucketName", "s3", kRead | kWrite},
    {"S3FullAccessPolicy", "BucketName", "s3", kRead | kWrite},
    {"SQSSendMessagePolicy", "QueueName", "sqs", kWrite},
    {"SQSPollerPolicy", "QueueName", "sqs", kRead},
    {"SNSPublishMessagePolicy", "TopicName", "sns", kWrite},
    {"SNSCrudPolicy", "TopicName", "sns", kWrite},
    {"KinesisStreamReadPolicy", "StreamName", "kinesis", kRead},
    {"KinesisCrudPolicy", "StreamName", "kinesis", kRead | kWrite},
    {"KMSDecryptPolicy", "KeyId", "kms", kDecrypt},
    // kms:Encrypt only: no kms:GenerateDataKey, which writers need.
    {"KMSEncryptPolicy", "KeyId", "kms", kEncrypt},
};

constexpr EventSourceKind kEvents[] = {
    {"DynamoDB", "Stream", kRead}, {"Kinesis", "Stream", kRead}, {"SQS", "Queue", kRead},
    {"S3", "Bucket", 0},           {"SNS", "Topic", 0},
};

}  // namespace

std::string_view service_of(std::string_view type) {
  if (type == "AWS::DynamoDB::Table" || type == "AWS::DynamoDB::GlobalTable" ||
      type == "AWS::Serverless::SimpleTable")
    return "dynamodb";
  if (type == "AWS::S3::Bucket") return "s3";
  if (type == "AWS::SQS::Queue") return "sqs";
  if (type == "AWS::SNS::Topic") return "sns";
  if (type == "AWS::Kinesis::Stream") return "kinesis";
  if (type == "AWS::KMS::Key") return "kms";
  return {};
}

std::uint8_t action_access(std::string_view action, std::string_view service) {
  std::size_t colon = action.find(':');
  std::string_view prefix = colon == std::string_view::npos ? action : action.substr(0, colon);
  std::string_view name = colon == std::string_view::npos ? "*" : action.substr(colon + 1);
  if (prefix != "*" && !(prefix.size() == service.size() &&
                         std::equal(prefix.begin(), prefix.end(), service.begin(), iequal)))
    return 0;
  std::uint8_t bits = 0;
  for (const Verb& v : kVerbs)
    if (v.service == service && glob(name, v.action)) bits |= v.access;
  return bits;
}

const PolicyTemplate* policy_template(std::string_view name) {
  for (const PolicyTemplate& t : kTemplates)
    if (t.name == name) return &t;
  return nullptr;
}

const EventSourceKind* event_source(std::string_view type) {
  for (const EventSourceKind& e : kEvents)
    if (e.type == type) return &e;
  return nullptr;
}

const std::vector<std::vector<std::string_view>>& key_paths(std::string_view type) {
  static const std::vector<std::vector<std::string_view>> none;
  static const std::vector<std::vector<std::string_view>> table{
      {"SSESpecification", "KMSMasterKeyId"}};
  static const std::vector<std::vector<std::string_view>> global{
      {"Replicas", "*", "SSESpecification", "KMSMasterKeyId"}};
  static const std::vector<std::vector<std::string_view>> bucket{
      {"BucketEncryption", "ServerSideEncryptionConfiguration", "*",
       "ServerSideEncryptionByDefault", "KMSMasterKeyID"}};
  static const std::vector<std::vector<std::string_view>> queue{{"KmsMasterKeyId"}};
  static const std::vector<std::vector<std::string_view>> stream{{"StreamEncryption", "KeyId"}};
  if (type == "AWS::DynamoDB::Table") return table;
  if (type == "AWS::DynamoDB::GlobalTable") return global;
  if (type == "AWS::S3::Bucket") return bucket;
  if (type == "AWS::SQS::Queue" || type == "AWS::SNS::Topic") return queue;
  if (type == "AWS::Kinesis::Stream") return stream;
  return none;
}

}  // namespace enclint::model
