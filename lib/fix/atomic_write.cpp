#include "fix/atomic_write.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <functional>
#include <vector>

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

}  // namespace

Fingerprint fingerprint(std::string_view bytes) {
  return {bytes.size(), std::hash<std::string_view>{}(bytes)};
}

std::optional<std::string> write_atomically(const std::string& path, std::string_view data,
                                            std::string_view expected) {
  return write_atomically(path, data, fingerprint(expected));
}

std::optional<std::string> write_atomically(const std::string& path, std::string_view data,
                                            const Fingerprint& expected) {
  std::error_code ec;
  fs::path target = fs::canonical(path, ec);  // follows symlinks to the real file
  if (ec) return "cannot resolve " + path + ": " + ec.message();
  struct stat st {};
  if (::stat(target.c_str(), &st) != 0)
    return "cannot stat " + target.string() + ": " + errno_text();
  // Respect a read-only file even when we could replace it (as root, or
  // through a writable directory).
  if ((st.st_mode & (S_IWUSR | S_IWGRP | S_IWOTH)) == 0)
    return "the file is read-only; not written";
  {
    util::ReadResult now = util::read_file(target.string());
    if (!now.ok) return "cannot re-read " + target.string();
    if (fingerprint(now.bytes) != expected)
      return "the file changed on disk while it was being checked; not written";
  }
  std::string tmpl =
      (target.parent_path() / ("." + target.filename().string() + ".cfn-enclint.XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0)
    return "cannot create a temporary file next to " + target.string() + ": " + errno_text();
  std::string tmp(name.data());
  auto fail = [&](const std::string& what) {
    std::string msg = what + ": " + errno_text();
    ::close(fd);
    ::unlink(tmp.c_str());
    return msg;
  };
  if (!write_all(fd, data)) return fail("cannot write " + tmp);
  if (::fchmod(fd, st.st_mode & 07777) != 0) return fail("cannot set permissions on " + tmp);
  if (::geteuid() == 0) (void)!::fchown(fd, st.st_uid, st.st_gid);
  if (::fsync(fd) != 0) return fail("cannot sync " + tmp);
  if (::close(fd) != 0) {
    ::unlink(tmp.c_str());
    return "cannot close " + tmp + ": " + errno_text();
  }
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    std::string msg = "cannot replace " + target.string() + ": " + errno_text();
    ::unlink(tmp.c_str());
    return msg;
  }
  // The directory is not fsynced: the rename is atomic either way (the file
  // is old or new after a crash), and a second fsync per file doubles the
  // cost of --fix over thousands of files.
  return std::nullopt;
}

}  // namespace enclint::fix
