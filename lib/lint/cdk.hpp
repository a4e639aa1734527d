// Templates synthesized by the AWS CDK (cdk.out/*.template.json): each
// resource names the construct that made it in `Metadata: {aws:cdk:path:
// Stack/Bucket/Resource}`. Findings name that construct, and fixes are
// withheld, because the next `cdk synth` would overwrite them: the finding
// says which construct property to set instead.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lint/diagnostic.hpp"
#include "model/template.hpp"

namespace enclint::lint {

// The resource's aws:cdk:path, "" when it has none.
std::string_view cdk_path(const model::Template& tpl, const model::Resource& resource);

// True when the CDK wrote the template: a resource has an aws:cdk:path, or
// the template holds the CDK's AWS::CDK::Metadata resource.
bool generated_by_cdk(const model::Template& tpl);

// The construct a path names: "Stack/Bucket" for "Stack/Bucket/Resource"
// (the L1 resource inside an L2 construct), the path itself otherwise.
std::string_view construct_of(std::string_view cdk_path);

// For a template the CDK wrote: names each finding's construct (in
// `construct` and at the end of its message) and replaces its fix with the
// construct property to set.
void attribute_to_constructs(const model::Template& tpl, std::vector<Diagnostic>& diags);

}  // namespace enclint::lint
