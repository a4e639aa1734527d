// The language server's pieces: framing, positions in the client's units,
// composing fix rounds' edits, and the server driven message by message.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "fix/compose.hpp"
#include "lsp/framing.hpp"
#include "lsp/server.hpp"
#include "lsp/suppress_action.hpp"
#include "lsp/text.hpp"

using namespace enclint;
using lsp::Encoding;
using lsp::json;

TEST_CASE("frames split anywhere and joined are read back", "[lsp]") {
  std::string stream = lsp::frame(R"({"a":1})") + "content-length: 2\r\nContent-Type: x\r\n\r\n[]";
  for (std::size_t cut = 0; cut <= stream.size(); ++cut) {
    lsp::FrameParser p;
    std::vector<std::string> bodies;
    p.feed(stream.substr(0, cut));
    while (auto f = p.next()) bodies.push_back(f->body);
    p.feed(stream.substr(cut));
    while (auto f = p.next()) bodies.push_back(f->body);
    REQUIRE(bodies == std::vector<std::string>{R"({"a":1})", "[]"});
    CHECK(p.empty());
  }
}

TEST_CASE("a header without a usable length is an error and the stream goes on", "[lsp]") {
  lsp::FrameParser p;
  p.feed("Content-Length: x1\r\n\r\nX-Junk: 1\r\n\r\n" + lsp::frame("{}") +
         "Content-Length: 99999999999\r\n\r\n");
  auto a = p.next();
  REQUIRE(a);
  CHECK(a->error == "a Content-Length that is not a number");
  auto b = p.next();
  REQUIRE(b);
  CHECK(b->error == "a header without Content-Length");
  auto c = p.next();
  REQUIRE(c);
  CHECK(c->error.empty());
  CHECK(c->body == "{}");
  auto d = p.next();
  REQUIRE(d);
  CHECK(d->error.rfind("a Content-Length over the limit", 0) == 0);
  CHECK_FALSE(p.next());
}

TEST_CASE("a body that has not fully arrived waits", "[lsp]") {
  lsp::FrameParser p;
  p.feed("Content-Length: 4\r\n\r\n{}");
  CHECK_FALSE(p.next());
  p.feed("  ");
  auto f = p.next();
  REQUIRE(f);
  CHECK(f->body == "{}  ");
}

TEST_CASE("positions count UTF-16 code units, UTF-8 bytes or code points", "[lsp]") {
  // "😀" is 4 bytes, 2 UTF-16 units, 1 code point; "é" is 2, 1, 1.
  std::string text = "a: x\r\nb: \"😀é\" # k\rc\n";
  lsp::LineIndex index(text);
  std::size_t k = text.find('k');
  CHECK(index.position(k, Encoding::Utf16) == lsp::Position{1, 11});
  CHECK(index.position(k, Encoding::Utf8) == lsp::Position{1, 14});
  CHECK(index.position(k, Encoding::Utf32) == lsp::Position{1, 10});
  CHECK(index.position(text.find('c'), Encoding::Utf16) == lsp::Position{2, 0});  // a lone CR
  CHECK(index.position(text.size(), Encoding::Utf16) == lsp::Position{3, 0});
  for (Encoding e : {Encoding::Utf16, Encoding::Utf8, Encoding::Utf32})
    for (std::size_t at : {std::size_t{0}, text.find('b'), text.find('\xC3'), k, text.size()})
      CHECK(index.offset(index.position(at, e), e) == at);
  // Past the end of a line: the line's end, before its CRLF.
  CHECK(index.offset({0, 99}, Encoding::Utf16) == 4);
  CHECK(index.offset({9, 0}, Encoding::Utf16) == text.size());
  // Between the halves of the emoji's surrogate pair: after the emoji.
  CHECK(index.offset({1, 5}, Encoding::Utf16) == text.find('\xC3'));
}

TEST_CASE("an incremental change replaces the range in the client's units", "[lsp]") {
  std::string text = "x: \"😀\"\ny: 1\n";
  lsp::apply_change(text, {0, 7}, {1, 1}, "!\nz", Encoding::Utf16);
  CHECK(text == "x: \"😀\"!\nz: 1\n");
}

TEST_CASE("edits of later rounds compose onto the original text", "[lsp]") {
  std::string original = "0123456789";
  auto apply = [](std::string t, const std::vector<fix::Edit>& edits) {
    for (auto it = edits.rbegin(); it != edits.rend(); ++it)
      t.replace(it->begin, it->end - it->begin, it->text);
    return t;
  };
  std::vector<fix::Edit> composed;
  std::vector<fix::Edit> r1 = {{2, 2, "ab"}, {5, 6, "XY"}};  // 01ab234XY6789
  REQUIRE(fix::compose(composed, r1));
  std::string t1 = apply(original, composed);
  REQUIRE(t1 == "01ab234XY6789");
  // Into the first insertion, between the rounds' edits, and at the end.
  std::vector<fix::Edit> r2 = {{3, 3, "-"}, {6, 6, "+"}, {13, 13, "!"}};
  std::string t2 = apply(t1, r2);
  REQUIRE(fix::compose(composed, r2));
  CHECK(apply(original, composed) == t2);
  CHECK(composed.size() == 4);
  // Covering inserted and original bytes at once cannot be composed.
  std::vector<fix::Edit> across = {{1, 3, ""}};
  CHECK_FALSE(fix::compose(composed, across));
}

