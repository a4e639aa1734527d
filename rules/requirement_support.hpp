// What the requirement kinds share (rules/requirement.cpp, the block and
// true kinds; rules/requirement_values.cpp, the kinds about one value): how
// they name values, where findings point, how fixes are inserted, and when a
// check applies at all. Internal to the rules layer.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/requirement.hpp"

namespace enclint::rules {

// A check's `not_with` properties on one resource, looked up once.
struct NotWith {
  // Written in every way they can turn out (an undecidable one counts as
  // written, rather than risk a false alarm): the check does not apply.
  bool always = false;
  // One written only under some conditions, or null or empty ("" for none):
  // inserting the setting could meet it, and CloudFormation may reject the two
  // together (an SQS queue takes SSE-SQS or a KMS key, not both).
  std::string partly;
  // The assumptions under which each is written: a possibility of the checked
  // value that implies one of them is the other kind of resource (a restore
  // from a snapshot) and is not judged.
  std::vector<model::Assumptions> when;
};

namespace detail {

// true, True, TRUE, quoted or not (CloudFormation takes the string "true" for
// a boolean): the only enabling values. yes/on/1 are not: CloudFormation does
// not read YAML 1.1 words as booleans.
bool is_true(const yaml::Document& doc, yaml::NodeId node);

std::string parameter_problem(const lint::CheckContext& ctx, std::string_view key,
                              const std::string& name);

// The mapping a fix inserting into `parent` would change is the resource's
// own Properties (or there is none yet), not one Fn::If branch of them.
bool is_properties(const yaml::Document& doc, const model::Resource& r, yaml::NodeId parent);

// "Globals.SimpleTable.SSESpecification": a place named for a person.
std::string dotted(std::string path);

// Why a value inherited from SAM Globals is not fixed here. `source`: where
// the value is (or would be) written, Globals/SimpleTable/SSESpecification/SSEEnabled.
std::string change_in_globals(const std::string& key, const std::string& source);

std::string parent_path(const PropertyValue& pv, std::string_view key);

// For a `key` that is absent from `map`: " (did you mean ...?)" when `map`
// holds a near miss (`SseSpecification`, `bucketEncryption`: other case, or
// one or two letters off), or when `resource` holds `key` itself beside its
// Properties; "" otherwise. `resource` may be kNone (a nested block).
std::string near_miss(const yaml::Document& doc, yaml::NodeId map, yaml::NodeId resource,
                      std::string_view key);

// A key written as null or "" (`KmsKeyId: ~`) gets `value` in its place, an
// unsafe replacement that says what it replaces; false (nothing attached)
// when `written` is no such value, or is shared through an alias.
bool replace_blank_key(const lint::CheckContext& ctx, yaml::NodeId written, const std::string& key,
                       model::Value value, const std::string& shown, lint::Diagnostic& d);

void mark_safety(const Check& c, lint::Diagnostic& d, const lint::FixOptions& options);

std::string insert_title(const Check& c, const lint::FixOptions& options);

// Notes on `d`'s fix that it leaves --kms-key out for `r` (Check::key_unused).
void note_unused_key(const Check& c, const lint::FixOptions& options, const model::Resource& r,
                     lint::Diagnostic& d);

// Why a BlockRequired check whose insert is null for these options gives no
// fix: its `no_insert`, else that a key is needed (at level cmk, its
// no_insert_at_cmk_reason when that applies).
std::string no_insert_reason(const Check& c, const lint::Options& options);

// Where a finding about a key missing from `parent` points: the Properties key
// (else the logical id) when `parent` is the resource's own Properties or
// there is none; else that mapping's key, else the mapping (an Fn::If branch).
std::pair<std::size_t, std::size_t> missing_at(const lint::CheckContext& ctx,
                                               const model::Resource& r, bool whole,
                                               yaml::NodeId parent);

// Adds `key: value` to `parent`, or (`whole`) to the resource's Properties,
// creating them when there are none.
void insert_into(const lint::CheckContext& ctx, const model::Resource& r, bool whole,
                 yaml::NodeId parent, const std::string& key, model::Value value, std::string title,
                 lint::Diagnostic& d);

// Every way the block at `path` ("A" or "A/B") can turn out: Properties/A,
// then B inside each mapping A can be, and so on.
std::vector<PropertyValue> block_values(const lint::CheckContext& ctx, const model::Resource& r,
                                        std::string_view path);

NotWith not_with(const lint::CheckContext& ctx, const model::Resource& r, const Check& c);

// "EncryptionConfiguration.EncryptionType is KMS or KMS_DSSE": where a check
// with only_if applies.
std::string only_where(const Check& c);

// The first of `keys` that can be true on `r` (or cannot be decided).
std::string_view can_be_true(const lint::CheckContext& ctx, const model::Resource& r,
                             const std::vector<std::string_view>& keys);

// Whether a possibility of the checked value belongs to the other kind of
// resource (its assumptions imply those under which a not_with property is written).
bool set_aside(const NotWith& others, const model::Assumptions& assumptions);

}  // namespace detail

}  // namespace enclint::rules
