#include "util/read_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace enclint::util {

ReadResult read_file(const std::string& path, std::size_t max_bytes) {
  ReadResult r;
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    r.error = errno;
    return r;
  }
  struct stat st {};
  // The size is a hint (a FIFO has none, a file may grow): read to the end.
  std::size_t want = ::fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<std::size_t>(st.st_size) : 0;
  if (want > max_bytes) {
    ::close(fd);
    r.error = EFBIG;
    r.size = want;
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
      ::close(fd);
      r.bytes.clear();
      return r;
    }
    if (n == 0) break;
    have += static_cast<std::size_t>(n);
    if (have > max_bytes) {  // a FIFO or a growing file: the size said nothing
      ::close(fd);
      r.bytes.clear();
      r.error = EFBIG;
      r.size = have;
      return r;
    }
  }
  ::close(fd);
  r.bytes.resize(have);
  r.ok = true;
  return r;
}

}  // namespace enclint::util
