// The resource graph: one test per kind of edge, in short and long forms,
// with conditions and Fn::ForEach.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "model/access.hpp"
#include "model/graph.hpp"
#include "support.hpp"

using namespace enclint;

namespace {

// "From Kind[detail]{access}*(when ...) To", one line per edge, sorted.
std::set<std::string> edges_of(const std::string& yaml) {
  auto loaded = model::load(testing::make_source(yaml));
  REQUIRE(loaded.tpl);
  model::Graph g(*loaded.tpl);
  std::set<std::string> out;
  for (const model::Edge& e : g.edges()) {
    std::string s = std::string(g.nodes()[e.from].name) + " " + model::to_string(e.kind);
    if (!e.detail.empty()) s += "[" + e.detail + "]";
    if (e.access) s += "{" + model::describe_access(e.access) + "}";
    if (e.wildcard) s += "*";
    if (!e.assumptions.empty()) s += "(" + model::describe_assumptions(e.assumptions) + ")";
    s += " " + std::string(g.nodes()[e.to].name);
    out.insert(s);
  }
  return out;
}

std::string dump(const std::set<std::string>& edges) {
  std::string s;
  for (const auto& e : edges) s += e + "\n";
  return s;
}

const char* kHeader =
    "AWSTemplateFormatVersion: '2010-09-09'\n"
    "Parameters:\n"
    "  Env: {Type: String}\n"
    "Resources:\n"
    "  Key: {Type: AWS::KMS::Key}\n"
    "  T: {Type: AWS::DynamoDB::Table}\n"
    "  B: {Type: AWS::S3::Bucket}\n";

}  // namespace

TEST_CASE("graph: nodes for resources, parameters, conditions and outputs") {
  auto loaded =
      model::load(testing::make_source("Parameters: {Env: {Type: String}}\n"
                                       "Conditions: {IsProd: !Equals [!Ref Env, prod]}\n"
                                       "Resources: {T: {Type: AWS::DynamoDB::Table}}\n"
                                       "Outputs: {Name: {Value: !Ref T}}\n"));
  REQUIRE(loaded.tpl);
  model::Graph g(*loaded.tpl);
  REQUIRE(g.nodes().size() == 4);
  CHECK(g.find(model::NodeKind::Resource, "T") == 0);
  CHECK(g.nodes()[g.find(model::NodeKind::Parameter, "Env")].type == "String");
  CHECK(g.find(model::NodeKind::Condition, "IsProd") != model::Graph::kNoNode);
  CHECK(g.find(model::NodeKind::Output, "Name") != model::Graph::kNoNode);
  CHECK(g.find(model::NodeKind::Resource, "Env") == model::Graph::kNoNode);
  auto edges = edges_of(
      "Parameters: {Env: {Type: String}}\n"
      "Conditions: {IsProd: !Equals [!Ref Env, prod], Both: {Fn::And: [{Condition: IsProd}, "
      "{Condition: IsProd}]}}\n"
      "Resources: {T: {Type: AWS::DynamoDB::Table}}\n"
      "Outputs: {Name: {Value: !Ref T, Condition: IsProd}}\n");
  CHECK(edges == std::set<std::string>{"IsProd Ref Env", "Both Condition IsProd",
                                       "Name Condition IsProd",
                                       "Name Ref(when condition IsProd is true) T"});
}

TEST_CASE("graph: Ref, GetAtt and DependsOn in short and long forms") {
  auto edges = edges_of(std::string(kHeader) +
                        "  F:\n"
                        "    Type: AWS::Lambda::Function\n"
                        "    DependsOn: T\n"
                        "    Properties:\n"
                        "      A: !Ref B\n"
                        "      B: {Ref: Env}\n"
                        "      C: !GetAtt T.Arn\n"
                        "      D: !GetAtt [B, DomainName]\n"
                        "      E: {Fn::GetAtt: [Key, Arn]}\n"
                        "      G: {Fn::GetAtt: T.StreamArn}\n"
                        "      H: !Join ['', [!Ref AWS::Region, {Ref: Missing}, !Ref Key]]\n"
                        "  G:\n"
                        "    Type: AWS::Lambda::Function\n"
                        "    DependsOn: [T, B, Nothing]\n");
  CHECK(dump(edges) ==
        "F DependsOn T\n"
        "F GetAtt[Arn] Key\n"
        "F GetAtt[Arn] T\n"
        "F GetAtt[DomainName] B\n"
        "F GetAtt[StreamArn] T\n"
        "F Ref B\n"
        "F Ref Env\n"
        "F Ref Key\n"
        "G DependsOn B\n"
        "G DependsOn T\n");
}

