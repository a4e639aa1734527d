// JSON-RPC's base protocol: each message is a header block ("Content-Length:
// N", optionally "Content-Type: ...", each line ending in "\r\n", then an
// empty line) and N bytes of JSON.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace enclint::lsp {

// The framing of one message body.
std::string frame(std::string_view body);

// Splits a byte stream into message bodies, whatever pieces it arrives in.
class FrameParser {
 public:
  // Bodies larger than this are refused (a bad length would otherwise make
  // the server wait for, or hold, gigabytes).
  static constexpr std::size_t kMaxBody = std::size_t{256} * 1024 * 1024;

  struct Frame {
    std::string body;
    std::string error;  // a header block without a usable Content-Length: why
  };

  void feed(std::string_view bytes) { buffer_.append(bytes); }
  // The next complete message, or a header error (its block is dropped, so
  // the stream goes on after it), or nothing until more bytes come.
  std::optional<Frame> next();
  bool empty() const { return consumed_ >= buffer_.size(); }

 private:
  std::string buffer_;
  std::size_t consumed_ = 0;
  void drop(std::size_t n);  // the bytes of one frame, read
};

}  // namespace enclint::lsp
