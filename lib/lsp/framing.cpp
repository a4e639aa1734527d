#include "lsp/framing.hpp"

#include <cctype>
#include <charconv>

namespace enclint::lsp {

std::string frame(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  return out;
}

namespace {
bool header_is(std::string_view line, std::string_view name) {
  if (line.size() <= name.size() || line[name.size()] != ':') return false;
  for (std::size_t i = 0; i < name.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(line[i])) !=
        std::tolower(static_cast<unsigned char>(name[i])))
      return false;
  return true;
}
}  // namespace

std::optional<FrameParser::Frame> FrameParser::next() {
  std::string_view rest = std::string_view(buffer_).substr(consumed_);
  std::size_t blank = rest.find("\r\n\r\n");
  if (blank == std::string_view::npos) return std::nullopt;
  std::optional<std::size_t> length;
  std::string error;
  std::string_view headers = rest.substr(0, blank + 2);
  for (std::size_t at = 0; at < headers.size();) {
    std::size_t eol = headers.find("\r\n", at);
    std::string_view line = headers.substr(at, eol - at);
    at = eol + 2;
    if (!header_is(line, "content-length")) continue;
    std::string_view value = line.substr(15);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc() || end != value.data() + value.size() || value.empty())
      error = "a Content-Length that is not a number";
    else if (n > kMaxBody)
      error = "a Content-Length over the limit of " + std::to_string(kMaxBody) + " bytes";
    else
      length = n;
  }
  if (!length && error.empty()) error = "a header without Content-Length";
  std::size_t body_at = blank + 4;
  if (!error.empty()) {
    drop(body_at);
    return Frame{{}, error};
  }
  if (rest.size() - body_at < *length) return std::nullopt;
  Frame f{std::string(rest.substr(body_at, *length)), {}};
  drop(body_at + *length);
  return f;
}

void FrameParser::drop(std::size_t n) {
  consumed_ += n;
  // Erase what was read once it is most of the buffer (amortised O(1) a byte).
  if (consumed_ * 2 >= buffer_.size()) {
    buffer_.erase(0, consumed_);
    consumed_ = 0;
  }
}

}  // namespace enclint::lsp