TEST_CASE("graph: Fn::Sub in string and list form, the variable map shadowing resources") {
  auto edges = edges_of(std::string(kHeader) +
                        "  F:\n"
                        "    Type: AWS::Lambda::Function\n"
                        "    Properties:\n"
                        "      A: !Sub 'arn:${AWS::Partition}:s3:::${B}/*'\n"
                        "      C: {Fn::Sub: '${T.Arn}/stream/* ${!Key} ${Env}'}\n"
                        "      D: !Sub ['${T}-${Other}', {T: !GetAtt Key.Arn, Other: x}]\n"
                        "      E:\n"
                        "        Fn::Sub:\n"
                        "          - '${B.Arn}'\n"
                        "          - {}\n");
  CHECK(dump(edges) ==
        "F GetAtt[Arn] Key\n"
        "F Sub B\n"
        "F Sub Env\n"
        "F Sub[Arn] B\n"
        "F Sub[Arn] T\n");
  auto vars = model::sub_variables("${A}${B.C.D}${!E}${AWS::Region}${");
  REQUIRE(vars.size() == 3);
  CHECK(vars[1].name == "B");
  CHECK(vars[1].attribute == "C.D");
  CHECK(vars[2].name == "AWS::Region");
}

TEST_CASE("graph: an edge under Fn::If or a resource Condition carries the condition") {
  auto edges = edges_of(std::string(kHeader) +
                        "  F:\n"
                        "    Type: AWS::Lambda::Function\n"
                        "    Condition: HasF\n"
                        "    Properties:\n"
                        "      A: !If [UseKey, !Ref Key, !If [Always, !Ref B, !Ref T]]\n"
                        "      C: {Fn::If: [UseKey, {Fn::If: [UseKey, !Ref T, !Ref Env]}, x]}\n"
                        "Conditions:\n"
                        "  HasF: !Equals [!Ref Env, f]\n"
                        "  UseKey: !Equals [!Ref Env, k]\n"
                        "  Always: !Equals [a, a]\n");
  CHECK(edges.count("F Condition HasF"));
  CHECK(edges.count("F Ref(when condition HasF is true and condition UseKey is true) Key"));
  // Always is decided true: its false branch cannot happen, and no assumption is needed.
  CHECK(edges.count("F Ref(when condition HasF is true and condition UseKey is false) B"));
  CHECK_FALSE(edges.count("F Ref(when condition HasF is true and condition UseKey is false) T"));
  // A nested Fn::If on a condition its enclosing branch decided takes that branch only.
  CHECK(edges.count("F Ref(when condition HasF is true and condition UseKey is true) T"));
  CHECK_FALSE(edges.count("F Ref(when condition HasF is true and condition UseKey is true) Env"));
  CHECK(edges.count("F Condition(when condition HasF is true) UseKey"));
  CHECK(
      edges.count("F Condition(when condition HasF is true and condition UseKey is false) Always"));
  CHECK(edges.count("HasF Ref Env"));
}

TEST_CASE("graph: Fn::ForEach bodies, their templated ids and loop variables") {
  auto edges = edges_of(
      "Transform: AWS::LanguageExtensions\n"
      "Parameters: {Name: {Type: String}, Env: {Type: String}}\n"
      "Resources:\n"
      "  Key: {Type: AWS::KMS::Key}\n"
      "  Fn::ForEach::Tables:\n"
      "    - Name\n"
      "    - [A, B]\n"
      "    - ${Name}Table:\n"
      "        Type: AWS::DynamoDB::Table\n"
      "        Properties:\n"
      "          TableName: !Sub '${Name}-${Env}'\n"
      "          SSESpecification: {SSEEnabled: true, SSEType: KMS, KMSMasterKeyId: !Ref Key}\n"
      "          Tags: [{Key: n, Value: !Ref Name}]\n"
      "      ${Name}Reader:\n"
      "        Type: AWS::Serverless::Function\n"
      "        Properties:\n"
      "          Policies: [{DynamoDBReadPolicy: {TableName: !Ref '${Name}Table'}}]\n");
  CHECK(dump(edges) ==
        "${Name}Reader Access[DynamoDBReadPolicy]{read} ${Name}Table\n"
        "${Name}Reader Ref ${Name}Table\n"
        "${Name}Table EncryptedWith Key\n"
        "${Name}Table Ref Key\n"
        "${Name}Table Sub Env\n");
}

