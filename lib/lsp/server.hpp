// The language server's state machine: JSON-RPC messages in, messages out.
// No I/O here (lsp/stdio does it), so tests can drive it message by message.
#pragma once

#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/check_options.hpp"
#include "lsp/analysis.hpp"

namespace enclint::lsp {

// JSON-RPC and LSP error codes.
inline constexpr int kParseError = -32700;
inline constexpr int kInvalidRequest = -32600;
inline constexpr int kMethodNotFound = -32601;
inline constexpr int kInvalidParams = -32602;
inline constexpr int kInternalError = -32603;
inline constexpr int kServerNotInitialized = -32002;
inline constexpr int kRequestCancelled = -32800;

// The settings of a document from its configuration file (the front end
// knows where those are): sets `options` for the file at `path`, and returns
// why the configuration cannot be used ("" when it can, or there is none).
// `skip` is set when the configuration excludes the file.
using Configure =
    std::function<std::string(const std::string& path, engine::CheckOptions& options, bool& skip)>;

class Server {
 public:
  // `send` gets each outgoing message's JSON text (unframed).
  explicit Server(std::function<void(const std::string&)> send, Configure configure = {})
      : send_(std::move(send)), configure_(std::move(configure)) {}

  // Handles a batch of message bodies that arrived together, in order, then
  // publishes the diagnostics of the documents it changed. A
  // `$/cancelRequest` in the batch cancels a request before it is handled.
  void handle(const std::vector<std::string>& bodies);
  // A message whose header could not be read.
  void bad_frame(const std::string& why);

  bool exited() const { return exited_; }
  // The process's exit status after `exit`: 0 when `shutdown` came first.
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  std::function<void(const std::string&)> send_;
  Configure configure_;
  json settings_;       // initializationOptions: they win over configuration files
  bool watch_ = false;  // the client can watch configuration files for us
  Encoding encoding_ = Encoding::Utf16;
  bool initialized_ = false, shutdown_ = false, exited_ = false;
  std::map<std::string, Document> documents_;
  std::set<std::string> cancelled_;  // ids (as JSON text) of requests not yet answered
  // Documents changed since their last check. They are checked once the
  // batch is handled (or before a request about them): changes that arrive
  // while a check runs are checked together, once — a debounce that adds no
  // delay when the server keeps up.
  std::set<std::string> dirty_;
  void flush();

  void dispatch(const json& msg);
  json request(const std::string& method, const json& params);
  void notification(const std::string& method, const json& params);
  json initialize(const json& params);
  void publish(Document& doc);
  void watch_configurations();
  void log(const std::string& message);  // window/logMessage, as an error
  void reply(const json& id, json result);
  void error(const json& id, int code, const std::string& message);
};

}  // namespace enclint::lsp
