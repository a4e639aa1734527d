#include "util/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

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
    if (n < 0 && errno == EINTR) continue;
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

ReadResult read_file(const std::string& path, std::size_t max_bytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    ReadResult r;
    r.error = errno;
    return r;
  }
  ReadResult r = read_fd(fd, max_bytes);
  ::close(fd);
  return r;
}

}  // namespace enclint::util
