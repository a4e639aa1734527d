// The layout matrix: generate each layout a real template uses — indent
// widths x sequence styles x CRLF x BOM x final newline x comments x the kind
// of last property; sequences under tags or over several lines, quoted keys
// and `{ }`; JSON with 2/4 spaces, tabs or minified, `"Key" : v` and `{ }` —
// run the fixer on each, and check, independently of the fixer's
// own verification: only insertions; the result parses and holds exactly the
// documented blocks where they belong and nothing else changed; line endings,
// BOM and final newline kept; nothing fixable left; a second run is a no-op.
#include <catch2/catch.hpp>

#include <cctype>

#include "engine/fix_loop.hpp"
#include "fix/apply.hpp"
#include "layout_matrix.hpp"
#include "lint/linter.hpp"
#include "model/value.hpp"
#include "rules/registry.hpp"
#include "support.hpp"

namespace enclint::testing::matrix {

using model::Value;

std::string quote_key(const std::string& line) {
  std::size_t at = line.find_first_not_of(' ');
  if (at == std::string::npos || line[at] == '#') return line;
  if (line.compare(at, 2, "- ") == 0) at += 2;
  std::size_t colon = line.find(':', at);
  if (colon == std::string::npos || colon == at) return line;
  for (std::size_t i = at; i < colon; ++i)
    if (!std::isalnum(static_cast<unsigned char>(line[i]))) return line;
  return line.substr(0, at) + "\"" + line.substr(at, colon - at) + "\"" + line.substr(colon);
}

namespace {

std::string finish(std::vector<std::string> lines, bool crlf, bool bom, bool final_newline) {
  std::string nl = crlf ? "\r\n" : "\n";
  std::string out = bom ? "\xEF\xBB\xBF" : "";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += lines[i];
    if (i + 1 < lines.size() || final_newline) out += nl;
  }
  return out;
}

}  // namespace

