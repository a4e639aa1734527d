// Monorepos: each file takes the .cfn-enclint.yaml nearest to it, excludes
// are relative to the configuration that holds them and apply to standard
// input through --stdin-filename, and --exclude adds to them.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support.hpp"

using namespace enclint::testing;
namespace fs = std::filesystem;

namespace {

const std::string kBucket = kBucketWithoutEncryption;

}  // namespace

TEST_CASE("monorepo: each file takes its nearest configuration, from any directory") {
  TempDir dir;
  fs::create_directories(dir / "svc-a/deep");
  fs::create_directories(dir / "svc-b");
  write_file(dir / ".cfn-enclint.yaml", "severity: {ENC201: warning}\n");
  write_file(dir / "svc-a/.cfn-enclint.yaml", "ignore: [ENC201]\n");
  write_file(dir / "svc-a/deep/t.yaml", kBucket);
  write_file(dir / "svc-b/t.yaml", kBucket);
  write_file(dir / "t.yaml", kBucket);
  auto r = run_tool("--no-source svc-a/deep/t.yaml svc-b/t.yaml t.yaml", dir.path());
  CHECK(r.exit_code == 0);
  // svc-a ignores the rule; svc-b has no configuration of its own and takes the root's.
  CHECK(r.out.find("svc-a/") == std::string::npos);
  CHECK(r.out.find("svc-b/t.yaml:5:5: warning: ") != std::string::npos);
  CHECK(r.out.find("\nt.yaml:5:5: warning: ") != std::string::npos);
  // The same from inside a subproject, and from a directory scan.
  CHECK(run_tool("deep/t.yaml", dir / "svc-a").out == "0 findings in 1 file\n");
  auto scan = run_tool("--no-source .", dir.path());
  CHECK(scan.out.find("2 findings in 3 files") != std::string::npos);
  // --config names one configuration for every file.
  write_file(dir / "strict.yaml", "select: [ENC201]\n");
  auto strict = run_tool("--config strict.yaml --no-source .", dir.path());
  CHECK(strict.exit_code == 1);
  CHECK(strict.out.find("3 findings in 3 files") != std::string::npos);
  // A broken configuration of a subproject is an error naming it.
  write_file(dir / "svc-b/.cfn-enclint.yaml", "sellect: [ENC201]\n");
  auto broken = run_tool("svc-b/t.yaml", dir.path());
  CHECK(broken.exit_code == 2);
  CHECK(broken.err.find("svc-b/.cfn-enclint.yaml:1:1: unknown key 'sellect'") != std::string::npos);
}

TEST_CASE("monorepo: excludes are relative to their configuration, and --exclude adds to them") {
  TempDir dir;
  fs::create_directories(dir / "svc-a/generated");
  write_file(dir / "svc-a/.cfn-enclint.yaml", "exclude: ['generated/**']\n");
  write_file(dir / "svc-a/generated/t.yaml", kBucket);
  write_file(dir / "svc-a/t.yaml", kBucket);
  write_file(dir / "legacy.yaml", kBucket);
  auto scan = run_tool("--no-source .", dir.path());
  CHECK(scan.out.find("generated") == std::string::npos);
  CHECK(scan.out.find("2 findings in 2 files") != std::string::npos);
  auto named = run_tool("--verbose svc-a/generated/t.yaml", dir.path());
  CHECK(named.exit_code == 0);
  CHECK(named.out.find("svc-a/generated/t.yaml: skipped: excluded by the configuration") !=
        std::string::npos);
  auto cli = run_tool("--no-source --exclude legacy.yaml --exclude 'svc-a/*.yaml' .", dir.path());
  CHECK(cli.exit_code == 0);
  CHECK(cli.out == "0 findings in 0 files\n");
}

TEST_CASE("monorepo: standard input is excluded and configured through --stdin-filename") {
  TempDir dir;
  fs::create_directories(dir / "svc-a/generated");
  write_file(dir / "svc-a/.cfn-enclint.yaml",
             "exclude: ['generated/**']\nseverity: {ENC201: warning}\n");
  // Excluded: `--fix -` prints the template as it came, and nothing is reported.
  auto fix = run_tool("--fix --stdin-filename svc-a/generated/t.yaml -", dir.path(), kBucket);
  CHECK(fix.exit_code == 0);
  CHECK(fix.out == kBucket);
  // Larger than the limit: nothing printed (never a truncated template), and an error.
  auto big = run_tool("--fix --max-file-size 1 --stdin-filename svc-a/generated/t.yaml -",
                      dir.path(), kBucket + std::string(1100000, '#') + "\n");
  CHECK(big.exit_code == 2);
  CHECK(big.out.empty());
  CHECK(big.err.find("larger than the limit of 1 MiB") != std::string::npos);
  auto check = run_tool("--stdin-filename svc-a/generated/t.yaml -", dir.path(), kBucket);
  CHECK(check.exit_code == 0);
  // Not excluded: the subproject's configuration applies (ENC201 lowered to warning).
  auto other = run_tool("--no-source --stdin-filename svc-a/t.yaml -", dir.path(), kBucket);
  CHECK(other.exit_code == 0);
  CHECK(other.out.find("svc-a/t.yaml:5:5: warning: ") == 0);
  CHECK(run_tool("--stdin-filename t.yaml -", dir.path(), kBucket).exit_code == 1);
  // Without '-' the name names nothing: a usage error, not a scan of the directory.
  auto alone = run_tool("--stdin-filename t.yaml", dir.path());
  CHECK(alone.exit_code == 2);
  CHECK(alone.err.find("--stdin-filename names standard input") != std::string::npos);
}
