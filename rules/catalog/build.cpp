// CodeBuild encrypts build artifacts and S3 build logs unless a project
// switches it off, so the finding is the switch, and the fix turns it back.
#include "rules/catalog/build.hpp"

#include "rules/requirement.hpp"

namespace enclint::rules::catalog {

namespace {

constexpr char kProject[] = "CodeBuild project";

}  // namespace

const lint::Rule& codebuild_encryption_disabled() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC801",
              .name = "codebuild-encryption-disabled",
              .summary = "CodeBuild project with EncryptionDisabled: true on its artifacts or S3 "
                         "logs",
              .resource_types = {"AWS::CodeBuild::Project"},
              .fix = lint::FixAvailability::Unsafe,
              .peers = {{"checkov", "CKV_AWS_78"}},
              .doc = R"(## What it does
Checks that no `AWS::CodeBuild::Project` sets `EncryptionDisabled: true` in
`Artifacts` or in `LogsConfig.S3Logs` (a parameter that can be true counts
too).

## Why is this bad?
CodeBuild encrypts the build output it uploads to S3, and the build logs it
writes there, with a KMS key — the AWS managed key for S3, or the project's
`EncryptionKey`. `EncryptionDisabled: true` switches that off: the artifacts
or logs are stored as the bucket's default encryption says, without the
project's key, and build logs often hold secrets. `SecondaryArtifacts` are
not checked.

## Example
```yaml
Build:
  Type: AWS::CodeBuild::Project
  Properties:
    Artifacts:
      Type: S3
      Location: !Ref ArtifactBucket
      EncryptionDisabled: true
```

## Use instead
```yaml
Build:
  Type: AWS::CodeBuild::Project
  Properties:
    Artifacts:
      Type: S3
      Location: !Ref ArtifactBucket
      EncryptionDisabled: false
```

## Fix safety
Unsafe (`--unsafe-fixes`): the fix changes what is written — `true` (or the
parameter) becomes `false`. The project is updated in place, but whatever
reads the artifacts without KMS permissions (a static website bucket, a
deployment in another account) can no longer read them, which is often why
encryption was switched off.

## References
- https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-codebuild-project-artifacts.html
)",
          },
      .label = named<kProject>,
      .checks = {{
                     .kind = RequirementKind::NotTrue,
                     .block = "Artifacts",
                     .key = "EncryptionDisabled",
                     .why = "its build artifacts are then uploaded without CodeBuild's "
                            "encryption; set it to false",
                 },
                 {
                     .kind = RequirementKind::NotTrue,
                     .block = "LogsConfig/S3Logs",
                     .key = "EncryptionDisabled",
                     .why = "its S3 build logs are then written without CodeBuild's "
                            "encryption; set it to false",
                 }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
