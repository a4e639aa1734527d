// The cfn-enclint executable: the command line lives in the cli library (cli.cpp).
#include "cli/cli.hpp"

int main(int argc, char** argv) { return enclint::cli::run(argc, argv); }
