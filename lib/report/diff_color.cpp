#include "report/reporter.hpp"

namespace enclint::report {

std::string colored_diff(std::string_view diff) {
  std::string out;
  out.reserve(diff.size() + diff.size() / 8);
  while (!diff.empty()) {
    std::size_t eol = diff.find('\n');
    std::string_view line = diff.substr(0, eol == std::string_view::npos ? diff.size() : eol);
    diff.remove_prefix(eol == std::string_view::npos ? diff.size() : eol + 1);
    const char* code = nullptr;
    if (line.rfind("---", 0) == 0 || line.rfind("+++", 0) == 0)
      code = "1";
    else if (line.rfind("@@", 0) == 0)
      code = "36";
    else if (line.rfind('-', 0) == 0)
      code = "31";
    else if (line.rfind('+', 0) == 0)
      code = "32";
    // The colour ends before a CR, so a CRLF line still ends in CRLF.
    bool cr = !line.empty() && line.back() == '\r';
    if (cr) line.remove_suffix(1);
    if (code) out.append("\033[").append(code).append("m");
    out.append(line);
    if (code) out.append("\033[0m");
    if (cr) out += '\r';
    if (eol != std::string_view::npos) out += '\n';
  }
  return out;
}

}  // namespace enclint::report
