// The verifier that stands between a fix and the disk (fix/verify): it must
// accept exactly "the original plus the additions" and refuse anything else.
// The texts are written by hand; the verifier never sees what the fixer made.
#include <catch2/catch.hpp>

#include "fix/stream_verify.hpp"
#include "fix/verify.hpp"
#include "model/value.hpp"
#include "support.hpp"
#include "yaml/parser.hpp"

using namespace enclint;
using model::Value;

namespace {

yaml::Document parse(const std::string& text) {
  auto src = testing::make_source(text);
  yaml::ParseResult r = yaml::parse(*src);
  REQUIRE_FALSE(r.error);
  REQUIRE(r.document);
  return std::move(*r.document);
}

fix::Addition addition(std::vector<std::string> path, std::string key, Value value) {
  fix::Addition a;
  for (auto& p : path) {
    fix::PathStep step;
    if (!p.empty() && p.find_first_not_of("0123456789") == std::string::npos)
      step.index = std::stoi(p);
    else
      step.key = p;
    a.path.push_back(step);
  }
  a.key = std::move(key);
  a.value = std::make_shared<const Value>(std::move(value));
  return a;
}

// Both verifiers, which must agree; returns the tree verifier's answer.
std::optional<std::string> verify(const std::string& before, const std::string& after,
                                  std::vector<fix::Addition> additions) {
  yaml::Document a = parse(before), b = parse(after);
  fix::Fix f;
  f.additions = std::move(additions);
  auto tree = fix::verify_additions(a, b, {&f});
  auto fixed = testing::make_source(after);
  fix::StreamVerdict streamed = fix::verify_additions_streaming(a, *fixed, {&f});
  CHECK_FALSE(streamed.parse_error);
  CHECK(streamed.ok() == !tree.has_value());
  if (tree && streamed.mismatch) CHECK(*streamed.mismatch == *tree);
  return tree;
}

const Value kBucketKey = Value::boolean(true);
const std::string kBucket =
    "Resources:\n"
    "  B:\n"
    "    Type: AWS::S3::Bucket\n"
    "    Properties:\n"
    "      BucketEncryption:\n"
    "        ServerSideEncryptionConfiguration:\n"
    "          - ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}\n";
const std::vector<std::string> kRule = {
    "Resources", "B", "Properties", "BucketEncryption", "ServerSideEncryptionConfiguration", "0"};

}  // namespace

TEST_CASE("verify: the original plus exactly the addition passes, in any layout") {
  std::string block = kBucket + "            BucketKeyEnabled: true\n";
  CHECK_FALSE(verify(kBucket, block, {addition(kRule, "BucketKeyEnabled", kBucketKey)}));
  // The same content in flow style and with keys reordered is the same tree.
  std::string flow =
      "{Resources: {B: {Properties: {BucketEncryption: {ServerSideEncryptionConfiguration: "
      "[{BucketKeyEnabled: 'true', ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}}]}}, "
      "Type: AWS::S3::Bucket}}}";
  CHECK_FALSE(verify(kBucket, flow, {addition(kRule, "BucketKeyEnabled", kBucketKey)}));
}

TEST_CASE("verify: any other difference is refused") {
  auto add = [] { return std::vector{addition(kRule, "BucketKeyEnabled", kBucketKey)}; };
  // Nothing added.
  CHECK(verify(kBucket, kBucket, add()));
  // Added with another value.
  CHECK(verify(kBucket, kBucket + "            BucketKeyEnabled: false\n", add()));
  // Added, plus something else changed.
  std::string changed = kBucket + "            BucketKeyEnabled: true\n";
  changed.replace(changed.find("AES256"), 6, "aws:kms");
  CHECK(verify(kBucket, changed, add()));
  // Added, plus an extra key elsewhere.
  CHECK(verify(kBucket, kBucket + "            BucketKeyEnabled: true\n  X: 1\n", add()));
  // Added in the wrong place.
  CHECK(verify(kBucket, kBucket + "      BucketKeyEnabled: true\n", add()));
  // No addition expected, one made.
  CHECK(verify(kBucket, kBucket + "            BucketKeyEnabled: true\n", {}));
}

