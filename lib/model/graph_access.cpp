// The edges that say who may do what to a store or a key: SAM policy
// templates and event sources, IAM policy statements (inline role policies,
// AWS::IAM::Policy, AWS::IAM::ManagedPolicy, SAM inline statements), the
// policies and roles a principal uses, and the key that encrypts each store.
#include <map>

#include "model/access.hpp"
#include "model/graph_walk.hpp"

namespace enclint::model::detail {

using yaml::kNone;
using yaml::NodeId;

namespace {

class AccessBuilder {
 public:
  AccessBuilder(Graph& graph, const Evaluator& eval)
      : g_(graph), doc_(graph.tpl().doc()), eval_(eval), walker_(graph, eval) {}

  void run() {
    const auto& resources = g_.tpl().resources();
    for (std::uint32_t i = 0; i < resources.size(); ++i) {
      const Resource& r = resources[i];
      Assumptions given = walker_.own_condition(r.node);
      scope_ = walker_.loop_variables(r.node);
      for (const auto& props : walker_.branches(r.properties, given)) resource(i, r, props);
    }
  }

 private:
  void resource(std::uint32_t i, const Resource& r, const Walker::Branch& props) {
    std::string_view t = r.type;
    NodeId p = props.node;
    const Assumptions& a = props.assumptions;
    if (t == "AWS::Serverless::Function" || t == "AWS::Serverless::StateMachine") {
      sam_policies(i, doc_.get(p, "Policies"), a);
      attach(i, doc_.get(p, "Role"), a, "AWS::IAM::Role", false);
      events(i, doc_.get(p, "Events"), a);
    } else if (t == "AWS::Lambda::Function") {
      attach(i, doc_.get(p, "Role"), a, "AWS::IAM::Role", false);
    } else if (t == "AWS::IAM::Role") {
      for (const auto& pol : walker_.items(doc_.get(p, "Policies"), a))
        document(i, doc_.get(pol.node, "PolicyDocument"), pol.assumptions,
                 std::string(doc_.text(doc_.get(pol.node, "PolicyName"))));
      attach(i, doc_.get(p, "ManagedPolicyArns"), a, "AWS::IAM::ManagedPolicy", false);
    } else if (t == "AWS::IAM::Policy" || t == "AWS::IAM::ManagedPolicy") {
      document(i, doc_.get(p, "PolicyDocument"), a, std::string(r.logical_id));
      attach(i, doc_.get(p, "Roles"), a, "AWS::IAM::Role", true);
    }
    for (const auto& path : key_paths(t)) encrypted_with(i, p, path, 0, a);
    if (t == "AWS::Events::Rule") publishes(i, p, {"Targets", "*", "Arn"}, 0, a);
    if (t == "AWS::S3::Bucket")
      publishes(i, p, {"NotificationConfiguration", "TopicConfigurations", "*", "Topic"}, 0, a);
    if (t == "AWS::CloudWatch::Alarm" || t == "AWS::CloudWatch::CompositeAlarm")
      for (std::string_view actions : {"AlarmActions", "OKActions", "InsufficientDataActions"})
        publishes(i, p, {actions, "*"}, 0, a);
  }

  // The topics an AWS service publishes to for `source`, at `path` ("*": each item).
  void publishes(std::uint32_t source, NodeId node, const std::vector<std::string_view>& path,
                 std::size_t step, const Assumptions& given) {
    for (const auto& b : walker_.branches(node, given)) {
      if (step == path.size()) {
        std::vector<Reference> found;
        walker_.references(b.node, b.assumptions, scope_, found);
        for (Reference& ref : found)
          if (ref.target != Graph::kNoNode && service(ref.target) == "sns")
            g_.add(
                {source, ref.target, EdgeKind::Publishes, 0, false, b.node, {}, ref.assumptions});
      } else if (path[step] == "*") {
        for (const auto& item : walker_.items(b.node, b.assumptions))
          publishes(source, item.node, path, step + 1, item.assumptions);
      } else if (NodeId next = doc_.get(b.node, path[step]); next != kNone) {
        publishes(source, next, path, step + 1, b.assumptions);
      }
    }
  }

  // `holder` uses the permissions of the resources of `type` that `value`
  // names; `reverse`: they use the holder's (a policy's Roles).
  void attach(std::uint32_t holder, NodeId value, const Assumptions& given, std::string_view type,
              bool reverse) {
    for (const auto& item : walker_.items(value, given)) {
      refs_.clear();
      walker_.references(item.node, item.assumptions, scope_, refs_);
      for (Reference& ref : refs_) {
        if (!is_resource(ref.target, type)) continue;
        std::uint32_t from = reverse ? ref.target : holder, to = reverse ? holder : ref.target;
        g_.add({from, to, EdgeKind::Attached, 0, false, ref.at, {}, ref.assumptions});
      }
    }
  }

