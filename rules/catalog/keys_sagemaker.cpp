// SageMaker notebook instances and endpoint configs (ENC75x): their ML
// storage volumes are always encrypted; at level cmk with a key of the team's
// own. KmsKeyId is create-only for both, so every fix replaces the resource;
// an endpoint config on instance types with local NVMe storage takes no key.
#include "rules/catalog/keys_compute.hpp"

#include <array>

#include "rules/property.hpp"
#include "rules/requirement.hpp"
#include "rules/support.hpp"

namespace enclint::rules::catalog {

namespace {

using K = model::Possibility::Kind;

constexpr char kNotebook[] = "SageMaker notebook instance";
constexpr char kEndpointConfig[] = "SageMaker endpoint config";

// ml.<family>.<size> with local NVMe instance storage: families with a `d`
// among the attributes after the generation (ml.m5d, ml.c6gd, ml.g4dn,
// ml.p3dn, ml.p4d, ml.p4de), and those whose name does not say so.
bool local_storage(std::string_view type) {
  if (type.rfind("ml.", 0) != 0) return false;
  std::string_view family = type.substr(3, type.find('.', 3) - 3);
  std::size_t digit = family.find_first_of("0123456789");
  if (digit == std::string_view::npos) return false;
  std::size_t attrs = family.find_first_not_of("0123456789", digit);
  if (attrs != std::string_view::npos && family.substr(attrs).find('d') != std::string_view::npos)
    return true;
  static constexpr std::array<std::string_view, 10> kUnnamed = {
      "g5", "g6", "g6e", "gr6", "p5", "p5e", "p5en", "trn1", "trn1n", "trn2"};
  for (std::string_view f : kUnnamed)
    if (family == f) return true;
  return false;
}

// Why an endpoint config takes no KmsKeyId: a variant's InstanceType with
// local storage, or one that cannot be known; "" when every one can take it.
std::string endpoint_takes_no_key(const lint::CheckContext& ctx, const model::Resource& r) {
  const auto& doc = ctx.tpl.doc();
  std::string undecided;
  for (std::string_view list : {"ProductionVariants", "ShadowProductionVariants"}) {
    for (const PropertyValue& variants : property(ctx, r, list)) {
      if (variants.value.kind == K::AnyParameter || variants.value.kind == K::Unknown) {
        if (undecided.empty())
          undecided = std::string(list) +
                      " cannot be checked statically, and an instance type "
                      "with local NVMe storage takes no KmsKeyId; set it by "
                      "hand where none has";
        continue;
      }
      if (variants.value.kind != K::Node || !doc.is_seq(variants.value.node)) continue;
      for (yaml::NodeId item : doc[doc.resolve(variants.value.node)].children()) {
        for (const model::Possibility& variant :
             ctx.eval().expand(item, variants.value.assumptions)) {
          if (variant.kind != K::Node || !doc.is_map(variant.node)) continue;
          yaml::NodeId written = doc.get(variant.node, "InstanceType");
          if (written == yaml::kNone) continue;  // serverless: no instance storage
          for (const model::Possibility& type : ctx.eval().expand(written, variant.assumptions)) {
            if (type.kind == K::Node && doc.is_scalar(type.node)) {
              std::string_view name = doc[doc.resolve(type.node)].value();
              if (local_storage(name))
                return std::string(list) + " uses " + std::string(name) + when(type.assumptions) +
                       ", an instance type with local NVMe storage: the instance encrypts it "
                       "itself, and CreateEndpointConfig fails with a KmsKeyId; suppress this "
                       "finding, or choose instance types with EBS storage";
            } else if ((type.kind == K::AnyParameter || type.kind == K::Unknown) &&
                       undecided.empty()) {
              undecided =
                  (type.kind == K::AnyParameter ? "InstanceType comes from parameter " + type.detail
                                                : "InstanceType is " + type.detail) +
                  when(type.assumptions) +
                  ", which may be an instance type with local NVMe storage (those take "
                  "no KmsKeyId); set it by hand if it is not";
            }
          }
        }
      }
    }
  }
  return undecided;
}

}  // namespace

const lint::Rule& sagemaker_notebook_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC751",
              .name = "sagemaker-notebook-cmk-missing",
              .summary = "SageMaker notebook instance without a customer managed key (level cmk)",
              .resource_types = {"AWS::SageMaker::NotebookInstance"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .peers = {{"cfn_nag", "W1201"},
                        {"checkov", "CKV_AWS_187"},
                        {"cfn-guard", "SAGEMAKER_NOTEBOOK_INSTANCE_KMS_KEY_CONFIGURED"}},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::SageMaker::NotebookInstance`
sets `KmsKeyId`.

## Why is this bad?
SageMaker always encrypts a notebook instance's ML storage volume; without
`KmsKeyId` it uses a key AWS manages. With a customer managed key, the
notebooks and data on the volume are under a key policy of yours, and every
use of the key is recorded in CloudTrail.

## Example
```yaml
Workbench:
  Type: AWS::SageMaker::NotebookInstance
  Properties:
    InstanceType: ml.t3.medium
    RoleArn: !GetAtt NotebookRole.Arn
```

## Use instead
```yaml
Workbench:
  Type: AWS::SageMaker::NotebookInstance
  Properties:
    InstanceType: ml.t3.medium
    RoleArn: !GetAtt NotebookRole.Arn
    KmsKeyId: !Ref NotebookKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: `KmsKeyId` is
create-only, so CloudFormation **replaces** the notebook instance — a new one
with a new, empty ML storage volume; the notebooks and files saved on the old
volume are lost unless they were copied elsewhere first. The key policy must
let SageMaker use the key.

## References
- https://docs.aws.amazon.com/sagemaker/latest/dg/encryption-at-rest-nbi.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-notebookinstance.html
)",
          },
      .label = named<kNotebook>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsKeyId",
          .unsafe_insert = always_unsafe,
          .why = "its ML storage volume is encrypted with a key AWS manages; policy level cmk "
                 "requires a customer managed key, and setting it replaces the notebook "
                 "instance (the files on its volume are lost)",
      }},
  }};
  return rule;
}

