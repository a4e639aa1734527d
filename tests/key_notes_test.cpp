// What the resource graph adds to other rules' fixes: a --kms-key fix names
// the principals that would lose access, and an SNS topic that AWS services
// publish to gets no AWS managed key.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace enclint;
using testing::run_tool;

namespace {
const char* kTemplate =
    "Transform: AWS::Serverless-2016-10-31\n"
    "Resources:\n"
    "  DataKey: {Type: AWS::KMS::Key}\n"
    "  Orders:\n"
    "    Type: AWS::DynamoDB::Table\n"
    "    Properties: {BillingMode: PAY_PER_REQUEST}\n"
    "  Reader:\n"
    "    Type: AWS::Serverless::Function\n"
    "    Properties:\n"
    "      Policies: [{DynamoDBReadPolicy: {TableName: !Ref Orders}}]\n"
    "  Writer:\n"
    "    Type: AWS::Serverless::Function\n"
    "    Properties:\n"
    "      Policies: [{DynamoDBCrudPolicy: {TableName: !Ref Orders}}, "
    "{KMSDecryptPolicy: {KeyId: !Ref DataKey}}]\n"
    "  Granted:\n"
    "    Type: AWS::Serverless::Function\n"
    "    Properties:\n"
    "      Policies: [{DynamoDBReadPolicy: {TableName: !Ref Orders}}, "
    "{KMSDecryptPolicy: {KeyId: !Ref DataKey}}]\n";
}  // namespace

TEST_CASE("key notes: a --kms-key fix names the principals that would lose access") {
  testing::TempDir dir;
  auto r = run_tool("--select ENC101 -f json --kms-key Ref:DataKey -", dir.path(), kTemplate);
  CHECK(r.out.find("\"note\": \"the key this fix puts on the store is not granted to function "
                   "'Reader' (kms:Decrypt), function 'Writer' (kms:GenerateDataKey), which use the "
                   "store: they would lose access once it is deployed\"") != std::string::npos);
  auto text =
      run_tool("--select ENC101 --no-source --kms-key Ref:DataKey -", dir.path(), kTemplate);
  CHECK(text.out.find("<stdin>:6:5: note: the key this fix puts on the store is not granted to "
                      "function 'Reader'") != std::string::npos);
  // A key from elsewhere: nothing in the template grants it.
  auto arn = run_tool(
      "--select ENC101 -f json --kms-key "
      "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab -",
      dir.path(), kTemplate);
  CHECK(arn.out.find("function 'Granted' (kms:Decrypt)") != std::string::npos);
  // Without --kms-key the fix introduces no key of the user's: no note.
  auto plain = run_tool("--select ENC101 -f json -", dir.path(), kTemplate);
  CHECK(plain.out.find("would lose access") == std::string::npos);
}

TEST_CASE("key notes: no AWS managed key for a topic that AWS services publish to") {
  testing::TempDir dir;
  const std::string tpl =
      "Resources:\n"
      "  Key: {Type: AWS::KMS::Key}\n"
      "  Alerts: {Type: AWS::SNS::Topic}\n"
      "  Alarm: {Type: AWS::CloudWatch::Alarm, Properties: {AlarmActions: [!Ref Alerts]}}\n"
      "  Uploads:\n"
      "    Type: AWS::S3::Bucket\n"
      "    Properties:\n"
      "      NotificationConfiguration: {TopicConfigurations: [{Event: x, Topic: !Ref Alerts}]}\n";
  auto r = run_tool("--select ENC311 --no-source -", dir.path(), tpl);
  CHECK(r.out.find("note: not fixable: CloudWatch alarm 'Alarm', S3 bucket 'Uploads' publish to "
                   "it, and AWS services cannot use the AWS managed key alias/aws/sns (its key "
                   "policy cannot be changed): pass --kms-key with a key whose policy lets "
                   "cloudwatch.amazonaws.com and s3.amazonaws.com use it") != std::string::npos);
  // With a key of the user's, the fix is offered (unsafe, as always for ENC311).
  auto own = run_tool("--select ENC311 --kms-key Ref:Key --unsafe-fixes --diff -", dir.path(), tpl);
  CHECK(own.out.find("Properties: {KmsMasterKeyId: !Ref Key}}") != std::string::npos);
}
