#include "lsp/analysis.hpp"

#include <algorithm>

#include "engine/fix_loop.hpp"
#include "lsp/suppress_action.hpp"
#include "report/reporter.hpp"
#include "rules/registry.hpp"
#include "util/json_string.hpp"

namespace enclint::lsp {

std::string uri_path(const std::string& uri) {
  if (uri.rfind("file://", 0) != 0) return uri;
  std::string out;
  auto hex = [](char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 7; i < uri.size(); ++i) {
    if (uri[i] == '%' && i + 2 < uri.size() && hex(uri[i + 1]) >= 0 && hex(uri[i + 2]) >= 0) {
      out += static_cast<char>(hex(uri[i + 1]) * 16 + hex(uri[i + 2]));
      i += 2;
    } else {
      out += uri[i];
    }
  }
  return out;
}

bool is_candidate(const Document& doc) {
  for (const char* lang : {"yaml", "json", "jsonc", "cloudformation"})
    if (doc.language == lang) return true;
  std::size_t dot = doc.path.rfind('.');
  if (dot == std::string::npos) return false;
  std::string ext = doc.path.substr(dot);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  for (const char* e : {".yaml", ".yml", ".json", ".template"})
    if (ext == e) return true;
  return false;
}

namespace {
json position(const LineIndex& index, std::size_t offset, Encoding e) {
  Position p = index.position(offset, e);
  return {{"line", p.line}, {"character", p.character}};
}

json range(const LineIndex& index, std::size_t begin, std::size_t end, Encoding e) {
  return {{"start", position(index, begin, e)}, {"end", position(index, end, e)}};
}

int severity(lint::Severity s) {
  switch (s) {
    case lint::Severity::Error: return 1;
    case lint::Severity::Warning: return 2;
    case lint::Severity::Info: return 3;
  }
  return 1;
}

// Written directly, not through a json tree: a big template has thousands of
// findings, and building and freeing their trees cost a third of a check.
std::string range_text(const LineIndex& index, std::size_t begin, std::size_t end, Encoding e) {
  Position a = index.position(begin, e), b = index.position(end, e);
  return "{\"start\":{\"line\":" + std::to_string(a.line) +
         ",\"character\":" + std::to_string(a.character) +
         "},\"end\":{\"line\":" + std::to_string(b.line) +
         ",\"character\":" + std::to_string(b.character) + "}}";
}

void append_diagnostic(std::string& out, const LineIndex& index, const lint::Diagnostic& d,
                       Encoding e) {
  out += "{\"range\":";
  out += range_text(index, d.begin, d.end, e);
  out += ",\"severity\":";
  out += std::to_string(severity(d.severity));
  out += ",\"code\":";
  out += util::json_string(d.rule);
  out += ",\"codeDescription\":{\"href\":";
  out += util::json_string(report::rule_doc_uri(d.rule));
  out += "},\"source\":\"cfn-enclint\",\"message\":";
  out += util::json_string(d.message);
  // Where in the template, cfn-lint style (Resources/Bucket/Properties).
  out += ",\"data\":{\"path\":";
  out += util::json_string(d.path);
  out += "}}";
}
}  // namespace

std::string check(Document& doc, const engine::CheckOptions& options, Encoding e) {
  doc.checked = {};
  if (!is_candidate(doc)) return "[]";
  engine::CheckOptions opts = options;
  opts.fix = false;
  opts.diff = false;
  opts.lint.fix_edits = false;  // a code action makes its fix when asked for
  opts.lint.source_lines = 0;   // the editor shows the text itself
  doc.checked = engine::check_bytes(doc.path, doc.text, true, opts, rules::all());
  LineIndex index(doc.text);
  std::string out = "[";
  out.reserve(doc.checked.diagnostics.size() * 512 + 512);  // about what one takes
  if (doc.checked.status == engine::FileStatus::Error) {
    std::size_t at = 0;
    if (doc.checked.error_at)  // the tool's line and code-point column
      at = index.offset({doc.checked.error_at->line - 1, doc.checked.error_at->column - 1},
                        Encoding::Utf32);
    out += "{\"range\":" + range_text(index, at, at, e) +
           ",\"severity\":1,\"source\":\"cfn-enclint\",\"message\":" +
           util::json_string(doc.checked.error) + "}";
  }
  for (const auto& d : doc.checked.diagnostics) {
    if (out.size() > 1) out += ',';
    append_diagnostic(out, index, d, e);
  }
  return out + "]";
}

namespace {
// Whether an action of `kind` is wanted by a request's `only` list.
bool wanted(const json& params, const std::string& kind) {
  const json* only = nullptr;
  if (auto c = params.find("context"); c != params.end() && c->is_object())
    if (auto o = c->find("only"); o != c->end() && o->is_array()) only = &*o;
  if (!only) return true;
  for (const auto& k : *only) {
    if (!k.is_string()) continue;
    const std::string& want = k.get_ref<const std::string&>();
    if (kind == want || kind.rfind(want + ".", 0) == 0) return true;
  }
  return false;
}

// The edits that turn `before` into `after`: the fix loop's insertions when
// they do, else one replacement of what differs.
std::vector<fix::Edit> edits_between(std::string_view before, const engine::FileResult& r) {
  const std::string& after = r.output_text;
  if (!r.edits.empty()) {
    std::string made(before);
    for (auto it = r.edits.rbegin(); it != r.edits.rend(); ++it)
      made.replace(it->begin, it->end - it->begin, it->text);
    if (made == after) return r.edits;
  }
  std::size_t prefix = 0;
  while (prefix < before.size() && prefix < after.size() && before[prefix] == after[prefix])
    ++prefix;
  std::size_t suffix = 0;
  while (suffix < before.size() - prefix && suffix < after.size() - prefix &&
         before[before.size() - 1 - suffix] == after[after.size() - 1 - suffix])
    ++suffix;
  return {{prefix, before.size() - suffix,
           std::string(after.substr(prefix, after.size() - suffix - prefix))}};
}

// A code action applying the fix the engine makes with `options`, or null
// when it makes none.
json fix_action(const Document& doc, engine::CheckOptions options, const std::string& title,
                const std::string& kind, Encoding e) {
  options.fix = true;
  options.diff = false;
  options.want_edits = true;
  engine::FileResult r = engine::check_bytes(doc.path, doc.text, true, options, rules::all());
  if (r.status != engine::FileStatus::Fixed || r.output_text == doc.text) return nullptr;
  LineIndex index(doc.text);
  json edits = json::array();
  for (const auto& edit : edits_between(doc.text, r))
    edits.push_back({{"range", range(index, edit.begin, edit.end, e)}, {"newText", edit.text}});
  return {{"title", title}, {"kind", kind}, {"edit", {{"changes", {{doc.uri, edits}}}}}};
}

bool overlaps(const LineIndex& index, const lint::Diagnostic& d, const json& params, Encoding e) {
  auto get = [&](const char* end) {
    const json& p = params.at("range").at(end);
    return index.offset({p.at("line").get<std::size_t>(), p.at("character").get<std::size_t>()}, e);
  };
  std::size_t from = get("start"), to = get("end");
  return d.begin <= to && from <= d.end;
}
}  // namespace

json code_actions(const Document& doc, const json& params, const engine::CheckOptions& options,
                  Encoding e) {
  json out = json::array();
  LineIndex index(doc.text);
  if (wanted(params, "quickfix")) {
    for (const auto& d : doc.checked.diagnostics) {
      if (!overlaps(index, d, params, e)) continue;
      std::string text;
      append_diagnostic(text, index, d, e);
      json quoted = json::array({json::parse(text)});
      if (d.fix) {
        bool safe = d.fix->applicability == fix::Applicability::Safe;
        engine::CheckOptions one = options;
        one.fix_only = engine::finding_key(d);
        one.unsafe_fixes = !safe;
        json action =
            fix_action(doc, one, safe ? d.fix->title : d.fix->title + " (unsafe)", "quickfix", e);
        if (!action.is_null()) {
          action["diagnostics"] = quoted;
          action["isPreferred"] = safe;
          out.push_back(std::move(action));
        }
      }
      if (auto edit = suppression_edit(doc.path, doc.text, d)) {
        json edits = json::array(
            {{{"range", range(index, edit->begin, edit->end, e)}, {"newText", edit->text}}});
        out.push_back({{"title", "Suppress " + std::string(d.rule) + " for '" + d.resource +
                                     "' with a comment (write the reason)"},
                       {"kind", "quickfix"},
                       {"diagnostics", quoted},
                       {"isPreferred", false},
                       {"edit", {{"changes", {{doc.uri, edits}}}}}});
      }
    }
  }
  if (wanted(params, kFixAllKind)) {
    bool any = false;
    for (const auto& d : doc.checked.diagnostics) any |= engine::fix_allowed(d, false);
    engine::CheckOptions all = options;
    all.unsafe_fixes = false;
    if (any) {
      json action = fix_action(doc, all, "Fix all safe cfn-enclint findings", kFixAllKind, e);
      if (!action.is_null()) out.push_back(std::move(action));
    }
  }
  return out;
}

}  // namespace enclint::lsp
