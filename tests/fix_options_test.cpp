// Black-box tests of the fix options that could otherwise write a template
// CloudFormation rejects (--kms-key, --sse-algorithm, --level cmk, --diff
// with --fix), and of the text output's cap on findings per file.
#include <catch2/catch.hpp>

#include "support.hpp"

using namespace enclint::testing;

namespace {

const std::string kBucket =
    "Resources:\n  Data:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: data\n";

bool has(const RunResult& r, const std::string& s) {
  return (r.out + r.err).find(s) != std::string::npos;
}

}  // namespace

TEST_CASE("fix options: a --kms-key of no key's form is a usage error, nothing written") {
  TempDir dir;
  write_file(dir / "t.yaml", kBucket);
  const std::pair<const char*, const char*> bad[] = {
      {"''", "--kms-key is empty"},
      {"my-key", "is not a KMS key"},
      {"arn:aws:s3:::bucket", "is not a KMS key or alias ARN"},
      {"arn:aws:kms:eu-west-1:1111:key/1234abcd-12ab-34cd-56ef-1234567890ab",
       "is not a KMS key or alias ARN"},
      {"arn:aws:kms:eu-west-1:111122223333:key/not-a-uuid", "is not a KMS key or alias ARN"},
      {"'alias/with space'", "an alias name has only"},
      {"Ref:", "after Ref: comes the logical id"},
      {"Ref:Bad-Id", "after Ref: comes the logical id"},
  };
  for (const auto& [key, message] : bad) {
    INFO(key);
    auto r = run_tool("--fix --kms-key " + std::string(key) + " t.yaml", dir.path());
    CHECK(r.exit_code == 2);
    CHECK(has(r, message));
    CHECK(read_file(dir / "t.yaml") == kBucket);
  }
  // The same from the configuration.
  write_file(dir / ".cfn-enclint.yaml", "fix:\n  kms_key: not-a-key\n");
  auto r = run_tool("--fix t.yaml", dir.path());
  CHECK(r.exit_code == 2);
  CHECK(has(r, "'not-a-key' is not a KMS key"));
  CHECK(read_file(dir / "t.yaml") == kBucket);
}

TEST_CASE("fix options: every documented --kms-key form is accepted") {
  TempDir dir;
  for (const char* key :
       {"arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
        "arn:aws-us-gov:kms:us-gov-west-1:111122223333:key/"
        "mrk-1234abcd12ab34cd56ef1234567890ab",
        "arn:aws:kms:eu-west-1:111122223333:alias/data", "alias/data", "alias/team/data_key-1",
        "1234abcd-12ab-34cd-56ef-1234567890ab", "mrk-1234abcd12ab34cd56ef1234567890ab"}) {
    INFO(key);
    write_file(dir / "t.yaml", kBucket);
    auto r = run_tool("--fix --kms-key " + std::string(key) + " t.yaml", dir.path());
    CHECK(r.exit_code == 0);
    std::string fixed = read_file(dir / "t.yaml");  // a key id that starts with a digit is quoted
    CHECK((fixed.find("KMSMasterKeyID: " + std::string(key) + "\n") != std::string::npos ||
           fixed.find("KMSMasterKeyID: '" + std::string(key) + "'\n") != std::string::npos));
  }
}