namespace {
struct Session {
  std::vector<json> out;
  lsp::Server server{[this](const std::string& s) { out.push_back(json::parse(s)); }};
  void send(const json& m) { server.handle({m.dump()}); }
  // A code action request for lines [0, lines) and actions of `kind`.
  void actions(int id, int lines, const char* kind) {
    json range = {{"start", {{"line", 0}, {"character", 0}}},
                  {"end", {{"line", lines}, {"character", 0}}}};
    json context = {{"diagnostics", json::array()}, {"only", {kind}}};
    send({{"jsonrpc", "2.0"},
          {"id", id},
          {"method", "textDocument/codeAction"},
          {"params",
           {{"textDocument", {{"uri", "file:///t.yaml"}}},
            {"range", range},
            {"context", context}}}});
  }
  void open(const std::string& text) {
    json doc = {{"uri", "file:///t.yaml"}, {"languageId", "yaml"}, {"version", 1}, {"text", text}};
    send({{"jsonrpc", "2.0"},
          {"method", "textDocument/didOpen"},
          {"params", {{"textDocument", doc}}}});
  }
};

// The finding is at code-point column 59 (1-based) of line 3, after two
// emoji of two UTF-16 units each.
const char* kTemplate =
    "AWSTemplateFormatVersion: '2010-09-09'\n"
    "Resources:\n"
    "  Images: {Metadata: {Note: \"😀😀\"}, Type: AWS::S3::Bucket, Properties: {Tags: []}}\n";
}  // namespace

TEST_CASE("the server reports a finding after an emoji in UTF-16 units", "[lsp]") {
  Session s;
  s.send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", json::object()}});
  REQUIRE(s.out.size() == 1);
  CHECK(s.out[0]["result"]["capabilities"]["positionEncoding"] == "utf-16");
  s.open(kTemplate);
  REQUIRE(s.out.size() == 2);
  const json& diags = s.out[1]["params"]["diagnostics"];
  REQUIRE(!diags.empty());
  CHECK(diags[0]["code"] == "ENC201");
  CHECK(diags[0]["codeDescription"]["href"].get<std::string>().find("/docs/rules/ENC201.md") !=
        std::string::npos);
  CHECK(diags[0]["severity"] == 1);
  CHECK(diags[0]["source"] == "cfn-enclint");
  CHECK(diags[0]["data"]["path"] == "Resources/Images/Properties");
  CHECK(diags[0]["range"] == json::parse(R"({"start": {"line": 2, "character": 60},
                                            "end": {"line": 2, "character": 70}})"));
}

TEST_CASE("a cancelled request gets RequestCancelled, unknown methods and garbage errors",
          "[lsp]") {
  Session s;
  s.send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", json::object()}});
  s.out.clear();
  s.server.handle(
      {json{{"jsonrpc", "2.0"}, {"id", 7}, {"method", "nope/nope"}}.dump(),
       json{{"jsonrpc", "2.0"}, {"method", "$/cancelRequest"}, {"params", {{"id", 7}}}}.dump(),
       "{not json", json{{"jsonrpc", "2.0"}, {"id", 8}, {"method", "nope/nope"}}.dump(),
       json{{"jsonrpc", "2.0"}, {"method", "nope/notification"}}.dump()});
  REQUIRE(s.out.size() == 3);
  CHECK(s.out[0]["error"]["code"] == lsp::kParseError);
  CHECK(s.out[1]["id"] == 7);
  CHECK(s.out[1]["error"]["code"] == lsp::kRequestCancelled);
  CHECK(s.out[2]["id"] == 8);
  CHECK(s.out[2]["error"]["code"] == lsp::kMethodNotFound);
}

TEST_CASE("positionEncoding takes the client's first supported choice", "[lsp]") {
  Session s;
  json caps = {{"general", {{"positionEncodings", {"utf-7", "utf-32", "utf-8"}}}}};
  s.send({{"jsonrpc", "2.0"},
          {"id", 1},
          {"method", "initialize"},
          {"params", {{"capabilities", caps}}}});
  CHECK(s.out.at(0)["result"]["capabilities"]["positionEncoding"] == "utf-32");
}

TEST_CASE("requests before initialize are refused and exit without shutdown fails", "[lsp]") {
  Session s;
  s.send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "shutdown"}});
  REQUIRE(s.out.size() == 1);
  CHECK(s.out[0]["error"]["code"] == lsp::kServerNotInitialized);
  s.send({{"jsonrpc", "2.0"}, {"id", 2}, {"method", "initialize"}, {"params", json::object()}});
  s.send({{"jsonrpc", "2.0"},
          {"id", 3},
          {"method", "textDocument/codeAction"},
          {"params", json::object()}});
  REQUIRE(s.out.size() == 3);
  CHECK(s.out[2]["error"]["code"] == lsp::kInvalidParams);
  CHECK_FALSE(s.server.exited());
  s.send({{"jsonrpc", "2.0"}, {"method", "exit"}});
  CHECK(s.server.exited());
  CHECK(s.server.exit_code() == 1);
}

