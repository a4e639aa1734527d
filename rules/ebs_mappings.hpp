// EBS volumes in block device mappings (ENC521 launch templates, ENC531 EC2
// instances, ENC541 launch configurations): every `Ebs` mapping of the list
// must set `Encrypted: true`, unless it names a snapshot (the volume's
// encryption then follows the snapshot's). One rule class, parameterised by
// the resource type, where its list is, how messages name it and whether a
// fix is safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/rule.hpp"
#include "rules/property.hpp"

namespace enclint::rules {

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
  EbsMappings m_;
};

const lint::Rule& launch_template_ebs_encryption_disabled();       // ENC521
const lint::Rule& instance_ebs_encryption_disabled();              // ENC531
const lint::Rule& launch_configuration_ebs_encryption_disabled();  // ENC541

}  // namespace enclint::rules