  void sam_policies(std::uint32_t fn, NodeId policies, const Assumptions& given) {
    for (const auto& item : walker_.items(policies, given)) {
      NodeId n = item.node;
      if (!doc_.is_map(n) || !doc_[n].tag().empty()) {
        attach(fn, n, item.assumptions, "AWS::IAM::ManagedPolicy", false);
        continue;
      }
      if (doc_.get(n, "Statement") != kNone) {
        document(fn, n, item.assumptions, "inline statement");
        continue;
      }
      const auto& kv = doc_[n].children();
      if (kv.size() != 2) continue;
      const PolicyTemplate* pt = policy_template(doc_.text(kv[0]));
      if (!pt) {
        attach(fn, n, item.assumptions, "AWS::IAM::ManagedPolicy", false);
        continue;
      }
      NodeId param = doc_.get(kv[1], pt->parameter);
      refs_.clear();
      walker_.references(param, item.assumptions, scope_, refs_);
      for (Reference& ref : refs_)
        if (ref.target != Graph::kNoNode && service(ref.target) == pt->service)
          g_.add({fn, ref.target, EdgeKind::Access, pt->access, false, n, std::string(pt->name),
                  ref.assumptions});
    }
  }

  void events(std::uint32_t fn, NodeId events, const Assumptions& given) {
    if (!doc_.is_map(events)) return;
    const auto& kv = doc_[doc_.resolve(events)].children();
    for (std::size_t i = 0; i + 1 < kv.size(); i += 2) {
      for (const auto& ev : walker_.branches(kv[i + 1], given)) {
        const EventSourceKind* kind = event_source(doc_.text(doc_.get(ev.node, "Type")));
        if (!kind) continue;
        NodeId props = doc_.get(ev.node, "Properties");
        refs_.clear();
        walker_.references(doc_.get(props, kind->property), ev.assumptions, scope_, refs_);
        for (Reference& ref : refs_)
          if (ref.target != Graph::kNoNode && !service(ref.target).empty())
            g_.add({fn, ref.target, EdgeKind::EventSource, kind->access, false, ev.node,
                    std::string(doc_.text(kv[i])), ref.assumptions});
      }
    }
  }

  // The Allow statements of a policy document.
  void document(std::uint32_t holder, NodeId doc, const Assumptions& given,
                const std::string& via) {
    for (const auto& d : walker_.branches(doc, given))
      for (const auto& s : walker_.items(doc_.get(d.node, "Statement"), d.assumptions))
        statement(holder, s, via);
  }

  void statement(std::uint32_t holder, const Walker::Branch& s, const std::string& via) {
    if (!doc_.is_map(s.node) || doc_.text(doc_.get(s.node, "Effect")) != "Allow") return;
    std::vector<std::string_view> actions;
    for (const auto& a : walker_.items(doc_.get(s.node, "Action"), s.assumptions))
      if (doc_.is_scalar(a.node)) actions.push_back(doc_.text(a.node));
    auto bits = [&](std::string_view service) {
      std::uint8_t b = 0;
      for (std::string_view a : actions) b |= action_access(a, service);
      return b;
    };
    for (const auto& res : walker_.items(doc_.get(s.node, "Resource"), s.assumptions)) {
      refs_.clear();
      walker_.references(res.node, res.assumptions, scope_, refs_);
      bool named = false;
      for (Reference& ref : refs_) {
        if (ref.target == Graph::kNoNode || ref.kind == EdgeKind::Condition) continue;
        std::uint32_t target = ref.target;
        // An ARN that Fn::Sub builds around a store's name names that store.
        if (std::uint8_t b = bits(service(target))) {
          g_.add({holder, target, EdgeKind::Access, b, false, s.node, via, ref.assumptions});
          named = true;
        }
      }
      if (!named) pattern(holder, res, s.node, via, bits);
    }
  }

