// `cfn-enclint server`: the language server on standard input and output.
#pragma once

namespace enclint::cli {

int run_server(int argc, char** argv);

}  // namespace enclint::cli