const lint::Rule& sagemaker_endpoint_config_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC752",
              .name = "sagemaker-endpoint-config-cmk-missing",
              .summary = "SageMaker endpoint config without a customer managed key (level cmk)",
              .resource_types = {"AWS::SageMaker::EndpointConfig"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .peers = {{"cfn_nag", "W1200"},
                        {"cfn-guard", "SAGEMAKER_ENDPOINT_CONFIGURATION_KMS_KEY_CONFIGURED"}},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::SageMaker::EndpointConfig`
sets `KmsKeyId`.

## Why is this bad?
SageMaker always encrypts the ML storage volumes of the instances that host
an endpoint; without `KmsKeyId` it uses a key AWS manages. With a customer
managed key, the model data on those volumes is under a key policy of yours.

Instance types with local NVMe storage (`ml.g4dn`, `ml.g5`, `ml.p3dn`,
`ml.p4d`, the `d` families such as `ml.m5d` or `ml.c6gd`, ...) encrypt that
storage in hardware and take no `KmsKeyId`: CreateEndpointConfig fails with
one. Where a variant's `InstanceType` is one of them, or cannot be known
statically, the finding gets no fix and says why; suppress it, or move to an
instance type with EBS storage. The families this rule knows are those named
above and `ml.g6`, `ml.g6e`, `ml.gr6`, `ml.p5`, `ml.p5e`, `ml.p5en`,
`ml.trn1`, `ml.trn1n` and `ml.trn2`; check a newer type's storage in the EC2
instance type list.

## Example
```yaml
ServingConfig:
  Type: AWS::SageMaker::EndpointConfig
  Properties:
    ProductionVariants:
      - VariantName: main
        ModelName: !GetAtt Model.ModelName
        InstanceType: ml.m5.large
        InitialInstanceCount: 1
```

## Use instead
```yaml
ServingConfig:
  Type: AWS::SageMaker::EndpointConfig
  Properties:
    ProductionVariants:
      - VariantName: main
        ModelName: !GetAtt Model.ModelName
        InstanceType: ml.m5.large
        InitialInstanceCount: 1
    KmsKeyId: !Ref ServingKey
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: `KmsKeyId` is
create-only, so CloudFormation **replaces** the endpoint config, and an
endpoint that uses it is updated onto new instances (a blue/green
deployment). The key policy must let the identity that calls
`CreateEndpoint` and `UpdateEndpoint` (CloudFormation's, when it deploys the
endpoint) use the key, or the endpoint fails to deploy.

## References
- https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_CreateEndpointConfig.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-sagemaker-endpointconfig.html
)",
          },
      .label = named<kEndpointConfig>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "KmsKeyId",
          .unsafe_insert = always_unsafe,
          .why = "its ML storage volumes are encrypted with a key AWS manages; policy level cmk "
                 "requires a customer managed key, except on instance types with local NVMe "
                 "storage, which take none",
          .takes_no_key = endpoint_takes_no_key,
      }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
