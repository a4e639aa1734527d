// Writing fixed templates: atomic, through symlinks, never over a file that
// changed since it was read, never leaving a temporary file behind.
#include <catch2/catch.hpp>

#include <filesystem>

#include "fix/atomic_write.hpp"
#include "support.hpp"

using namespace enclint::testing;
namespace fs = std::filesystem;

namespace {
void no_temporary_files(const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(dir))
    CHECK(e.path().filename().string().find(".cfn-enclint.") == std::string::npos);
}
}  // namespace

TEST_CASE("write: replaces the content and keeps the mode") {
  TempDir dir;
  write_file(dir / "t.yaml", "old\n");
  fs::permissions(dir / "t.yaml", fs::perms(0604));
  CHECK_FALSE(enclint::fix::write_atomically((dir / "t.yaml").string(), "new\n", "old\n"));
  CHECK(read_file(dir / "t.yaml") == "new\n");
  CHECK((fs::status(dir / "t.yaml").permissions() & fs::perms::all) == fs::perms(0604));
  no_temporary_files(dir.path());
}

TEST_CASE("write: a file modified since it was read is not written") {
  TempDir dir;
  write_file(dir / "t.yaml", "edited by someone else\n");
  auto err = enclint::fix::write_atomically((dir / "t.yaml").string(), "fixed\n", "as read\n");
  REQUIRE(err);
  CHECK(err->find("changed on disk") != std::string::npos);
  CHECK(read_file(dir / "t.yaml") == "edited by someone else\n");
  no_temporary_files(dir.path());
}

TEST_CASE("write: through a symlink, to its target") {
  TempDir dir;
  fs::create_directories(dir / "real");
  write_file(dir / "real" / "t.yaml", "old\n");
  fs::create_symlink(dir / "real" / "t.yaml", dir / "link.yaml");
  CHECK_FALSE(enclint::fix::write_atomically((dir / "link.yaml").string(), "new\n", "old\n"));
  CHECK(fs::is_symlink(dir / "link.yaml"));
  CHECK(read_file(dir / "real" / "t.yaml") == "new\n");
  no_temporary_files(dir / "real");
}

TEST_CASE("write: a read-only or a missing file is an error and nothing changes") {
  TempDir dir;
  write_file(dir / "ro.yaml", "old\n");
  fs::permissions(dir / "ro.yaml", fs::perms(0444));
  auto err = enclint::fix::write_atomically((dir / "ro.yaml").string(), "new\n", "old\n");
  REQUIRE(err);
  CHECK(err->find("read-only") != std::string::npos);
  CHECK(read_file(dir / "ro.yaml") == "old\n");

  auto missing = enclint::fix::write_atomically((dir / "nope.yaml").string(), "new\n", "");
  REQUIRE(missing);
  CHECK_FALSE(fs::exists(dir / "nope.yaml"));
  no_temporary_files(dir.path());
}
