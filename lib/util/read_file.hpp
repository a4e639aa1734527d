// Reads a whole file with plain POSIX calls: one open, one fstat, reads
// straight into the string (iostreams cost a measurable share of a
// pre-commit run's start-up, and copy the bytes twice).
#pragma once

#include <string>

namespace enclint::util {

struct ReadResult {
  bool ok = false;
  std::string bytes;
  int error = 0;  // errno when !ok
};

ReadResult read_file(const std::string& path);

}  // namespace enclint::util
