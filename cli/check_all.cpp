#include "cli/check_all.hpp"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <memory>
#include <new>
#include <thread>

#include "rules/registry.hpp"
#include "util/interrupt.hpp"
#include "util/read_file.hpp"

namespace enclint::cli {

using engine::check_path;
using engine::check_stdin;
using engine::FileResult;
using engine::FileStatus;
using engine::kInterrupted;

void check_all(const std::vector<Input>& inputs, const std::vector<const Settings*>& settings,
               const RunOptions& run, const std::function<void(FileResult&&)>& sink) {
  const auto& rules = rules::all();
  auto one = [&](std::size_t i) {
    const Input& in = inputs[i];
    const engine::CheckOptions& options = settings[i]->check;
    FileResult r;
    if (util::interrupted()) {
      r.path = in.path;
      r.status = FileStatus::Skipped;
      r.skip_reason = kInterrupted;
      return r;
    }
    if (in.excluded) {
      r.path = in.path == "-" ? run.stdin_filename : in.path;
      r.status = FileStatus::Skipped;
      r.skip_reason = "excluded by the configuration";
      // `--fix -` prints the template: an excluded one comes back as it went in
      // (all of it, or nothing and an error).
      if (in.path == "-" && options.fix) {
        util::ReadResult read = util::read_fd(STDIN_FILENO, options.max_file_size_mb << 20);
        if (read.ok) {
          r.output_text = std::move(read.bytes);
        } else {
          r.status = FileStatus::Error;
          r.error = read.error == EFBIG
                        ? "the input is larger than the limit of " +
                              std::to_string(options.max_file_size_mb) + " MiB (--max-file-size)"
                        : std::string("cannot read standard input: ") + std::strerror(read.error);
        }
      }
      return r;
    }
    if (!in.error.empty()) {
      r.path = in.path;
      r.status = FileStatus::Error;
      r.error = in.error;
      return r;
    }
    // Out of memory on one file is that file's error; the others go on.
    try {
      if (in.path == "-")
        return check_stdin(run.stdin_filename.empty() ? "<stdin>" : run.stdin_filename, options,
                           rules);
      return check_path(in.path, options, rules, /*fast_path=*/!in.explicit_path);
    } catch (const std::bad_alloc&) {
      r = FileResult{};
      r.path = in.path;
      r.status = FileStatus::Error;
      r.error = "out of memory while checking the file (not changed)";
      return r;
    }
  };
  // One file (a pre-commit run): no thread, and no need to count the cores.
  unsigned jobs = inputs.size() <= 1 ? 1
                  : run.jobs         ? run.jobs
                                     : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, inputs.size()));
  if (jobs <= 1) {
    for (std::size_t i = 0; i < inputs.size(); ++i) sink(one(i));
    return;
  }
  // Results land in their input's slot (a pointer each: 10,000 empty
  // results would take 3 MB). This thread is one of the workers: between
  // its own files it hands over, in order, whatever is ready, so nobody
  // sleeps and wakes per file (costly in a VM).
  std::vector<std::unique_ptr<FileResult>> results(inputs.size());
  std::atomic<std::size_t> next{0};
  std::vector<std::atomic<char>> ready(inputs.size());
  std::size_t handed = 0;
  auto hand_over_ready = [&] {
    while (handed < inputs.size() && ready[handed].load(std::memory_order_acquire)) {
      sink(std::move(*results[handed]));
      results[handed].reset();
      ++handed;
    }
  };
  auto work = [&](bool calling_thread) {
    for (std::size_t i = next++; i < inputs.size(); i = next++) {
      results[i] = std::make_unique<FileResult>(one(i));
      ready[i].store(1, std::memory_order_release);
      if (calling_thread) hand_over_ready();
    }
  };
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < jobs; ++t) pool.emplace_back(work, false);
  work(true);
  for (auto& th : pool) th.join();
  hand_over_ready();
}

}  // namespace enclint::cli
