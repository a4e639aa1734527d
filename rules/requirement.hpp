// Requirement kinds, written once: most encryption checks are "this block
// must be there" or "this setting must be true". Each kind decides every
// shape a value can have — absent, null, the wrong type, YAML 1.1 words and
// strings for booleans, Fn::If branches, parameters (AllowedValues, Default),
// AWS::NoValue, undecidable intrinsics, conditional or transformed
// Properties, SAM Globals — builds its messages one way, and fixes what it
// can (insert when absent, replace when wrong). A resource type's requirement
// is then a table entry (rules/catalog/<service>.cpp), not a class.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/rule.hpp"
#include "rules/property.hpp"

namespace enclint::rules {

enum class RequirementKind {
  // Properties/<key> must be a mapping (what is inside is other rules' business).
  BlockRequired,
  // <key> must be true, inside the block Properties/<block> wherever that
  // block is a mapping (a missing block is the BlockRequired rule's finding),
  // or in Properties itself when there is no block.
  TrueRequired,
  // <key>, where it is written inside the block, must be one of `allowed`
  // (and, with `insert_value`, written wherever the block is a mapping).
  OneOf,
  // <key>, where it is written inside the block, is only valid when
  // <needs_true> is true there too (an invalid combination otherwise).
  NeedsTrue,
  // <key> must be written (a key ARN, an alias...), inside the block, or in
  // Properties when there is no block: typically a customer managed key at
  // level cmk. The fix inserts --kms-key, else the check's `insert` (a
  // default key such as alias/aws/sns); without either there is none. At
  // level cmk an AWS managed key (alias/aws/<service>) is a finding too, and
  // the fix replaces it.
  KeyRequired,
  // <key>, where it is written inside the block, must not be true: a switch
  // that turns encryption off (CodeBuild EncryptionDisabled). The fix
  // replaces it with false, unsafe.
  NotTrue,
};

// One thing a rule requires of a resource.
struct Check {
  RequirementKind kind = RequirementKind::BlockRequired;
  // The enclosing block (TrueRequired, OneOf, NeedsTrue; KeyRequired: "" for
  // Properties), or for BlockRequired the blocks the required one is nested
  // in; "A/B" for B inside A.
  std::string_view block = {};
  std::string_view key = {};  // the property the check is about
  // BlockRequired: the block a fix inserts (nullptr: none; a null value:
  // none for these options, `no_insert` says why), and its title.
  model::Value (*insert)(const lint::FixOptions&, const model::Resource&) = nullptr;
  std::string_view insert_title = {};
  std::string_view no_insert = {};  // default: pass --kms-key
  // The same, when they depend on the fix options (they win when set).
  std::string (*title_for)(const lint::FixOptions&) = nullptr;
  // Why the insertion does not use --kms-key for `r` ("" when it does, or
  // when no key was given): a note on the fix, not a silent omission.
  std::string (*key_unused)(const lint::FixOptions&, const model::Resource&) = nullptr;
  // At level cmk, the insertion needs a customer managed key (`--kms-key`)
  // or a cmk rule would report what it just wrote: without one there is no
  // fix, and this says why ("" for checks whose insertion is fine at cmk).
  bool (*no_insert_at_cmk)(const lint::FixOptions&) = nullptr;
  std::string_view no_insert_at_cmk_reason = {};
  // Whether that insertion is safe; nullptr: always (it only adds what AWS
  // applies in place). Unsafe when it replaces the resource, interrupts it,
  // or can break its users (a customer managed key they hold no grant on);
  // the rule's "Fix safety" documentation says what happens.
  bool (*unsafe_insert)(const lint::FixOptions&) = nullptr;
  // Message parts: after "<label> has no <key>" when the key is absent
  // (BlockRequired; it brings its own punctuation: ", so ..."), and after the
  // problems found otherwise ("; <why>").
  std::string_view absent = {};
  std::string (*absent_for)(const lint::FixOptions&) = nullptr;
  std::string_view why = {};
  // OneOf: the values allowed, and why a value is wrong (replaces `why`).
  std::vector<std::string_view> allowed = {};
  std::string (*why_value)(std::string_view value) = nullptr;
  // OneOf: the value an unsafe fix writes instead of a wrong one ("" for none),
  // and the value a fix inserts where the key is absent ("": absent is fine).
  std::string_view replace_with = {};
  std::string_view insert_value = {};
  // NeedsTrue: the setting that must be true wherever `key` is written.
  std::string_view needs_true = {};
  // The check does not apply to a resource that writes one of these
  // properties (an RDS instance in a cluster, a volume from a snapshot).
  std::vector<std::string_view> not_with = {};
  // Nor to one whose <only_if> is written as anything but one of `only_if_in`
  // (a Firehose stream whose DeliveryStreamType is not DirectPut; an ECR
  // repository whose EncryptionType is AES256). These and only_with may name
  // nested properties ("A/B").
  std::string_view only_if = {};
  std::vector<std::string_view> only_if_in = {};
  // KeyRequired: only a written key is judged (an absent one is another
  // rule's finding: SNS's ENC311).
  bool only_written = false;
  // KeyRequired: settings CloudFormation rejects together with the key (SQS
  // SqsManagedSseEnabled: true); while one can be true the fix is withheld.
  std::vector<std::string_view> conflicts_with = {};
  // Applies only to a resource that writes one of these (here or in SAM
  // Globals): a Lambda function's key matters only with Environment.
  std::vector<std::string_view> only_with = {};
  // KeyRequired: why `r` can take no key at all, "" when it can (a SageMaker
  // endpoint config on instance types with local storage): the finding stands,
  // without a fix, and this says why.
  std::string (*takes_no_key)(const lint::CheckContext&, const model::Resource&) = nullptr;
};

// For Requirement::label: "<Noun> 'LogicalId'", e.g. named<kVault> with
// constexpr char kVault[] = "backup vault".
template <const char* Noun>
std::string named(const model::Resource& r) {
  return std::string(Noun) + " '" + std::string(r.logical_id) + "'";
}

// For Check::unsafe_insert: the insertion is never safe (a create-only property).
inline bool always_unsafe(const lint::FixOptions&) { return true; }
// For Check::unsafe_insert: safe with the AWS managed or owned key, unsafe
// with --kms-key (every user of the resource then needs grants on that key).
inline bool with_own_key(const lint::FixOptions& options) { return !options.kms_key.empty(); }

// For Check::insert: --kms-key when it is a key ARN, else nothing (null), for
// a property that takes an ARN only (an alias, a key id or a `Ref` of an
// AWS::KMS::Key, which names its id, would be rejected).
inline model::Value key_arn(const lint::FixOptions& options, const model::Resource&) {
  if (options.kms_key.rfind("arn:", 0) == 0) return model::Value::string(options.kms_key);
  return {};
}

struct Requirement {
  lint::RuleInfo info;
  // "DynamoDB table 'T'": how messages name a resource.
  std::string (*label)(const model::Resource&) = nullptr;
  std::vector<Check> checks;
};

// What a setting that must be true turned out to be, over its possibilities.
struct TrueVerdict {
  // Each bad possibility: "SSEEnabled is false (when condition IsProd is false)".
  std::vector<std::string> problems;
  std::string undecided;  // "SSEEnabled is Fn::ImportValue, which cannot be checked statically"
};
TrueVerdict require_true(const lint::CheckContext& ctx, std::string_view key,
                         const std::vector<PropertyValue>& values);

// "Encrypted is Fn::ImportValue, which cannot be checked statically": what an
// info finding says about a possibility that is Unknown (or AnyParameter).
std::string undecidable(std::string_view key, const model::Possibility& p);

// What is wrong with one way a key property `key` turns out; "" when it names
// a key. Absent, removed by AWS::NoValue, null, "", a mapping or a list name
// none; with `cmk` (level cmk) an AWS managed key is not the user's either,
// and `managed` says so. An intrinsic (a Ref or GetAtt of a key, an import) or
// a parameter is a key written: what it names is other checks' business.
std::string key_problem(const yaml::Document& doc, std::string_view key,
                        const model::Possibility& p, bool cmk, bool& managed);

// alias/aws/<service>, by name or in an alias ARN: the AWS managed key, whose
// policy nobody can change (a finding at level cmk).
bool aws_managed_key(std::string_view v);

// Null or an empty string: a value written that names nothing (no key, no
// snapshot).
bool is_blank(const yaml::Document& doc, yaml::NodeId node);

// "a mapping", "a list", "null", "'yes'", "an empty string": how a message
// names a value that is not what it should be.
std::string describe_value(const yaml::Document& doc, yaml::NodeId node);

struct NotWith;  // a check's not_with properties on one resource (requirement.cpp)

class RequirementRule final : public lint::Rule {
 public:
  explicit RequirementRule(Requirement r) : req_(std::move(r)) {}
  const lint::RuleInfo& info() const override { return req_.info; }
  void check(const lint::CheckContext& ctx, std::vector<lint::Diagnostic>& out) const override;

