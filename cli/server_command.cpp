#include "cli/server_command.hpp"

#include <csignal>
#include <iostream>
#include <string_view>

#include <malloc.h>
#include <unistd.h>

#include "cli/settings.hpp"
#include "lsp/stdio.hpp"

namespace enclint::cli {

namespace {
// A document's settings from the .cfn-enclint.yaml nearest to it, found and
// merged exactly as for a file on the command line. Read afresh at each
// check, so that an edited configuration takes effect at once.
std::string configure(const std::string& path, engine::CheckOptions& options, bool& skip) {
  if (!std::filesystem::path(path).is_absolute()) return {};  // an untitled buffer: the defaults
  SettingsFinder finder(options, {});
  const Settings* settings = finder.for_file(path);
  if (!settings) return finder.error();
  options = settings->check;
  skip = finder.excluded(*settings, path);
  return {};
}
}  // namespace

int run_server(int argc, char** argv) {
  for (int i = 2; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--stdio") continue;  // what editors pass; stdio is the only transport
    if (arg == "-h" || arg == "--help") {
      std::cout << "Usage: cfn-enclint server [--stdio]\n\n"
                   "Runs the language server (LSP 3.17) on standard input and output, for any\n"
                   "editor with an LSP client: diagnostics as you type, quick fixes, and the\n"
                   "source.fixAll.cfn-enclint action. It never writes files.\n";
      return 0;
    }
    std::cerr << "cfn-enclint server: unknown option '" << arg
              << "' (see cfn-enclint server --help)\n";
    return 2;
  }
  // An editor that goes away closes the pipe: the write fails and the
  // server ends, instead of being killed by SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  // Each check of a big document allocates and frees tens of megabytes; by
  // default glibc hands them back to the kernel and faults them in again at
  // the next keystroke. The server keeps its heap instead (its memory stays
  // at the biggest check's, and flat).
  mallopt(M_MMAP_THRESHOLD, 256 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
  return lsp::serve(STDIN_FILENO, STDOUT_FILENO, configure);
}

}  // namespace enclint::cli
