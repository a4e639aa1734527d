// An AWS CDK cloud assembly (the cdk.out directory `cdk synth` writes),
// named on the command line: its templates are the ones its manifest.json
// lists, not whatever JSON lies around (asset bundles, tree.json).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/discover.hpp"

namespace enclint::cli {

// The templates of the cloud assembly in `dir`, in manifest order: each
// `aws:cloudformation:stack` artifact's `properties.templateFile`, then the
// nested stacks' `*.nested.template.json` files beside them, then those of
// each nested assembly (`cdk:cloud-assembly`, `properties.directoryName`:
// a CDK Stage), and so on down. Nothing when `dir` holds no manifest.json
// that describes a cloud assembly (an ordinary directory is scanned as
// usual); a manifest that cannot be read is one Input in error.
std::optional<std::vector<Input>> cloud_assembly(const std::string& dir);

}  // namespace enclint::cli
