// The model owns the template's parts: rules and the evaluator ask it for
// parameters, conditions, Metadata and SAM Globals instead of reading the
// document's top level themselves.
#include <catch2/catch.hpp>

#include "model/template.hpp"
#include "support.hpp"

using namespace enclint;

TEST_CASE("template: parameters, conditions, metadata and SAM Globals by type") {
  auto loaded = model::load(testing::make_source(
      "Transform: AWS::Serverless-2016-10-31\n"
      "Metadata: {cfn-enclint: {suppress: []}}\n"
      "Parameters:\n"
      "  Env: {Type: String, Default: dev, AllowedValues: [dev, prod]}\n"
      "  Free: {Type: String}\n"
      "  Empty: {Type: String, AllowedValues: []}\n"
      "Conditions:\n"
      "  IsProd: !Equals [!Ref Env, prod]\n"
      "Globals:\n"
      "  Function: {Timeout: 3}\n"
      "  SimpleTable: {SSESpecification: {SSEEnabled: true}}\n"
      "Resources:\n"
      "  T:\n"
      "    Type: AWS::Serverless::SimpleTable\n"
      "    Metadata: {note: x}\n"));
  REQUIRE(loaded.tpl);
  const model::Template& t = *loaded.tpl;
  const auto& doc = t.doc();

  REQUIRE(t.parameters().size() == 3);
  const model::Parameter* env = t.parameter("Env");
  REQUIRE(env);
  CHECK(env->type == "String");
  CHECK(doc.text(env->default_value) == "dev");
  REQUIRE(env->allowed_values != yaml::kNone);
  CHECK(doc[env->allowed_values].children().size() == 2);
  REQUIRE(t.parameter("Free"));
  CHECK(t.parameter("Free")->allowed_values == yaml::kNone);
  CHECK(t.parameter("Free")->default_value == yaml::kNone);
  // An empty AllowedValues list allows nothing we can enumerate: as if absent.
  CHECK(t.parameter("Empty")->allowed_values == yaml::kNone);
  CHECK(t.parameter("Missing") == nullptr);

  CHECK(t.condition("IsProd") != yaml::kNone);
  CHECK(doc[t.condition("IsProd")].tag() == "!Equals");
  CHECK(t.condition("IsDev") == yaml::kNone);

  CHECK(doc.is_map(t.metadata()));
  REQUIRE(t.resources().size() == 1);
  CHECK(doc.text(doc.get(t.resources()[0].metadata, "note")) == "x");

  CHECK(doc.get(doc.get(t.globals_for("AWS::Serverless::SimpleTable"), "SSESpecification"),
                "SSEEnabled") != yaml::kNone);
  CHECK(doc.text(doc.get(t.globals_for("AWS::Serverless::Function"), "Timeout")) == "3");
  CHECK(t.globals_for("AWS::Serverless::Api") == yaml::kNone);
  // Globals are SAM's: a CloudFormation type never takes them.
  CHECK(t.globals_for("AWS::DynamoDB::Table") == yaml::kNone);
  CHECK(t.globals_for("Function") == yaml::kNone);
}

TEST_CASE("template: no parts, or parts of the wrong shape") {
  auto loaded = model::load(testing::make_source(
      "AWSTemplateFormatVersion: '2010-09-09'\nParameters: [a]\nConditions: x\nGlobals: 3\n"
      "Resources: {}\n"));
  REQUIRE(loaded.tpl);
  CHECK(loaded.tpl->parameters().empty());
  CHECK(loaded.tpl->condition("a") == yaml::kNone);
  CHECK(loaded.tpl->metadata() == yaml::kNone);
  CHECK(loaded.tpl->globals_for("AWS::Serverless::Function") == yaml::kNone);
}
