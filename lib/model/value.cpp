#include "model/value.hpp"

#include <algorithm>
#include <unordered_map>

namespace enclint::model {

Value Value::string(std::string s) {
  Value v;
  v.kind = Kind::String;
  v.scalar = std::move(s);
  return v;
}

Value Value::boolean(bool b) {
  Value v;
  v.kind = Kind::Bool;
  v.scalar = b ? "true" : "false";
  return v;
}

Value Value::map(std::vector<std::pair<std::string, Value>> entries) {
  Value v;
  v.kind = Kind::Map;
  v.entries.reserve(entries.size());
  for (auto& e : entries) v.entries.push_back({std::move(e.first), std::move(e.second)});
  return v;
}

Value Value::seq(std::vector<Value> items) {
  Value v;
  v.kind = Kind::Seq;
  v.items = std::move(items);
  return v;
}

Value Value::ref(std::string logical_id) {
  Value v = map({{"Ref", string(std::move(logical_id))}});
  v.intrinsic = true;
  return v;
}

const Value* Value::find(std::string_view key) const {
  for (const auto& [k, v] : entries)
    if (k == key) return &v;
  return nullptr;
}

namespace {
bool is_scalar(const Value& v) {
  return v.kind == Value::Kind::String || v.kind == Value::Kind::Bool;
}
}  // namespace

bool equivalent(const Value& a, const Value& b) {
  if (is_scalar(a) && is_scalar(b)) return a.scalar == b.scalar;
  if (a.kind != b.kind) return false;
  switch (a.kind) {
    case Value::Kind::Null: return true;
    case Value::Kind::Seq:
      if (a.items.size() != b.items.size()) return false;
      for (std::size_t i = 0; i < a.items.size(); ++i)
        if (!equivalent(a.items[i], b.items[i])) return false;
      return true;
    case Value::Kind::Map: {
      if (a.entries.size() != b.entries.size()) return false;
      if (a.entries.size() < 32) {
        for (const auto& [k, v] : a.entries) {
          const Value* other = b.find(k);
          if (!other || !equivalent(v, *other)) return false;
        }
        return true;
      }
      // Large mappings (a generated template's Resources): hash, not scan.
      std::unordered_map<std::string_view, const Value*> index;
      index.reserve(b.entries.size());
      for (const auto& [k, v] : b.entries) index.emplace(k, &v);
      for (const auto& [k, v] : a.entries) {
        auto it = index.find(k);
        if (it == index.end() || !equivalent(v, *it->second)) return false;
      }
      return true;
    }
    default: return false;
  }
}

namespace {
std::string long_form(std::string_view tag) {
  if (tag == "!Ref" || tag == "!Condition") return std::string(tag.substr(1));
  if (tag.size() > 1 && tag[0] == '!' && tag[1] != '!' && tag[1] != '<' &&
      tag.find("::") == std::string_view::npos)
    return "Fn::" + std::string(tag.substr(1));
  return std::string(tag);  // other tags are kept as they are, as a one-key mapping
}
}  // namespace

bool to_value(const yaml::Document& doc, yaml::NodeId id, Value& out, std::size_t& budget) {
  if (budget == 0) return false;
  --budget;
  id = doc.resolve(id);
  const yaml::Node& n = doc[id];
  Value v;
  switch (n.kind) {
    case yaml::Kind::Null:
    case yaml::Kind::Alias: break;
    case yaml::Kind::Scalar: v = Value::string(std::string(n.value())); break;
    case yaml::Kind::Map:
      v.kind = Value::Kind::Map;
      v.entries.reserve(n.children().size() / 2);
      for (std::size_t i = 0; i + 1 < n.children().size(); i += 2) {
        Value child;
        if (!to_value(doc, n.children()[i + 1], child, budget)) return false;
        v.entries.push_back({std::string(doc.text(n.children()[i])), std::move(child)});
      }
      break;
    case yaml::Kind::Seq:
      v.kind = Value::Kind::Seq;
      v.items.reserve(n.children().size());
      for (yaml::NodeId c : n.children()) {
        Value child;
        if (!to_value(doc, c, child, budget)) return false;
        v.items.push_back(std::move(child));
      }
      break;
  }
  if (std::string key = tag_key(n.tag()); !key.empty()) {
    Value wrapped = Value::map({{key, std::move(v)}});
    wrapped.intrinsic = true;
    v = std::move(wrapped);
  }
  out = std::move(v);
  return true;
}

std::string tag_key(std::string_view tag) {
  // The standard tags of a string, a mapping and a list (`!!str`, `!!map`,
  // `!!seq`) say what the node already is: no intrinsic.
  if (tag.empty() || tag == "tag:yaml.org,2002:str" || tag == "tag:yaml.org,2002:map" ||
      tag == "tag:yaml.org,2002:seq")
    return {};
  return long_form(tag);
}

std::string debug_string(const Value& v) {
  switch (v.kind) {
    case Value::Kind::Null: return "null";
    case Value::Kind::String:
    case Value::Kind::Bool: return v.scalar;
    case Value::Kind::Map: {
      std::string s = "{";
      for (const auto& [k, c] : v.entries) s += k + ": " + debug_string(c) + ", ";
      return s + "}";
    }
    case Value::Kind::Seq: {
      std::string s = "[";
      for (const auto& c : v.items) s += debug_string(c) + ", ";
      return s + "]";
    }
  }
  return {};
}

}  // namespace enclint::model