std::string yaml_template(const Layout& l) {
  auto ind = [&](int level) { return std::string(static_cast<std::size_t>(level * l.width), ' '); };
  int so = l.indented_seq ? l.width : 0;  // dash offset from its key
  auto seq = [&](int key_level) {
    return std::string(static_cast<std::size_t>(key_level * l.width + so), ' ');
  };
  std::string inline_comment = l.comments == 1 ? "  # keep this comment" : "";
  std::vector<std::string> v{"AWSTemplateFormatVersion: '2010-09-09'", "# Layout " + l.name()};
  if (l.other_seqs == 1) {  // the dashes 5 columns in, the tag far to the right of its key
    v.push_back("Conditions:");
    for (const char* c : {"IsProduction", "IsStaging", "IsTest", "IsDevelopment", "IsLocal"})
      v.insert(v.end(), {ind(1) + c + ": !Equals", ind(1) + "     - !Ref AWS::Region",
                         ind(1) + "     - eu-west-1"});
  }
  if (l.other_seqs == 2) {
    v.insert(v.end(), {"Metadata:", ind(1) + "Lists:"});
    for (const char* c : {"First", "Second", "Third", "Fourth", "Fifth"})
      v.insert(v.end(),
               {ind(2) + c + ": [", ind(2) + "       a,", ind(2) + "       b", ind(2) + "  ]"});
  }
  v.push_back("Resources:");
  // T1: a table whose last property varies.
  v.insert(v.end(), {ind(1) + "T1:", ind(2) + "Type: AWS::DynamoDB::Table",
                     ind(2) + "Properties:", ind(3) + "TableName: t1"});
  if (l.last_kind == 0) v.push_back(ind(3) + "BillingMode: PAY_PER_REQUEST" + inline_comment);
  if (l.last_kind == 1) {
    v.insert(v.end(), {ind(3) + "Description: |" + inline_comment, ind(4) + "first line", "",
                       ind(4) + "third: line"});
  }
  if (l.last_kind == 2) {
    v.insert(v.end(), {ind(3) + "KeySchema:", seq(3) + "- AttributeName: id",
                       seq(3) + "  KeyType: HASH" + inline_comment});
  }
  if (l.comments == 2) v.insert(v.end(), {ind(3) + "# after the last property", "# at column 0"});
  // B1: no Properties, DeletionPolicy last.
  v.insert(v.end(), {ind(1) + "B1:", ind(2) + "Type: AWS::S3::Bucket",
                     ind(2) + "DeletionPolicy: Retain" + inline_comment});
  // B2: `Properties:` with nothing.
  v.insert(v.end(), {ind(1) + "B2:", ind(2) + "Type: AWS::S3::Bucket",
                     ind(2) + "Properties:" + inline_comment});
  // B3: one-line flow; B4: multi-line flow; B6: {}.
  v.insert(v.end(), {ind(1) + "B3:", ind(2) + "Type: AWS::S3::Bucket",
                     ind(2) + "Properties: {BucketName: b3}"});
  v.insert(v.end(),
           {ind(1) + "B4:", ind(2) + "Type: AWS::S3::Bucket", ind(2) + "Properties: {",
            ind(3) + "BucketName: b4,", ind(3) + "Tags: [{Key: k, Value: v}]", ind(2) + "}"});
  v.insert(v.end(), {ind(1) + "B6:", ind(2) + "Type: AWS::S3::Bucket",
                     ind(2) + (l.spaced_braces ? "Properties: { }" : "Properties: {}")});
  // B5: an encryption rule without BucketKeyEnabled.
  v.insert(v.end(), {ind(1) + "B5:", ind(2) + "Type: AWS::S3::Bucket", ind(2) + "Properties:",
                     ind(3) + "BucketEncryption:", ind(4) + "ServerSideEncryptionConfiguration:",
                     seq(4) + "- ServerSideEncryptionByDefault:",
                     seq(4) + "  " + ind(1) + "SSEAlgorithm: aws:kms" + inline_comment});
  if (l.comments == 2) v.push_back(ind(3) + "# trailing comment");
  // Other data stores: a Kinesis stream, an Athena workgroup (three levels
  // deep), an EBS volume in a launch template's list, a queue without Properties.
  v.insert(v.end(), {ind(1) + "K1:", ind(2) + "Type: AWS::Kinesis::Stream",
                     ind(2) + "Properties:", ind(3) + "ShardCount: 1" + inline_comment});
  v.insert(v.end(), {ind(1) + "A1:", ind(2) + "Type: AWS::Athena::WorkGroup",
                     ind(2) + "Properties:", ind(3) + "Name: a1",
                     ind(3) + "WorkGroupConfiguration:", ind(4) + "ResultConfiguration:",
                     ind(5) + "OutputLocation: s3://results/a1/" + inline_comment});
  v.insert(v.end(), {ind(1) + "L1:", ind(2) + "Type: AWS::EC2::LaunchTemplate",
                     ind(2) + "Properties:", ind(3) + "LaunchTemplateData:",
                     ind(4) + "BlockDeviceMappings:", seq(4) + "- DeviceName: /dev/xvda",
                     seq(4) + "  Ebs:", seq(4) + "  " + ind(1) + "VolumeSize: 8" + inline_comment});
  v.insert(v.end(), {ind(1) + "Q1:", ind(2) + "Type: AWS::SQS::Queue"});
  if (l.comments == 2) v.push_back("# before the last resource");
  // T2: SSESpecification without SSEEnabled; the file's last line.
  v.insert(v.end(), {ind(1) + "T2:", ind(2) + "Type: AWS::DynamoDB::Table", ind(2) + "Properties:",
                     ind(3) + "SSESpecification:", ind(4) + "SSEType: KMS" + inline_comment});
  if (l.quoted_keys)
    for (std::string& line : v) line = quote_key(line);
  return finish(v, l.crlf, l.bom, l.final_newline);
}

