// Writing a fixed template without ever leaving a half-written file or
// overwriting someone else's save: a temporary file in the same directory,
// fsynced, then exchanged with the target (renameat2 RENAME_EXCHANGE) and the
// file swapped out checked to be the one that was read.
#pragma once

#include <cstdint>
#include <functional>
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

struct WriteOptions {
  // Set when the file already holds `data` (another run fixed it first):
  // nothing is written and it is no error.
  bool* already_written = nullptr;
  // Tests: called once the new text is on disk, just before it replaces the file.
  std::function<void()> before_replace;
  // Tests: called once, just after the first exchange with the file.
  std::function<void()> after_exchange;
};

// Writes `data` to `path` (through a symlink, to its target), keeping the
// file's permissions (setuid and setgid bits included) and, where allowed,
// its owner. `expected` is what the file held when it was read: if it holds
// something else, before or while it is replaced, it is left as it is. Only a
// regular file is written. Other cfn-enclint runs writing the same file wait
// for each other (flock). Returns an error message.
std::optional<std::string> write_atomically(const std::string& path, std::string_view data,
                                            const Fingerprint& expected,
                                            const WriteOptions& options = {});
std::optional<std::string> write_atomically(const std::string& path, std::string_view data,
                                            std::string_view expected,
                                            const WriteOptions& options = {});

// The temporary file a write of `target` uses: `.NAME.cfn-enclint.tmp` beside it.
std::string temporary_name(const std::string& target);
// Whether `path` is named like such a temporary file.
bool is_temporary_name(const std::string& path);
// Removes a temporary file that a killed run left behind (its target is not
// being written by a live run). Returns whether it was removed.
bool remove_stale_temporary(const std::string& path);

}  // namespace enclint::fix
