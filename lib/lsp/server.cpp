#include "lsp/server.hpp"

#include <stdexcept>

#include "lsp/settings.hpp"

namespace enclint::lsp {

namespace {
// An error that becomes the reply to the request being handled.
struct RpcError : std::runtime_error {
  int code;
  RpcError(int c, const std::string& what) : std::runtime_error(what), code(c) {}
};

const json& field(const json& params, const char* name) {
  auto it = params.find(name);
  if (it == params.end()) throw RpcError(kInvalidParams, std::string("missing '") + name + "'");
  return *it;
}

std::string text_uri(const json& params) {
  return field(field(params, "textDocument"), "uri").get<std::string>();
}
}  // namespace

void Server::reply(const json& id, json result) {
  send_(json{{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}}.dump());
}

void Server::error(const json& id, int code, const std::string& message) {
  send_(json{{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}}
            .dump());
}

void Server::bad_frame(const std::string& why) {
  error(nullptr, kParseError, "unreadable message header: " + why);
}

void Server::handle(const std::vector<std::string>& bodies) {
  std::vector<json> messages;
  for (const auto& body : bodies) {
    json msg = json::parse(body, nullptr, false);
    if (msg.is_discarded()) {
      error(nullptr, kParseError, "the message is not JSON");
      continue;
    }
    if (msg.is_object() && msg.value("method", "") == "$/cancelRequest" && msg.contains("params") &&
        msg["params"].is_object() && msg["params"].contains("id"))
      cancelled_.insert(msg["params"]["id"].dump());
    messages.push_back(std::move(msg));
  }
  for (const auto& msg : messages) {
    if (exited_) return;
    dispatch(msg);
  }
  cancelled_.clear();  // the rest were answered already
  flush();
}

void Server::flush() {
  for (const std::string& uri : dirty_) {
    auto it = documents_.find(uri);
    if (it == documents_.end()) continue;
    try {
      publish(it->second);
    } catch (const std::exception& e) {  // that document's check failed; the server goes on
      log(uri + ": " + e.what());
    }
  }
  dirty_.clear();
}

void Server::log(const std::string& message) {
  send_(json{{"jsonrpc", "2.0"},
             {"method", "window/logMessage"},
             {"params", {{"type", 1}, {"message", message}}}}
            .dump());
}

void Server::dispatch(const json& msg) {
  if (!msg.is_object() || !msg.contains("method") || !msg["method"].is_string()) {
    // A response to a request of ours (we send none), or no message at all.
    if (msg.is_object() && (msg.contains("result") || msg.contains("error"))) return;
    error(msg.is_object() && msg.contains("id") ? msg["id"] : json(nullptr), kInvalidRequest,
          "not a JSON-RPC request or notification");
    return;
  }
  const std::string& method = msg["method"].get_ref<const std::string&>();
  json params = msg.value("params", json::object());
  if (!msg.contains("id")) {
    try {
      notification(method, params);
    } catch (const std::exception& e) {  // a notification has no reply: say it in the log
      log(method + ": " + e.what());
    }
    return;
  }
  const json& id = msg["id"];
  if (cancelled_.erase(id.dump())) return error(id, kRequestCancelled, "the request was cancelled");
  if (!initialized_ && method != "initialize")
    return error(id, kServerNotInitialized, "initialize first");
  if (shutdown_) return error(id, kInvalidRequest, "the server is shutting down");
  try {
    reply(id, request(method, params));
  } catch (const RpcError& e) {
    error(id, e.code, e.what());
  } catch (const json::exception& e) {
    error(id, kInvalidParams, e.what());
  } catch (const std::exception& e) {  // the server goes on with the next message
    error(id, kInternalError, e.what());
  }
}

json Server::initialize(const json& params) {
  const json* encodings = nullptr;
  if (auto c = params.find("capabilities"); c != params.end() && c->is_object())
    if (auto g = c->find("general"); g != c->end() && g->is_object())
      if (auto p = g->find("positionEncodings"); p != g->end() && p->is_array()) encodings = &*p;
  engine::CheckOptions options;
  json settings = params.value("initializationOptions", json());
  if (std::string problem = apply_settings(settings, options); !problem.empty())
    throw RpcError(kInvalidParams, problem);
  settings_ = std::move(settings);
  if (auto c = params.find("capabilities"); c != params.end() && c->is_object()) {
    json watched =
        c->value("workspace", json::object()).value("didChangeWatchedFiles", json::object());
    watch_ = watched.value("dynamicRegistration", false);
  }
  encoding_ = Encoding::Utf16;
  if (encodings) {  // the client's list is in its order of preference
    for (const auto& name : *encodings) {
      if (name == "utf-8")
        encoding_ = Encoding::Utf8;
      else if (name == "utf-32")
        encoding_ = Encoding::Utf32;
      else if (name != "utf-16")
        continue;
      break;
    }
  }
  initialized_ = true;
  return {{"capabilities",
           {{"positionEncoding", to_string(encoding_)},
            {"textDocumentSync",
             {{"openClose", true}, {"change", 2}, {"save", {{"includeText", true}}}}},
            {"codeActionProvider", {{"codeActionKinds", {"quickfix", kFixAllKind}}}}}},
          {"serverInfo", {{"name", "cfn-enclint"}, {"version", ENCLINT_VERSION}}}};
}

json Server::request(const std::string& method, const json& params) {
  if (method == "initialize") {
    if (initialized_) throw RpcError(kInvalidRequest, "initialize was already sent");
    return initialize(params);
  }
  if (method == "shutdown") {
    shutdown_ = true;
    return nullptr;
  }
  if (method == "textDocument/codeAction") {
    auto it = documents_.find(text_uri(params));
    if (it == documents_.end()) return json::array();
    if (dirty_.count(it->first)) flush();  // the actions are for the text as it now is
    return code_actions(it->second, params, it->second.options, encoding_);
  }
  throw RpcError(kMethodNotFound, "unknown method '" + method + "'");
}

void Server::publish(Document& doc) {
  // Read again at each check: an edited configuration takes effect at once.
  engine::CheckOptions options;
  bool skip = false;
  std::string problem = configure_ ? configure_(doc.path, options, skip) : std::string();
  apply_settings(settings_, options);  // checked by initialize
  std::string diagnostics = "[]";
  if (!problem.empty()) {
    json zero = {{"line", 0}, {"character", 0}};
    json d = {{"range", {{"start", zero}, {"end", zero}}},
              {"severity", 1},
              {"source", "cfn-enclint"},
              {"message", "configuration: " + problem}};
    diagnostics = "[" + d.dump() + "]";
  } else if (skip)
    doc.checked = {};
  else
    diagnostics = check(doc, options, encoding_);
  doc.options = std::move(options);
  send_(R"({"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":)" +
        json(doc.uri).dump() + ",\"version\":" + std::to_string(doc.version) +
        ",\"diagnostics\":" + diagnostics + "}}");
}

void Server::watch_configurations() {
  if (!watch_) return;
  // A request of ours: its reply is ignored by dispatch().
  json watcher = {{"globPattern", "**/.cfn-enclint.yaml"}};
  json registration = {{"id", "cfn-enclint-config"},
                       {"method", "workspace/didChangeWatchedFiles"},
                       {"registerOptions", {{"watchers", json::array({watcher})}}}};
  send_(json{{"jsonrpc", "2.0"},
             {"id", "cfn-enclint-register"},
             {"method", "client/registerCapability"},
             {"params", {{"registrations", json::array({registration})}}}}
            .dump());
}

void Server::notification(const std::string& method, const json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;  // dropped, as the protocol says
  if (method == "textDocument/didOpen") {
    const json& td = field(params, "textDocument");
    Document doc;
    doc.uri = field(td, "uri").get<std::string>();
    doc.path = uri_path(doc.uri);
    doc.language = td.value("languageId", "");
    doc.text = field(td, "text").get<std::string>();
    doc.version = td.value("version", 0LL);
    std::string uri = doc.uri;
    documents_[uri] = std::move(doc);
    dirty_.insert(uri);
  } else if (method == "textDocument/didChange") {
    auto it = documents_.find(text_uri(params));
    if (it == documents_.end()) return;
    Document& doc = it->second;
    for (const auto& change : field(params, "contentChanges")) {
      const std::string& text = field(change, "text").get_ref<const std::string&>();
      if (!change.contains("range")) {
        doc.text = text;
        continue;
      }
      auto pos = [](const json& p) {
        return Position{p.at("line").get<std::size_t>(), p.at("character").get<std::size_t>()};
      };
      const json& r = change["range"];
      apply_change(doc.text, pos(r.at("start")), pos(r.at("end")), text, encoding_);
    }
    doc.version = field(params, "textDocument").value("version", doc.version);
    dirty_.insert(it->first);
  } else if (method == "textDocument/didSave") {
    auto it = documents_.find(text_uri(params));
    if (it == documents_.end()) return;
    if (params.contains("text")) it->second.text = params["text"].get<std::string>();
    dirty_.insert(it->first);
  } else if (method == "textDocument/didClose") {
    std::string uri = text_uri(params);
    documents_.erase(uri);
    dirty_.erase(uri);
    send_(json{{"jsonrpc", "2.0"},
               {"method", "textDocument/publishDiagnostics"},
               {"params", {{"uri", uri}, {"diagnostics", json::array()}}}}
              .dump());
  } else if (method == "workspace/didChangeWatchedFiles") {
    for (const auto& entry : documents_) dirty_.insert(entry.first);
  } else if (method == "initialized") {
    watch_configurations();
  }
  // Anything else ($/cancelRequest for an answered request, $/setTrace,
  // initialized, didChangeConfiguration...) needs nothing.
}

}  // namespace enclint::lsp
