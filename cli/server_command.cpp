#include "cli/server_command.hpp"

#include <csignal>
#include <iostream>
#include <string_view>

#include <unistd.h>

#include "cli/config.hpp"
#include "lsp/stdio.hpp"

namespace enclint::cli {

namespace {
// A document's settings from the .cfn-enclint.yaml nearest to it, as the
// command line takes them.
std::string configure(const std::string& path, engine::CheckOptions& options, bool& skip) {
  std::filesystem::path file(path);
  if (!file.is_absolute()) return {};  // not a file (an untitled buffer): the defaults
  std::optional<std::filesystem::path> found = find_config(file.parent_path());
  if (!found) return {};
  ConfigResult loaded = load_config(*found);
  if (!loaded.config) return loaded.error;
  const Config& c = *loaded.config;
  if (c.select) options.lint.select = *c.select;
  if (c.ignore) options.lint.ignore = *c.ignore;
  if (c.level) options.lint.level = *c.level;
  options.lint.severity = c.severity;
  if (c.kms_key) options.lint.fix.kms_key = *c.kms_key;
  options.lint.fix.sse_algorithm = c.sse_algorithm ? *c.sse_algorithm
                                   : c.kms_key     ? "aws:kms"
                                                   : "AES256";
  skip = excluded(c, path);
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
  return lsp::serve(STDIN_FILENO, STDOUT_FILENO, configure);
}

}  // namespace enclint::cli