namespace {

// A tiny pretty printer for the JSON variants (independent of the fixer's).
void json(std::string& out, const Value& v, const JsonLayout& l, const std::string& indent) {
  std::string nl = l.minified ? "" : (l.crlf ? "\r\n" : "\n");
  std::string inner = l.minified ? "" : indent + l.unit;
  std::string colon = l.minified ? ":" : l.spaced_colon ? " : " : ": ";
  if (v.kind == Value::Kind::Map || v.kind == Value::Kind::Seq) {
    bool map = v.kind == Value::Kind::Map;
    std::size_t n = map ? v.entries.size() : v.items.size();
    out += map ? "{" : "[";
    for (std::size_t i = 0; i < n; ++i) {
      out += nl + inner;
      if (map) out += "\"" + v.entries[i].first + "\"" + colon;
      json(out, map ? v.entries[i].second : v.items[i], l, inner);
      if (i + 1 < n) out += ",";
    }
    if (n) out += nl + (l.minified ? "" : indent);
    if (!n && l.spaced_braces) out += " ";
    out += map ? "}" : "]";
    return;
  }
  out += v.kind == Value::Kind::Bool ? v.scalar : "\"" + v.scalar + "\"";
}

Value S(const char* s) { return Value::string(s); }

Value json_base() {
  auto res = [](const char* type, std::vector<std::pair<std::string, Value>> more) {
    std::vector<std::pair<std::string, Value>> e{{"Type", S(type)}};
    for (auto& m : more) e.push_back(std::move(m));
    return Value::map(std::move(e));
  };
  return Value::map(
      {{"AWSTemplateFormatVersion", S("2010-09-09")},
       {"Resources",
        Value::map(
            {{"T1",
              res("AWS::DynamoDB::Table", {{"Properties", Value::map({{"TableName", S("t1")}})}})},
             {"B1", res("AWS::S3::Bucket", {{"DeletionPolicy", S("Retain")}})},
             {"B6", res("AWS::S3::Bucket", {{"Properties", Value::map({})}})},
             {"B5",
              res("AWS::S3::Bucket",
                  {{"Properties",
                    Value::map({{"BucketEncryption",
                                 Value::map({{"ServerSideEncryptionConfiguration",
                                              Value::seq({Value::map(
                                                  {{"ServerSideEncryptionByDefault",
                                                    Value::map({{"SSEAlgorithm",
                                                                 S("aws:kms")}})}})})}})}})}})},
             {"K1",
              res("AWS::Kinesis::Stream", {{"Properties", Value::map({{"ShardCount", S("1")}})}})},
             {"A1", res("AWS::Athena::WorkGroup",
                        {{"Properties",
                          Value::map({{"Name", S("a1")},
                                      {"WorkGroupConfiguration",
                                       Value::map({{"ResultConfiguration",
                                                    Value::map({{"OutputLocation",
                                                                 S("s3://results/a1/")}})}})}})}})},
             {"L1",
              res("AWS::EC2::LaunchTemplate",
                  {{"Properties",
                    Value::map({{"LaunchTemplateData",
                                 Value::map({{"BlockDeviceMappings",
                                              Value::seq({Value::map(
                                                  {{"DeviceName", S("/dev/xvda")},
                                                   {"Ebs", Value::map({{"VolumeSize",
                                                                        S("8")}})}})})}})}})}})},
             {"Q1", res("AWS::SQS::Queue", {})},
             {"T2",
              res("AWS::DynamoDB::Table",
                  {{"Properties", Value::map({{"SSESpecification",
                                               Value::map({{"SSEType", S("KMS")}})}})}})}})}});
}

Value* at(Value& v, std::initializer_list<const char*> keys) {
  Value* cur = &v;
  for (const char* k : keys) {
    Value* next = nullptr;
    for (auto& [key, child] : cur->entries)
      if (key == k) next = &child;
    if (!next) return nullptr;
    cur = next;
  }
  return cur;
}

Value to_value(const std::string& text) {
  auto loaded = model::load(testing::make_source(text));
  REQUIRE(loaded.tpl);
  Value v;
  std::size_t budget = 1'000'000;
  REQUIRE(model::to_value(loaded.tpl->doc(), loaded.tpl->doc().root(), v, budget));
  return v;
}

void erase_key(Value& map, const char* key) {
  auto& e = map.entries;
  e.erase(std::remove_if(e.begin(), e.end(), [&](const auto& kv) { return kv.first == key; }),
          e.end());
}

const Value kSse = Value::map({{"SSEEnabled", Value::boolean(true)}, {"SSEType", S("KMS")}});
const Value kEncryption =
    Value::map({{"ServerSideEncryptionConfiguration",
                 Value::seq({Value::map({{"ServerSideEncryptionByDefault",
                                          Value::map({{"SSEAlgorithm", S("AES256")}})},
                                         {"BucketKeyEnabled", Value::boolean(true)}})})}});

const Value kStreamEncryption = Value::map(
    {{"EncryptionType", Value::string("KMS")}, {"KeyId", Value::string("alias/aws/kinesis")}});

}  // namespace