  // A Resource written as a pattern (`*`, `arn:aws:kms:*:*:key/*`, a Sub of
  // pseudo parameters only): every store or key of its service it can match.
  template <typename Bits>
  void pattern(std::uint32_t holder, const Walker::Branch& res, NodeId statement,
               const std::string& via, Bits&& bits) {
    NodeId text = res.node;
    NodeId args = kNone;
    if (eval_.intrinsic(res.node, &args) == "Fn::Sub") text = args;
    if (doc_.is_seq(text))
      text = doc_[doc_.resolve(text)].children().empty() ? kNone
                                                         : doc_[doc_.resolve(text)].children()[0];
    if (!doc_.is_scalar(text)) return;
    // Pseudo parameters (${AWS::Region}) match anything, like a `*`.
    std::string arn;
    std::string_view raw = doc_.text(text);
    for (std::size_t i = 0; i < raw.size(); ++i) {
      std::size_t close = raw.substr(i, 2) == "${" ? raw.find('}', i) : std::string_view::npos;
      if (close == std::string_view::npos) {
        arn += raw[i];
      } else {
        arn += 'x';
        i = close;
      }
    }
    if (arn.find('*') == std::string::npos) return;
    std::string_view service;  // "" for `*`: any
    if (arn != "*") {
      if (arn.substr(0, 4) != "arn:") return;
      std::size_t a = arn.find(':', 4), b = a == std::string::npos ? a : arn.find(':', a + 1);
      if (b == std::string::npos) return;
      service = std::string_view(arn).substr(a + 1, b - a - 1);
      // A pattern for named stores (`table/orders-*`, `my-bucket/*`) is not every store.
      std::size_t region = arn.find(':', b + 1);
      std::size_t account = region == std::string::npos ? region : arn.find(':', region + 1);
      if (account == std::string::npos) return;
      std::string_view rest = std::string_view(arn).substr(account + 1);
      for (std::string_view word : {"table/", "key/", "stream/"})
        if (rest.substr(0, word.size()) == word) rest.remove_prefix(word.size());
      if (rest.empty() || rest[0] != '*') return;
    }
    for (std::uint32_t n = 0; n < g_.tpl().resources().size(); ++n) {
      std::string_view sv = this->service(n);
      if (sv.empty() || (!service.empty() && sv != service)) continue;
      if (std::uint8_t b = bits(sv))
        g_.add({holder, n, EdgeKind::Access, b, true, statement, via, res.assumptions});
    }
  }

  void encrypted_with(std::uint32_t store, NodeId node, const std::vector<std::string_view>& path,
                      std::size_t step, const Assumptions& given) {
    for (const auto& b : walker_.branches(node, given)) {
      if (step == path.size()) {
        refs_.clear();
        walker_.references(b.node, b.assumptions, scope_, refs_);
        std::vector<Reference> found = std::move(refs_);
        for (Reference& ref : found) {
          std::uint32_t key = key_of(ref.target);
          if (is_resource(key, "AWS::KMS::Key"))
            g_.add({store, key, EdgeKind::EncryptedWith, 0, false, b.node,
                    key == ref.target ? std::string() : ref.name, ref.assumptions});
        }
        continue;
      }
      if (path[step] == "*") {
        for (const auto& item : walker_.items(b.node, b.assumptions))
          encrypted_with(store, item.node, path, step + 1, item.assumptions);
      } else {
        NodeId next = doc_.get(b.node, path[step]);
        if (next != kNone) encrypted_with(store, next, path, step + 1, b.assumptions);
      }
    }
  }

  // An alias stands for the key its TargetKeyId names.
  std::uint32_t key_of(std::uint32_t n) {
    if (!is_resource(n, "AWS::KMS::Alias")) return n;
    const Resource& alias = g_.tpl().resources()[g_.nodes()[n].resource];
    std::vector<Reference> refs;
    walker_.references(doc_.get(alias.properties, "TargetKeyId"), {}, {}, refs);
    for (const Reference& r : refs)
      if (is_resource(r.target, "AWS::KMS::Key")) return r.target;
    return n;
  }

  bool is_resource(std::uint32_t n, std::string_view type) const {
    return n != Graph::kNoNode && g_.nodes()[n].kind == NodeKind::Resource &&
           g_.nodes()[n].type == type;
  }
  std::string_view service(std::uint32_t n) const {
    if (n == Graph::kNoNode || g_.nodes()[n].kind != NodeKind::Resource) return {};
    return service_of(g_.nodes()[n].type);
  }

  Graph& g_;
  const yaml::Document& doc_;
  const Evaluator& eval_;
  Walker walker_;
  std::vector<std::string> scope_;
  std::vector<Reference> refs_;
};

}  // namespace

void add_access_edges(Graph& graph, const Evaluator& eval) { AccessBuilder(graph, eval).run(); }

}  // namespace enclint::model::detail