TEST_CASE("verify: an addition whose place is missing or not a mapping is refused with the path") {
  auto missing = verify(kBucket, kBucket, {addition({"Resources", "Nope"}, "K", kBucketKey)});
  REQUIRE(missing);
  CHECK_THAT(*missing, Catch::Contains("does not exist: Resources/Nope/K"));
  auto scalar = verify(kBucket, kBucket, {addition({"Resources", "B", "Type"}, "K", kBucketKey)});
  REQUIRE(scalar);
  CHECK_THAT(*scalar, Catch::Contains("not a mapping: Resources/B/Type/K"));
  auto index = verify(kBucket, kBucket,
                      {addition({"Resources", "B", "Properties", "BucketEncryption",
                                 "ServerSideEncryptionConfiguration", "3"},
                                "K", kBucketKey)});
  REQUIRE(index);
  CHECK_THAT(*index, Catch::Contains("does not exist"));
}

TEST_CASE("verify: a null becomes a mapping, an existing key is replaced") {
  std::string empty = "Resources:\n  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n";
  Value sse = Value::map({{"SSEEnabled", Value::boolean(true)}, {"SSEType", Value::string("KMS")}});
  CHECK_FALSE(verify(
      empty, empty + "      SSESpecification:\n        SSEEnabled: true\n        SSEType: KMS\n",
      {addition({"Resources", "T", "Properties"}, "SSESpecification", sse)}));
  std::string disabled =
      "Resources:\n  T:\n    Properties:\n      SSESpecification: {SSEEnabled: false}\n";
  CHECK_FALSE(verify(disabled,
                     "Resources:\n  T:\n    Properties:\n      SSESpecification: {SSEEnabled: "
                     "true, SSEType: KMS}\n",
                     {addition({"Resources", "T", "Properties"}, "SSESpecification", sse)}));
  // Replaced, but the old value kept: refused.
  CHECK(verify(disabled, disabled,
               {addition({"Resources", "T", "Properties"}, "SSESpecification", sse)}));
}

TEST_CASE("verify: short-form tags equal their long form, through tag paths") {
  std::string before = "Resources:\n  B:\n    Properties:\n      X: !If [C, {A: 1}, {A: 2}]\n";
  std::string after =
      "Resources:\n  B:\n    Properties:\n      X: {Fn::If: [C, {A: 1}, {A: 2, K: true}]}\n";
  CHECK_FALSE(
      verify(before, after,
             {addition({"Resources", "B", "Properties", "X", "Fn::If", "2"}, "K", kBucketKey)}));
  // The tag changed to another function: refused.
  std::string other =
      "Resources:\n  B:\n    Properties:\n      X: !And [C, {A: 1}, {A: 2, K: true}]\n";
  CHECK(verify(before, other,
               {addition({"Resources", "B", "Properties", "X", "Fn::If", "2"}, "K", kBucketKey)}));
  // An added !Ref equals the Value {Ref: ...}.
  std::string ref =
      "Resources:\n  B:\n    Properties:\n      X: !If [C, {A: 1}, {A: 2, K: !Ref Key}]\n";
  CHECK_FALSE(verify(
      before, ref,
      {addition({"Resources", "B", "Properties", "X", "Fn::If", "2"}, "K", Value::ref("Key"))}));
}

