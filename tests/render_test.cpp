#include <catch2/catch.hpp>

#include "fix/insert.hpp"
#include "fix/render.hpp"
#include "support.hpp"

using namespace enclint;
using model::Value;

namespace {
Value sse() {
  return Value::map({{"SSEEnabled", Value::boolean(true)}, {"SSEType", Value::string("KMS")}});
}
}  // namespace

TEST_CASE("YAML block entry at a column, nested by the file's width") {
  fix::FileStyle s;
  s.indent = 4;
  CHECK(fix::yaml_block_entry("SSESpecification", sse(), 8, s) ==
        "SSESpecification:\n            SSEEnabled: true\n            SSEType: KMS");
}

TEST_CASE("YAML sequences of mappings: dash at the sequence offset, keys two further") {
  fix::FileStyle s;
  s.indent = 2;
  s.seq_offset = 0;
  Value v = Value::map(
      {{"L", Value::seq({Value::map({{"A", Value::string("x")}, {"B", Value::boolean(true)}})})}});
  CHECK(fix::yaml_block_entry("E", v, 2, s) == "E:\n    L:\n    - A: x\n      B: true");
}

TEST_CASE("JSON pretty member with the file's unit") {
  fix::FileStyle s;
  s.json = true;
  s.json_unit = "\t";
  CHECK(fix::json_pretty_member("S", sse(), "\t\t", s) ==
        "\"S\": {\n\t\t\t\"SSEEnabled\": true,\n\t\t\t\"SSEType\": \"KMS\"\n\t\t}");
}

TEST_CASE("flow members: YAML flow, JSON spaced, JSON minified") {
  fix::FileStyle yaml_flow;
  CHECK(fix::flow_member("S", sse(), yaml_flow) == "S: {SSEEnabled: true, SSEType: KMS}");
  fix::FileStyle json;
  json.json = true;
  CHECK(fix::flow_member("S", sse(), json) ==
        "\"S\": {\"SSEEnabled\": true, \"SSEType\": \"KMS\"}");
  json.minified = true;
  json.compact = true;
  CHECK(fix::flow_member("S", sse(), json) == "\"S\":{\"SSEEnabled\":true,\"SSEType\":\"KMS\"}");
}

TEST_CASE("Ref values: !Ref in short-form YAML, a mapping in JSON") {
  fix::FileStyle yaml;
  Value key = Value::ref("MyKey");
  CHECK(fix::yaml_block_entry("KMSMasterKeyId", key, 0, yaml) == "KMSMasterKeyId: !Ref MyKey");
  yaml.short_forms = false;
  CHECK(fix::yaml_block_entry("KMSMasterKeyId", key, 0, yaml) == "KMSMasterKeyId:\n  Ref: MyKey");
  fix::FileStyle json;
  json.json = true;
  CHECK(fix::flow_member("K", key, json) == "\"K\": {\"Ref\": \"MyKey\"}");
}

TEST_CASE("YAML scalars are quoted only when plain would change their meaning") {
  CHECK(fix::yaml_scalar("AES256") == "AES256");
  CHECK(fix::yaml_scalar("aws:kms") == "aws:kms");
  CHECK(fix::yaml_scalar("arn:aws:kms:us-east-1:111122223333:key/abc") ==
        "arn:aws:kms:us-east-1:111122223333:key/abc");
  CHECK(fix::yaml_scalar("true") == "'true'");
  CHECK(fix::yaml_scalar("a: b") == "'a: b'");
  CHECK(fix::yaml_scalar("it's #1") == "'it''s #1'");
  CHECK(fix::yaml_scalar("123") == "'123'");
}

TEST_CASE("insertion declines non-mapping targets with a reason") {
  auto loaded = model::load(testing::make_source(
      "Resources:\n  C:\n    Type: x\n    Properties: 5\n  D:\n    Type: x\n    Properties: ~\n"));
  REQUIRE(loaded.tpl);
  const auto& tpl = *loaded.tpl;
  fix::FileStyle s = fix::detect_style(tpl);
  auto scalar =
      fix::plan_insert(tpl, s, tpl.resources()[0].properties, {{"K", Value::boolean(true)}});
  CHECK_FALSE(scalar.edit);
  CHECK(scalar.reason.find("not a mapping") != std::string::npos);
  auto null =
      fix::plan_insert(tpl, s, tpl.resources()[1].properties, {{"K", Value::boolean(true)}});
  CHECK_FALSE(null.edit);
  CHECK(null.reason.find("explicit null") != std::string::npos);
}

TEST_CASE("insertion declines a mapping that is an intrinsic function and names it") {
  // Each resource's Properties is the target; a key beside an intrinsic's is
  // a template CloudFormation rejects, however it verifies.
  auto loaded = model::load(testing::make_source(
      "Conditions:\n  C: !Equals [a, b]\n"
      "Resources:\n"
      "  A:\n    Type: x\n    Properties:\n      Fn::If:\n        - C\n        - {K: 1}\n"
      "        - {K: 2}\n"
      "  B:\n    Type: x\n    Properties: {Fn::If: [C, {K: 1}, {K: 2}]}\n"
      "  R:\n    Type: x\n    Properties: {Ref: P}\n"
      "  D:\n    Type: x\n    Properties:\n      Condition: C\n"
      "  T:\n    Type: x\n    Properties: !Transform {Name: AWS::Include}\n"
      "  S:\n    Type: x\n    Properties: !If [C, {K: 1}, {K: 2}]\n"
      // Not intrinsics: another key beside Fn::Transform, a key that only
      // looks like one, an empty mapping and an empty value.
      "  M:\n    Type: x\n    Properties:\n      Fn::Transform: {Name: AWS::Include}\n"
      "      K: 1\n"
      "  F:\n    Type: x\n    Properties: {Fn: 1}\n"
      "  E:\n    Type: x\n    Properties: {}\n"
      "  N:\n    Type: x\n    Properties:\n"));
  INFO(loaded.message);
  REQUIRE(loaded.tpl);
  const auto& tpl = *loaded.tpl;
  fix::FileStyle s = fix::detect_style(tpl);
  auto plan = [&](std::string_view id) {
    for (const auto& r : tpl.resources())
      if (r.logical_id == id)
        return fix::plan_insert(tpl, s, r.properties, {{"K", Value::boolean(true)}});
    FAIL("no resource " << id);
    return fix::InsertPlan{};
  };
  for (const auto& [id, fn] :
       std::vector<std::pair<std::string, std::string>>{{"A", "an Fn::If"},
                                                        {"B", "an Fn::If"},
                                                        {"R", "a Ref"},
                                                        {"D", "a Condition"},
                                                        {"T", "an Fn::Transform"}}) {
    INFO(id);
    auto p = plan(id);
    CHECK_FALSE(p.edit);
    CHECK(p.reason == "the mapping is " + fn + "; CloudFormation allows no other key beside it");
  }
  auto seq = plan("S");  // the short form is a sequence: not a mapping at all
  CHECK_FALSE(seq.edit);
  CHECK(seq.reason == "the value is not a mapping");
  for (const char* id : {"M", "F", "E", "N"}) {
    INFO(id);
    auto p = plan(id);
    CHECK(p.edit);
    CHECK(p.reason.empty());
  }
  // insert_fix plans through plan_insert and gives the same reason.
  const auto& a = tpl.resources()[0];
  REQUIRE(a.logical_id == "A");
  auto f = fix::insert_fix(tpl, s, a.properties, "K", Value::boolean(true), "Add K");
  CHECK_FALSE(f.fix);
  CHECK(f.reason == "the mapping is an Fn::If; CloudFormation allows no other key beside it");
}