std::string json_text(const JsonLayout& l) {
  std::string body;
  json(body, json_base(), l, "");
  return body;
}

// Checks the fixed text against the original, then strips what the fixes
// must have added and requires the rest to be the original, unchanged.
void check_fixed(const std::string& original, const std::string& fixed, bool crlf,
                 std::initializer_list<const char*> buckets, bool has_b2) {
  CHECK(fix::is_insert_only(original, fixed));
  bool bom = original.rfind("\xEF\xBB\xBF", 0) == 0;
  CHECK((fixed.rfind("\xEF\xBB\xBF", 0) == 0) == bom);
  CHECK((!fixed.empty() && fixed.back() == '\n') == (!original.empty() && original.back() == '\n'));
  for (std::size_t i = 0; i < fixed.size(); ++i) {
    if (fixed[i] != '\n') continue;
    bool cr = i > 0 && fixed[i - 1] == '\r';
    if (cr != crlf) {
      FAIL_CHECK("line ending changed at byte " << i);
      break;
    }
  }
  Value got = to_value(fixed);
  Value want = to_value(original);
  REQUIRE(at(got, {"Resources", "T1", "Properties", "SSESpecification"}));
  CHECK(model::equivalent(*at(got, {"Resources", "T1", "Properties", "SSESpecification"}), kSse));
  erase_key(*at(got, {"Resources", "T1", "Properties"}), "SSESpecification");
  for (const char* b : buckets) {
    INFO(b);
    Value* enc = at(got, {"Resources", b, "Properties", "BucketEncryption"});
    REQUIRE(enc);
    CHECK(model::equivalent(*enc, kEncryption));
    erase_key(*at(got, {"Resources", b, "Properties"}), "BucketEncryption");
  }
  erase_key(*at(got, {"Resources", "B1"}), "Properties");             // B1 had none
  if (has_b2) *at(got, {"Resources", "B2", "Properties"}) = Value();  // was `Properties:`
  Value* rule = at(got, {"Resources", "B5", "Properties", "BucketEncryption",
                         "ServerSideEncryptionConfiguration"});
  REQUIRE(rule);
  REQUIRE(rule->items.size() == 1);
  REQUIRE(rule->items[0].find("BucketKeyEnabled"));
  CHECK(rule->items[0].find("BucketKeyEnabled")->scalar == "true");
  erase_key(rule->items[0], "BucketKeyEnabled");
  Value* k1 = at(got, {"Resources", "K1", "Properties", "StreamEncryption"});
  REQUIRE(k1);
  CHECK(model::equivalent(*k1, kStreamEncryption));
  erase_key(*at(got, {"Resources", "K1", "Properties"}), "StreamEncryption");
  Value* a1 = at(got, {"Resources", "A1", "Properties", "WorkGroupConfiguration",
                       "ResultConfiguration", "EncryptionConfiguration"});
  REQUIRE(a1);
  CHECK(model::equivalent(*a1, Value::map({{"EncryptionOption", S("SSE_S3")}})));
  erase_key(
      *at(got, {"Resources", "A1", "Properties", "WorkGroupConfiguration", "ResultConfiguration"}),
      "EncryptionConfiguration");
  Value* mappings =
      at(got, {"Resources", "L1", "Properties", "LaunchTemplateData", "BlockDeviceMappings"});
  REQUIRE(mappings);
  REQUIRE(mappings->items.size() == 1);
  Value* ebs = at(mappings->items[0], {"Ebs"});
  REQUIRE(ebs);
  REQUIRE(ebs->find("Encrypted"));
  CHECK(ebs->find("Encrypted")->scalar == "true");
  erase_key(*ebs, "Encrypted");
  Value* q1 = at(got, {"Resources", "Q1", "Properties"});
  REQUIRE(q1);
  CHECK(model::equivalent(*q1, Value::map({{"SqsManagedSseEnabled", Value::boolean(true)}})));
  erase_key(*at(got, {"Resources", "Q1"}), "Properties");  // Q1 had none
  Value* t2 = at(got, {"Resources", "T2", "Properties", "SSESpecification"});
  REQUIRE(t2);
  REQUIRE(t2->find("SSEEnabled"));
  CHECK(t2->find("SSEEnabled")->scalar == "true");
  erase_key(*t2, "SSEEnabled");
  CHECK(model::equivalent(got, want));
}

