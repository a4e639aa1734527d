// Writing under races, signals and special files: a save by someone else is
// never overwritten, concurrent runs agree, setuid bits and FIFOs survive,
// a stop request is honoured inside a file and leaves no temporary file.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "fix/atomic_write.hpp"
#include "support.hpp"
#include "templates.hpp"

using namespace enclint::testing;
namespace fs = std::filesystem;
using enclint::fix::write_atomically;

namespace {

std::size_t temporary_files(const fs::path& dir) {
  std::size_t n = 0;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    n += e.path().filename().string().find(".cfn-enclint.") != std::string::npos;
  return n;
}

// Replaces `path` as an editor saves: a new file renamed over it.
void save_as_editor(const fs::path& path, const std::string& text) {
  write_file(path.string() + ".editor", text);
  fs::rename(path.string() + ".editor", path);
}

// Starts the tool with `args` in `cwd`, output to /dev/null; returns its pid.
pid_t spawn(const fs::path& cwd, std::vector<std::string> args) {
  std::fflush(stdout);  // or the child writes what is buffered once more
  pid_t pid = fork();
  if (pid == 0) {
    fs::current_path(cwd);
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    std::vector<char*> argv{const_cast<char*>(ENCLINT_BINARY)};
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    execv(ENCLINT_BINARY, argv.data());
    _exit(127);
  }
  return pid;
}

RunResult bash(const std::string& script, const fs::path& cwd) {
  return run_command("bash -c " + shell_quote(script), cwd);
}

int wait_exit(pid_t pid) {
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

TEST_CASE("lost update: a save just before the file is replaced is kept, not overwritten") {
  TempDir dir;
  fs::path t = dir / "t.yaml";
  SECTION("an editor renames its save over the file") {
    write_file(t, "as read\n");
    auto err = write_atomically(t.string(), "fixed\n", "as read\n",
                                {nullptr, [&] { save_as_editor(t, "the user's save\n"); }, {}});
    REQUIRE(err);
    CHECK(err->find("changed on disk") != std::string::npos);
    CHECK(read_file(t) == "the user's save\n");
  }
  SECTION("a program writes into the file") {
    write_file(t, "as read\n");
    auto err = write_atomically(t.string(), "fixed\n", "as read\n",
                                {nullptr, [&] { write_file(t, "written in place\n"); }, {}});
    REQUIRE(err);
    CHECK(read_file(t) == "written in place\n");
  }
  CHECK(temporary_files(dir.path()) == 0);
}

TEST_CASE("lost update: a save renamed over ours while the first save is put back is kept") {
  // The first save came in before the exchange and is put back; a second
  // one replaces our fixed file before that: the second is what stays.
  TempDir dir;
  fs::path t = dir / "t.yaml";
  write_file(t, "as read\n");
  enclint::fix::WriteOptions hooks;
  hooks.before_replace = [&] { save_as_editor(t, "first save\n"); };
  hooks.after_exchange = [&] { save_as_editor(t, "second save\n"); };
  auto err = write_atomically(t.string(), "fixed\n", "as read\n", hooks);
  REQUIRE(err);
  CHECK(err->find("changed on disk") != std::string::npos);
  CHECK(read_file(t) == "second save\n");
  CHECK(temporary_files(dir.path()) == 0);
}

TEST_CASE("lost update: a file another run already fixed the same way is no error") {
  TempDir dir;
  write_file(dir / "t.yaml", "fixed\n");
  bool already = false;
  CHECK_FALSE(
      write_atomically((dir / "t.yaml").string(), "fixed\n", "as read\n", {&already, {}, {}}));
  CHECK(already);
  CHECK(read_file(dir / "t.yaml") == "fixed\n");
}

TEST_CASE("lost update: saves racing --fix are never lost (bounded race harness)") {
  // The editor saves versions 1..5 while the tool fixes version 0: whatever
  // the interleaving, the file ends as the last save, fixed or not.
  TempDir dir;
  fs::path t = dir / "t.yaml";
  for (int trial = 0; trial < 40; ++trial) {
    write_file(t, kBucket + "# version 0\n");
    pid_t pid = spawn(dir.path(), {"--fix", "t.yaml"});
    for (int v = 1; v <= 5; ++v) {
      save_as_editor(t, kBucket + "# version " + std::to_string(v) + "\n");
      std::this_thread::sleep_for(std::chrono::microseconds(300 * trial % 2000));
    }
    int code = wait_exit(pid);
    INFO("trial " << trial << ", exit " << code);
    CHECK(read_file(t).find("# version 5\n") != std::string::npos);
  }
  CHECK(temporary_files(dir.path()) == 0);
}

TEST_CASE("concurrent --fix runs over the same files agree and report no error") {
  TempDir dir;
  for (int i = 0; i < 200; ++i) write_file(dir / ("t" + std::to_string(i) + ".yaml"), kBucket);
  pid_t a = spawn(dir.path(), {"--fix", "-j2", "."});
  pid_t b = spawn(dir.path(), {"--fix", "-j2", "."});
  CHECK(wait_exit(a) == 0);
  CHECK(wait_exit(b) == 0);
  auto again = run_tool("--no-source .", dir.path());
  CHECK(again.exit_code == 0);
  CHECK(temporary_files(dir.path()) == 0);
}

TEST_CASE("fix: the setuid and setgid bits are kept") {
  TempDir dir;
  write_file(dir / "t.yaml", kBucket);
  REQUIRE(::chmod((dir / "t.yaml").c_str(), 06755) == 0);
  auto r = run_tool("--fix t.yaml", dir.path());
  CHECK(r.exit_code == 0);
  struct stat st {};
  REQUIRE(::stat((dir / "t.yaml").c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 06755);
}

TEST_CASE("a FIFO named on the command line is refused, never read or replaced") {
  TempDir dir;
  REQUIRE(mkfifo((dir / "f.yaml").c_str(), 0644) == 0);
  for (const char* args : {"f.yaml", "--fix f.yaml"}) {
    INFO(args);
    // No writer: reading it would block forever (timeout is only a guard).
    auto r = run_command("timeout 20 " + shell_quote(ENCLINT_BINARY) + " " + args, dir.path());
    CHECK(r.exit_code == 2);
    CHECK(r.out.find("f.yaml: error: not a regular file (a FIFO)") != std::string::npos);
    struct stat st {};
    REQUIRE(::lstat((dir / "f.yaml").c_str(), &st) == 0);
    CHECK(S_ISFIFO(st.st_mode));
  }
  auto unwritable = write_atomically((dir / "f.yaml").string(), "x\n", "");
  REQUIRE(unwritable);
  CHECK(unwritable->find("a FIFO, not a regular file") != std::string::npos);
}

TEST_CASE("signals: SIGTERM while standard input is still open ends the run") {
  // As `sleep 30 | cfn-enclint -`: the read waits for input that does not come.
  TempDir dir;
  // A FIFO this shell holds open for writing and never writes to.
  auto r = bash("mkfifo in.fifo; " + shell_quote(ENCLINT_BINARY) +
                    " - < in.fifo & pid=$!; exec 3> in.fifo; sleep 0.5; kill -TERM $pid; "
                    "for i in $(seq 100); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done; "
                    "if kill -0 $pid 2>/dev/null; then echo still-running; kill -KILL $pid; fi; "
                    "wait $pid; echo \"exit=$?\"",
                dir.path());
  CHECK(r.out.find("still-running") == std::string::npos);  // 10 s guard
  CHECK(r.out.find("exit=143") != std::string::npos);
}

TEST_CASE("signals: SIGTERM inside a large file stops it unreported and unwritten") {
  TempDir dir;
  std::string big = kBucket.substr(0, kBucket.find("  B:"));
  for (int i = 0; big.size() < 40u * 1024 * 1024; ++i)
    big += "  B" + std::to_string(i) + ":\n    Type: AWS::S3::Bucket\n    Properties:\n" +
           "      BucketName: !Sub 'bucket-" + std::to_string(i) + "-${AWS::AccountId}'\n";
  write_file(dir / "big.yaml", big);
  auto r = bash(shell_quote(ENCLINT_BINARY) +
                    " --fix --no-source big.yaml > out.txt 2>&1 & pid=$!; "
                    // Once its SIGTERM handler is installed (SigCgt bit 15: under
                    // AddressSanitizer the process is over 40 MB before that) and
                    // the file is in memory.
                    "for i in $(seq 400); do rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status); "
                    "cgt=$(awk '/SigCgt/ {print $2}' /proc/$pid/status); "
                    "[ -n \"$cgt\" ] && (( 0x$cgt & 0x4000 )) && [ \"${rss:-0}\" -gt 40000 ] && "
                    "break; sleep 0.02; done; "
                    "kill -TERM $pid; wait $pid; echo \"exit=$?\"",
                dir.path());
  CHECK(r.out.find("exit=143") != std::string::npos);
  std::string out = read_file(dir / "out.txt");
  INFO(out.substr(0, 500));
  CHECK(out.find("error: S3 bucket") == std::string::npos);  // no findings of a stopped file
  CHECK(out.find("1 file was not checked") != std::string::npos);
  CHECK(read_file(dir / "big.yaml") == big);
  CHECK(temporary_files(dir.path()) == 0);
}

TEST_CASE("signals: SIGHUP and a closed pipe during --fix leave each file old or new") {
  const std::string fixed_text =
      kBucket +
      "      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n"
      "          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: AES256\n"
      "            BucketKeyEnabled: true\n";
  for (const char* how : {"hup", "pipe"}) {
    TempDir dir;
    const int files = 1500;
    for (int i = 0; i < files; ++i) write_file(dir / ("t" + std::to_string(i) + ".yaml"), kBucket);
    std::string bin = shell_quote(ENCLINT_BINARY);
    // pipe: the reader takes one line and goes (`| head -1`).
    auto r = bash(std::string(how) == "pipe"
                      ? bin + " --fix -j2 . | head -c 10 >/dev/null; echo \"exit=${PIPESTATUS[0]}\""
                      : bin +
                            " --fix -j2 . >/dev/null 2>&1 & pid=$!; sleep 0.2; kill -HUP $pid; "
                            "wait $pid; echo \"exit=$?\"",
                  dir.path());
    INFO(how << ": " << r.out << r.err);
    int done = 0;
    for (int i = 0; i < files; ++i) {
      std::string content = read_file(dir / ("t" + std::to_string(i) + ".yaml"));
      CHECK((content == fixed_text || content == kBucket));
      done += content == fixed_text;
    }
    CHECK(temporary_files(dir.path()) == 0);
  }
}

TEST_CASE("signals: a temporary file a killed run left behind is removed by the next --fix") {
  TempDir dir;
  write_file(dir / "t.yaml", kBucket);
  write_file(dir / "u.yaml", kBucket);
  write_file(dir / ".t.yaml.cfn-enclint.tmp", "half a template");
  write_file(dir / ".u.yaml.cfn-enclint.tmp", "half a template");
  write_file(dir / ".gone.yaml.cfn-enclint.tmp", "all that is left of gone.yaml");
  CHECK(run_tool("--fix t.yaml", dir.path()).exit_code == 0);  // the write of t.yaml
  CHECK_FALSE(fs::exists(dir / ".t.yaml.cfn-enclint.tmp"));
  CHECK(fs::exists(dir / ".u.yaml.cfn-enclint.tmp"));
  CHECK(run_tool("--no-source .", dir.path()).exit_code == 1);  // a check writes nothing
  CHECK(fs::exists(dir / ".u.yaml.cfn-enclint.tmp"));
  CHECK(run_tool("--fix .", dir.path()).exit_code == 0);  // a scan with --fix
  CHECK_FALSE(fs::exists(dir / ".u.yaml.cfn-enclint.tmp"));
  CHECK(fs::exists(dir / ".gone.yaml.cfn-enclint.tmp"));  // its file is gone: kept
}