 private:
  void check_block(const lint::CheckContext& ctx, const model::Resource& r, const Check& c,
                   const NotWith& others, std::vector<lint::Diagnostic>& out) const;
  void check_block_level(const lint::CheckContext& ctx, const model::Resource& r, const Check& c,
                         const std::vector<PropertyValue>& values,
                         const std::vector<std::string_view>& levels, std::size_t level,
                         const NotWith& others, std::vector<lint::Diagnostic>& out) const;
  void check_true(const lint::CheckContext& ctx, const model::Resource& r, const Check& c,
                  const NotWith& others, std::vector<lint::Diagnostic>& out) const;
  void check_one_of(const lint::CheckContext& ctx, const model::Resource& r, const Check& c,
                    std::vector<lint::Diagnostic>& out) const;
  void check_needs_true(const lint::CheckContext& ctx, const model::Resource& r, const Check& c,
                        std::vector<lint::Diagnostic>& out) const;
  void check_not_true(const lint::CheckContext& ctx, const model::Resource& r, const Check& c,
                      std::vector<lint::Diagnostic>& out) const;
  void check_key_required(const lint::CheckContext& ctx, const model::Resource& r, const Check& c,
                          const NotWith& others, std::vector<lint::Diagnostic>& out) const;
  Requirement req_;
};

}  // namespace enclint::rules
