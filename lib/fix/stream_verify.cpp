#include "fix/stream_verify.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "fix/overlay.hpp"
#include "util/limits.hpp"
#include "yaml/events.hpp"

namespace enclint::fix {

namespace {

using namespace detail;

// What the next node of the fixed text must be: a node of the original with
// the additions below it, or an added value.
struct Want {
  Cursor c;
  Overlay ov;
  const Value* v = nullptr;  // set: an added value (c unused)
};

struct Mismatch {};  // thrown out of the event handler at the first difference

class StreamVerifier : public YAML::EventHandler {
 public:
  StreamVerifier(const Document& original, Overlay overlay, Placer& placer,
                 const yaml::Events& events)
      : placer_(placer), events_(events) {
    root_.c = {&original, original.root(), false};
    root_.ov = overlay;
  }

  bool complete() const { return root_done_ && frames_.empty(); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark&, YAML::anchor_t anchor) override {
    if (skipping_) return;
    if (key_position()) {
      key("");
      remember_key(anchor, "");
      return;
    }
    Want w = next_want();
    remember(anchor, w, "");
    if (shape(w) != Shape::Null) throw Mismatch{};
    done();
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    if (skipping_) return;
    if (key_position()) {  // a key's text is its value, whatever its tag (as in to_value)
      key(value);
      remember_key(anchor, value);
      return;
    }
    Want w = next_want();
    remember(anchor, w, value);
    std::string t = tag;
    if (const yaml::HiddenTag* h = events_.hidden_at(events_.offset(mark))) t = h->tag;
    Want u = unwrap(w, t);
    if (shape(u) != Shape::Scalar || text(u) != value) throw Mismatch{};
    done();
  }

  void OnSequenceStart(const YAML::Mark&, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(tag, anchor, Shape::Seq);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark&, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(tag, anchor, Shape::Map);
  }
  void OnMapEnd() override { close(); }

  void OnAlias(const YAML::Mark&, YAML::anchor_t anchor) override {
    if (skipping_) return;
    auto it = anchors_.find(anchor);
    if (it == anchors_.end() || it->second.open) throw Mismatch{};  // unknown, or a cycle
    const Anchored& a = it->second;
    if (key_position()) {
      key(a.scalar ? std::string_view(a.text) : std::string_view());  // as doc.text() reads a key
      return;
    }
    Want w = next_want();
    if (!a.has_want) {  // the anchor was on a key
      if (shape(w) != Shape::Scalar || text(w) != a.text) throw Mismatch{};
    } else if (!same_place(a.want, w)) {
      throw Mismatch{};
    }
    done();
  }

 private:
  struct Frame {
    Want want;
    bool is_map = false;
    std::size_t count = 0;                     // entries or items expected
    std::size_t index = 0;                     // entries or items seen
    bool expect_key = true;                    // maps: the next node is a key
    Want pending;                              // maps: the want of the value after a key
    YAML::anchor_t anchor = 0;                 // the collection's own anchor (open until it ends)
    std::vector<std::string> seen_small;       // keys seen (small mappings)
    std::unordered_set<std::string> seen_big;  // keys seen (big mappings)
  };
  struct Anchored {
    Want want;
    bool has_want = false;  // false: the anchor is on a key
    bool scalar = false;
    std::string text;  // scalars: their text
    bool open = false;
  };

  // --- the expected side ---------------------------------------------------
  static Shape value_shape(const Value& v) {
    switch (v.kind) {
      case Value::Kind::Null: return Shape::Null;
      case Value::Kind::String:
      case Value::Kind::Bool: return Shape::Scalar;
      case Value::Kind::Map: return Shape::Map;
      case Value::Kind::Seq: return Shape::Seq;
    }
    return Shape::Null;
  }
  static Shape shape(const Want& w) {
    return w.v ? value_shape(*w.v) : shape_with(view(w.c), w.ov);
  }
  static std::string_view text(const Want& w) {
    return w.v ? std::string_view(w.v->scalar) : view(w.c).node->value();
  }

  std::optional<Want> entry(const Want& w, std::string_view k) {
    if (w.v) {
      if (w.v->kind != Value::Kind::Map) return std::nullopt;
      const Value* child = w.v->find(k);
      if (!child) return std::nullopt;
      return Want{{}, {}, child};
    }
    if (const Value* added = w.ov.set_find(k)) return Want{{}, {}, added};
    View vw = view(w.c);
    std::optional<Cursor> c = placer_.find(w.c, vw, k);
    if (!c) return std::nullopt;
    return Want{*c, w.ov.key(k), nullptr};
  }

  static std::size_t entries(const Want& w) {
    return w.v ? w.v->entries.size() : entry_count_with(w.c, view(w.c), w.ov);
  }

  static std::size_t items(const Want& w) {
    return w.v ? w.v->items.size() : view(w.c).node->children().size();
  }
  static Want item(const Want& w, std::size_t i) {
    if (w.v) return Want{{}, {}, &w.v->items[i]};
    return Want{{w.c.doc, view(w.c).node->children()[i], false}, w.ov.item(i), nullptr};
  }