std::string run_fix(const std::string& text) {
  auto loaded = model::load(testing::make_source(text));
  INFO(loaded.message);
  REQUIRE(loaded.tpl);
  auto diags = lint::run_rules(*loaded.tpl, rules::all(), {});
  auto result = engine::fix_loop(*loaded.tpl, diags, rules::all(), {}, false);
  INFO(result.error);
  REQUIRE(result.ok);
  for (const auto& d : result.remaining) CHECK_FALSE(engine::fix_allowed(d, false));
  auto streamed =
      engine::fix_loop(*loaded.tpl, diags, rules::all(), {}, false, /*stream_verify_from=*/0);
  INFO("streamed: " << streamed.error);
  CHECK(streamed.ok);
  CHECK(streamed.text() == result.text());
  return std::string(result.text());
}

}  // namespace enclint::testing::matrix

using namespace enclint::testing::matrix;

TEST_CASE("layout matrix: YAML variants") {
  int variants = 0;
  for (int width : {2, 3, 4})
    for (bool indented : {true, false})
      for (bool crlf : {false, true})
        for (bool bom : {false, true})
          for (bool eol : {true, false})
            for (int comments : {0, 1, 2})
              for (int last : {0, 1, 2}) {
                Layout l{width, indented, crlf, bom, eol, comments, last};
                INFO(l.name());
                std::string original = yaml_template(l);
                std::string fixed = run_fix(original);
                check_fixed(original, fixed, crlf, {"B1", "B2", "B3", "B4", "B6"}, true);
                CHECK(run_fix(fixed) == fixed);  // idempotent
                ++variants;
              }
  CHECK(variants == 432);
}

TEST_CASE("layout matrix: JSON variants") {
  int variants = 0;
  for (std::string unit : {"  ", "    ", "\t"})
    for (bool minified : {false, true})
      for (bool crlf : {false, true})
        for (bool eol : {true, false}) {
          JsonLayout l{unit, minified, crlf, eol};
          INFO(l.name());
          std::string original = json_text(l) + (eol ? (crlf ? "\r\n" : "\n") : "");
          std::string fixed = run_fix(original);
          check_fixed(original, fixed, crlf, {"B1", "B6"}, false);
          if (minified)  // still one line
            CHECK(std::count(fixed.begin(), fixed.end(), '\n') ==
                  std::count(original.begin(), original.end(), '\n'));
          CHECK(run_fix(fixed) == fixed);
          ++variants;
        }
  CHECK(variants == 24);
}
