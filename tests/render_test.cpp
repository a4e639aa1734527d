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