  // A tagged node of the fixed text stands for {Fn::Tag: node}: the want
  // must be that one-key mapping, and the node is compared with its value.
  Want unwrap(const Want& w, const std::string& tag) {
    std::string k = yaml::no_tag(tag) ? std::string() : model::tag_key(tag);
    if (k.empty()) return w;
    if (shape(w) != Shape::Map || entries(w) != 1) throw Mismatch{};
    std::optional<Want> inner = entry(w, k);
    if (!inner) throw Mismatch{};
    return *inner;
  }

  // Two places of the expected tree hold the same thing when they are the
  // same node of the original with equivalent additions (an alias in the
  // fixed text is the alias of the original, fixed alike at every use).
  static bool same_place(const Want& a, const Want& b) {
    if (a.v || b.v) return a.v && b.v && (a.v == b.v || model::equivalent(*a.v, *b.v));
    return a.c.doc->resolve(a.c.id) == b.c.doc->resolve(b.c.id) && a.c.untagged == b.c.untagged &&
           a.ov.same_as(b.ov);
  }

  // --- walking the fixed text -----------------------------------------------
  bool key_position() const {
    return !frames_.empty() && frames_.back().is_map && frames_.back().expect_key;
  }

  void key(std::string_view k) {
    Frame& f = frames_.back();
    bool fresh;
    if (f.count > 16) {
      fresh = f.seen_big.emplace(k).second;
    } else {
      fresh = std::find(f.seen_small.begin(), f.seen_small.end(), k) == f.seen_small.end();
      if (fresh) f.seen_small.emplace_back(k);
    }
    if (!fresh || ++f.index > f.count) throw Mismatch{};  // a duplicate, or one too many
    std::optional<Want> w = entry(f.want, k);
    if (!w) throw Mismatch{};
    f.pending = *w;
    f.expect_key = false;
  }

  Want next_want() {
    if (frames_.empty()) {
      if (root_taken_) throw Mismatch{};
      root_taken_ = true;
      return root_;
    }
    Frame& f = frames_.back();
    if (f.is_map) return f.pending;
    if (f.index >= f.count) throw Mismatch{};
    return item(f.want, f.index++);
  }

  // A value node is complete.
  void done() {
    if (frames_.empty()) {
      root_done_ = true;
      return;
    }
    if (frames_.back().is_map) frames_.back().expect_key = true;
  }

  // `text`: a scalar's text; nullopt for a collection.
  void remember(YAML::anchor_t anchor, const Want& w,
                std::optional<std::string_view> text = std::nullopt) {
    if (anchor)
      anchors_[anchor] = Anchored{w, true, text.has_value(), std::string(text.value_or("")), false};
  }
  void remember_key(YAML::anchor_t anchor, std::string_view k) {
    if (anchor) anchors_[anchor] = Anchored{{}, false, true, std::string(k), false};
  }

  void open(const std::string& tag, YAML::anchor_t anchor, Shape s) {
    // A collection as a key (`{{ x }}: y`, templating left in a file) has the
    // text "" in to_value, whatever it holds: its events are passed over.
    if (skipping_ || key_position()) {
      ++skipping_;
      return;
    }
    if (frames_.size() >= static_cast<std::size_t>(util::kMaxNestingDepth)) throw Mismatch{};
    Want w = next_want();
    remember(anchor, w);
    if (anchor) anchors_[anchor].open = true;
    Want u = unwrap(w, tag);
    if (shape(u) != s) throw Mismatch{};
    Frame f;
    f.want = u;
    f.is_map = s == Shape::Map;
    f.count = f.is_map ? entries(u) : items(u);
    f.anchor = anchor;
    frames_.push_back(std::move(f));
  }

  void close() {
    if (skipping_) {
      if (--skipping_ == 0) key("");
      return;
    }
    Frame& f = frames_.back();
    if (f.index != f.count || (f.is_map && !f.expect_key)) throw Mismatch{};
    if (f.anchor) anchors_[f.anchor].open = false;
    frames_.pop_back();
    done();
  }

  Placer& placer_;
  const yaml::Events& events_;
  Want root_;
  bool root_taken_ = false, root_done_ = false;
  int skipping_ = 0;  // depth inside a collection used as a key
  std::vector<Frame> frames_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
};

// Only asks whether there is a second document, and where it starts.
struct Probe : yaml::NullHandler {
  void OnDocumentStart(const YAML::Mark& mark) override { start = mark; }
  YAML::Mark start;
};

}  // namespace

StreamVerdict verify_additions_streaming(const yaml::Document& original,
                                         const source::SourceFile& fixed,
                                         const std::vector<const Fix*>& fixes) {
  StreamVerdict verdict;
  Placer placer(original);
  if (auto err = placer.place_all(fixes)) {
    verdict.mismatch = *err;
    return verdict;
  }
  try {
    yaml::Events events(fixed);
    StreamVerifier verifier(original, placer.overlay(), placer, events);
    if (!events.next_document(verifier) || !verifier.complete()) {
      verdict.mismatch = kNotOriginalPlusAdditions;
      return verdict;
    }
    Probe probe;
    if (events.next_document(probe))
      verdict.parse_error = yaml::ParseError{yaml::kSeveralDocuments, events.offset(probe.start)};
  } catch (const Mismatch&) {
    verdict.mismatch = kNotOriginalPlusAdditions;
  } catch (const YAML::Exception& e) {
    verdict.parse_error = yaml::ParseError{e.msg, yaml::error_offset(e, fixed)};
  }
  return verdict;
}

}  // namespace enclint::fix
