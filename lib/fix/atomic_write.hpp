// Writing a fixed template without ever leaving a half-written file:
// a temporary file in the same directory, fsynced, renamed over the target.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace enclint::fix {

// What a file held, to tell later whether it changed, without keeping its
// bytes (a 5 MB template need not stay in memory while it is fixed): its
// size and a 64-bit hash of its bytes.
struct Fingerprint {
  std::size_t size = 0;
  std::uint64_t hash = 0;
  bool operator==(const Fingerprint&) const = default;
};
Fingerprint fingerprint(std::string_view bytes);

// Writes `data` to `path` (through a symlink, to its target), keeping the
// file's permissions. `expected` is what the file held when it was read: if
// it holds something else now, nothing is written. Returns an error message.
std::optional<std::string> write_atomically(const std::string& path, std::string_view data,
                                            const Fingerprint& expected);
std::optional<std::string> write_atomically(const std::string& path, std::string_view data,
                                            std::string_view expected);

}  // namespace enclint::fix