TEST_CASE("fix options: --kms-key Ref:X is checked against each template") {
  TempDir dir;
  const std::string with = kBucket +
                           "  Key:\n    Type: AWS::KMS::Key\n"
                           "  KeyAlias:\n    Type: AWS::KMS::Alias\n"
                           "  Queue:\n    Type: AWS::SQS::Queue\n    Properties:\n"
                           "      SqsManagedSseEnabled: true\n"
                           "Parameters:\n  KeyParam:\n    Type: String\n"
                           "  Count:\n    Type: Number\n";
  for (const char* ok : {"Key", "KeyAlias", "KeyParam"}) {
    INFO(ok);
    write_file(dir / "t.yaml", with);
    auto r = run_tool("--fix --kms-key Ref:" + std::string(ok) + " t.yaml", dir.path());
    CHECK(r.exit_code == 0);
    CHECK(read_file(dir / "t.yaml").find("KMSMasterKeyID: !Ref " + std::string(ok)) !=
          std::string::npos);
  }
  const std::pair<const char*, const char*> bad[] = {
      {"Missing", "the template has no resource or parameter 'Missing'"},
      {"Queue", "refers to a resource of type AWS::SQS::Queue, not to an AWS::KMS::Key"},
      {"Data", "refers to 'Data', the AWS::S3::Bucket being fixed, not to a KMS key"},
      {"Count", "refers to parameter 'Count' of type Number; a key parameter must be a String"},
  };
  for (const auto& [id, message] : bad) {
    INFO(id);
    write_file(dir / "t.yaml", with);
    write_file(dir / "clean.yaml", "Resources:\n  Key:\n    Type: AWS::KMS::Key\n");
    auto r = run_tool("--fix --no-source --kms-key Ref:" + std::string(id) + " t.yaml clean.yaml",
                      dir.path());
    CHECK(r.exit_code == 2);
    CHECK(has(r, "t.yaml: error: --kms-key Ref:" + std::string(id)));
    CHECK(has(r, message));
    CHECK(has(r, "nothing was written"));
    CHECK(read_file(dir / "t.yaml") == with);
  }
}

TEST_CASE("fix options: --diff never writes, so --diff --fix is a usage error") {
  TempDir dir;
  write_file(dir / "t.yaml", kBucket);
  for (const char* args : {"--diff --fix t.yaml", "--fix --diff t.yaml"}) {
    auto r = run_tool(args, dir.path());
    CHECK(r.exit_code == 2);
    CHECK(has(r, "--diff and --fix cannot be combined"));
    CHECK(read_file(dir / "t.yaml") == kBucket);
  }
}

