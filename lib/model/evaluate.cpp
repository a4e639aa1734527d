#include "model/evaluate.hpp"

#include "model/value.hpp"

#include <algorithm>

namespace enclint::model {

using yaml::Kind;
using yaml::kNone;
using yaml::NodeId;

namespace {
constexpr int kMaxDepth = 32;
const std::string kTooDeep = "intrinsic functions (Fn::If, Condition, ...) nested more than " +
                             std::to_string(kMaxDepth) + " levels deep";

std::string long_form(std::string_view tag) {
  if (tag == "!Ref" || tag == "!Condition") return std::string(tag.substr(1));
  if (tag.size() > 1 && tag[0] == '!' && tag[1] != '!') return "Fn::" + std::string(tag.substr(1));
  return {};
}
}  // namespace

Truth truth_of(const yaml::Document& doc, NodeId node) {
  node = doc.resolve(node);
  // A standard tag (`!!str true`) keeps the word; an intrinsic's (`!Ref x`) does not.
  if (node == kNone || doc[node].kind != Kind::Scalar || !tag_key(doc[node].tag()).empty())
    return Truth::Unknown;
  std::string_view v = doc[node].value();
  if (v == "true" || v == "True" || v == "TRUE") return Truth::True;
  if (v == "false" || v == "False" || v == "FALSE") return Truth::False;
  return Truth::Unknown;
}

bool consistent(const Assumptions& a, const Assumptions& b) {
  for (const Assumption& x : a)
    for (const Assumption& y : b)
      if (x.condition == y.condition && x.name == y.name && x.value != y.value) return false;
  return true;
}

bool implies(const Assumptions& have, const Assumptions& want) {
  return std::all_of(want.begin(), want.end(), [&](const Assumption& w) {
    return std::any_of(have.begin(), have.end(), [&](const Assumption& h) {
      return h.condition == w.condition && h.name == w.name && h.value == w.value;
    });
  });
}

void add_assumptions(Assumptions& to, const Assumptions& extra) {
  for (const Assumption& a : extra) {
    bool known = std::any_of(to.begin(), to.end(), [&](const Assumption& have) {
      return have.condition == a.condition && have.name == a.name;
    });
    if (!known) to.push_back(a);
  }
}

std::string describe_assumptions(const Assumptions& assumptions) {
  if (assumptions.empty()) return {};
  std::string s = "when ";
  std::vector<std::string> seen;
  for (const Assumption& a : assumptions) {
    std::string part = a.condition ? "condition " + a.name + " is " + a.value
                                   : "parameter " + a.name + " is '" + a.value + "'";
    if (std::find(seen.begin(), seen.end(), part) != seen.end()) continue;
    s += (seen.empty() ? "" : " and ") + part;
    seen.push_back(std::move(part));
  }
  return s;
}

std::string Evaluator::intrinsic(NodeId node, NodeId* args) const {
  const auto& doc = tpl_.doc();
  node = doc.resolve(node);
  if (node == kNone) return {};
  const yaml::Node& n = doc[node];
  if (!n.tag().empty()) {
    std::string name = long_form(n.tag());
    if (!name.empty() && args) *args = node;
    return name;
  }
  if (n.kind == Kind::Map && n.children().size() == 2) {
    std::string_view key = doc.text(n.children()[0]);
    if (key == "Ref" || key == "Condition" || key.rfind("Fn::", 0) == 0) {
      if (args) *args = n.children()[1];
      return std::string(key);
    }
  }
  return {};
}

std::vector<Possibility> Evaluator::expand(NodeId node) const {
  std::vector<Possibility> out;
  expand_into(node, {}, out, 0);
  return out;
}

std::vector<Possibility> Evaluator::expand(NodeId node, const Assumptions& given) const {
  std::vector<Possibility> out;
  expand_into(node, given, out, 0);
  return out;
}

namespace {
// The value `assumptions` already give a condition or parameter, or nullptr.
const std::string* assumed(const Assumptions& assumptions, bool condition,
                           const std::string& name) {
  for (const Assumption& a : assumptions)
    if (a.condition == condition && a.name == name) return &a.value;
  return nullptr;
}
}  // namespace

void Evaluator::expand_into(NodeId node, Assumptions assumptions, std::vector<Possibility>& out,
                            int depth) const {
  const auto& doc = tpl_.doc();
  auto add = [&](Possibility p) {
    p.assumptions = assumptions;
    if (out.size() < kMaxPossibilities) {
      out.push_back(std::move(p));
    } else if (out.back().kind != Possibility::Kind::Unknown) {
      tpl_.note_limit(doc[node == kNone ? doc.root() : node].begin,
                      "more than " + std::to_string(kMaxPossibilities) +
                          " combinations of conditions and parameter values");
      out.back() =
          Possibility{Possibility::Kind::Unknown, kNone, "too many combinations", {}, false};
    }
  };
  if (node == kNone) {
    add({Possibility::Kind::Absent, kNone, {}, {}, false});
    return;
  }
  node = doc.resolve(node);
  if (depth > kMaxDepth) {
    tpl_.note_limit(doc[node].begin, kTooDeep);
    add({Possibility::Kind::Unknown, kNone, "nested too deeply", {}, false});
    return;
  }
  NodeId args = kNone;
  std::string fn = intrinsic(node, &args);
  if (fn.empty()) {
    add({Possibility::Kind::Node, node, {}, {}, false});
    return;
  }
  if (fn == "Fn::If") {
    args = doc.resolve(args);
    if (args == kNone || doc[args].kind != Kind::Seq || doc[args].children().size() != 3) {
      add({Possibility::Kind::Unknown, kNone, "a malformed Fn::If", {}, false});
      return;
    }
    const auto& items = doc[args].children();
    std::string name(doc.text(items[0]));
    Truth t = condition(name);
    if (const std::string* given = assumed(assumptions, true, name)) {
      // Already decided by an enclosing branch.
      expand_into(items[*given == "true" ? 1 : 2], std::move(assumptions), out, depth + 1);
      return;
    }
    if (t != Truth::False) {
      auto a = assumptions;
      if (t == Truth::Unknown) a.push_back({true, name, "true"});
      expand_into(items[1], std::move(a), out, depth + 1);
    }
    if (t != Truth::True) {
      auto a = assumptions;
      if (t == Truth::Unknown) a.push_back({true, name, "false"});
      expand_into(items[2], std::move(a), out, depth + 1);
    }
    return;
  }
  if (fn == "Ref") {
    std::string target(doc.text(args));
    if (target == "AWS::NoValue") {
      add({Possibility::Kind::Absent, kNone, {}, {}, true});
      return;
    }
    const Parameter* param = tpl_.parameter(target);
    if (!param) {
      add({Possibility::Kind::Unknown, kNone, "Ref " + target, {}, false});
      return;
    }
    NodeId allowed = param->allowed_values;
    if (allowed != kNone) {
      const std::string* given = assumed(assumptions, false, target);
      for (NodeId v : doc[allowed].children()) {
        if (given && doc.text(v) != *given) continue;
        if (given) {
          add({Possibility::Kind::Node, doc.resolve(v), {}, {}, false});
          continue;
        }
        auto a = assumptions;
        a.push_back({false, target, std::string(doc.text(v))});
        if (out.size() >= kMaxPossibilities) break;
        Possibility p{Possibility::Kind::Node, doc.resolve(v), {}, std::move(a), false};
        out.push_back(std::move(p));
      }
      return;
    }
    add({Possibility::Kind::AnyParameter, kNone, target, {}, false});
    return;
  }
  add({Possibility::Kind::Unknown, kNone, fn, {}, false});
}

std::vector<Possibility> Evaluator::lookup(const std::vector<Possibility>& maps,
                                           const std::string& key) const {
  const auto& doc = tpl_.doc();
  std::vector<Possibility> out;
  for (const Possibility& m : maps) {
    if (m.kind != Possibility::Kind::Node || !doc.is_map(m.node)) {
      out.push_back(m);
      continue;
    }
    std::vector<Possibility> values;
    expand_into(doc.get(m.node, key), m.assumptions, values, 0);  // keeps m's assumptions
    for (auto& v : values) out.push_back(std::move(v));
  }
  return out;
}

Truth Evaluator::condition(const std::string& name) const { return condition_at(name, 0); }

Truth Evaluator::condition_at(const std::string& name, int depth) const {
  auto it = conditions_.find(name);
  if (it != conditions_.end()) return it->second;
  conditions_[name] = Truth::Unknown;  // a cycle evaluates to Unknown
  NodeId node = tpl_.condition(name);
  Truth t = node == kNone ? Truth::Unknown : eval_condition_node(node, depth + 1);
  conditions_[name] = t;
  return t;
}

std::optional<std::vector<std::string>> Evaluator::scalar_values(NodeId node, int depth) const {
  const auto& doc = tpl_.doc();
  std::vector<Possibility> ps;
  expand_into(node, {}, ps, depth);
  std::vector<std::string> values;
  for (const Possibility& p : ps) {
    if (p.kind != Possibility::Kind::Node || doc[p.node].kind != Kind::Scalar) return std::nullopt;
    values.emplace_back(doc[p.node].value());
  }
  return values;
}

Truth Evaluator::eval_condition_node(NodeId node, int depth) const {
  const auto& doc = tpl_.doc();
  if (depth > kMaxDepth) {
    tpl_.note_limit(doc[node].begin, kTooDeep);
    return Truth::Unknown;
  }
  NodeId args = kNone;
  std::string fn = intrinsic(node, &args);
  args = doc.resolve(args);
  std::span<const NodeId> items;
  if (args != kNone && doc[args].kind == Kind::Seq) items = doc[args].children();
  if (fn == "Condition") return condition_at(std::string(doc.text(args)), depth + 1);
  if (fn == "Fn::Equals" && items.size() == 2) {
    auto a = scalar_values(items[0], depth + 1);
    auto b = scalar_values(items[1], depth + 1);
    if (!a || !b || a->empty() || b->empty()) return Truth::Unknown;
    bool some_equal = false, some_different = false;
    for (const auto& x : *a)
      for (const auto& y : *b) (x == y ? some_equal : some_different) = true;
    if (some_equal && !some_different) return Truth::True;
    if (some_different && !some_equal) return Truth::False;
    return Truth::Unknown;
  }
  if (fn == "Fn::Not" && items.size() == 1) {
    Truth t = eval_condition_node(items[0], depth + 1);
    return t == Truth::True ? Truth::False : t == Truth::False ? Truth::True : Truth::Unknown;
  }
  if ((fn == "Fn::And" || fn == "Fn::Or") && !items.empty()) {
    bool is_and = fn == "Fn::And";
    bool unknown = false;
    for (NodeId item : items) {
      Truth t = eval_condition_node(item, depth + 1);
      if (is_and && t == Truth::False) return Truth::False;
      if (!is_and && t == Truth::True) return Truth::True;
      unknown |= t == Truth::Unknown;
    }
    if (unknown) return Truth::Unknown;
    return is_and ? Truth::True : Truth::False;
  }
  return Truth::Unknown;
}

}  // namespace enclint::model
