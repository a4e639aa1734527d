#include "rules/enc001_invalid_suppression.hpp"

#include "lint/inline_suppression.hpp"
#include "lint/suppression.hpp"
#include "rules/registry.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

namespace {

const lint::RuleInfo kInfo{
    .id = "ENC001",
    .name = "invalid-suppression",
    .summary = "A cfn-enclint suppression without a reason, or for a rule that does not exist",
    .fix = lint::FixAvailability::None,
    .doc = R"(## What it does
Checks the entries of `Metadata: cfn-enclint: suppress:` (on a resource, or
at the top of the template for all resources): each must be a mapping with a
`rule` (an id like `ENC201` or a name like `s3-encryption-missing`) and a
non-empty `reason`. The same holds for a suppression written as a YAML comment
on a resource's logical-id line or the line above it,
`# cfn-enclint: ignore[ENC201,ENC203] reason`: its rules must exist and the
reason must be there. Such a suppression is not honoured until it is complete.

## Why is this bad?
A suppression is a decision someone will have to revisit; without a reason
nobody can tell whether it still holds. An unknown rule id usually means a
typo, and the finding it meant to hide is still reported.

## Example
```yaml
Metadata:
  cfn-enclint:
    suppress:
      - rule: ENC201
```

## Use instead
```yaml
Metadata:
  cfn-enclint:
    suppress:
      - rule: ENC201
        reason: public website assets, encrypted by S3's default SSE-S3
```
or, in YAML, a comment:
```yaml
# cfn-enclint: ignore[ENC201] public website assets, encrypted by S3's default SSE-S3
SiteBucket:
  Type: AWS::S3::Bucket
```

## Fix safety
No fix: only a person can give the reason.

## References
- The "Suppressions" section of the cfn-enclint README: https://github.com/cfn-enclint/cfn-enclint#suppressions
)"};

}  // namespace

const lint::RuleInfo& InvalidSuppression::info() const { return kInfo; }

void InvalidSuppression::check(const lint::CheckContext& ctx,
                               std::vector<lint::Diagnostic>& out) const {
  const auto& doc = ctx.tpl.doc();
  // The template itself, for its top-level Metadata (no logical id, no path
  // of its own: its Metadata is at the root).
  model::Resource whole;
  whole.logical_id = "";
  auto check_entries = [&](yaml::NodeId metadata, const model::Resource& r) {
    // Each entry by its index, as cfn-lint names places: two bad entries of
    // one list are two findings with their own path.
    const std::string list_path =
        (r.path.empty() ? "" : r.path + "/") + "Metadata/cfn-enclint/suppress/";
    auto entries = lint::own_suppress_entries(doc, metadata);
    for (std::size_t i = 0; i < entries.size(); ++i) {
      yaml::NodeId entry = entries[i];
      std::string problem;
      if (!doc.is_map(entry)) {
        problem = "a suppression must be a mapping with `rule` and `reason`";
      } else {
        std::string rule(doc.text(doc.get(entry, "rule")));
        std::string reason(doc.text(doc.get(entry, "reason")));
        if (rule.empty())
          problem = "a suppression without `rule`";
        else if (!find(rule))
          problem = "suppression of unknown rule '" + rule + "' (see --list-rules)";
        else if (reason.empty())
          problem =
              "suppression of " + rule + " without a `reason`; it is not honoured until it has one";
      }
      if (problem.empty()) continue;
      auto [begin, end] = node_location(ctx.tpl, entry);
      out.push_back(make(r, begin, end, problem, list_path + std::to_string(i)));
    }
  };
  check_entries(ctx.tpl.metadata(), whole);
  for (const model::Resource& r : ctx.tpl.resources()) check_entries(r.metadata, r);
  for (const lint::InlineComment& c : lint::inline_comments(ctx.tpl)) {
    if (c.kind != lint::InlineComment::Kind::Ours) continue;
    std::string problem;
    std::string unknown;
    for (const std::string& rule : c.rules)
      if (!find(rule)) unknown = rule;
    if (c.malformed)
      problem = "an inline suppression is written `# cfn-enclint: ignore[ID,...] reason`";
    else if (c.rules.empty())
      problem = "an inline suppression without a rule";
    else if (!unknown.empty())
      problem = "inline suppression of unknown rule '" + unknown + "' (see --list-rules)";
    else if (c.reason.empty())
      problem = "inline suppression of " + c.rules.front() +
                " without a reason; it is not honoured until it has one";
    if (problem.empty()) continue;
    out.push_back(make(*c.resource, c.begin, c.end, problem,
                       c.resource->path + (c.above ? "/#comment-above" : "/#comment")));
  }
}

}  // namespace enclint::rules
