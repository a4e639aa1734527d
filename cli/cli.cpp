#include "cli/cli.hpp"

// Values are never split at commas: a file name may hold one (lists like
// --select are split by split_list).
#define CXXOPTS_VECTOR_DELIMITER '\0'
// cxxopts' std::regex mode costs milliseconds of start-up; its plain mode does the same job.
#define CXXOPTS_NO_REGEX true
#include <unistd.h>
#include <cxxopts.hpp>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <new>
#include <optional>
#include <sstream>
#include <thread>

#include "cli/config.hpp"
#include "cli/discover.hpp"
#include "cli/man_page.hpp"
#include "cli/fix_options.hpp"
#include "cli/run_options.hpp"
#include "cli/server_command.hpp"
#include "engine/check_file.hpp"
#include "fix/atomic_write.hpp"
#include "report/reporter.hpp"
#include "rules/registry.hpp"
#include "util/interrupt.hpp"

namespace enclint::cli {

using engine::check_path;
using engine::check_stdin;
using engine::ExitStatus;
using engine::FileResult;
using engine::FileStatus;
using engine::kInterrupted;

namespace {

std::vector<std::string> split_list(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    std::stringstream ss(v);
    std::string item;
    while (std::getline(ss, item, ','))
      if (!item.empty()) out.push_back(item);
  }
  return out;
}

cxxopts::Options make_options() {
  cxxopts::Options o("cfn-enclint",
                     "Checks CloudFormation and SAM templates for DynamoDB tables and S3 buckets "
                     "that are not encrypted at rest as documented, and fixes them in place.");
  o.custom_help("[OPTIONS]");
  o.positional_help("[PATH ...]");
  // One option a line, as --help shows them.
  // clang-format off
  o.add_options()
      ("fix", "Apply safe fixes in place")
      ("unsafe-fixes", "Also apply unsafe fixes (with --fix or --diff)")
      ("diff", "Print a unified diff of what --fix would change; write nothing (not with --fix)")
      ("f,format", "Output format: text, json, sarif, junit or github", cxxopts::value<std::string>()->default_value("text"), "FORMAT")
      ("o,output", "Write the report to FILE", cxxopts::value<std::string>(), "FILE")
      ("select", "Only these rules (comma-separated ids or names)", cxxopts::value<std::vector<std::string>>(), "IDS")
      ("ignore", "Skip these rules (comma-separated ids or names)", cxxopts::value<std::vector<std::string>>(), "IDS")
      ("config", "Configuration file (default: .cfn-enclint.yaml from here upwards)", cxxopts::value<std::string>(), "FILE")
      ("level", "Policy level: baseline (default) or cmk (also require customer managed keys)", cxxopts::value<std::string>(), "LEVEL")
      ("kms-key", "Fixes use SSE-KMS with this key (key or alias ARN, alias/NAME, key id, or Ref:LogicalId of a key, an alias or a String parameter)", cxxopts::value<std::string>(), "KEY")
      ("sse-algorithm", "S3 algorithm the fixes insert: AES256 (default; aws:kms with --kms-key), aws:kms or aws:kms:dsse", cxxopts::value<std::string>(), "ALG")
      ("no-foreign-suppressions", "Ignore cfn_nag, checkov and cfn-guard suppressions")
      ("show-suppressed", "List the findings that suppressions hide")
      ("stdin-filename", "Name to report for standard input", cxxopts::value<std::string>(), "NAME")
      ("j,jobs", "Files checked in parallel (0: all cores)", cxxopts::value<unsigned>()->default_value("0"), "N")
      ("verbose", "List skipped files and why, and values that cannot be checked statically")
      ("color", "Colour text output: auto (when stdout is a terminal and NO_COLOR is unset), always, never", cxxopts::value<std::string>()->default_value("auto"), "WHEN")
      ("no-source", "Text output: one line per finding, without the source line and caret")
      ("max-findings-per-file", "Text output: show at most N findings per file (0: all)", cxxopts::value<std::size_t>()->default_value(std::to_string(util::kMaxFindingsShownPerFile)), "N")
      ("max-file-size", "Refuse files larger than this many MiB", cxxopts::value<std::size_t>()->default_value(std::to_string(util::kDefaultMaxFileSizeMb)), "MB")
      ("list-rules", "List the rules")
      ("explain", "Show a rule's documentation", cxxopts::value<std::string>(), "ID")
      ("version", "Print the version")
      ("h,help", "Print this help");
  // Not in --help: the positional paths, and the man page writer the build uses.
  o.add_options("hidden")
      ("paths", "Files or directories", cxxopts::value<std::vector<std::string>>())
      ("generate-man", "Print the man page (roff)");
  // clang-format on
  o.parse_positional({"paths"});
  return o;
}

// The man page's options: those of --help.
std::vector<ManOption> man_options(const cxxopts::Options& spec) {
  std::vector<ManOption> out;
  for (const auto& o : spec.group_help("").options) {
    if (o.l.empty()) continue;
    out.push_back({(o.s.empty() ? "" : "-" + o.s + ", ") + "--" + o.l.front(),
                   o.is_boolean         ? ""
                   : o.arg_help.empty() ? "VALUE"
                                        : o.arg_help,
                   o.desc});
  }
  return out;
}

int usage_error(const std::string& message) {
  std::cerr << "cfn-enclint: error: " << message << "\n"
            << "Try 'cfn-enclint --help' for more information.\n";
  return kExitError;
}

// SIGINT, SIGTERM, SIGHUP (the terminal went away), SIGPIPE (`| head`) and
// the other signals that would end the process where it stands end the run
// the same way: files being written finish (each write is atomic), a file
// being checked stops where it is, unwritten, files not started are left
// alone, and no temporary file is left behind. SIGXFSZ is ignored: a write
// past the file size limit fails (EFBIG) and is reported like a full disk.
extern "C" void on_interrupt(int signal) { util::g_interrupt_signal.store(signal); }
constexpr int kStopSignals[] = {SIGINT,  SIGTERM, SIGHUP,  SIGPIPE,   SIGQUIT,
                                SIGALRM, SIGUSR1, SIGUSR2, SIGVTALRM, SIGXCPU};

// Whether the report (and, on stdout, a diff or a fixed template) got out:
// the first failure of each stream is kept with its reason (errno is only
// meaningful right after it), and the run then exits 2 saying so.
class ReportWrites {
 public:
  void check(const std::ostream& out, const std::ofstream& file) {
    if (!out && !stdout_error_) stdout_error_ = errno ? errno : EIO;
    if (!file && !file_error_) file_error_ = errno ? errno : EIO;
  }
  bool failed(const std::string& output) const {
    if (stdout_error_)
      std::cerr << "cfn-enclint: error: cannot write to standard output: "
                << std::strerror(stdout_error_) << "\n";
    if (file_error_) {
      // A cut-off report (SARIF, JUnit) must not be taken for a whole one.
      std::error_code ec;
      bool removed = std::filesystem::remove(output, ec);
      std::cerr << "cfn-enclint: error: cannot write the report to " << output << ": "
                << std::strerror(file_error_)
                << (removed ? " (the incomplete report was removed)" : "") << "\n";
    }
    return stdout_error_ || file_error_;
  }

