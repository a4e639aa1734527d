// .cfn-enclint.yaml: discovery, validation with positions, precedence, exclude.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cli/config.hpp"
#include "support.hpp"

using namespace enclint;
using namespace enclint::testing;
namespace fs = std::filesystem;

namespace {
const std::string kBucket =
    "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  Data:\n    Type: AWS::S3::Bucket\n"
    "    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n"
    "          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: AES256\n";
}

TEST_CASE("config: every key is read") {
  TempDir dir;
  write_file(dir / ".cfn-enclint.yaml",
             "select: [ENC201, s3-bucket-key-disabled]\nignore: ENC101\nlevel: cmk\n"
             "severity:\n  ENC203: warning\nfix:\n  kms_key: alias/data\n  sse_algorithm: aws:kms\n"
             "exclude: ['generated/**', legacy]\n");
  auto r = cli::load_config(dir / ".cfn-enclint.yaml");
  INFO(r.error);
  REQUIRE(r.config);
  CHECK(*r.config->select == std::vector<std::string>{"ENC201", "ENC203"});
  CHECK(*r.config->ignore == std::vector<std::string>{"ENC101"});
  CHECK(r.config->level == lint::Level::Cmk);
  CHECK(r.config->severity.at("ENC203") == lint::Severity::Warning);
  CHECK(*r.config->kms_key == "alias/data");
  CHECK(*r.config->sse_algorithm == "aws:kms");
  CHECK(r.config->exclude.size() == 2);
}

TEST_CASE("config: unknown keys and values are errors with position and choices") {
  TempDir dir;
  struct Case {
    const char* text;
    const char* error;
  } cases[] = {
      {"select: [ENC201]\nselcet: [ENC101]\n",
       ".cfn-enclint.yaml:2:1: unknown key 'selcet' (valid: select, ignore, severity, level, fix, "
       "exclude)"},
      {"level: strict\n", ":1:8: unknown level 'strict' (valid: baseline, cmk)"},
      {"severity:\n  ENC201: fatal\n",
       ":2:11: unknown severity 'fatal' (valid: error, warning, info)"},
      {"ignore: [ENC999]\n", ":1:9: unknown rule 'ENC999' (valid: ENC001, ENC011, ENC012, ENC101"},
      {"fix:\n  kms: x\n", ":2:3: unknown key 'kms' in fix (valid: kms_key, sse_algorithm)"},
      {"fix:\n  sse_algorithm: DES\n", ":2:18: unknown sse_algorithm 'DES'"},
      {"- a\n", ":1:1: the configuration must be a mapping"},
  };
  for (const auto& c : cases) {
    write_file(dir / ".cfn-enclint.yaml", c.text);
    auto r = cli::load_config(dir / ".cfn-enclint.yaml");
    INFO(c.text);
    CHECK_FALSE(r.config);
    CHECK(r.error.find(c.error) != std::string::npos);
  }
}

TEST_CASE("config: found from the current directory upwards") {
  TempDir dir;
  fs::create_directories(dir / "a" / "b");
  write_file(dir / ".cfn-enclint.yaml", "level: cmk\n");
  auto found = cli::find_config(dir / "a" / "b");
  REQUIRE(found);
  CHECK(fs::equivalent(*found, dir / ".cfn-enclint.yaml"));
}

TEST_CASE("config: exclude globs match below the config file's directory") {
  cli::Config c;
  TempDir dir;
  c.path = dir / ".cfn-enclint.yaml";
  c.exclude = {"generated/**", "legacy", "**/*.out.yaml"};
  CHECK(cli::excluded(c, (dir / "generated" / "x" / "t.yaml").string()));
  CHECK(cli::excluded(c, (dir / "legacy" / "t.yaml").string()));
  CHECK(cli::excluded(c, (dir / "a" / "b.out.yaml").string()));
  CHECK(cli::excluded(c, (dir / "b.out.yaml").string()));
  CHECK_FALSE(cli::excluded(c, (dir / "src" / "t.yaml").string()));
}

