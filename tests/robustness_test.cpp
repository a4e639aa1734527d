// The catalogue of bad inputs (README "Robustness"): each gets a clear
// message or a correct result, a stated exit status, and an untouched file.
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <thread>

#include "support.hpp"
#include "templates.hpp"
#include "util/read_file.hpp"

using namespace enclint::testing;
namespace fs = std::filesystem;

namespace {

struct Outcome {
  int exit_code;
  std::string out;
};

// Runs `--fix` on a file holding `content` and checks the file is untouched
// whenever the run reports an error.
Outcome fix_file(const std::string& name, const std::string& content,
                 const std::string& args = "") {
  TempDir dir;
  write_file(dir / name, content);
  auto r = run_tool("--no-source --verbose --fix " + args + " " + shell_quote(name), dir.path());
  if (r.exit_code == 2) CHECK(read_file(dir / name) == content);
  return {r.exit_code, r.out + r.err};
}

bool has(const Outcome& o, const std::string& s) { return o.out.find(s) != std::string::npos; }

// --fix on `content` fails (exit 2) saying `message`; fix_file checks the file is untouched.
void check_refused(const std::string& message, const std::string& name, const std::string& content,
                   const std::string& args = "") {
  INFO(name << ": " << content.substr(0, 200));
  auto o = fix_file(name, content, args);
  CHECK(o.exit_code == 2);
  CHECK(has(o, message));
}

}  // namespace

TEST_CASE("robustness: empty, comments only, a list or a scalar at the top") {
  CHECK(fix_file("t.yaml", "").exit_code == 0);
  CHECK(has(fix_file("t.yaml", ""), "skipped: not a template (empty)"));
  CHECK(has(fix_file("t.yaml", "# nothing here\n\n# at all\n"), "skipped: not a template (empty)"));
  CHECK(has(fix_file("t.yaml", "- a\n- b\n"),
            "skipped: not a template (the top level is not a mapping)"));
  CHECK(has(fix_file("t.yaml", "just a scalar\n"), "skipped: not a template"));
  check_refused("t.yaml:1:1: error: the top level of a template must be a mapping", "t.yaml",
                "- AWSTemplateFormatVersion: x\n");
}

TEST_CASE("robustness: invalid UTF-8, NUL bytes, binary files") {
  check_refused("t.yaml:4:32: error: the file is not valid UTF-8", "t.yaml",
                kHead + "  B:\n    Type: AWS::S3::Bucket # caf\xE9\n");
  check_refused("t.yaml:3:6: error: the file contains a NUL byte", "t.yaml",
                kHead + std::string("  B: \0\n", 7));
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 7919) % 256);
  auto bin = fix_file("image.yaml", binary);
  CHECK(bin.exit_code == 0);
  CHECK(has(bin, "skipped: not a template"));
}

TEST_CASE("robustness: unterminated quotes and flow collections, tabs as indentation") {
  check_refused("t.yaml:7:13: error:", "t.yaml", kBucket + "      Tags: \"unterminated\n");
  check_refused("t.json:1:", "t.json",
                "{\"AWSTemplateFormatVersion\": \"x\", \"Resources\": {\"B\": [1, 2}\n");
  check_refused("tabs cannot indent YAML", "t.yaml", kHead + "\tB:\n\t\tType: AWS::S3::Bucket\n");
}

TEST_CASE("robustness: duplicate keys at every level are rejected where the second one is") {
  struct {
    std::string text;
    std::string where;
  } cases[] = {
      {kBucket + "Resources:\n  C:\n    Type: x\n", "t.yaml:7:1: error: duplicate key 'Resources'"},
      {kHead + "  B:\n    Type: AWS::S3::Bucket\n    Type: AWS::S3::Bucket\n",
       "t.yaml:5:5: error: duplicate key 'Type'"},
      {kBucket + "      BucketName: c\n", "t.yaml:7:7: error: duplicate key 'BucketName'"},
      {kBucket + "      VersioningConfiguration: {Status: Enabled, Status: Suspended}\n",
       "t.yaml:7:50: error: duplicate key 'Status'"},
      {kBucket + "  B:\n    Type: AWS::S3::Bucket\n", "t.yaml:7:3: error: duplicate key 'B'"},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    check_refused(c.where, "t.yaml", c.text);
  }
  check_refused("t.json:1:49: error: duplicate key 'Type'", "t.json",
                "{\"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\", \"Type\": \"x\"}}}");
}

TEST_CASE("robustness: several documents, Resources not a mapping, odd resources") {
  check_refused("t.yaml:7:1: error: the file holds more than one YAML document", "t.yaml",
                kBucket + "---\n" + kBucket);
  check_refused("t.yaml:3:3: error: 'Resources' must be a mapping", "t.yaml",
                "AWSTemplateFormatVersion: x\nResources:\n  - B\n");
  // A resource without Type, or with a Type that is not a string, is not one we check.
  auto odd = fix_file(
      "t.yaml",
      kHead +
          "  NoType:\n    Properties: {}\n  ListType:\n    Type: [AWS::S3::Bucket]\n  Scalar: 5\n");
  CHECK(odd.exit_code == 0);
  CHECK(has(odd, "0 findings in 1 file"));
}