TEST_CASE("initializationOptions set the level and the key the fixes write", "[lsp]") {
  auto open = [](Session& s, const json& init) {
    s.send({{"jsonrpc", "2.0"},
            {"id", 1},
            {"method", "initialize"},
            {"params", {{"initializationOptions", init}}}});
    s.open(kTemplate);
    s.actions(2, 3, "source.fixAll");
  };
  Session key;
  open(key, {{"kmsKey", "alias/app"}, {"level", "baseline"}});
  REQUIRE(key.out.size() == 3);
  CHECK(key.out[2]["result"][0]["edit"].dump().find("KMSMasterKeyID: alias/app") !=
        std::string::npos);
  // At level cmk the bucket needs a customer managed key: no safe fix without one.
  Session cmk;
  open(cmk, {{"level", "cmk"}});
  REQUIRE(cmk.out.size() == 3);
  CHECK(cmk.out[1]["params"]["diagnostics"].size() == 1);
  CHECK(cmk.out[2]["result"] == json::array());
  for (const json& bad : {json{{"level", "max"}}, json{{"kmsKey", "my key"}},
                          json{{"sseAlgorithm", "rot13"}}, json{{"colour", "red"}}, json(3)}) {
    Session s;
    s.send({{"jsonrpc", "2.0"},
            {"id", 1},
            {"method", "initialize"},
            {"params", {{"initializationOptions", bad}}}});
    REQUIRE(s.out.size() == 1);
    CHECK(s.out[0]["error"]["code"] == lsp::kInvalidParams);
  }
}

TEST_CASE("changes that arrive together are checked once, at their last version", "[lsp]") {
  Session s;
  s.send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", json::object()}});
  s.open(kTemplate);
  s.out.clear();
  std::vector<std::string> batch;
  for (int v = 2; v <= 4; ++v)
    batch.push_back(json{{"jsonrpc", "2.0"},
                         {"method", "textDocument/didChange"},
                         {"params",
                          {{"textDocument", {{"uri", "file:///t.yaml"}, {"version", v}}},
                           {"contentChanges", {{{"text", v < 4 ? "Resources: [" : kTemplate}}}}}}}
                        .dump());
  s.server.handle(batch);
  REQUIRE(s.out.size() == 1);
  CHECK(s.out[0]["params"]["version"] == 4);
  CHECK(s.out[0]["params"]["diagnostics"].size() == 1);
  CHECK(s.out[0]["params"]["diagnostics"][0]["code"] == "ENC201");
}

TEST_CASE("the suppression quick fix writes the ignore comment above the logical id", "[lsp]") {
  auto suppress = [](const std::string& text) {
    Session s;
    s.send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", json::object()}});
    s.open(text);
    s.actions(2, 9, "quickfix");
    std::vector<json> edits;
    for (const json& a : s.out.at(2)["result"])
      if (a["title"].get<std::string>().rfind("Suppress ENC201 for 'Images'", 0) == 0)
        edits.push_back(a["edit"]["changes"]["file:///t.yaml"].at(0));
    return edits;
  };
  const std::string head = "AWSTemplateFormatVersion: '2010-09-09'\r\nResources:\r\n";
  auto plain = suppress(head + "  Images:\r\n    Type: AWS::S3::Bucket\r\n");
  REQUIRE(plain.size() == 1);
  CHECK(plain[0] == json::parse(R"({"newText": "  # cfn-enclint: ignore[ENC201] )" +
                                std::string(lsp::kReasonPlaceholder) + R"(\r\n",
      "range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}})"));
  // An ignore comment already above the resource takes the rule into its list.
  auto joined = suppress(head +
                         "  # cfn-enclint: ignore[ENC001] legacy\r\n  Images:\r\n"
                         "    Type: AWS::S3::Bucket\r\n");
  REQUIRE(joined.size() == 1);
  CHECK(joined[0]["newText"] == ",ENC201");
  CHECK(joined[0]["range"]["start"] == json::parse(R"({"line": 2, "character": 30})"));
  // JSON has no comments; several resources on one line cannot be told apart.
  CHECK(suppress(R"({"Resources": {"Images": {"Type": "AWS::S3::Bucket"}}})").empty());
  CHECK(suppress("Resources: {Images: {Type: AWS::S3::Bucket}}\n").empty());
}

TEST_CASE("a notification with bad parameters is logged, and the server goes on", "[lsp]") {
  Session s;
  s.send({{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", json::object()}});
  s.send(
      {{"jsonrpc", "2.0"}, {"method", "textDocument/didOpen"}, {"params", {{"textDocument", 3}}}});
  REQUIRE(s.out.size() == 2);
  CHECK(s.out[1]["method"] == "window/logMessage");
  CHECK(s.out[1]["params"]["message"].get<std::string>().rfind("textDocument/didOpen: ", 0) == 0);
  s.open(kTemplate);
  REQUIRE(s.out.size() == 3);
  CHECK(s.out[2]["method"] == "textDocument/publishDiagnostics");
}
