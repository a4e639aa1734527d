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
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>

#include "cli/arguments.hpp"
#include "cli/baseline.hpp"
#include "cli/check_all.hpp"
#include "cli/config.hpp"
#include "cli/discover.hpp"
#include "cli/fix_options.hpp"
#include "cli/man_page.hpp"
#include "cli/run_options.hpp"
#include "cli/server_command.hpp"
#include "cli/settings.hpp"
#include "engine/check_file.hpp"
#include "fix/atomic_write.hpp"
#include "report/reporter.hpp"
#include "rules/registry.hpp"
#include "util/interrupt.hpp"

namespace enclint::cli {

using engine::ExitStatus;
using engine::FileResult;
using engine::kInterrupted;

namespace {

cxxopts::Options make_options() {
  cxxopts::Options o("cfn-enclint",
                     "Checks CloudFormation and SAM templates for data stores that are not "
                     "encrypted at rest, and fixes them in place.");
  o.custom_help("[OPTIONS]");
  o.positional_help("[PATH ...]");
  // One option a line, as --help shows them.
  // clang-format off
  o.add_options()
      ("fix", "Apply safe fixes in place")
      ("unsafe-fixes", "Also apply unsafe fixes (with --fix or --diff)")
      ("diff", "Print a unified diff of what --fix would change; write nothing (not with --fix)")
      ("f,format", "Output format: text, json, sarif, junit, github, dot or mermaid", cxxopts::value<std::string>()->default_value("text"), "FORMAT")
      ("o,output", "Write the report to FILE", cxxopts::value<std::string>(), "FILE")
      ("select", "Only these rules (comma-separated ids, names or id prefixes such as ENC2)", cxxopts::value<std::vector<std::string>>(), "IDS")
      ("ignore", "Skip these rules (comma-separated ids, names or id prefixes)", cxxopts::value<std::vector<std::string>>(), "IDS")
      ("config", "One configuration file for every file (default: each file's nearest .cfn-enclint.yaml)", cxxopts::value<std::string>(), "FILE")
      ("exclude", "Skip files matching GLOB, relative to the current directory (repeatable)", cxxopts::value<std::vector<std::string>>(), "GLOB")
      ("baseline", "Do not report the findings recorded in FILE", cxxopts::value<std::string>(), "FILE")
      ("write-baseline", "Record the current findings in FILE (they are then not reported)", cxxopts::value<std::string>(), "FILE")
      ("fail-on", "Lowest severity that makes the exit status 1: error, warning or info", cxxopts::value<std::string>()->default_value("error"), "SEVERITY")
      ("exit-zero", "Exit 0 even when findings remain (errors still exit 2)")
      ("statistics", "Count findings per rule instead of listing them (text or json)")
      ("show-fixes", "List each fix applied (with --fix) or offered")
      ("level", "Policy level: baseline (default) or cmk (also require customer managed keys)", cxxopts::value<std::string>(), "LEVEL")
      ("kms-key", "Fixes use SSE-KMS with this key (key or alias ARN, alias/NAME, key id, or Ref:LogicalId of a key, an alias or a String parameter)", cxxopts::value<std::string>(), "KEY")
      ("sse-algorithm", "S3 algorithm the fixes insert: AES256 (default; aws:kms with --kms-key), aws:kms or aws:kms:dsse", cxxopts::value<std::string>(), "ALG")
      ("no-foreign-suppressions", "Ignore cfn_nag, checkov and cfn-guard suppressions")
      ("show-suppressed", "List the findings that suppressions hide")
      ("stdin-filename", "Name of standard input (-): reported, and matched against excludes and configurations", cxxopts::value<std::string>(), "NAME")
      ("j,jobs", "Files checked in parallel (0: all cores)", cxxopts::value<std::string>()->default_value("0"), "N")
      ("verbose", "List skipped files and why, and values that cannot be checked statically")
      ("color", "Colour text output: auto (when stdout is a terminal and NO_COLOR is unset), always, never", cxxopts::value<std::string>()->default_value("auto"), "WHEN")
      ("no-source", "Text output: one line per finding, without the source line and caret")
      ("max-findings-per-file", "Text output: show at most N findings per file (0: all)", cxxopts::value<std::size_t>()->default_value(std::to_string(util::kMaxFindingsShownPerFile)), "N")
      ("max-file-size", "Refuse files larger than this many MiB", cxxopts::value<std::string>()->default_value(std::to_string(util::kDefaultMaxFileSizeMb)), "MB")
      ("list-rules", "List the rules (with -f json: as JSON)")
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

// What --diff says on stderr: how many files would change, and the unsafe
// fixes left out when only --unsafe-fixes would apply them.
std::string diff_summary(std::size_t would_fix, std::size_t unsafe_left, bool unsafe) {
  std::string s = "Would fix " + std::to_string(would_fix) + (would_fix == 1 ? " file" : " files");
  if (would_fix > 0) s += " (run with --fix to apply)";
  if (unsafe_left > 0 && !unsafe)
    s += std::string(would_fix > 0 ? "; " : ": ") + std::to_string(unsafe_left) +
         (unsafe_left == 1 ? " unsafe fix is" : " unsafe fixes are") +
         " available with --unsafe-fixes (see them with --diff --unsafe-fixes)";
  return s + ".\n";
}

}  // namespace

int run(int argc, char** argv) {
  if (argc >= 2 && std::string_view(argv[1]) == "server") return run_server(argc, argv);
  cxxopts::Options spec = make_options();
  RunOptions options;
  CommandLineSettings cli;
  std::optional<std::string> level, sse_algorithm, baseline_path, write_baseline_path;
  std::string color = "auto", fail_on = "error", jobs = "0", max_size;
  std::vector<std::string> select, ignore;
  bool statistics = false;
  try {
    auto args = spec.parse(argc, argv);
    if (args.count("generate-man")) {
      std::cout << man_page(man_options(spec));
      return kExitClean;
    }
    if (args.count("help")) {
      std::cout << spec.help({""})
                << "\nExit status: 0 nothing to report, 1 findings at or above --fail-on remain, "
                   "2 usage error or a file could not be read, parsed or fixed.\n"
                << "\n'cfn-enclint server' runs the language server for editors (LSP on stdio).\n";
      return kExitClean;
    }
    if (args.count("version")) {
      std::cout << "cfn-enclint " << ENCLINT_VERSION << "\n";
      return kExitClean;
    }
    if (args.count("list-rules")) {
      std::string format = args["format"].as<std::string>();
      if (format != "text" && format != "json")
        return usage_error("--list-rules writes text or json, not '" + format + "'");
      std::cout << list_rules(format == "json");
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
    options.max_findings_per_file = args["max-findings-per-file"].as<std::size_t>();
    // Only the text output shows source lines, and only as many as it shows findings.
    options.lint.source_lines =
        !options.show_source || args["format"].as<std::string>() != "text" ? 0
        : options.max_findings_per_file == 0 ? std::numeric_limits<std::size_t>::max()
                                             : options.max_findings_per_file;
    options.show_fixes = args.count("show-fixes") > 0;
    // Only fixing, a diff and SARIF's replacements use a fix's edits.
    options.lint.fix_edits =
        options.fix || options.diff || args["format"].as<std::string>() == "sarif";
    statistics = args.count("statistics") > 0;
    max_size = args["max-file-size"].as<std::string>();
    jobs = args["jobs"].as<std::string>();
    color = args["color"].as<std::string>();
    fail_on = args["fail-on"].as<std::string>();
    options.exit_policy.exit_zero = args.count("exit-zero") > 0;
    options.format = args["format"].as<std::string>();
    options.list_checked_resources = options.format == "junit";
    options.picture = options.format == "dot" || options.format == "mermaid";
    if (args.count("output")) options.output = args["output"].as<std::string>();
    if (args.count("select")) select = split_list(args["select"].as<std::vector<std::string>>());
    if (args.count("ignore")) ignore = split_list(args["ignore"].as<std::vector<std::string>>());
    if (args.count("exclude")) cli.exclude = args["exclude"].as<std::vector<std::string>>();
    if (args.count("config")) cli.config = args["config"].as<std::string>();
    if (args.count("baseline")) baseline_path = args["baseline"].as<std::string>();
    if (args.count("write-baseline"))
      write_baseline_path = args["write-baseline"].as<std::string>();
    if (args.count("level")) level = args["level"].as<std::string>();
    if (args.count("kms-key")) cli.kms_key = args["kms-key"].as<std::string>();
    if (args.count("sse-algorithm")) sse_algorithm = args["sse-algorithm"].as<std::string>();
    options.lint.foreign_suppressions = args.count("no-foreign-suppressions") == 0;
    options.show_suppressed = args.count("show-suppressed") > 0;
    if (args.count("select")) cli.select.emplace();
    if (args.count("ignore")) cli.ignore.emplace();
    if (args.count("stdin-filename"))
      options.stdin_filename = args["stdin-filename"].as<std::string>();
    if (args.count("paths")) options.paths = args["paths"].as<std::vector<std::string>>();
  } catch (const cxxopts::exceptions::exception& e) {
    return usage_error(e.what());
  }
  std::string error;
  if (cli.select && (cli.select = rule_ids(select, error), !error.empty()))
    return usage_error(error);
  if (cli.ignore && (cli.ignore = rule_ids(ignore, error), !error.empty()))
    return usage_error(error);
  auto job_count = parse_count("--jobs", jobs, error);
  auto size_mb = job_count ? parse_count("--max-file-size", max_size, error) : std::nullopt;
  if (!size_mb) return usage_error(error);
  options.jobs = static_cast<unsigned>(*job_count);
  options.max_file_size_mb = std::min<std::size_t>(*size_mb, util::kMaxFileSizeMb);
  if (auto severity = parse_severity(fail_on))
    options.exit_policy.fail_on = *severity;
  else
    return usage_error("--fail-on must be error, warning or info, not '" + fail_on + "'");
  if (level) {
    if (*level == "baseline")
      cli.level = lint::Level::Baseline;
    else if (*level == "cmk")
      cli.level = lint::Level::Cmk;
    else
      return usage_error("--level must be baseline or cmk, not '" + *level + "'");
  }
  if (sse_algorithm) cli.sse_algorithm = *sse_algorithm;
  {
    // What the command line asks of the fixes; a configuration's key is
    // checked where it is read (SettingsFinder).
    lint::FixOptions fix;
    if (cli.kms_key) fix.kms_key = *cli.kms_key;
    fix.sse_algorithm = sse_algorithm ? *sse_algorithm : cli.kms_key ? "aws:kms" : "AES256";
    if (std::string problem = fix_options_problem(fix, cli.kms_key, options.fix, options.diff);
        !problem.empty())
      return usage_error(problem);
  }
  if (color != "auto" && color != "always" && color != "never")
    return usage_error("--color must be auto, always or never, not '" + color + "'");
  if (statistics && options.format != "text" && options.format != "json")
    return usage_error("--statistics writes text or json, not '" + options.format + "'");
  auto reporter = statistics
                      ? std::make_unique<report::StatisticsReporter>(options.format == "json")
                      : report::make_reporter(options.format, rules::all());
  if (!reporter)
    return usage_error("unknown format '" + options.format + "' (" + report::kFormats + ")");
  // --diff owns stdout: a report in another format must go to a file.
  if (options.diff && !options.fix && options.output.empty() &&
      (options.format != "text" || statistics))
    return usage_error("--diff prints the diff on standard output; write the " +
                       std::string(statistics ? "statistics" : options.format + " report") +
                       " to a file with -o FILE");
  if (options.paths.empty()) options.paths.emplace_back(".");
  bool reads_stdin =
      std::find(options.paths.begin(), options.paths.end(), "-") != options.paths.end();
  if (!options.stdin_filename.empty() && !reads_stdin)
    return usage_error("--stdin-filename names standard input: give '-' as a path to read it");

  // Each file's settings: the command line over its nearest configuration.
  SettingsFinder settings(static_cast<const engine::CheckOptions&>(options), std::move(cli));
  std::optional<Baseline> baseline;
  if (baseline_path && !(baseline = Baseline::load(*baseline_path, error)))
    return usage_error(error);
  std::optional<Baseline> new_baseline;
  if (write_baseline_path) new_baseline.emplace(*write_baseline_path);

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
  std::vector<const Settings*> input_settings;
  if (!settings.assign(inputs, input_settings, options.stdin_filename))
    return usage_error(settings.error());
  // With `--fix -` the fixed template owns stdout; the report goes to stderr.
  bool stdin_fix = options.fix && std::any_of(inputs.begin(), inputs.end(),
                                              [](const Input& in) { return in.path == "-"; });
  std::ofstream file_out;
  std::ostream* report_out = stdin_fix ? &std::cerr : &std::cout;
  if (!options.output.empty()) {
    file_out.open(options.output, std::ios::binary);
    if (!file_out)
      return usage_error("cannot write " + options.output + ": " + std::strerror(errno));
    report_out = &file_out;
  }
  // https://no-color.org: any non-empty NO_COLOR turns colour off unless asked for explicitly.
  const char* no_color = std::getenv("NO_COLOR");
  auto colour_for = [&](std::ostream* out) {
    return color == "always" || (color == "auto" && out == &std::cout && ::isatty(STDOUT_FILENO) &&
                                 !(no_color && *no_color));
  };
  options.color = colour_for(report_out);
  const bool diff_color = colour_for(&std::cout);
  // --diff prints the diffs on stdout: the report goes to stderr with --fix,
  // and only to a file (--output) without.
  std::ostream* report_to = report_out;
  if (options.diff)
    report_to = options.fix ? &std::cerr : options.output.empty() ? nullptr : report_out;

  const report::ReportOptions report_options = options.report();
  ExitStatus status;
  std::size_t would_fix = 0, unsafe_left = 0, interrupted = 0;
  ReportWrites writes;
  check_all(inputs, input_settings, options, [&](FileResult&& r) {
    if (new_baseline) {
      new_baseline->record(r, baseline ? &*baseline : nullptr);
      new_baseline->apply(r);
    } else if (baseline) {
      baseline->apply(r);
    }
    status.add(r);
    interrupted += r.skip_reason == kInterrupted;
    errno = 0;  // what a failed write below leaves is its reason
    if (options.diff) {
      std::cout << (diff_color ? report::colored_diff(r.diff) : r.diff);
      would_fix += !r.diff.empty();
      unsafe_left += r.unsafe_hidden;
    } else if (stdin_fix) {
      std::cout << r.output_text;
    }
    if (report_to) reporter->add(*report_to, r, report_options);
    writes.check(std::cout, file_out);
  });
  if (options.diff && !options.fix)
    std::cerr << diff_summary(would_fix, unsafe_left, options.unsafe_fixes);
  if (report_to) reporter->finish(*report_to, report_options);
  if (file_out.is_open()) file_out.close();
  writes.check(std::cout.flush(), file_out);
  if (new_baseline) {
    if (auto err = new_baseline->write()) {
      std::cerr << "cfn-enclint: error: " << *err << "\n";
      return kExitError;
    }
    std::cerr << "Wrote " << new_baseline->size()
              << (new_baseline->size() == 1 ? " finding" : " findings") << " to "
              << *write_baseline_path << ".\n";
  }

  if (int signal = util::interrupted()) {
    if (signal != SIGPIPE)  // the reader went away: nobody to tell
      std::cerr << "cfn-enclint: interrupted; " << interrupted
                << (interrupted == 1 ? " file was" : " files were")
                << " not checked (every file is either unchanged or completely fixed)\n";
    return 128 + signal;
  }
  if (writes.failed(options.output)) return kExitError;
  return status.code(options.exit_policy);
}

}  // namespace enclint::cli
