// Paths as URI references (RFC 3986), for SARIF artifact locations.
#pragma once

#include <string>

namespace enclint::util {

// Percent-encodes everything but unreserved characters and '/'.
std::string uri_encode_path(const std::string& path);

// A path relative to the working directory when it is below it (as a
// relative URI reference), else an absolute file:// URI.
std::string artifact_uri(const std::string& path);

}  // namespace enclint::util
