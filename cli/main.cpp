// The cfn-enclint executable: everything lives in the library (lib/app).
#include "app/cli.hpp"

int main(int argc, char** argv) { return enclint::app::run(argc, argv); }
