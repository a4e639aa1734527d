#include "fix/atomic_write.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>

#include "util/read_file.hpp"

namespace enclint::fix {

namespace fs = std::filesystem;

namespace {

std::string errno_text() { return std::strerror(errno); }

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// A descriptor closed when it goes out of scope (which also drops its flock).
struct Fd {
  int fd = -1;
  Fd() = default;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  void reset(int to = -1) {
    if (fd >= 0) ::close(fd);
    fd = to;
  }
};

bool same_file(const struct stat& a, const struct stat& b) {
  return a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

// Opens `target` and takes its lock: another cfn-enclint run writing it
// finishes first. When that run replaced the file meanwhile, the lock is on
// the old one: open and lock again, until the locked file is the one there.
std::optional<std::string> open_locked(const fs::path& target, Fd& fd, struct stat& st) {
  for (int attempt = 0; attempt < 100; ++attempt) {
    fd.reset(::open(target.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW));
    if (fd.fd < 0) return "cannot open " + target.string() + ": " + errno_text();
    if (::fstat(fd.fd, &st) != 0) return "cannot stat " + target.string() + ": " + errno_text();
    if (!S_ISREG(st.st_mode))
      return std::string(util::file_kind(st.st_mode)) + ", not a regular file; not written";
    int locked = ::flock(fd.fd, LOCK_EX);
    if (locked != 0 && errno == EINTR)  // a stop request
      return "interrupted while another cfn-enclint run was writing it; not written";
    if (locked != 0 && errno != ENOLCK && errno != EOPNOTSUPP)  // no locks there: go on
      return "cannot lock " + target.string() + ": " + errno_text();
    struct stat now {};
    if (::stat(target.c_str(), &now) == 0 && same_file(now, st)) return std::nullopt;
  }
  return target.string() + " keeps being replaced; not written";
}

// Whether the descriptor's file holds `expected` (read again from the start).
bool holds(int fd, const Fingerprint& expected, std::string* bytes = nullptr) {
  if (::lseek(fd, 0, SEEK_SET) != 0) return false;
  util::ReadResult now = util::read_fd(fd);
  if (!now.ok) return false;
  bool same = fingerprint(now.bytes) == expected;
  if (bytes) *bytes = std::move(now.bytes);
  return same;
}

constexpr const char* kChanged = "the file changed on disk while it was being checked; not written";

}  // namespace

Fingerprint fingerprint(std::string_view bytes) {
  return {bytes.size(), std::hash<std::string_view>{}(bytes)};
}

std::string temporary_name(const std::string& target) {
  fs::path t(target);
  return (t.parent_path() / ("." + t.filename().string() + ".cfn-enclint.tmp")).string();
}

bool is_temporary_name(const std::string& path) {
  std::string name = fs::path(path).filename().string();
  const std::string suffix = ".cfn-enclint.tmp";
  return name.size() > suffix.size() + 1 && name[0] == '.' &&
         name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool remove_stale_temporary(const std::string& path) {
  if (!is_temporary_name(path)) return false;
  fs::path p(path);
  std::string name = p.filename().string();
  fs::path target =
      p.parent_path() / name.substr(1, name.size() - 1 - std::strlen(".cfn-enclint.tmp"));
  // A live run holds the target's lock for as long as its temporary file
  // exists; without a target, the file may be all that is left of it: kept.
  Fd fd;
  fd.reset(::open(target.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (fd.fd < 0 || ::flock(fd.fd, LOCK_EX | LOCK_NB) != 0) return false;
  return ::unlink(path.c_str()) == 0;
}

std::optional<std::string> write_atomically(const std::string& path, std::string_view data,
                                            std::string_view expected,
                                            const WriteOptions& options) {
  return write_atomically(path, data, fingerprint(expected), options);
}

std::optional<std::string> write_atomically(const std::string& path, std::string_view data,
                                            const Fingerprint& expected,
                                            const WriteOptions& options) {
  std::error_code ec;
  fs::path target = fs::canonical(path, ec);  // follows symlinks to the real file
  if (ec) return "cannot resolve " + path + ": " + ec.message();
  Fd fd;
  struct stat st {};
  if (auto err = open_locked(target, fd, st)) return err;
  // Respect a read-only file even when we could replace it (as root, or
  // through a writable directory).
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return "the file is read-only; not written";
  std::string now;
  if (!holds(fd.fd, expected, &now)) {
    // Another run (which waited for the lock in our place) may have written
    // exactly this already.
    if (now == data) {
      if (options.already_written) *options.already_written = true;
      return std::nullopt;
    }
    return kChanged;
  }
  std::string().swap(now);
  // Ours: the target is locked, and a leftover of a killed run goes.
  std::string tmp = temporary_name(target.string());
  ::unlink(tmp.c_str());
  Fd out;
  out.reset(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
  if (out.fd < 0)
    return "cannot create a temporary file next to " + target.string() + ": " + errno_text();
  auto fail = [&](const std::string& what) {
    std::string msg = what + ": " + errno_text();
    out.reset();
    ::unlink(tmp.c_str());
    return msg;
  };
  if (!write_all(out.fd, data)) return fail("cannot write " + tmp);
  // Owner first: fchown clears the setuid and setgid bits that fchmod sets.
  // Another user's file cannot be given away (only root can): it becomes
  // the fixing user's, with the same mode.
  (void)!::fchown(out.fd, st.st_uid, st.st_gid);
  if (::fchmod(out.fd, st.st_mode & 07777) != 0) return fail("cannot set permissions on " + tmp);
  if (::fsync(out.fd) != 0) return fail("cannot sync " + tmp);
  struct stat mine {};
  if (::fstat(out.fd, &mine) != 0) return fail("cannot stat " + tmp);
  int closing = out.fd;
  out.fd = -1;
  if (::close(closing) != 0) {
    std::string msg = "cannot close " + tmp + ": " + errno_text();
    ::unlink(tmp.c_str());
    return msg;
  }
  if (options.before_replace) options.before_replace();
  // Exchange, then look at what came out: a save by another program since
  // the check above (a new file renamed over it, or a write into it) is
  // swapped back and kept.
  if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    if (options.after_exchange) options.after_exchange();
    struct stat old {};
    bool ours = ::stat(tmp.c_str(), &old) == 0 && same_file(old, st) && holds(fd.fd, expected);
    if (!ours) {
      // Put the save back. A newer one may have been renamed over ours
      // meanwhile: then the exchange brings that one out, not ours, and it
      // must go in too; what comes out when nothing raced is the file the
      // newest save superseded (ours, or an older save), and it goes.
      struct stat at_target = mine;  // what should be at the target now
      struct stat at_tmp = old;      // what the next exchange puts there
      for (int round = 0; round < 16; ++round) {
        if (::renameat2(AT_FDCWD, tmp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) != 0)
          break;
        struct stat came {};
        if (::stat(tmp.c_str(), &came) != 0) break;
        if (same_file(came, at_target)) {
          ::unlink(tmp.c_str());
          return kChanged;
        }
        at_target = at_tmp;
        at_tmp = came;
      }
      // Saves kept racing us (or the exchange failed): nothing is deleted.
      return std::string(kChanged) + "; another version of it is kept as " + tmp;
    }
    ::unlink(tmp.c_str());
    return std::nullopt;
  }
  // A file system without RENAME_EXCHANGE: the check above and a plain rename.
  bool unsupported = errno == EINVAL || errno == ENOSYS || errno == ENOTSUP;
  std::string msg = "cannot replace " + target.string() + ": " + errno_text();
  if (unsupported && !holds(fd.fd, expected))
    msg = kChanged;
  else if (unsupported && ::rename(tmp.c_str(), target.c_str()) == 0)
    return std::nullopt;
  else if (unsupported)
    msg = "cannot replace " + target.string() + ": " + errno_text();
  ::unlink(tmp.c_str());
  return msg;
}

}  // namespace enclint::fix
