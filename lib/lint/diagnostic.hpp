// A finding. Positions are byte ranges into the source; reporters get lines
// and columns resolved once by the linter.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "fix/fix.hpp"
#include "lint/options.hpp"
#include "source/source_file.hpp"

namespace enclint::lint {

const char* to_string(Severity s);

struct Diagnostic {
  // The rule's id and name: views of its RuleInfo, which lives as long as the
  // program (a 5 MB template has 30,000 findings; no copy each).
  std::string_view rule;  // ENC201
  std::string_view name;  // s3-encryption-missing
  Severity severity = Severity::Error;
  std::string message;
  std::size_t begin = 0, end = 0;  // byte range in the source
  source::Position start, stop;    // resolved from begin/end
  std::string line_text;           // the source line of `start`, for the caret display
  // A long line (a minified template) is shown as an excerpt: `line_text`
  // starts at this column of the line, and the line goes on after it when cut.
  std::size_t line_text_column = 1;
  bool line_text_cut = false;
  std::string resource;  // logical id
  std::string resource_type;
  std::string path;       // Resources/Bucket/Properties, cfn-lint style
  std::string construct;  // the resource's aws:cdk:path, in a template the AWS CDK wrote
  std::optional<fix::Fix> fix;
  std::string not_fixable;             // why there is no fix, when one would be expected
  std::string note;                    // what the fix leaves out (a --kms-key it does not use), or
                                       // would also do (who would lose access to the store)
  bool fixed = false;                  // set by the fixer for the report
  std::string suppressed_by;           // set when a suppression hides it: "cfn_nag W74: reason"
  bool suppressed_externally = false;  // by a baseline file, not by the template itself
  // A value the tool cannot decide statically (severity info whatever the
  // configuration): not a finding, shown only when asked.
  bool undecidable = false;
};

}  // namespace enclint::lint
