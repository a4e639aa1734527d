#include "cli/man_page.hpp"

#include <sstream>

#include "rules/registry.hpp"

namespace enclint::cli {

namespace {
std::string roff(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
  return out;
}

// A tagged paragraph: `tag` in bold, then the text.
std::string item(const std::string& tag, const std::string& text) {
  return ".TP\n.B " + roff(tag) + "\n" + roff(text) + "\n";
}

// Commands shown as typed: no filling, no hyphenation.
std::string example(const std::string& what, const std::string& command) {
  return ".PP\n" + roff(what) + "\n.PP\n.RS 4\n.nf\n" + roff(command) + "\n.fi\n.RE\n";
}
}  // namespace

std::string man_page(const std::vector<ManOption>& options) {
  std::ostringstream m;
  m << ".TH CFN\\-ENCLINT 1 \"" << ENCLINT_RELEASE_DATE << "\" \"cfn\\-enclint " << ENCLINT_VERSION
    << "\" \"User Commands\"\n"
    << ".SH NAME\ncfn\\-enclint \\- check and fix encryption at rest in CloudFormation and SAM "
       "templates\n"
    << ".SH SYNOPSIS\n.B cfn\\-enclint\n[\\fIOPTIONS\\fR] [\\fIPATH\\fR ...]\n"
    << ".SH DESCRIPTION\n"
    << roff(
           "Finds the data stores of CloudFormation and SAM templates that are not encrypted at "
           "rest (DynamoDB tables, S3 buckets, SQS queues, SNS topics, RDS databases, EFS file "
           "systems, EBS volumes and more) and, with --fix, inserts exactly the missing settings, "
           "leaving every other byte of the template alone. PATH is a file, a directory (searched "
           "for *.yaml, *.yml, *.json, *.template), an AWS CDK cloud assembly (a cdk.out "
           "directory, read through its manifest.json) or - for standard input.")
    << "\n.SH OPTIONS\n";
  for (const ManOption& o : options) {
    m << ".TP\n.B " << roff(o.flags);
    if (!o.arg.empty()) m << " \\fI" << roff(o.arg) << "\\fR";
    m << "\n" << roff(o.desc) << "\n";
  }
  m << ".SH RULES\n";
  for (const lint::Rule* r : rules::all()) {
    const auto& i = r->info();
    m << ".TP\n.B " << roff(std::string(i.id) + " " + std::string(i.name)) << "\n"
      << roff(std::string(i.summary)) << " (fix: " << lint::to_string(i.fix)
      << (i.level == lint::Level::Cmk ? "; level cmk only" : "") << ")\n";
  }
  m << ".SH EXIT STATUS\n"
    << item("0", "nothing left to report")
    << item("1", "findings remain (after fixing, with --fix)")
    << item("2", "usage error, or a file could not be read, parsed or fixed") << ".SH ENVIRONMENT\n"
    << item("NO_COLOR",
            "When set to a non-empty value, text output is not coloured unless --color always "
            "is given (https://no-color.org). Without it, colour is used only when standard "
            "output is a terminal.")
    << ".SH FILES\n.TP\n.I .cfn\\-enclint.yaml\n"
    << roff(
           "Configuration, looked up from the current directory upwards: select, ignore, "
           "severity, level, fix (kms_key, sse_algorithm), exclude.")
    << "\n.SH EXAMPLES\n"
    << example("Check every template below the current directory:", "cfn-enclint")
    << example("Show what --fix would change, then apply it:",
               "cfn-enclint --diff template.yaml\ncfn-enclint --fix template.yaml")
    << example("Fix with SSE-KMS and a key of the template:",
               "cfn-enclint --fix --kms-key Ref:DataKey template.yaml")
    << example("Write SARIF for code scanning:", "cfn-enclint -f sarif -o cfn-enclint.sarif infra/")
    << example("Check the templates the AWS CDK synthesized:", "cdk synth && cfn-enclint cdk.out")
    << example("Read a template from standard input:",
               "cat template.yaml | cfn-enclint --stdin-filename template.yaml -")
    << ".SH SEE ALSO\n"
    << roff(std::string("cfn-enclint --explain ID; ") + ENCLINT_HOMEPAGE) << "\n";
  return m.str();
}

}  // namespace enclint::cli
