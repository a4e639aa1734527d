#include "lsp/stdio.hpp"

#include <cerrno>
#include <string>
#include <vector>

#include <poll.h>
#include <unistd.h>

#include "lsp/framing.hpp"
#include "lsp/server.hpp"

namespace enclint::lsp {

namespace {
bool write_all(int fd, const std::string& bytes) {
  for (std::size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

bool readable(int fd) {
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0;
}

// Reads what is there, waiting for it: false at the end of the input.
bool read_some(int fd, FrameParser& parser) {
  char buffer[65536];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    parser.feed({buffer, static_cast<std::size_t>(n)});
    return true;
  }
}
}  // namespace

int serve(int in_fd, int out_fd, Configure configure) {
  bool output_ok = true;
  Server server(
      [&](const std::string& body) { output_ok = output_ok && write_all(out_fd, frame(body)); },
      std::move(configure));
  FrameParser parser;
  bool end = false;
  while (!end && output_ok) {
    // Everything that has arrived is handled as one batch, so that a
    // cancellation behind a request it names is seen before that request.
    std::vector<std::string> batch;
    bool frames = false;
    auto drain = [&] {
      while (auto f = parser.next()) {
        frames = true;
        if (f->error.empty()) {
          batch.push_back(std::move(f->body));
          continue;
        }
        server.handle(batch);
        batch.clear();
        server.bad_frame(f->error);
      }
    };
    drain();
    while (!frames && !end) {
      end = !read_some(in_fd, parser);
      drain();
    }
    while (!end && readable(in_fd)) {
      end = !read_some(in_fd, parser);
      drain();
    }
    server.handle(batch);
    if (server.exited()) return server.exit_code();
  }
  return 1;
}

}  // namespace enclint::lsp
