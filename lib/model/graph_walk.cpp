#include "model/graph_walk.hpp"

#include <algorithm>

namespace enclint::model::detail {

using yaml::Kind;
using yaml::kNone;
using yaml::NodeId;

namespace {
constexpr int kMaxDepth = 128;

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

const std::string* assumed(const Assumptions& given, const std::string& condition) {
  for (const Assumption& a : given)
    if (a.condition && a.name == condition) return &a.value;
  return nullptr;
}
}  // namespace

std::vector<std::string> Walker::loop_variables(NodeId node) const {
  const auto& doc = graph_.tpl().doc();
  std::vector<std::string> vars;
  for (NodeId n = node == kNone ? kNone : doc[node].parent; n != kNone; n = doc[n].parent) {
    const yaml::Node& seq = doc[n];
    if (seq.kind == Kind::Seq && seq.key != kNone &&
        starts_with(doc.text(seq.key), "Fn::ForEach::") && seq.children().size() == 3)
      vars.emplace_back(doc.text(seq.children()[0]));
  }
  return vars;
}

Assumptions Walker::own_condition(NodeId definition) const {
  const auto& doc = graph_.tpl().doc();
  NodeId c = doc.get(definition, "Condition");
  if (!doc.is_scalar(c)) return {};
  std::string name(doc.text(c));
  if (eval_.condition(name) == Truth::True) return {};
  return {{true, name, "true"}};
}

void Walker::references(NodeId value, const Assumptions& given,
                        const std::vector<std::string>& scope, std::vector<Reference>& out) const {
  walk(value, given, scope, out, 0);
}

void Walker::add(std::string_view name, std::string attribute, EdgeKind kind, NodeId at,
                 const Assumptions& given, const std::vector<std::string>& scope,
                 std::vector<Reference>& out) const {
  if (name.empty() || std::find(scope.begin(), scope.end(), name) != scope.end()) return;
  Reference r;
  r.target =
      kind == EdgeKind::Condition ? graph_.find(NodeKind::Condition, name) : graph_.target(name);
  r.name = std::string(name);
  r.kind = kind;
  r.attribute = std::move(attribute);
  r.at = at;
  r.assumptions = given;
  out.push_back(std::move(r));
}

void Walker::walk(NodeId node, const Assumptions& given, const std::vector<std::string>& scope,
                  std::vector<Reference>& out, int depth) const {
  const auto& doc = graph_.tpl().doc();
  if (node == kNone || depth > kMaxDepth) return;
  node = doc.resolve(node);
  // The children of a node that is not itself an intrinsic (or whose tag was
  // already read): what its arguments hold.
  auto children = [&](NodeId n, const Assumptions& a, const std::vector<std::string>& s) {
    const yaml::Node& x = doc[doc.resolve(n)];
    if (x.kind == Kind::Map)
      for (std::size_t i = 1; i < x.children().size(); i += 2)
        walk(x.children()[i], a, s, out, depth + 1);
    else if (x.kind == Kind::Seq)
      for (NodeId c : x.children()) walk(c, a, s, out, depth + 1);
  };
  // An argument: a node of its own, or (for `!Tag value`) the tagged node's content.
  auto argument = [&](NodeId arg, const Assumptions& a, const std::vector<std::string>& s) {
    if (doc.resolve(arg) == node)
      children(arg, a, s);
    else
      walk(arg, a, s, out, depth + 1);
  };
  NodeId args = kNone;
  std::string fn = eval_.intrinsic(node, &args);
  if (fn.empty()) {
    children(node, given, scope);
    return;
  }
  NodeId a = doc.resolve(args);
  const yaml::Node* an = a == kNone ? nullptr : &doc[a];
  if (fn == "Ref" || fn == "Condition") {
    add(doc.text(a), {}, fn == "Ref" ? EdgeKind::Ref : EdgeKind::Condition, node, given, scope,
        out);
  } else if (fn == "Fn::GetAtt") {
    if (an && an->kind == Kind::Scalar) {
      std::string_view s = an->value();
      std::size_t dot = s.find('.');
      if (dot != std::string_view::npos)
        add(s.substr(0, dot), std::string(s.substr(dot + 1)), EdgeKind::GetAtt, node, given, scope,
            out);
    } else if (an && an->kind == Kind::Seq && an->children().size() == 2) {
      add(doc.text(an->children()[0]), std::string(doc.text(an->children()[1])), EdgeKind::GetAtt,
          node, given, scope, out);
      walk(an->children()[1], given, scope, out, depth + 1);  // a Ref as the attribute
    }
  } else if (fn == "Fn::Sub") {
    NodeId text = a;
    std::vector<std::string> inner = scope;
    if (an && an->kind == Kind::Seq && !an->children().empty()) {
      text = an->children()[0];
      if (an->children().size() > 1) {
        NodeId map = an->children()[1];
        // The map's variables shadow resources and parameters of the same name.
        if (doc.is_map(map)) {
          const auto& kv = doc[doc.resolve(map)].children();
          for (std::size_t i = 0; i + 1 < kv.size(); i += 2) {
            inner.emplace_back(doc.text(kv[i]));
            walk(kv[i + 1], given, scope, out, depth + 1);
          }
        }
      }
    }
    if (doc.is_scalar(text))
      for (SubVariable& v : sub_variables(doc.text(text)))
        add(v.name, std::move(v.attribute), EdgeKind::Sub, node, given, inner, out);
  } else if (fn == "Fn::If" && an && an->kind == Kind::Seq && an->children().size() == 3) {
    const auto& items = an->children();
    std::string name(doc.text(items[0]));
    add(name, {}, EdgeKind::Condition, node, given, scope, out);
    Truth t = eval_.condition(name);
    if (const std::string* value = assumed(given, name)) {
      walk(items[*value == "true" ? 1 : 2], given, scope, out, depth + 1);
      return;
    }
    for (int branch = 1; branch <= 2; ++branch) {
      bool is_true = branch == 1;
      if (t == (is_true ? Truth::False : Truth::True)) continue;
      Assumptions b = given;
      if (t == Truth::Unknown) b.push_back({true, name, is_true ? "true" : "false"});
      walk(items[branch], b, scope, out, depth + 1);
    }
  } else {
    argument(args, given, scope);
  }
}

std::vector<Walker::Branch> Walker::branches(NodeId value, const Assumptions& given) const {
  const auto& doc = graph_.tpl().doc();
  std::vector<Branch> out;
  std::vector<Branch> todo{{value, given}};
  for (int guard = 0; !todo.empty() && guard < 256; ++guard) {
    Branch b = std::move(todo.back());
    todo.pop_back();
    if (b.node == kNone) continue;
    NodeId node = doc.resolve(b.node);
    NodeId args = kNone;
    std::string fn = eval_.intrinsic(node, &args);
    if (fn == "Ref" && doc.text(args) == "AWS::NoValue") continue;
    args = doc.resolve(args);
    if (fn != "Fn::If" || !doc.is_seq(args) || doc[args].children().size() != 3) {
      out.push_back({node, std::move(b.assumptions)});
      continue;
    }
    const auto& items = doc[args].children();
    std::string name(doc.text(items[0]));
    Truth t = eval_.condition(name);
    if (const std::string* v = assumed(b.assumptions, name)) {
      todo.push_back({items[*v == "true" ? 1 : 2], b.assumptions});
      continue;
    }
    for (int branch = 2; branch >= 1; --branch) {
      bool is_true = branch == 1;
      if (t == (is_true ? Truth::False : Truth::True)) continue;
      Assumptions a = b.assumptions;
      if (t == Truth::Unknown) a.push_back({true, name, is_true ? "true" : "false"});
      todo.push_back({items[branch], std::move(a)});
    }
  }
  return out;
}

std::vector<Walker::Branch> Walker::items(NodeId value, const Assumptions& given) const {
  const auto& doc = graph_.tpl().doc();
  std::vector<Branch> out;
  for (Branch& b : branches(value, given)) {
    if (doc[b.node].kind != Kind::Seq || !doc[b.node].tag().empty()) {
      out.push_back(std::move(b));
      continue;
    }
    for (NodeId item : doc[b.node].children())
      for (Branch& i : branches(item, b.assumptions)) out.push_back(std::move(i));
  }
  return out;
}

}  // namespace enclint::model::detail