TEST_CASE("graph: SAM policy templates grant read, write or key use") {
  auto edges = edges_of(std::string(kHeader) +
                        "  Q: {Type: AWS::SQS::Queue}\n"
                        "  Topic: {Type: AWS::SNS::Topic}\n"
                        "  S: {Type: AWS::Kinesis::Stream}\n"
                        "  F:\n"
                        "    Type: AWS::Serverless::Function\n"
                        "    Properties:\n"
                        "      Policies:\n"
                        "        - DynamoDBCrudPolicy: {TableName: !Ref T}\n"
                        "        - DynamoDBReadPolicy: {TableName: !Ref T}\n"
                        "        - DynamoDBWritePolicy: {TableName: !Ref T}\n"
                        "        - S3ReadPolicy: {BucketName: !Ref B}\n"
                        "        - S3CrudPolicy: {BucketName: !Ref B}\n"
                        "        - S3WritePolicy: {BucketName: !Ref B}\n"
                        "        - SQSSendMessagePolicy: {QueueName: !GetAtt Q.QueueName}\n"
                        "        - SQSPollerPolicy: {QueueName: !GetAtt Q.QueueName}\n"
                        "        - SNSPublishMessagePolicy: {TopicName: !GetAtt Topic.TopicName}\n"
                        "        - KinesisStreamReadPolicy: {StreamName: !Ref S}\n"
                        "        - KMSDecryptPolicy: {KeyId: !Ref Key}\n"
                        "        - KMSEncryptPolicy: {KeyId: !Ref Key}\n"
                        "        - AWSLambdaBasicExecutionRole\n"
                        "        - DynamoDBCrudPolicy: {TableName: !Ref Q}\n"  // not a table
                        "        - DynamoDBReadPolicy: {TableName: literal-name}\n"
                        "  G:\n"
                        "    Type: AWS::Serverless::Function\n"
                        "    Properties:\n"
                        "      Policies: {DynamoDBReadPolicy: {TableName: !Ref T}}\n");
  for (const char* e :
       {"F Access[DynamoDBCrudPolicy]{read/write} T", "F Access[DynamoDBReadPolicy]{read} T",
        "F Access[DynamoDBWritePolicy]{write} T", "F Access[S3ReadPolicy]{read} B",
        "F Access[S3CrudPolicy]{read/write} B", "F Access[S3WritePolicy]{write} B",
        "F Access[SQSSendMessagePolicy]{write} Q", "F Access[SQSPollerPolicy]{read} Q",
        "F Access[SNSPublishMessagePolicy]{write} Topic",
        "F Access[KinesisStreamReadPolicy]{read} S", "F Access[KMSDecryptPolicy]{kms:Decrypt} Key",
        "F Access[KMSEncryptPolicy]{kms:Encrypt} Key", "G Access[DynamoDBReadPolicy]{read} T"})
    CHECK(edges.count(e));
  std::size_t access = 0;
  for (const auto& e : edges) access += e.find(" Access") != std::string::npos;
  CHECK(access == 13);
}

