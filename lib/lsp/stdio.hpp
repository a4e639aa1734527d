// The server on a pair of file descriptors (the editor's pipes).
#pragma once

#include "lsp/server.hpp"

namespace enclint::lsp {

// Serves until `exit` (its status: 0 after `shutdown`, else 1) or until the
// input ends (1).
int serve(int in_fd, int out_fd, Configure configure = {});

}  // namespace enclint::lsp