 private:
  int stdout_error_ = 0, file_error_ = 0;
};

// Checks every input and hands each result to `sink`, on this thread and in
// input order, as soon as it and every result before it are ready; a result
// is freed once handed over. The output is the same at any -j, and memory
// holds only the results that wait for an earlier file.
void check_all(const std::vector<Input>& inputs, const RunOptions& options,
               const std::function<void(FileResult&&)>& sink) {
  const auto& rules = rules::all();
  auto one = [&](std::size_t i) {
    const Input& in = inputs[i];
    FileResult r;
    if (util::interrupted()) {
      r.path = in.path;
      r.status = FileStatus::Skipped;
      r.skip_reason = kInterrupted;
      return r;
    }
    if (in.excluded) {
      r.path = in.path;
      r.status = FileStatus::Skipped;
      r.skip_reason = "excluded by the configuration";
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
        return check_stdin(options.stdin_filename.empty() ? "<stdin>" : options.stdin_filename,
                           options, rules);
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
                  : options.jobs     ? options.jobs
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

}  // namespace

std::string list_rules() {
  std::ostringstream out;
  for (const lint::Rule* r : rules::all()) {
    const auto& i = r->info();
    out << i.id << "  " << i.name << "  [" << lint::to_string(i.severity)
        << ", fix: " << lint::to_string(i.fix) << "]  " << i.summary << "\n";
  }
  return out.str();
}

namespace {
// "`a`, `b`" from a declaration's list.
template <typename List, typename Show>
std::string listing(const List& items, Show show) {
  std::string s;
  for (const auto& item : items) s += (s.empty() ? "" : ", ") + show(item);
  return s;
}
}  // namespace

std::string explain(const std::string& id_or_name) {
  const lint::Rule* r = rules::find(id_or_name);
  if (!r) return {};
  const auto& i = r->info();
  std::ostringstream out;
  out << "# " << i.id << " " << i.name << "\n\n"
      << i.summary << "\n\n"
      << "Default severity: " << lint::to_string(i.severity) << ". Fix: " << lint::to_string(i.fix)
      << "." << (i.level == lint::Level::Cmk ? " Policy level: cmk only." : "") << "\n\n";
  auto code = [](std::string_view s) { return "`" + std::string(s) + "`"; };
  if (!i.resource_types.empty())
    out << "- Resource types: " << listing(i.resource_types, code) << "\n";
  if (!i.fix_options.empty())
    out << "- Fix options: " << listing(i.fix_options, [](std::string_view o) {
      return "`--" + std::string(o) + "`";
    }) << "\n";
  if (!i.peers.empty())
    out << "- Suppressions honoured from other tools: "
        << listing(i.peers,
                   [](const lint::PeerRule& p) {
                     return std::string(p.tool) + " `" + std::string(p.id) + "`";
                   })
        << "\n";
  if (!i.resource_types.empty() || !i.fix_options.empty() || !i.peers.empty()) out << "\n";
  out << i.doc;
  return out.str();
}

int run(int argc, char** argv) {
  if (argc >= 2 && std::string_view(argv[1]) == "server") return run_server(argc, argv);
  cxxopts::Options spec = make_options();
  RunOptions options;
  std::optional<std::string> config_path, level, kms_key, sse_algorithm;
  std::string color = "auto";
  bool cli_select = false, cli_ignore = false;
  try {
    auto args = spec.parse(argc, argv);
    if (args.count("generate-man")) {
      std::cout << man_page(man_options(spec));
      return kExitClean;
    }
    if (args.count("help")) {
      std::cout << spec.help({""})
                << "\nExit status: 0 nothing to report, 1 findings remain, "
                   "2 usage error or a file could not be read, parsed or fixed.\n"
                << "\n'cfn-enclint server' runs the language server for editors (LSP on stdio).\n";
      return kExitClean;
    }
    if (args.count("version")) {
      std::cout << "cfn-enclint " << ENCLINT_VERSION << "\n";
      return kExitClean;
    }
    if (args.count("list-rules")) {
      std::cout << list_rules();
      return kExitClean;
    }
    if (args.count("explain")) {
      std::string text = explain(args["explain"].as<std::string>());
      if (text.empty())
        return usage_error("unknown rule '" + args["explain"].as<std::string>() + "'");
      std::cout << text;
      return kExitClean;
    }
    options.fix = args.count("fix") > 0;
    options.unsafe_fixes = args.count("unsafe-fixes") > 0;
    options.diff = args.count("diff") > 0;
    options.verbose = args.count("verbose") > 0;
    options.show_source = args.count("no-source") == 0;
    options.max_file_size_mb =
        std::min(args["max-file-size"].as<std::size_t>(), util::kMaxFileSizeMb);
    options.max_findings_per_file = args["max-findings-per-file"].as<std::size_t>();
    color = args["color"].as<std::string>();
    options.format = args["format"].as<std::string>();
    options.list_checked_resources = options.format == "junit";
    if (args.count("output")) options.output = args["output"].as<std::string>();
    if (args.count("select"))
      options.lint.select = split_list(args["select"].as<std::vector<std::string>>());
    if (args.count("ignore"))
      options.lint.ignore = split_list(args["ignore"].as<std::vector<std::string>>());
    if (args.count("config")) config_path = args["config"].as<std::string>();
    if (args.count("level")) level = args["level"].as<std::string>();
    if (args.count("kms-key")) kms_key = args["kms-key"].as<std::string>();
    if (args.count("sse-algorithm")) sse_algorithm = args["sse-algorithm"].as<std::string>();
    options.lint.foreign_suppressions = args.count("no-foreign-suppressions") == 0;
    options.show_suppressed = args.count("show-suppressed") > 0;
    cli_select = args.count("select") > 0;
    cli_ignore = args.count("ignore") > 0;
    if (args.count("stdin-filename"))
      options.stdin_filename = args["stdin-filename"].as<std::string>();
    options.jobs = args["jobs"].as<unsigned>();
    if (args.count("paths")) options.paths = args["paths"].as<std::vector<std::string>>();
  } catch (const cxxopts::exceptions::exception& e) {
    return usage_error(e.what());
  }
  for (const auto* list : {&options.lint.select, &options.lint.ignore})
    for (const std::string& id : *list)
      if (!rules::find(id)) return usage_error("unknown rule '" + id + "' (see --list-rules)");

  // The configuration first; the command line wins over it.
  std::optional<Config> config;
  std::optional<std::filesystem::path> found =
      config_path ? std::optional<std::filesystem::path>(*config_path) : find_config(".");
  if (found) {
    ConfigResult loaded = load_config(*found);
    if (!loaded.config) return usage_error(loaded.error);
    config = std::move(loaded.config);
    if (config->select && !cli_select) options.lint.select = *config->select;
    if (config->ignore && !cli_ignore) options.lint.ignore = *config->ignore;
    if (config->level) options.lint.level = *config->level;
    options.lint.severity = config->severity;
    if (config->kms_key && !kms_key) kms_key = config->kms_key;
    if (config->sse_algorithm && !sse_algorithm) sse_algorithm = config->sse_algorithm;
  }
  if (level) {
    if (*level == "baseline")
      options.lint.level = lint::Level::Baseline;
    else if (*level == "cmk")
      options.lint.level = lint::Level::Cmk;
    else
      return usage_error("--level must be baseline or cmk, not '" + *level + "'");
  }
  if (kms_key) options.lint.fix.kms_key = *kms_key;
  // A key means SSE-KMS unless an algorithm was chosen explicitly.
  options.lint.fix.sse_algorithm = sse_algorithm ? *sse_algorithm : kms_key ? "aws:kms" : "AES256";
  if (std::string problem =
          fix_options_problem(options.lint.fix, kms_key, options.fix, options.diff);
      !problem.empty())
    return usage_error(problem);
  if (color != "auto" && color != "always" && color != "never")
    return usage_error("--color must be auto, always or never, not '" + color + "'");
  auto reporter = report::make_reporter(options.format, rules::all());
  if (!reporter)
    return usage_error("unknown format '" + options.format + "' (" + report::kFormats + ")");
  if (options.paths.empty()) options.paths.emplace_back(".");

  // No SA_RESTART: a read that waits (standard input) returns at the signal.
  struct sigaction action {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  for (int signal : kStopSignals) sigaction(signal, &action, nullptr);
  std::signal(SIGXFSZ, SIG_IGN);

  std::vector<std::string> temporaries;
  std::vector<Input> inputs = discover(options.paths, &temporaries);
  // What interrupted --fix runs left in the directories searched goes with
  // the next --fix (unless a live run is still writing beside it).
  if (options.fix && !options.diff)
    for (const std::string& t : temporaries) fix::remove_stale_temporary(t);
  if (config && !config->exclude.empty()) {
    // Excluded files found in directories are dropped; named ones are reported as skipped.
    std::vector<Input> kept;
    for (Input& in : inputs) {
      if (!excluded(*config, in.path)) {
        kept.push_back(std::move(in));
      } else if (in.explicit_path) {
        in.excluded = true;
        kept.push_back(std::move(in));
      }
    }
    inputs = std::move(kept);
  }
  // With `--fix -` the fixed template owns stdout; the report goes to stderr.
  bool stdin_fix = options.fix && std::any_of(inputs.begin(), inputs.end(),
                                              [](const Input& in) { return in.path == "-"; });
  std::ofstream file_out;
  std::ostream* report_out = stdin_fix ? &std::cerr : &std::cout;
  if (!options.output.empty()) {
    file_out.open(options.output, std::ios::binary);
    if (!file_out) return usage_error("cannot write " + options.output);
    report_out = &file_out;
  }
  // https://no-color.org: any non-empty NO_COLOR turns colour off unless asked for explicitly.
  const char* no_color = std::getenv("NO_COLOR");
  options.color = color == "always" || (color == "auto" && report_out == &std::cout &&
                                        ::isatty(STDOUT_FILENO) && !(no_color && *no_color));
  // --diff prints the diffs on stdout: the report goes to stderr with --fix,
  // and only to a file (--output) without.
  std::ostream* report_to = report_out;
  if (options.diff)
    report_to = options.fix ? &std::cerr : options.output.empty() ? nullptr : report_out;

  const report::ReportOptions report_options = options.report();
  options.scan_types = engine::selected_types(options.lint, rules::all());
  ExitStatus status;
  std::size_t would_fix = 0, interrupted = 0;
  ReportWrites writes;
  check_all(inputs, options, [&](FileResult&& r) {
    status.add(r);
    interrupted += r.skip_reason == kInterrupted;
    errno = 0;  // what a failed write below leaves is its reason
    if (options.diff) {
      std::cout << r.diff;
      would_fix += !r.diff.empty();
    } else if (stdin_fix) {
      std::cout << r.output_text;
    }
    if (report_to) reporter->add(*report_to, r, report_options);
    writes.check(std::cout, file_out);
  });
  if (options.diff && !options.fix)
    std::cerr << "Would fix " << would_fix << (would_fix == 1 ? " file" : " files")
              << " (run with --fix to apply).\n";
  if (report_to) reporter->finish(*report_to, report_options);
  if (file_out.is_open()) file_out.close();
  writes.check(std::cout.flush(), file_out);

  if (int signal = util::interrupted()) {
    if (signal != SIGPIPE)  // the reader went away: nobody to tell
      std::cerr << "cfn-enclint: interrupted; " << interrupted
                << (interrupted == 1 ? " file was" : " files were")
                << " not checked (every file is either unchanged or completely fixed)\n";
    return 128 + signal;
  }
  if (writes.failed(options.output)) return kExitError;
  return status.code();
}

}  // namespace enclint::cli
