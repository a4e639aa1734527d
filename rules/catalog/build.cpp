// CodeBuild encrypts build artifacts and S3 build logs unless a project
// switches it off, so the finding is the switch, and the fix turns it back;
// at level cmk the key must be the team's own.
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

const lint::Rule& codebuild_cmk_missing() {
  static const RequirementRule rule{Requirement{
      .info =
          {
              .id = "ENC805",
              .name = "codebuild-cmk-missing",
              .summary = "CodeBuild project without a customer managed EncryptionKey (level cmk)",
              .resource_types = {"AWS::CodeBuild::Project"},
              .level = lint::Level::Cmk,
              .fix = lint::FixAvailability::Unsafe,
              .fix_options = {"kms-key"},
              .peers = {{"cfn_nag", "W32"}, {"cfn-guard", "CODEBUILD_ENCRYPTION_KEY_RULE"}},
              .doc = R"(## What it does
At policy level `cmk` only: checks that every `AWS::CodeBuild::Project` sets
`EncryptionKey` to a customer managed key (not the AWS managed key
`alias/aws/s3`).

## Why is this bad?
Without `EncryptionKey` CodeBuild encrypts the build output and the S3 build
logs with the AWS managed key for S3, whose policy you cannot change: you
cannot limit who may decrypt the artifacts, nor let another account (a
deployment pipeline elsewhere) read them.

## Example
```yaml
Build:
  Type: AWS::CodeBuild::Project
  Properties:
    Artifacts:
      Type: S3
      Location: !Ref ArtifactBucket
```

## Use instead
```yaml
Build:
  Type: AWS::CodeBuild::Project
  Properties:
    Artifacts:
      Type: S3
      Location: !Ref ArtifactBucket
    EncryptionKey: !GetAtt ArtifactKey.Arn
```

## Fix safety
Unsafe (`--unsafe-fixes`), and only with `--kms-key`: the project is updated
in place, but its service role then needs `kms:GenerateDataKey` and
`kms:Decrypt` on the key, or its builds fail, and whatever reads the
artifacts needs `kms:Decrypt` too.

## References
- https://docs.aws.amazon.com/codebuild/latest/userguide/security-encryption.html
- https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-codebuild-project.html
)",
          },
      .label = named<kProject>,
      .checks = {{
          .kind = RequirementKind::KeyRequired,
          .key = "EncryptionKey",
          .unsafe_insert = always_unsafe,
          .why = "its artifacts and S3 logs are encrypted with the AWS managed key for S3; policy "
                 "level cmk requires a customer managed key",
      }},
  }};
  return rule;
}

}  // namespace enclint::rules::catalog