TEST_CASE(
    "verify: aliases are compared as what they stand for, a bomb is refused by the tree verifier") {
  std::string before = "A: &a {x: 1}\nB: *a\n";
  CHECK_FALSE(verify(before, "A: {x: 1}\nB: {x: 1}\n", {}));
  CHECK(verify(before, "A: {x: 1}\nB: {x: 2}\n", {}));
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'k'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" +
            prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + "]\n";
  }
  yaml::Document a = parse(bomb), b = parse(bomb);
  fix::Fix none;
  auto refused = fix::verify_additions(a, b, {&none});
  REQUIRE(refused);
  CHECK_THAT(*refused, Catch::Contains("too large to verify"));
  // The streaming verifier compares aliases by what they refer to: linear,
  // so the same bomb verifies, and a changed one does not.
  CHECK(fix::verify_additions_streaming(a, *testing::make_source(bomb), {&none}).ok());
  std::string changed = bomb;
  changed.replace(changed.rfind("*j"), 2, "*i");
  CHECK(fix::verify_additions_streaming(a, *testing::make_source(changed), {&none}).mismatch);
}

TEST_CASE("verify (streaming): parse errors, documents, keys and aliases") {
  yaml::Document a = parse(kBucket);
  fix::Fix none;
  auto stream = [&](const std::string& after) {
    return fix::verify_additions_streaming(a, *testing::make_source(after), {&none});
  };
  CHECK(stream(kBucket).ok());
  // Not YAML: a parse error with its place, not a mismatch.
  yaml::Document small = parse("Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
  auto broken = fix::verify_additions_streaming(  // the same in flow style, the last brace missing
      small, *testing::make_source("{Resources: {B: {Type: AWS::S3::Bucket}\n"), {&none});
  REQUIRE(broken.parse_error);
  CHECK_FALSE(broken.mismatch);
  // A second document.
  auto two = stream(kBucket + "---\nA: 1\n");
  REQUIRE(two.parse_error);
  CHECK_THAT(two.parse_error->message, Catch::Contains("more than one YAML document"));
  // A key twice (yaml-cpp lets it through; the count alone would not see it).
  yaml::Document ab = parse("A: 1\nB: 2\n");
  CHECK(
      fix::verify_additions_streaming(ab, *testing::make_source("A: 1\nA: 1\n"), {&none}).mismatch);
  CHECK(fix::verify_additions_streaming(ab, *testing::make_source("B: 2\nA: 1\n"), {&none}).ok());
  // Alias keys and collection keys ({{ templating }} left in a file).
  yaml::Document keys = parse("a: &k K\nm: {*k : 1}\nr: {{ x }}\n");
  CHECK(fix::verify_additions_streaming(
            keys, *testing::make_source("a: &k K\nm: {*k : 1}\nr: {{ x }}\n"), {&none})
            .ok());
  CHECK(fix::verify_additions_streaming(
            keys, *testing::make_source("a: &k K\nm: {*k : 2}\nr: {{ x }}\n"), {&none})
            .mismatch);
  // An alias moved to another anchor, or a cycle: refused.
  yaml::Document two_anchors = parse("a: &a {x: 1}\nb: &b {x: 1}\nc: *a\n");
  CHECK(fix::verify_additions_streaming(
            two_anchors, *testing::make_source("a: &a {x: 1}\nb: &b {x: 1}\nc: *a\n"), {&none})
            .ok());
  CHECK(fix::verify_additions_streaming(
            two_anchors, *testing::make_source("a: &a {x: 1}\nb: &b {x: 1}\nc: *b\n"), {&none})
            .mismatch);
}

TEST_CASE("verify: thousands of additions into one big (indexed) mapping") {
  std::string before = "Resources:\n", after = "Resources:\n";
  std::vector<fix::Addition> adds;
  for (int i = 0; i < 20000; ++i) {
    std::string id = "T" + std::to_string(i);
    before += "  " + id + ":\n    Properties: {A: 1}\n";
    after += "  " + id + ":\n    Properties: {A: 1, K: true}\n";
    adds.push_back(addition({"Resources", id, "Properties"}, "K", kBucketKey));
  }
  CHECK_FALSE(verify(before, after, adds));
  after.replace(after.rfind("K: true"), 7, "K: nope");
  CHECK(verify(before, after, adds));
}
