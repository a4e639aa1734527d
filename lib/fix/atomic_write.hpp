// Writing a fixed template without ever leaving a half-written file:
// a temporary file in the same directory, fsynced, renamed over the target.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace enclint::fix {

// Writes `data` to `path` (through a symlink, to its target), keeping the
// file's permissions. `expected` is what the file held when it was read: if
// it holds something else now, nothing is written. Returns an error message.
std::optional<std::string> write_atomically(const std::string& path, std::string_view data,
                                            std::string_view expected);

}  // namespace enclint::fix