TEST_CASE("fix options: at level cmk without a key the S3 fix does not write AES256") {
  TempDir dir;
  write_file(dir / "t.yaml", kBucket);
  auto r = run_tool("--level cmk --fix --no-source --select ENC201,ENC205 t.yaml", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(read_file(dir / "t.yaml") == kBucket);  // nothing inserted, so no ENC205 on it
  CHECK(has(r, "not fixable: at level cmk the bucket needs SSE-KMS with a customer managed key"));
  auto aes = run_tool(
      "--level cmk --fix --no-source --select ENC201,ENC205 --sse-algorithm AES256 "
      "--kms-key alias/data t.yaml",
      dir.path());
  CHECK(read_file(dir / "t.yaml") == kBucket);
  CHECK(has(aes, "not fixable: at level cmk"));
  auto key =
      run_tool("--level cmk --fix --no-source --select ENC201,ENC205 --kms-key alias/data t.yaml",
               dir.path());
  CHECK(key.exit_code == 0);
  CHECK(read_file(dir / "t.yaml").find("SSEAlgorithm: aws:kms\n") != std::string::npos);
}

TEST_CASE("fix options: a --kms-key a fix leaves out gets a note") {
  TempDir dir;
  write_file(dir / "t.yaml", kBucket +
                                 "  Global:\n    Type: AWS::DynamoDB::GlobalTable\n"
                                 "    Properties:\n      TableName: g\n");
  auto r = run_tool("--no-source --kms-key alias/data --sse-algorithm AES256 t.yaml", dir.path());
  CHECK(
      has(r, "note: the fix does not use --kms-key: --sse-algorithm AES256 (SSE-S3) takes no key"));
  CHECK(has(r,
            "note: the fix does not use --kms-key: a global table takes its keys on its replicas"));
  auto json = run_tool("-f json --kms-key alias/data --sse-algorithm AES256 t.yaml", dir.path());
  CHECK(has(json, "(without --kms-key: a global table takes its keys on its replicas"));
  auto none = run_tool("--no-source --sse-algorithm AES256 t.yaml", dir.path());
  CHECK_FALSE(has(none, "note: the fix does not use --kms-key"));
}

TEST_CASE("text output: --max-findings-per-file caps the findings shown, 0 shows all") {
  TempDir dir;
  std::string text = "Resources:\n";
  for (int i = 0; i < 205; ++i)
    text += "  B" + std::to_string(i) + ":\n    Type: AWS::S3::Bucket\n";
  write_file(dir / "t.yaml", text);
  auto count = [](const RunResult& r) {
    std::size_t n = 0;
    for (std::size_t at = r.out.find("[ENC201]"); at != std::string::npos;
         at = r.out.find("[ENC201]", at + 1))
      ++n;
    return n;
  };
  auto capped = run_tool("--no-source --select ENC201 t.yaml", dir.path());
  CHECK(count(capped) == 200);
  CHECK(has(capped, "t.yaml: 5 more findings not shown (--max-findings-per-file 0 shows all"));
  CHECK(has(capped, "205 findings in 1 file"));
  auto all = run_tool("--no-source --select ENC201 --max-findings-per-file 0 t.yaml", dir.path());
  CHECK(count(all) == 205);
  CHECK_FALSE(has(all, "not shown"));
  auto three = run_tool("--no-source --select ENC201 --max-findings-per-file 3 t.yaml", dir.path());
  CHECK(count(three) == 3);
  CHECK(has(three, "t.yaml: 202 more findings not shown"));
  auto bad = run_tool("--max-findings-per-file many t.yaml", dir.path());
  CHECK(bad.exit_code == 2);
}

TEST_CASE("fix options: --kms-key Ref:X that already depends on the resource fixed is a cycle") {
  TempDir dir;
  // The key's policy names a role whose policy names the bucket: encrypting
  // the bucket with that key would make CloudFormation refuse the template
  // ("Circular dependency between resources").
  const std::string cyclic = kBucket +
                             "  Role:\n    Type: AWS::IAM::Role\n    Properties:\n"
                             "      Policies:\n        - PolicyName: read\n"
                             "          PolicyDocument:\n            Statement:\n"
                             "              - Effect: Allow\n                Action: s3:GetObject\n"
                             "                Resource: !Sub '${Data.Arn}/*'\n"
                             "  Key:\n    Type: AWS::KMS::Key\n    Properties:\n"
                             "      KeyPolicy:\n        Statement:\n          - Effect: Allow\n"
                             "            Principal: {AWS: !GetAtt Role.Arn}\n"
                             "            Action: kms:Decrypt\n            Resource: '*'\n"
                             "  OtherKey:\n    Type: AWS::KMS::Key\n    Properties:\n"
                             "      Description: !Sub 'data of ${AWS::StackName}'\n";
  write_file(dir / "t.yaml", cyclic);
  auto r = run_tool("--fix --no-source --kms-key Ref:Key t.yaml", dir.path());
  CHECK(r.exit_code == 2);
  CHECK(has(r, "--kms-key Ref:Key would make a dependency cycle: Data would refer to Key, which "
               "already depends on it (Key -> Role -> Data)"));
  CHECK(read_file(dir / "t.yaml") == cyclic);
  // A key that does not depend on the bucket is fine.
  // (The role then lacks kms:Decrypt on it: ENC011 says so, exit 1.)
  auto ok = run_tool("--fix --no-source --kms-key Ref:OtherKey t.yaml", dir.path());
  CHECK(ok.exit_code == 1);
  CHECK(has(ok, "fixed 1 finding"));
  CHECK(has(ok, "[ENC011]"));
  CHECK(read_file(dir / "t.yaml").find("KMSMasterKeyID: !Ref OtherKey") != std::string::npos);
}