TEST_CASE("graph: IAM statements of roles, policies, managed policies and SAM inline ones") {
  auto edges = edges_of(
      std::string(kHeader) +
      "  Alias: {Type: AWS::KMS::Alias, Properties: {AliasName: alias/x, TargetKeyId: !Ref Key}}\n"
      "  Role:\n"
      "    Type: AWS::IAM::Role\n"
      "    Properties:\n"
      "      ManagedPolicyArns: [!Ref Managed, arn:aws:iam::aws:policy/ReadOnlyAccess]\n"
      "      Policies:\n"
      "        - PolicyName: data\n"
      "          PolicyDocument:\n"
      "            Statement:\n"
      "              - Effect: Allow\n"
      "                Action: [dynamodb:GetItem, 'dynamodb:Query']\n"
      "                Resource: [!GetAtt T.Arn, !Sub '${T.Arn}/index/*']\n"
      "              - Effect: Allow\n"
      "                Action: s3:PutObject\n"
      "                Resource: !Sub 'arn:${AWS::Partition}:s3:::${B}/*'\n"
      "              - Effect: Deny\n"
      "                Action: dynamodb:*\n"
      "                Resource: !GetAtt T.Arn\n"
      "              - Effect: Allow\n"
      "                Action: dynamodb:DescribeTable\n"
      "                Resource: !GetAtt T.Arn\n"
      "  Fn:\n"
      "    Type: AWS::Lambda::Function\n"
      "    Properties: {Role: !GetAtt Role.Arn}\n"
      "  Policy:\n"
      "    Type: AWS::IAM::Policy\n"
      "    Properties:\n"
      "      Roles: [!Ref Role]\n"
      "      PolicyDocument:\n"
      "        Statement:\n"
      "          Effect: Allow\n"
      "          Action: ['kms:Decrypt', 'kms:GenerateDataKey*']\n"
      "          Resource: !GetAtt Key.Arn\n"
      "  Managed:\n"
      "    Type: AWS::IAM::ManagedPolicy\n"
      "    Properties:\n"
      "      PolicyDocument:\n"
      "        Statement:\n"
      "          - {Effect: Allow, Action: 's3:Get*', Resource: !Sub '${B.Arn}/*'}\n"
      "          - {Effect: Allow, Action: 'kms:*', Resource: !Ref Alias}\n"
      "  Sam:\n"
      "    Type: AWS::Serverless::Function\n"
      "    Properties:\n"
      "      Policies:\n"
      "        - Statement:\n"
      "            - Effect: Allow\n"
      "              Action: dynamodb:PutItem\n"
      "              Resource: !Sub "
      "'arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${T}'\n"
      "        - !Ref Managed\n");
  for (const char* e : {"Role Access[data]{read} T", "Role Access[data]{write} B",
                        "Fn Attached Role", "Role Attached Policy", "Role Attached Managed",
                        "Policy Access[Policy]{kms:Decrypt, kms:GenerateDataKey} Key",
                        "Managed Access[Managed]{read} B", "Sam Access[inline statement]{write} T",
                        "Sam Attached Managed"})
    CHECK(edges.count(e));
  // A Deny, an action that reads no data, and an alias in Resource (IAM
  // grants key use only on the key's ARN) give no access.
  std::size_t access = 0;
  for (const auto& e : edges) access += e.find(" Access") != std::string::npos;
  CHECK(access == 5);
}

TEST_CASE("graph: Resource patterns reach every store or key of their service") {
  auto edges =
      edges_of(std::string(kHeader) +
               "  T2: {Type: AWS::DynamoDB::Table}\n"
               "  Role:\n"
               "    Type: AWS::IAM::Role\n"
               "    Properties:\n"
               "      Policies:\n"
               "        - PolicyName: p\n"
               "          PolicyDocument:\n"
               "            Statement:\n"
               "              - {Effect: Allow, Action: kms:Decrypt, Resource: "
               "'arn:aws:kms:*:*:key/*'}\n"
               "              - {Effect: Allow, Action: 'dynamodb:*', Resource: '*'}\n"
               "              - {Effect: Allow, Action: s3:GetObject, Resource: "
               "'arn:aws:s3:::named-bucket/*'}\n"
               "              - {Effect: Allow, Action: dynamodb:GetItem, Resource: "
               "!Sub 'arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/orders-*'}\n");
  CHECK(dump(edges) ==
        "Role Access[p]{kms:Decrypt}* Key\n"
        "Role Access[p]{read/write}* T\n"
        "Role Access[p]{read/write}* T2\n");
}

