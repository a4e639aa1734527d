#include "util/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "util/interrupt.hpp"

namespace enclint::util {

ReadResult read_fd(int fd, std::size_t max_bytes) {
  ReadResult r;
  struct stat st {};
  // The size is a hint (a FIFO or a pipe has none, a file may grow): read to the end.
  std::size_t want =
      ::fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<std::size_t>(st.st_size) : 0;
  if (want > max_bytes) {
    r.error = EFBIG;
    r.size = want;
    r.size_known = true;
    return r;
  }
  r.bytes.resize(want + 1);  // one spare byte: a read of 0 there confirms the end
  std::size_t have = 0;
  for (;;) {
    if (have == r.bytes.size()) r.bytes.resize(r.bytes.size() * 2 + 4096);
    ssize_t n = ::read(fd, r.bytes.data() + have, r.bytes.size() - have);
    if (n < 0 && errno == EINTR && !interrupted()) continue;
    if (n < 0) {
      r.error = errno;
      r.bytes.clear();
      return r;
    }
    if (n == 0) break;
    have += static_cast<std::size_t>(n);
    if (have > max_bytes) {  // the size said nothing: stop here
      r.bytes.clear();
      r.error = EFBIG;
      r.size = have;
      return r;
    }
  }
  r.bytes.resize(have);
  r.ok = true;
  return r;
}

const char* file_kind(unsigned mode) {
  if (S_ISREG(mode)) return "a regular file";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISDIR(mode)) return "a directory";
  return "a special file";
}

ReadResult read_file(const std::string& path, std::size_t max_bytes) {
  ReadResult r;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    r.error = errno;
    return r;
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    r.error = errno;
    ::close(fd);
    return r;
  }
  if (!S_ISREG(st.st_mode)) {
    r.error = EINVAL;
    r.not_regular = file_kind(st.st_mode);
    ::close(fd);
    return r;
  }
  r = read_fd(fd, max_bytes);
  ::close(fd);
  return r;
}

}  // namespace enclint::util
