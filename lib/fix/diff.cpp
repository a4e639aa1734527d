#include "fix/diff.hpp"

#include <algorithm>
#include <vector>

namespace enclint::fix {

namespace {

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos < s.size()) {
    std::size_t nl = s.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? s.size() : nl + 1;
    lines.push_back(s.substr(pos, end - pos));
    pos = end;
  }
  return lines;
}

enum class Op { Equal, Delete, Insert };
struct Step {
  Op op;
  std::size_t a, b;  // line indexes in before/after
};

// Myers' O((N+M)D) shortest edit script between a and b.
std::vector<Step> edit_script(const std::vector<std::string_view>& a,
                              const std::vector<std::string_view>& b) {
  const long n = static_cast<long>(a.size()), m = static_cast<long>(b.size());
  const long max = n + m;
  std::vector<long> v(static_cast<std::size_t>(2 * max + 2), 0);
  std::vector<std::vector<long>> trace;
  auto at = [&](long k) -> long& { return v[static_cast<std::size_t>(k + max + 1)]; };
  long final_d = -1;
  for (long d = 0; d <= max && final_d < 0; ++d) {
    trace.push_back(v);
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
      long y = x - k;
      while (x < n && y < m && a[static_cast<std::size_t>(x)] == b[static_cast<std::size_t>(y)]) {
        ++x;
        ++y;
      }
      at(k) = x;
      if (x >= n && y >= m) {
        final_d = d;
        break;
      }
    }
  }
  std::vector<Step> steps;
  long x = n, y = m;
  for (long d = final_d; d >= 0; --d) {
    const auto& vd = trace[static_cast<std::size_t>(d)];
    auto prev = [&](long k) { return vd[static_cast<std::size_t>(k + max + 1)]; };
    long k = x - y;
    long prev_k = (k == -d || (k != d && prev(k - 1) < prev(k + 1))) ? k + 1 : k - 1;
    long prev_x = d == 0 ? 0 : prev(prev_k);
    long prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      --x;
      --y;
      steps.push_back({Op::Equal, static_cast<std::size_t>(x), static_cast<std::size_t>(y)});
    }
    if (d > 0) {
      if (x == prev_x)
        steps.push_back(
            {Op::Insert, static_cast<std::size_t>(x), static_cast<std::size_t>(prev_y)});
      else
        steps.push_back(
            {Op::Delete, static_cast<std::size_t>(prev_x), static_cast<std::size_t>(y)});
    }
    x = prev_x;
    y = prev_y;
  }
  std::reverse(steps.begin(), steps.end());
  return steps;
}

void emit_line(std::string& out, char mark, std::string_view line) {
  out += mark;
  out.append(line);
  if (line.empty() || line.back() != '\n') out += "\n\\ No newline at end of file\n";
}

}  // namespace

std::string unified_diff(std::string_view before, std::string_view after,
                         const std::string& old_label, const std::string& new_label) {
  if (before == after) return {};
  auto a = split_lines(before);
  auto b = split_lines(after);
  // Common head and tail lines need no search.
  std::size_t head = 0;
  while (head < a.size() && head < b.size() && a[head] == b[head]) ++head;
  std::size_t tail = 0;
  while (tail < a.size() - head && tail < b.size() - head &&
         a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
    ++tail;
  std::vector<std::string_view> ma(a.begin() + static_cast<long>(head),
                                   a.end() - static_cast<long>(tail));
  std::vector<std::string_view> mb(b.begin() + static_cast<long>(head),
                                   b.end() - static_cast<long>(tail));
  std::vector<Step> steps;
  for (std::size_t i = 0; i < head; ++i) steps.push_back({Op::Equal, i, i});
  for (Step s : edit_script(ma, mb)) steps.push_back({s.op, s.a + head, s.b + head});
  for (std::size_t i = 0; i < tail; ++i)
    steps.push_back({Op::Equal, a.size() - tail + i, b.size() - tail + i});

  constexpr std::size_t kContext = 3;
  std::string out = "--- " + old_label + "\n+++ " + new_label + "\n";
  std::size_t i = 0;
  while (i < steps.size()) {
    while (i < steps.size() && steps[i].op == Op::Equal) ++i;
    if (i == steps.size()) break;
    std::size_t start = i >= kContext ? i - kContext : 0;
    // Extend the hunk while changes are within 2*context lines of each other.
    std::size_t end = i;
    std::size_t equal_run = 0;
    for (std::size_t j = i; j < steps.size(); ++j) {
      if (steps[j].op == Op::Equal) {
        if (++equal_run > 2 * kContext) break;
      } else {
        equal_run = 0;
        end = j + 1;
      }
    }
    std::size_t stop = std::min(steps.size(), end + kContext);
    std::size_t a_count = 0, b_count = 0;
    for (std::size_t j = start; j < stop; ++j) {
      if (steps[j].op != Op::Insert) ++a_count;
      if (steps[j].op != Op::Delete) ++b_count;
    }
    std::size_t a_start = steps[start].a + (a_count ? 1 : 0);
    std::size_t b_start = steps[start].b + (b_count ? 1 : 0);
    out += "@@ -" + std::to_string(a_start) + "," + std::to_string(a_count) + " +" +
           std::to_string(b_start) + "," + std::to_string(b_count) + " @@\n";
    for (std::size_t j = start; j < stop; ++j) {
      const Step& s = steps[j];
      if (s.op == Op::Equal) emit_line(out, ' ', a[s.a]);
      if (s.op == Op::Delete) emit_line(out, '-', a[s.a]);
      if (s.op == Op::Insert) emit_line(out, '+', b[s.b]);
    }
    i = stop;
  }
  return out;
}

}  // namespace enclint::fix
