// The block YAML reader (yaml/block_events) against yaml-cpp: what it takes
// must parse to the same document node for node; what it declines goes to
// yaml-cpp, with yaml-cpp's result and messages.
#include <catch2/catch.hpp>

#include "support.hpp"
#include "yaml/parser.hpp"

using enclint::testing::compare_readers;
using enclint::testing::make_source;

namespace {
const std::string kHead = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";

// Checks that both readers agree on `text`, and returns whether the block reader took it.
bool taken(const std::string& text) {
  INFO(text);
  auto src = make_source(text);
  bool fast = false;
  CHECK(compare_readers(*src, &fast) == "");
  return fast;
}
}  // namespace

TEST_CASE("block reader: the subset templates are written in, read as yaml-cpp reads it") {
  for (std::string body : {
           // Mappings, sequences at and below their key's column, compact forms.
           "  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags:\n      - Key: a\n"
           "        Value: b\n      - Key: c\n        Value: d\n",
           "  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      L:\n        - - a\n"
           "          - b\n        - c\n        -\n        - Fn::If:\n            - x\n",
           // Empty values at every place: before a key, a dedent, the end.
           "  B:\n    Type: AWS::S3::Bucket\n    Properties:\n    Metadata:\n  C:\n",
           // Scalars: plain with inner colons and hashes, quoted, escapes, nulls, empty.
           "  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: arn:aws:s3:::b/*#x\n"
           "      B: 'it''s'\n      C: \"q\\\"\\\\ \\n\\t\"\n      D: ~\n      E: null\n"
           "      F: ''\n      G: \"\"\n      H: -1\n      'I': x   # comment\n      \"J\": y\n",
           // Tags: short forms on scalars, flows and next-line collections; an empty tagged scalar.
           "  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: !Ref X\n"
           "      B: !GetAtt [R, Arn]\n      C: !Sub 'x-${AWS::Region}'\n      D: !If\n"
           "        - C\n        - !Ref Y\n        - !Ref AWS::NoValue\n      E: !GetAZs\n"
           "      F: !Join ['', [a, !Ref B, \"c\"]]\n",
           // Flow collections: nested, empty, with quoted keys and plain values.
           "  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      A: {Ref: X}\n"
           "      B: { \"Fn::GetAtt\": [a, b] }\n      C: []\n      D: {}\n      E: [a, [b, c], "
           "{d: e}]\n",
           // Block scalars: literal and folded, clip and strip, blank lines, tags before them.
           "  F:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code:\n        ZipFile: "
           "|\n"
           "          import os\n\n          def h(e, c):\n              return 1\n\n"
           "      Description: >-\n        one\n        two\n\n        three\n"
           "      UserData:\n        Fn::Base64: !Sub |\n          #!/bin/bash\n          echo "
           "${X}\n"
           "      L:\n        - !Sub |\n          a\n        - >\n          b\n          c\n",
           // Comments everywhere, blank lines, a UTF-8 value.
           "# top\n\n  B: # trailing\n    # inside\n    Type: AWS::S3::Bucket\n\n"
           "    Properties:\n      Description: caf\xc3\xa9 \xe2\x82\xac\n# end\n",
       }) {
    CHECK(taken(kHead + body));
  }
  CHECK(taken("---\n" + kHead + "  B:\n    Type: AWS::S3::Bucket\n"));         // a leading ---
  CHECK(taken("\xef\xbb\xbf" + kHead + "  B:\n    Type: AWS::S3::Bucket\n"));  // a BOM
}

TEST_CASE("block reader: anything else is left to yaml-cpp, with its result") {
  for (std::string body : {
           "  B: &a\n    Type: AWS::S3::Bucket\n  C: *a\n",                         // anchors
           "  B:\n    Type: AWS::S3::Bucket\n    Description: two\n      lines\n",  // multi-line
                                                                                    // plain
           "  B:\n    Type: \"two\n      lines\"\n",        // multi-line quoted
           "  B:\n\tType: AWS::S3::Bucket\n",               // a tab
           "  B:\r\n    Type: AWS::S3::Bucket\r\n",         // CRLF
           "  ? B\n  : Type: AWS::S3::Bucket\n",            // explicit key
           "  B:\n    Type: AWS::S3::Bucket\n---\nx: 1\n",  // two documents
           "  B:\n    Code: |+\n      keep\n\n",            // keep chomping
           "  B:\n    Code: |2\n        x\n",               // indentation indicator
           "  B:\n    Type: !!str AWS::S3::Bucket\n",       // a secondary tag
           "  B:\n    Type: [a,\n      b]\n",               // a multi-line flow
           "  B:\n    Type: \"\\x41\"\n",                   // another escape
           // Invalid YAML: yaml-cpp's error.
           "  B:\n    Type: a: b\n",
           "  B:\n    Type: x\n   Bad: y\n",
           "  B:\n    Type: [a, b\n",
       }) {
    CHECK_FALSE(taken(kHead + body));
  }
  CHECK_FALSE(taken("%YAML 1.2\n---\n" + kHead));  // a directive
  CHECK_FALSE(taken("- a\n- b\n"));                // not a mapping at the root
  CHECK_FALSE(taken("# only a comment\n"));
}

TEST_CASE("block reader: a duplicate key is still the parser's error, at the second key") {
  auto src = make_source(kHead + "  B:\n    Type: x\n  B:\n    Type: y\n");
  bool fast = false;
  CHECK(compare_readers(*src, &fast) == "");
  CHECK(fast);  // taken, and refused by the document builder as before
  auto r = enclint::yaml::parse(*src);
  REQUIRE(r.error);
  CHECK(r.error->message.find("duplicate key 'B'") != std::string::npos);
}
