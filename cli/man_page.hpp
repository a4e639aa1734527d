// The man page (roff), written at build time from the same option table as
// --help (cli.cpp hands the options over; this file knows no cxxopts).
#pragma once

#include <string>
#include <vector>

namespace enclint::cli {

struct ManOption {
  std::string flags;  // "-f, --format"
  std::string arg;    // "FORMAT", "" for a switch
  std::string desc;
};

std::string man_page(const std::vector<ManOption>& options);

}  // namespace enclint::cli
