// Snapshots of the machine-readable reports users and their tools parse:
// the whole JSON report, SARIF's results, and JSON after --fix (fixed
// findings at their old positions, the rest where they now are). Each
// expected file under fixtures/snapshots/ was read, field by field, when
// it was written; a change to the output format shows up here.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support.hpp"

using namespace enclint::testing;
namespace fs = std::filesystem;

namespace {
const fs::path kFixtures = fs::path(ENCLINT_SOURCE_DIR) / "fixtures";

std::string snapshot(const std::string& name) { return read_file(kFixtures / "snapshots" / name); }
}  // namespace

TEST_CASE("snapshot: --format json of a fixture") {
  auto r = run_tool("-f json basic.yaml", kFixtures / "rules" / "ENC321");
  CHECK(r.exit_code == 1);
  CHECK(r.out == snapshot("enc321-basic.json"));
}

TEST_CASE("snapshot: --format sarif results, fixes as byte-offset insertions") {
  auto r = run_tool("-f sarif basic.yaml", kFixtures / "rules" / "ENC321");
  CHECK(r.exit_code == 1);
  std::size_t results = r.out.find("\n  \"results\": [");
  REQUIRE(results != std::string::npos);
  CHECK(r.out.substr(results + 1) == snapshot("enc321-basic.sarif-results"));
}

TEST_CASE("snapshot: --format json after --fix") {
  TempDir dir;
  fs::copy_file(kFixtures / "rules" / "ENC101" / "value-shapes.yaml", dir / "value-shapes.yaml");
  auto r = run_tool("--select ENC101 -f json --fix value-shapes.yaml", dir.path());
  CHECK(r.exit_code == 1);  // findings without a fix remain
  CHECK(r.out == snapshot("enc101-value-shapes-fix.json"));
  CHECK(read_file(dir / "value-shapes.yaml") ==
        read_file(kFixtures / "rules" / "ENC101" / "value-shapes.fixed.yaml"));
}
