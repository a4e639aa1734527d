#include "fix/render.hpp"

#include "util/json_string.hpp"

namespace enclint::fix {

using model::Value;
using util::json_string;

std::string yaml_scalar(const std::string& s) {
  static const char* reserved[] = {"true", "false", "True", "False", "TRUE", "FALSE", "yes",
                                   "no",   "Yes",   "No",   "YES",   "NO",   "on",    "off",
                                   "On",   "Off",   "ON",   "OFF",   "null", "Null",  "NULL",
                                   "~",    "y",     "n",    "Y",     "N"};
  bool quote = s.empty();
  // Only words starting like true/false/yes/no/on/off/null/~ can be reserved.
  if (!quote && std::string_view("tTfFyYnNoO~").find(s.front()) != std::string_view::npos)
    for (const char* r : reserved) quote = quote || s == r;
  if (!quote) {
    char c = s.front();
    quote = std::string_view("-?:,[]{}#&*!|>'\"%@` \t").find(c) != std::string_view::npos ||
            (c >= '0' && c <= '9') || s.back() == ' ' || s.back() == ':' ||
            s.find(": ") != std::string::npos || s.find(" #") != std::string::npos ||
            s.find_first_of("\n\r\t,[]{}") != std::string::npos;
  }
  if (!quote) return s;
  std::string out = "'";
  for (char c : s) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

namespace {

std::string spaces(std::size_t n) { return std::string(n, ' '); }

bool short_ref(const Value& v, const FileStyle& style) {
  return v.intrinsic && v.entries.size() == 1 && !style.json && style.short_forms &&
         v.entries.front().second.kind == Value::Kind::String;
}

std::string short_tag(const std::string& fn) {
  return "!" + (fn.rfind("Fn::", 0) == 0 ? fn.substr(4) : fn);
}

std::string json_scalar(const Value& v) {
  if (v.kind == Value::Kind::Bool) return v.scalar;
  if (v.kind == Value::Kind::Null) return "null";
  return json_string(v.scalar);
}

void yaml_block_value(std::string& out, const Value& v, std::size_t col, const FileStyle& style);

// Entries of a block mapping whose keys sit at `col`; the first one is
// written where the cursor is (after `- ` or a newline plus indentation).
void yaml_block_entries(std::string& out, const Value& v, std::size_t col, const FileStyle& style,
                        bool first_inline) {
  bool first = true;
  for (const auto& [k, child] : v.entries) {
    if (!(first && first_inline)) out += style.newline + spaces(col);
    first = false;
    out += yaml_key(k, style) + ":";
    yaml_block_value(out, child, col, style);
  }
}

void yaml_block_value(std::string& out, const Value& v, std::size_t col, const FileStyle& style) {
  switch (v.kind) {
    case Value::Kind::Null: return;
    case Value::Kind::Bool: out += " " + v.scalar; return;
    case Value::Kind::String: out += " " + yaml_scalar(v.scalar); return;
    case Value::Kind::Map:
      if (short_ref(v, style)) {
        const auto& [fn, arg] = v.entries.front();
        out += " " + short_tag(fn) + " " + yaml_scalar(arg.scalar);
        return;
      }
      yaml_block_entries(out, v, col + static_cast<std::size_t>(style.indent), style, false);
      return;
    case Value::Kind::Seq: {
      std::size_t dash = col + static_cast<std::size_t>(style.seq_offset);
      for (const Value& item : v.items) {
        out += style.newline + spaces(dash) + "-";
        if (item.kind == Value::Kind::Map && !short_ref(item, style)) {
          out += " ";
          yaml_block_entries(out, item, dash + 2, style, true);
        } else {
          yaml_block_value(out, item, dash, style);
        }
      }
      return;
    }
  }
}

void flow_value(std::string& out, const Value& v, const FileStyle& style) {
  const std::string colon = style.compact ? ":" : style.json ? style.colon : ": ";
  const char* comma = style.compact ? "," : ", ";
  switch (v.kind) {
    case Value::Kind::Null:
    case Value::Kind::Bool: out += style.json ? json_scalar(v) : v.scalar; return;
    case Value::Kind::String:
      out += style.json ? json_string(v.scalar) : yaml_scalar(v.scalar);
      return;
    case Value::Kind::Map: {
      if (short_ref(v, style)) {
        out +=
            short_tag(v.entries.front().first) + " " + yaml_scalar(v.entries.front().second.scalar);
        return;
      }
      out += "{";
      bool first = true;
      for (const auto& [k, child] : v.entries) {
        if (!first) out += comma;
        first = false;
        out += (style.json ? json_string(k) : yaml_key(k, style)) + colon;
        flow_value(out, child, style);
      }
      out += "}";
      return;
    }
    case Value::Kind::Seq: {
      out += "[";
      bool first = true;
      for (const Value& item : v.items) {
        if (!first) out += comma;
        first = false;
        flow_value(out, item, style);
      }
      out += "]";
      return;
    }
  }
}

void json_pretty_value(std::string& out, const Value& v, const std::string& indent,
                       const FileStyle& style) {
  if (v.intrinsic) {  // {"Ref": "Key"} stays on one line, as people write it
    flow_value(out, v, style);
    return;
  }
  if (v.kind == Value::Kind::Map || v.kind == Value::Kind::Seq) {
    bool map = v.kind == Value::Kind::Map;
    std::size_t n = map ? v.entries.size() : v.items.size();
    out += map ? "{" : "[";
    std::string inner = indent + style.json_unit;
    for (std::size_t i = 0; i < n; ++i) {
      out += style.newline + inner;
      if (map) {
        out += json_string(v.entries[i].first) + style.colon;
        json_pretty_value(out, v.entries[i].second, inner, style);
      } else {
        json_pretty_value(out, v.items[i], inner, style);
      }
      if (i + 1 < n) out += ",";
    }
    out += style.newline + indent + (map ? "}" : "]");
    return;
  }
  out += json_scalar(v);
}

}  // namespace

std::string yaml_block_entry(const std::string& key, const Value& value, std::size_t col,
                             const FileStyle& style) {
  std::string out = yaml_key(key, style) + ":";
  yaml_block_value(out, value, col, style);
  return out;
}

std::string json_pretty_member(const std::string& key, const Value& value,
                               const std::string& indent, const FileStyle& style) {
  std::string out = json_string(key) + style.colon;
  json_pretty_value(out, value, indent, style);
  return out;
}

std::string json_pretty_text(const Value& value, const std::string& indent,
                             const FileStyle& style) {
  std::string out;
  json_pretty_value(out, value, indent, style);
  return out;
}

std::string flow_text(const Value& value, const FileStyle& style) {
  std::string out;
  flow_value(out, value, style);
  return out;
}

std::string flow_member(const std::string& key, const Value& value, const FileStyle& style) {
  std::string out =
      (style.json ? json_string(key) : yaml_key(key, style)) + (style.compact ? ":"
                                                                : style.json  ? style.colon
                                                                              : ": ");
  flow_value(out, value, style);
  return out;
}

}  // namespace enclint::fix
