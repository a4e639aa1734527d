// EBS volumes in block device mappings (ENC521 launch templates, ENC531 EC2
// instances, ENC541 launch configurations): every `Ebs` mapping of the list
// must set `Encrypted: true`, unless it names a snapshot (the volume's
// encryption then follows the snapshot's); at level cmk (ENC525, ENC535) the
// ones that write Encrypted must also name a customer managed `KmsKeyId`. One
// rule class, parameterised by what it requires, the resource type, where its
// list is, how messages name it and whether a fix is safe. The check is
// ebs_mappings.cpp (the key part ebs_mappings_keys.cpp), the rules' settings
// ebs_mappings_encrypted.cpp and ebs_mappings_keys.cpp.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/rule.hpp"
#include "rules/property.hpp"

namespace enclint::rules {

// What every checked Ebs mapping (an EBS volume not made from a snapshot)
// must set.
enum class EbsRequire {
  Encrypted,  // Encrypted: true
  // Where Encrypted is written and can be true: a KmsKeyId naming a customer
  // managed key (not absent, null, empty or alias/aws/ebs). Wrong shapes of
  // the list, its items and Ebs are left to the Encrypted rule, which runs at
  // every level.
  CustomerKey,
};

struct EbsMappings {
  lint::RuleInfo info;
  std::string_view noun;  // "launch template": how messages name the resource
  // Where the list is below Properties: "BlockDeviceMappings", or
  // "LaunchTemplateData/BlockDeviceMappings" for B inside A.
  std::string_view list;
  // Whether setting Encrypted where it is absent is unsafe: the property is
  // create-only, so CloudFormation replaces the resource. Replacing a wrong
  // value is always unsafe (someone wrote it).
  bool unsafe_insert = false;
  // After the problems: what AWS does without the setting, and what a fix
  // does to the deployed resource.
  std::string_view why;
  EbsRequire require = EbsRequire::Encrypted;
};

class EbsMappingsRule final : public lint::Rule {
 public:
  explicit EbsMappingsRule(EbsMappings m) : m_(std::move(m)) {}
  const lint::RuleInfo& info() const override { return m_.info; }
  void check(const lint::CheckContext& ctx, std::vector<lint::Diagnostic>& out) const override;

 private:
  // One Ebs mapping (`empty`: `Ebs:` with nothing after it), named `volume`.
  void check_ebs(const lint::CheckContext& ctx, const model::Resource& r, const std::string& volume,
                 const PropertyValue& ebs, bool empty, std::vector<lint::Diagnostic>& out) const;
  // The key of one Ebs mapping (EbsRequire::CustomerKey), given the ways its
  // Encrypted turns out where there is no snapshot; `snapshot_written`: a
  // SnapshotId is written but not always set. In ebs_mappings_keys.cpp.
  void check_key(const lint::CheckContext& ctx, const model::Resource& r, const std::string& volume,
                 const PropertyValue& ebs, const std::vector<PropertyValue>& encrypted,
                 bool snapshot_written, std::vector<lint::Diagnostic>& out) const;
  EbsMappings m_;
};

// Shared by ebs_mappings*.cpp: where a finding about a setting absent from
// the Ebs mapping `ebs` points (its `Ebs` key, else the mapping: an Fn::If
// branch).
yaml::NodeId ebs_location(const yaml::Document& doc, const PropertyValue& ebs);

const lint::Rule& launch_template_ebs_encryption_disabled();       // ENC521
const lint::Rule& launch_template_ebs_cmk_missing();               // ENC525
const lint::Rule& instance_ebs_encryption_disabled();              // ENC531
const lint::Rule& instance_ebs_cmk_missing();                      // ENC535
const lint::Rule& launch_configuration_ebs_encryption_disabled();  // ENC541

}  // namespace enclint::rules
