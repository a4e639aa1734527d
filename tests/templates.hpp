// Templates the robustness and reliability tests share: the smallest one
// with a finding (a bucket without BucketEncryption: ENC201 at 5:5).
#pragma once

#include <string>

namespace enclint::testing {

inline const std::string kHead = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";
inline const std::string kBucket =
    kHead + "  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: b\n";

}  // namespace enclint::testing
