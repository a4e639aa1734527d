// Reads a whole file with plain POSIX calls: one open, one fstat, reads
// straight into the string (iostreams cost a measurable share of a
// pre-commit run's start-up, and copy the bytes twice).
#pragma once

#include <cstdint>
#include <string>

namespace enclint::util {

struct ReadResult {
  bool ok = false;
  std::string bytes;
  int error = 0;  // errno when !ok (EFBIG: larger than the limit; EINTR: the run was interrupted)
  const char* not_regular = nullptr;  // a named FIFO, device, socket...: what it is (not read)
  std::size_t size = 0;     // when too large: its size (size_known), or what was read of it
  bool size_known = false;  // the size came from fstat, not from reading
};

// Refuses (EFBIG) a file whose size is above `max_bytes` without reading it,
// and a growing file as soon as more than that has been read. Only a regular
// file is read: a FIFO, a device or a socket is refused unread (opened
// without blocking, so that a FIFO without a writer cannot hang the run).
// "a FIFO", "a directory"...: what a st_mode says a file is.
const char* file_kind(unsigned mode);

ReadResult read_file(const std::string& path, std::size_t max_bytes = SIZE_MAX);

// The same for an open descriptor (standard input, which may be a pipe),
// read to its end; the descriptor stays open. A signal that interrupts the
// run (util::interrupted) stops a read that waits (EINTR).
ReadResult read_fd(int fd, std::size_t max_bytes = SIZE_MAX);

}  // namespace enclint::util