TEST_CASE("cli: configuration applies, the command line wins, errors exit 2") {
  TempDir dir;
  write_file(dir / "t.yaml", kBucket);  // has a rule without BucketKeyEnabled (ENC203)
  auto plain = run_tool("t.yaml", dir.path());
  CHECK(plain.exit_code == 1);
  CHECK(plain.out.find("error: encryption rule 1") != std::string::npos);

  write_file(dir / ".cfn-enclint.yaml", "severity:\n  ENC203: warning\n");
  auto warned = run_tool("t.yaml", dir.path());
  CHECK(warned.out.find("warning: encryption rule 1") != std::string::npos);

  write_file(dir / ".cfn-enclint.yaml", "ignore: [ENC203]\n");
  CHECK(run_tool("t.yaml", dir.path()).exit_code == 0);
  CHECK(run_tool("--ignore ENC101 t.yaml", dir.path()).exit_code == 1);  // CLI replaces config

  write_file(dir / ".cfn-enclint.yaml", "exclude: [t.yaml]\n");
  auto excluded = run_tool("--verbose t.yaml", dir.path());
  CHECK(excluded.exit_code == 0);
  CHECK(excluded.out.find("t.yaml: skipped: excluded by the configuration") != std::string::npos);

  write_file(dir / ".cfn-enclint.yaml", "levle: cmk\n");
  auto bad = run_tool("t.yaml", dir.path());
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find(".cfn-enclint.yaml:1:1: unknown key 'levle'") != std::string::npos);

  write_file(dir / "other.yaml", "level: cmk\n");
  auto cmk = run_tool("--config other.yaml t.yaml", dir.path());  // --config skips the lookup
  CHECK(cmk.out.find("[ENC205]") != std::string::npos);
  auto base = run_tool("--config other.yaml --level baseline t.yaml", dir.path());
  CHECK(base.out.find("[ENC205]") == std::string::npos);
}

TEST_CASE("cli: fix options from the config, --kms-key implies aws:kms") {
  TempDir dir;
  const std::string table =
      "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: "
      "PAY_PER_REQUEST\n";
  write_file(dir / "t.yaml", table + "  TableKey:\n    Type: AWS::KMS::Key\n");
  write_file(dir / ".cfn-enclint.yaml", "fix:\n  kms_key: Ref:TableKey\n");
  auto r = run_tool("--fix t.yaml", dir.path());
  CHECK(r.exit_code == 0);
  CHECK(read_file(dir / "t.yaml") ==
        table +
            "      SSESpecification:\n        SSEEnabled: true\n"
            "        SSEType: KMS\n        KMSMasterKeyId: !Ref TableKey\n"
            "  TableKey:\n    Type: AWS::KMS::Key\n");
  write_file(dir / "b.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
  auto b = run_tool("--fix --kms-key alias/data b.yaml", dir.path());
  CHECK(b.exit_code == 0);
  CHECK(read_file(dir / "b.yaml") ==
        "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption:\n"
        "        ServerSideEncryptionConfiguration:\n          - ServerSideEncryptionByDefault:\n"
        "              SSEAlgorithm: aws:kms\n              KMSMasterKeyID: alias/data\n"
        "            BucketKeyEnabled: true\n");
}

TEST_CASE("cli: suppressions, foreign ones, and --show-suppressed") {
  TempDir dir;
  const std::string head = "Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n";
  write_file(dir / "nag.yaml", head +
                                   "      cfn_nag:\n        rules_to_suppress:\n          - id: "
                                   "W41\n            reason: public assets\n");
  auto nag = run_tool("nag.yaml", dir.path());
  CHECK(nag.exit_code == 0);
  auto shown = run_tool("--show-suppressed nag.yaml", dir.path());
  CHECK(shown.out.find("suppressed: S3 bucket 'B' has no BucketEncryption") != std::string::npos);
  CHECK(shown.out.find("(by cfn_nag W41: public assets)") != std::string::npos);
  CHECK(run_tool("--no-foreign-suppressions nag.yaml", dir.path()).exit_code == 1);

  write_file(dir / "own.yaml", head +
                                   "      cfn-enclint:\n        suppress:\n          - rule: "
                                   "s3-encryption-missing\n            reason: website\n");
  CHECK(run_tool("own.yaml", dir.path()).exit_code == 0);
  write_file(dir / "noreason.yaml",
             head + "      cfn-enclint:\n        suppress:\n          - rule: ENC201\n");
  auto noreason = run_tool("noreason.yaml", dir.path());
  CHECK(noreason.exit_code == 1);
  CHECK(noreason.out.find("[ENC001]") != std::string::npos);
  CHECK(noreason.out.find("[ENC201]") != std::string::npos);  // not honoured
}
