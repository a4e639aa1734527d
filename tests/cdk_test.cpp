// AWS CDK cloud assemblies (fixtures/cdk/app/cdk.out): templates found
// through manifest.json (nested assemblies and nested stacks too), findings
// that name their construct, and --fix that refuses a generated template.
#include <catch2/catch.hpp>

#include <filesystem>

#include "lint/cdk.hpp"
#include "support.hpp"

using namespace enclint::testing;
namespace fs = std::filesystem;

namespace {
const fs::path kApp = fs::path(ENCLINT_SOURCE_DIR) / "fixtures" / "cdk" / "app";

// A copy of the CDK project, to run in (and to check that nothing is written).
struct App {
  TempDir dir;
  App() { fs::copy(kApp, dir.path(), fs::copy_options::recursive); }
  fs::path operator/(const std::string& name) const { return dir / name; }
};
}  // namespace

TEST_CASE("cdk: a cdk.out named on the command line is read through its manifest") {
  App app;
  auto r = run_tool("--no-source cdk.out", app.dir.path());
  CHECK(r.exit_code == 1);
  // Stacks of the manifest, the nested stack beside them, the Stage's stack;
  // not the asset's template.yaml, tree.json or the asset manifest.
  CHECK(r.out == read_file(kApp.parent_path() / "cdk.out.expected"));
  CHECK(r.out.find("asset.") == std::string::npos);
  CHECK(r.err.empty());
}

TEST_CASE("cdk: a scan of the project skips cdk.out") {
  App app;
  auto r = run_tool("--no-source .", app.dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out == "0 findings in 0 files (0 fixable with --fix)\n");
}

TEST_CASE("cdk: --fix refuses a generated template and names the construct property") {
  App app;
  const fs::path t = app / "cdk.out/DataStack.template.json";
  const std::string before = read_file(t);
  auto r = run_tool("--no-source --fix cdk.out/DataStack.template.json", app.dir.path());
  CHECK(r.exit_code == 1);
  CHECK(read_file(t) == before);
  CHECK(r.out.find("(CDK construct DataStack/Uploads) [ENC201]") != std::string::npos);
  CHECK(r.out.find("note: not fixable: the AWS CDK generated this template, and the next `cdk "
                   "synth` would overwrite a fix: set `encryption: BucketEncryption.S3_MANAGED` "
                   "(or `BucketEncryption.KMS` with `encryptionKey`) and `bucketKeyEnabled: "
                   "true` on construct DataStack/Uploads (s3.Bucket) in the CDK app") !=
        std::string::npos);
  CHECK(r.out.find("2 findings in 1 file\n") != std::string::npos);
  auto d = run_tool("--diff cdk.out/DataStack.template.json", app.dir.path());
  CHECK(d.out.empty());
  CHECK(d.err == "Would fix 0 files (run with --fix to apply).\n");
}

TEST_CASE("cdk: json and sarif carry the aws:cdk:path") {
  App app;
  auto j = run_tool("-f json cdk.out/DataStack.template.json", app.dir.path());
  CHECK(j.exit_code == 1);
  CHECK(j.out.find("\"fix\": null, \"not_fixable\": ") != std::string::npos);
  CHECK(j.out.find("\"construct\": \"DataStack/Uploads/Resource\"") != std::string::npos);
  CHECK(j.out.find("\"construct\": \"DataStack/Orders/Resource\"") != std::string::npos);
  auto s = run_tool("-f sarif cdk.out/DataStack.template.json", app.dir.path());
  CHECK(s.out.find("\"properties\": {\"cdkPath\": \"DataStack/Uploads/Resource\"}") !=
        std::string::npos);
  CHECK(s.out.find("\"fixes\"") == std::string::npos);
}

TEST_CASE("cdk: a template without CDK metadata keeps its fixes and says nothing of constructs") {
  TempDir dir;
  write_file(dir / "t.json",
             "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\", \"Metadata\": {\"owner\": "
             "\"data\"}}}}\n");
  auto r = run_tool("-f json t.json", dir.path());
  CHECK(r.out.find("\"applicability\": \"safe\"") != std::string::npos);
  CHECK(r.out.find("construct") == std::string::npos);
}

TEST_CASE("cdk: a broken or incomplete assembly is an error, the rest is still checked") {
  App app;
  write_file(app / "cdk.out/assembly-Prod/manifest.json",
             "{\"version\": \"36.0.0\", \"artifacts\": [\n");
  fs::remove(app / "cdk.out/DataStackAuditB1C2D3E4.nested.template.json");
  fs::remove(app / "cdk.out/DataStack.template.json");
  write_file(app / "cdk.out/DataStackAuditB1C2D3E4.nested.template.json",
             read_file(kApp / "cdk.out/DataStackAuditB1C2D3E4.nested.template.json"));
  auto r = run_tool("--no-source cdk.out", app.dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("cdk.out/DataStack.template.json: error: cannot read the file: No such file "
                   "or directory") != std::string::npos);
  CHECK(r.out.find("cdk.out/assembly-Prod/manifest.json: error: cannot parse the cloud assembly "
                   "manifest at line 2, column 1") != std::string::npos);
  CHECK(r.out.find("[ENC301]") != std::string::npos);  // the nested stack is still checked
}

TEST_CASE("cdk: a nested assembly that points back at its parent is an error, not a loop") {
  App app;
  write_file(app / "cdk.out/assembly-Prod/manifest.json",
             "{\"version\": \"36.0.0\", \"artifacts\": {\"up\": {\"type\": \"cdk:cloud-assembly\", "
             "\"properties\": {\"directoryName\": \"..\"}}}}\n");
  auto r = run_tool("--no-source cdk.out", app.dir.path());
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("nested cloud assembly loops or is nested too deeply") != std::string::npos);
}

TEST_CASE("cdk: a directory whose manifest.json is not a cloud assembly is scanned as usual") {
  TempDir dir;
  fs::create_directory(dir / "web");
  write_file(dir / "web/manifest.json", "{\"name\": \"app\", \"icons\": []}\n");
  write_file(dir / "web/t.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
  auto r = run_tool("--no-source web", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("web/t.yaml:2:3: error:") != std::string::npos);
}

TEST_CASE("cdk: the construct of an aws:cdk:path") {
  using enclint::lint::construct_of;
  CHECK(construct_of("Stack/Bucket/Resource") == "Stack/Bucket");
  CHECK(construct_of("Stack/CfnThing") == "Stack/CfnThing");
  CHECK(construct_of("Resource") == "Resource");
}