TEST_CASE("robustness: 10,000-deep nesting is refused before parsing, block or flow") {
  std::string flow = kHead + "  B: " + std::string(10000, '[') + std::string(10000, ']') + "\n";
  check_refused("nesting deeper than 256 levels", "t.yaml", flow);
  std::string block = kHead;
  for (int i = 0; i < 10000; ++i)
    block += std::string(static_cast<std::size_t>(i + 2), ' ') + "k:\n";
  check_refused("nesting deeper than 256 levels", "t.yaml", block);
  std::string dashes = kHead + "  B: \n";
  for (int i = 0; i < 10000; ++i) dashes += "- ";
  auto d = fix_file("t.yaml", dashes + "x\n");
  CHECK(d.exit_code == 2);
}

TEST_CASE(
    "robustness: an alias bomb is linted without expansion and never 'fixed' by expanding it") {
  std::string text =
      "AWSTemplateFormatVersion: '2010-09-09'\nMetadata:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, "
      "x]\n";
  for (int i = 1; i < 10; ++i) {
    text += "  a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j) text += (j ? ", *a" : "*a") + std::to_string(i - 1);
    text += "]\n";
  }
  text += "Resources:\n  B:\n    Type: AWS::S3::Bucket\n";
  TempDir dir;
  write_file(dir / "t.yaml", text);
  auto lint = run_tool("--no-source t.yaml", dir.path());
  CHECK(lint.exit_code == 1);
  CHECK(lint.out.find("1 finding in 1 file") != std::string::npos);
  // The one fix cannot be verified: it is set aside (not fixable, with the
  // reason) and the file is left as it was.
  auto fixed = run_tool("--no-source --fix t.yaml", dir.path());
  CHECK(fixed.exit_code == 1);
  CHECK(fixed.out.find("not fixable: the fix could not be made (the fix did not verify: ") !=
        std::string::npos);
  CHECK(fixed.out.find("too large to verify (alias expansion)") != std::string::npos);
  CHECK(read_file(dir / "t.yaml") == text);
}

TEST_CASE(
    "robustness: an alias that refers to a node containing it (a cycle) is an error, not a crash") {
  // Found while rewriting the verifier: before, --fix recursed through the
  // cycle until the stack overflowed.
  std::string text =
      kHead +
      "  Q:\n    Type: AWS::SNS::Subscription\n    Properties:\n      Tags: &t [*t]\n"
      "  B:\n    Type: AWS::S3::Bucket\n";
  TempDir dir;
  write_file(dir / "t.yaml", text);
  auto lint = run_tool("--no-source t.yaml", dir.path());
  CHECK(lint.exit_code == 2);
  CHECK(
      lint.out.find("t.yaml:6:17: error: this alias refers to a node that contains it (a cycle)") !=
      std::string::npos);
  check_refused("a cycle", "t.yaml", text);
}

TEST_CASE("robustness: files above the size limit are refused, the limit is configurable") {
  std::string big = kHead;
  while (big.size() < 2 * 1024 * 1024)
    big += "  # padding padding padding padding padding padding padding\n";
  big += "  B:\n    Type: AWS::S3::Bucket\n";
  check_refused(
      "t.yaml: error: the file is 2 MiB, larger than the limit of 1 MiB (--max-file-size)",
      "t.yaml", big, "--max-file-size 1");
  CHECK(fix_file("t.yaml", big, "--max-file-size 3").exit_code == 0);  // fixed
  // Standard input: a redirected file has a size; a pipe has none, and
  // reading stops past the limit.
  TempDir dir;
  auto redirected = run_tool("--no-source --max-file-size 1 -", dir.path(), big);
  CHECK(redirected.exit_code == 2);
  CHECK(redirected.out.find("<stdin>: error: the file is 2 MiB, larger than the limit of 1 MiB") !=
        std::string::npos);
  write_file(dir / "big.yaml", big);
  auto pipe =
      [&](const std::string& args) {  // in parentheses: run_command redirects stdin after it
        return run_command("(cat big.yaml | " + shell_quote(ENCLINT_BINARY) + " " + args + ")",
                           dir.path());
      };
  auto piped = pipe("--no-source --max-file-size 1 -");
  CHECK(piped.exit_code == 2);
  CHECK(piped.out.find(
            "<stdin>: error: the input is larger than the limit of 1 MiB (--max-file-size)") !=
        std::string::npos);
  CHECK(pipe("--no-source --max-file-size 3 -").exit_code == 1);  // read and linted
}