TEST_CASE("graph: SAM event sources and the keys that encrypt stores") {
  auto edges = edges_of(
      std::string(kHeader) +
      "  Alias: {Type: AWS::KMS::Alias, Properties: {AliasName: alias/x, TargetKeyId: !Ref Key}}\n"
      "  Q:\n"
      "    Type: AWS::SQS::Queue\n"
      "    Properties: {KmsMasterKeyId: !Ref Alias}\n"
      "  S:\n"
      "    Type: AWS::Kinesis::Stream\n"
      "    Properties: {StreamEncryption: {EncryptionType: KMS, KeyId: !GetAtt Key.Arn}}\n"
      "  B2:\n"
      "    Type: AWS::S3::Bucket\n"
      "    Condition: C\n"
      "    Properties:\n"
      "      BucketEncryption:\n"
      "        ServerSideEncryptionConfiguration:\n"
      "          - ServerSideEncryptionByDefault:\n"
      "              SSEAlgorithm: aws:kms\n"
      "              KMSMasterKeyID: !If [C, !GetAtt Key.Arn, !Ref AWS::NoValue]\n"
      "  F:\n"
      "    Type: AWS::Serverless::Function\n"
      "    Properties:\n"
      "      Events:\n"
      "        Changes: {Type: DynamoDB, Properties: {Stream: !GetAtt T.StreamArn}}\n"
      "        Records: {Type: Kinesis, Properties: {Stream: !GetAtt S.Arn}}\n"
      "        Jobs: {Type: SQS, Properties: {Queue: !GetAtt Q.Arn}}\n"
      "        Uploads: {Type: S3, Properties: {Bucket: !Ref B, Events: 's3:ObjectCreated:*'}}\n"
      "        Api: {Type: Api, Properties: {Path: /, Method: get}}\n"
      "Conditions:\n"
      "  C: !Equals [!Ref Env, prod]\n");
  for (const char* e :
       {"F EventSource[Changes]{read} T", "F EventSource[Records]{read} S",
        "F EventSource[Jobs]{read} Q", "F EventSource[Uploads] B", "Q EncryptedWith[Alias] Key",
        "S EncryptedWith Key", "B2 EncryptedWith(when condition C is true) Key"})
    CHECK(edges.count(e));
  std::size_t n = 0;
  for (const auto& e : edges)
    n += e.find(" EventSource") != std::string::npos ||
         e.find(" EncryptedWith") != std::string::npos;
  CHECK(n == 7);
}

TEST_CASE("graph: IAM action globs") {
  CHECK(model::action_access("dynamodb:GetItem", "dynamodb") == model::kRead);
  CHECK(model::action_access("DynamoDB:getitem", "dynamodb") == model::kRead);
  CHECK(model::action_access("dynamodb:Get*", "dynamodb") == model::kRead);
  CHECK(model::action_access("dynamodb:*", "dynamodb") == (model::kRead | model::kWrite));
  CHECK(model::action_access("*", "s3") == (model::kRead | model::kWrite));
  CHECK(model::action_access("dynamodb:DescribeTable", "dynamodb") == 0);
  CHECK(model::action_access("dynamodb:GetItem", "s3") == 0);
  CHECK(model::action_access("kms:GenerateDataKey*", "kms") == model::kGenerateDataKey);
  CHECK(model::action_access("kms:*", "kms") ==
        (model::kDecrypt | model::kGenerateDataKey | model::kEncrypt));
  CHECK(model::action_access("sqs:SendMessage*", "sqs") == model::kWrite);
  CHECK(model::action_access("s3:?etObject", "s3") == model::kRead);
}

TEST_CASE("graph: AWS services that publish to a topic") {
  auto edges = edges_of(std::string(kHeader) +
                        "  Topic: {Type: AWS::SNS::Topic}\n"
                        "  Other: {Type: AWS::SNS::Topic}\n"
                        "  Rule:\n"
                        "    Type: AWS::Events::Rule\n"
                        "    Properties:\n"
                        "      Targets: [{Id: t, Arn: !Ref Topic}, {Id: f, Arn: !GetAtt T.Arn}]\n"
                        "  Alarm:\n"
                        "    Type: AWS::CloudWatch::Alarm\n"
                        "    Properties:\n"
                        "      AlarmActions: [!Ref Topic]\n"
                        "      OKActions: !If [C, [!Ref Other], !Ref AWS::NoValue]\n"
                        "  Uploads:\n"
                        "    Type: AWS::S3::Bucket\n"
                        "    Properties:\n"
                        "      NotificationConfiguration:\n"
                        "        TopicConfigurations:\n"
                        "          - {Event: 's3:ObjectCreated:*', Topic: !Ref Other}\n"
                        "Conditions:\n"
                        "  C: !Equals [!Ref Env, prod]\n");
  std::set<std::string> publishes;
  for (const auto& e : edges)
    if (e.find(" Publishes") != std::string::npos) publishes.insert(e);
  CHECK(publishes == std::set<std::string>{"Alarm Publishes Topic",
                                           "Alarm Publishes(when condition C is true) Other",
                                           "Rule Publishes Topic", "Uploads Publishes Other"});
}