TEST_CASE("robustness: the size limit holds for a pipe, whose size says nothing") {
  TempDir dir;
  fs::path fifo = dir / "t.yaml";
  REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
  std::string big = kHead;
  while (big.size() < 3 * 1024 * 1024)
    big += "  # padding padding padding padding padding padding padding\n";
  // The writer must not die when the reader stops early: EPIPE, not SIGPIPE.
  auto old = std::signal(SIGPIPE, SIG_IGN);
  std::thread writer([&] {
    int fd = ::open(fifo.c_str(), O_WRONLY);
    if (fd < 0) return;
    for (std::size_t at = 0; at < big.size();) {
      ssize_t n = ::write(fd, big.data() + at, big.size() - at);
      if (n <= 0) break;
      at += static_cast<std::size_t>(n);
    }
    ::close(fd);
  });
  // Standard input may be a pipe like this one (a named FIFO is refused unread).
  int fd = ::open(fifo.c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  enclint::util::ReadResult r = enclint::util::read_fd(fd, 1024 * 1024);
  ::close(fd);
  writer.join();
  std::signal(SIGPIPE, old);
  CHECK_FALSE(r.ok);
  CHECK(r.error == EFBIG);
  CHECK_FALSE(r.size_known);
  CHECK(r.size > 1024 * 1024);
  CHECK(r.size < big.size());  // it stopped reading
  CHECK(r.bytes.empty());
}

TEST_CASE("robustness: a directory with a symlink loop, an unreadable file") {
  TempDir dir;
  fs::create_directories(dir / "a" / "b");
  write_file(dir / "a" / "b" / "t.yaml", kBucket);
  fs::create_directory_symlink("../..", dir / "a" / "b" / "loop");
  auto r = run_tool("--no-source a", dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("1 finding in 1 file") != std::string::npos);

  // Root reads everything: read as `nobody` to make the permission count.
  write_file(dir / "secret.yaml", kBucket);
  fs::permissions(dir / "secret.yaml", fs::perms::none);
  fs::permissions(dir.path(), fs::perms(0755));
  auto unreadable = run_command("setpriv --reuid=65534 --regid=65534 --clear-groups " +
                                    shell_quote(ENCLINT_BINARY) + " secret.yaml",
                                dir.path());
  CHECK(unreadable.exit_code == 2);
  CHECK(unreadable.out.find("secret.yaml: error: cannot read the file: Permission denied") !=
        std::string::npos);
}

TEST_CASE("robustness: results do not depend on --jobs") {
  TempDir dir;
  for (int i = 0; i < 40; ++i) {
    std::string name = "t" + std::to_string(i) + (i % 3 ? ".yaml" : ".json");
    std::string text =
        i % 3 ? kBucket : "{\"Resources\": {\"T\": {\"Type\": \"AWS::DynamoDB::Table\"}}}";
    if (i % 7 == 0)
      text = "AWSTemplateFormatVersion: x\nResources: [AWS::S3::Bucket\n";  // errors too
    write_file(dir / name, text);
  }
  auto one = run_tool("-j 1 -f json .", dir.path());
  auto two = run_tool("-j 2 -f json .", dir.path());
  auto many = run_tool("-j 7 -f json .", dir.path());
  CHECK(one.exit_code == 2);
  CHECK(one.out == two.out);
  CHECK(one.out == many.out);
}

TEST_CASE("robustness: SIGTERM during --fix of many files leaves each file old or new") {
  TempDir dir;
  const std::string fixed_text =
      kBucket +
      "      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n"
      "          - ServerSideEncryptionByDefault:\n              SSEAlgorithm: AES256\n"
      "            BucketKeyEnabled: true\n";
  const int files = 3000;
  for (int i = 0; i < files; ++i) write_file(dir / ("t" + std::to_string(i) + ".yaml"), kBucket);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    fs::current_path(dir.path());
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    execl(ENCLINT_BINARY, ENCLINT_BINARY, "--fix", "-j", "2", ".", static_cast<char*>(nullptr));
    _exit(127);
  }
  // The signal must come once the run is under way (its handler installed):
  // wait for the first fixed file (on a loaded machine start-up can take
  // longer than any fixed delay), then a little more.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  bool started = false;
  while (!started && std::chrono::steady_clock::now() < deadline) {
    for (int i = 0; i < files && !started; i += 97)
      started = read_file(dir / ("t" + std::to_string(i) + ".yaml")) == fixed_text;
    if (!started) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  kill(pid, SIGTERM);
  int status = 0;
  waitpid(pid, &status, 0);
  int done = 0, untouched = 0;
  for (int i = 0; i < files; ++i) {
    std::string content = read_file(dir / ("t" + std::to_string(i) + ".yaml"));
    if (content == fixed_text)
      ++done;
    else if (content == kBucket)
      ++untouched;
    else
      FAIL_CHECK("t" << i << ".yaml is neither old nor new");
  }
  CHECK(done + untouched == files);
  for (const auto& e : fs::directory_iterator(dir.path()))
    CHECK(e.path().filename().string().find(".cfn-enclint.") == std::string::npos);
  INFO("exit status " << (WIFEXITED(status) ? WEXITSTATUS(status) : -1) << ", fixed " << done);
  // Interrupted (143) if the signal came in time, else a clean finish (0).
  CHECK((WIFEXITED(status) && (WEXITSTATUS(status) == 143 || WEXITSTATUS(status) == 0)));
}
