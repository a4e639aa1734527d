// yaml-cpp's event API gives us start marks only; here we compute where each
// node ends, by looking at the source text once per node:
//   - a quoted scalar ends at its closing quote;
//   - a plain or block scalar ends after as many non-blank bytes as its value
//     holds (folding only ever changes whitespace, and these styles have no
//     escapes), so multi-line scalars need no indentation bookkeeping;
//   - a block collection ends where its last child ends;
//   - a flow collection ends at its closing bracket.
#include "yaml/parser.hpp"

#include "util/interrupt.hpp"
#include "util/limits.hpp"
#include "yaml/events.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

namespace enclint::yaml {
namespace {

struct BuildError {
  std::string message;
  std::size_t offset;
};

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

}  // namespace

class Builder : public YAML::EventHandler {
 public:
  // `expected_bytes`: how much text the document may span (0: a probe for a
  // second document, which needs no room).
  Builder(const Events& events, std::size_t expected_bytes)
      : text_(events.text()), events_(events) {
    // Templates run at 10 to 15 bytes a node, so one node per 8 bytes is
    // rarely outgrown (growing copies every node); pages of the reserve never
    // written are never resident, and a small file's reserve stays on the
    // heap (no mmap and munmap of its own).
    doc_.nodes_.reserve(expected_bytes / 8 + 64);
  }

  Document take() { return std::move(doc_); }
  bool empty() const { return doc_.root_ == kNone; }

  void OnDocumentStart(const YAML::Mark& mark) override { start_ = offset(mark); }
  std::size_t start() const { return start_; }
  void OnDocumentEnd() override {}
  void OnAnchor(const YAML::Mark&, const std::string& name) override { pending_anchor_ = name; }

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node n;
    n.kind = Kind::Null;
    std::size_t at = offset(mark);
    std::size_t props_end = skip_properties(at);
    std::size_t content = skip_blank_and_comments(props_end);
    std::size_t lit = null_literal_length(content);
    if (lit > 0) {
      n.begin = static_cast<std::uint32_t>(at);
      n.content = static_cast<std::uint32_t>(content);
      n.end = static_cast<std::uint32_t>(content + lit);
    } else if (props_end > at) {
      // `&a` or `!Tag` with nothing after it.
      n.begin = n.content = static_cast<std::uint32_t>(at);
      n.end = static_cast<std::uint32_t>(props_end);
    } else {
      // Nothing written: yaml-cpp's mark points at the next token. Place the
      // empty range right after the `:` of its key (or at the mark).
      std::size_t pos = at;
      if (expecting_value()) pos = after_colon(doc_.nodes_[pending_key()].end, at);
      n.begin = n.content = n.end = static_cast<std::uint32_t>(pos);
    }
    add(n, anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node n;
    n.kind = Kind::Alias;
    std::size_t at = offset(mark);
    std::size_t i = at + 1;
    while (i < text_.size() && !is_blank(text_[i]) && !is_flow_indicator(text_[i])) ++i;
    n.begin = n.content = static_cast<std::uint32_t>(at);
    n.end = static_cast<std::uint32_t>(i);
    if (anchor == 0 || anchor >= anchors_.size() || anchors_[anchor] == kNone)
      throw BuildError{"unknown alias", at};
    n.target_ = anchors_[anchor];
    // `&a [*a]`: a cycle, which no JSON value (and so no template) can be,
    // and which would make every walk over the tree endless.
    if (std::find(stack_.begin(), stack_.end(), n.target_) != stack_.end())
      throw BuildError{"this alias refers to a node that contains it (a cycle)", at};
    doc_.nodes_[n.target_].aliased = true;
    add(n, 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Node n;
    n.kind = Kind::Scalar;
    std::size_t at = offset(mark);
    std::size_t props_end = skip_properties(at);
    std::size_t content = skip_blank_and_comments(props_end);
    n.begin = static_cast<std::uint32_t>(at);
    n.tag_ = intern(tag);
    if (const HiddenTag* h = events_.hidden_at(at)) {
      n.begin = static_cast<std::uint32_t>(h->begin);
      n.tag_ = intern(h->tag);
    }
    std::string_view stored = doc_.arena_.store(value);
    n.value_ = stored.data();
    n.value_size_ = static_cast<std::uint32_t>(stored.size());
    char c = content < text_.size() ? text_[content] : '\0';
    std::size_t end;
    if (c == '"') {
      n.style = Style::DoubleQuoted;
      end = double_quoted_end(content);
    } else if (c == '\'') {
      n.style = Style::SingleQuoted;
      end = single_quoted_end(content);
    } else if ((c == '|' || c == '>') && tag != "?") {
      n.style = c == '|' ? Style::Literal : Style::Folded;
      end = block_scalar_end(content, value);
    } else if (value.empty() && tag != "?") {
      // `!Ref` with no text: an empty scalar that is all properties.
      content = props_end;
      end = props_end;
    } else {
      n.style = Style::Plain;
      end = after_non_blank(content, value);
    }
    n.content = static_cast<std::uint32_t>(content);
    n.end = static_cast<std::uint32_t>(end);
    add(n, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(Kind::Seq, mark, tag, anchor, style);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(Kind::Map, mark, tag, anchor, style);
  }
  void OnMapEnd() override {
    check_duplicate_keys();
    close();
  }

 private:
  std::size_t offset(const YAML::Mark& mark) const { return events_.offset(mark); }

  // Past `!tag` and `&anchor` properties (not the blanks after them).
  std::size_t skip_properties(std::size_t i) const {
    for (;;) {
      if (i < text_.size() && (text_[i] == '!' || text_[i] == '&')) {
        std::size_t j = i;
        while (j < text_.size() && !is_blank(text_[j]) &&
               !(text_[i] == '&' && is_flow_indicator(text_[j])))
          ++j;
        std::size_t k = skip_blank_and_comments(j);
        if (k < text_.size() && (text_[k] == '!' || text_[k] == '&') && k != i) {
          i = k;
          continue;
        }
        return j;
      }
      return i;
    }
  }

  std::size_t skip_blank_and_comments(std::size_t i) const {
    while (i < text_.size()) {
      if (is_blank(text_[i])) {
        ++i;
      } else if (text_[i] == '#' && (i == 0 || is_blank(text_[i - 1]))) {
        while (i < text_.size() && text_[i] != '\n') ++i;
      } else {
        break;
      }
    }
    return i;
  }

  // Length of a `null`/`~` literal at i that is a value, not a key.
  std::size_t null_literal_length(std::size_t i) const {
    static const std::string_view literals[] = {"null", "Null", "NULL", "~"};
    for (auto lit : literals) {
      if (text_.substr(i, lit.size()) != lit) continue;
      std::size_t j = i + lit.size();
      if (j < text_.size() && !is_blank(text_[j]) && !is_flow_indicator(text_[j]) &&
          text_[j] != '#')
        continue;
      std::size_t k = j;
      while (k < text_.size() && (text_[k] == ' ' || text_[k] == '\t')) ++k;
      if (k < text_.size() && text_[k] == ':') return 0;  // it is the next key
      return lit.size();
    }
    return 0;
  }

  std::size_t after_colon(std::size_t key_end, std::size_t limit) const {
    std::size_t i = skip_blank_and_comments(key_end);
    if (i < text_.size() && text_[i] == ':' && i < limit + 1) return i + 1;
    return key_end;
  }

  std::size_t double_quoted_end(std::size_t i) const {
    const std::size_t open = i;
    for (++i; i < text_.size(); ++i) {
      if (text_[i] == '\\') {
        ++i;
      } else if (text_[i] == '"') {
        return i + 1;
      }
    }
    throw BuildError{"unterminated double-quoted string", open};
  }

  std::size_t single_quoted_end(std::size_t i) const {
    const std::size_t open = i;
    for (++i; i < text_.size(); ++i) {
      if (text_[i] == '\'') {
        if (i + 1 < text_.size() && text_[i + 1] == '\'') {
          ++i;
        } else {
          return i + 1;
        }
      }
    }
    throw BuildError{"unterminated single-quoted string", open};
  }

  static std::size_t count_non_blank(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += !is_blank(c);
    return n;
  }

  // One past the byte that completes `value`'s non-blank bytes, from i on.
  std::size_t after_non_blank(std::size_t i, const std::string& value) const {
    std::size_t want = count_non_blank(value);
    std::size_t seen = 0;
    std::size_t start = i;
    while (seen < want && i < text_.size()) {
      if (!is_blank(text_[i])) ++seen;
      ++i;
    }
    if (seen < want) throw BuildError{"could not locate the end of a scalar", start};
    return i;
  }

  std::size_t block_scalar_end(std::size_t indicator, const std::string& value) const {
    std::size_t i = indicator + 1;
    while (i < text_.size() &&
           (text_[i] == '+' || text_[i] == '-' || (text_[i] >= '0' && text_[i] <= '9')))
      ++i;
    std::size_t header_end = i;
    if (count_non_blank(value) == 0) return header_end;
    std::size_t nl = text_.find('\n', i);
    if (nl == std::string_view::npos) return header_end;
    std::size_t last = after_non_blank(nl + 1, value);
    // End with the last content line (its line break is not part of the range).
    std::size_t eol = text_.find('\n', last);
    if (eol == std::string_view::npos) return text_.size();
    if (eol > 0 && text_[eol - 1] == '\r') --eol;
    return eol;
  }

  const std::string* intern(const std::string& tag) {
    if (no_tag(tag)) return nullptr;
    return &*doc_.tags_.insert(tag).first;
  }

  // The children of the innermost open collection (they go to the arena when it closes).
  std::vector<NodeId>& open_children() { return open_children_[stack_.size() - 1]; }
  const std::vector<NodeId>& open_children() const { return open_children_[stack_.size() - 1]; }

  bool expecting_value() const {
    if (stack_.empty()) return false;
    const Node& top = doc_.nodes_[stack_.back()];
    return top.kind == Kind::Map && open_children().size() % 2 == 1;
  }
  NodeId pending_key() const { return open_children().back(); }

  NodeId add(Node n, YAML::anchor_t anchor) {
    NodeId id = static_cast<NodeId>(doc_.nodes_.size());
    if (!stack_.empty()) {
      const Node& top = doc_.nodes_[stack_.back()];
      std::vector<NodeId>& siblings = open_children();
      n.parent = stack_.back();
      if (top.kind == Kind::Map && siblings.size() % 2 == 1) n.key = siblings.back();
      siblings.push_back(id);
    } else if (doc_.root_ == kNone) {
      doc_.root_ = id;
    }
    if (anchor != 0) {
      n.anchored = true;
      if (!pending_anchor_.empty()) doc_.anchors_[id] = std::move(pending_anchor_);
      pending_anchor_.clear();
      if (anchors_.size() <= anchor) anchors_.resize(anchor + 1, kNone);
      anchors_[anchor] = id;
    }
    doc_.nodes_.push_back(n);
    return id;
  }

  void open(Kind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style) {
    // yaml-cpp recurses once per level and reports each level before going
    // deeper: stopping here bounds its stack at our limit, whatever the input.
    // A stop request ends a long parse here (the caller sees it was one).
    if (util::interrupted()) throw BuildError{"interrupted", offset(mark)};
    if (stack_.size() >= static_cast<std::size_t>(util::kMaxNestingDepth))
      throw BuildError{"nesting deeper than " + std::to_string(util::kMaxNestingDepth) + " levels",
                       offset(mark)};
    Node n;
    n.kind = kind;
    std::size_t at = offset(mark);
    n.begin = static_cast<std::uint32_t>(at);
    std::size_t content = skip_blank_and_comments(skip_properties(at));
    n.content = static_cast<std::uint32_t>(content);
    n.end = n.content;
    n.style = style == YAML::EmitterStyle::Flow ? Style::Flow : Style::Block;
    n.tag_ = intern(tag);
    stack_.push_back(add(n, anchor));
    // One vector per depth, reused: no allocation per collection.
    if (open_children_.size() < stack_.size()) open_children_.emplace_back();
    open_children().clear();
  }

  void close() {
    NodeId id = stack_.back();
    Node& n = doc_.nodes_[id];
    std::span<const NodeId> children = doc_.arena_.store(open_children());
    n.children_ = children.data();
    n.child_count_ = static_cast<std::uint32_t>(children.size());
    stack_.pop_back();
    std::size_t last = n.content;
    for (NodeId c : n.children()) last = std::max<std::size_t>(last, doc_.nodes_[c].end);
    bool bracketed =
        n.content < text_.size() && (text_[n.content] == '{' || text_[n.content] == '[');
    if (n.style == Style::Flow && bracketed) {
      n.end =
          static_cast<std::uint32_t>(closing_bracket(n.children().empty() ? n.content + 1 : last));
    } else {
      n.end = static_cast<std::uint32_t>(last);
    }
  }

  // One past the `]`/`}` that closes the flow collection we are inside at i.
  std::size_t closing_bracket(std::size_t i) const {
    int depth = 0;
    while (i < text_.size()) {
      char c = text_[i];
      bool token_start = i == 0 || is_blank(text_[i - 1]) || is_flow_indicator(text_[i - 1]) ||
                         text_[i - 1] == ':';
      if (c == '#' && (i == 0 || is_blank(text_[i - 1]))) {
        while (i < text_.size() && text_[i] != '\n') ++i;
        continue;
      }
      if (c == '"' && token_start) {
        i = double_quoted_end(i);
        continue;
      }
      if (c == '\'' && token_start) {
        i = single_quoted_end(i);
        continue;
      }
      if (c == '[' || c == '{') ++depth;
      if (c == ']' || c == '}') {
        if (depth == 0) return i + 1;
        --depth;
      }
      ++i;
    }
    throw BuildError{"flow collection not closed", i};
  }

  // Called before close(), while the map's children are still open.
  void check_duplicate_keys() {
    const auto& ch = open_children();
    if (ch.size() < 4) return;
    auto counts = [&](const Node& k) {
      return k.kind == Kind::Scalar && !(k.value() == "<<" && k.style == Style::Plain);
    };
    // Most mappings are small: compare pairs, no allocation. Big ones: a hash set.
    constexpr std::size_t kSmall = std::size_t{2} * 16;
    std::unordered_map<std::string_view, NodeId> seen;
    if (ch.size() > kSmall) seen.reserve(ch.size() / 2);
    for (std::size_t i = 0; i < ch.size(); i += 2) {
      const Node& k = doc_.nodes_[ch[i]];
      if (!counts(k)) continue;
      bool inserted = true;
      if (ch.size() > kSmall) {
        inserted = seen.emplace(k.value(), ch[i]).second;
      } else {
        for (std::size_t j = 0; j < i && inserted; j += 2) {
          const Node& earlier = doc_.nodes_[ch[j]];
          inserted = !(counts(earlier) && earlier.value() == k.value());
        }
      }
      if (!inserted) {
        throw BuildError{"duplicate key '" + std::string(k.value()) +
                             "' (CloudFormation rejects templates "
                             "with duplicate keys)",
                         k.begin};
      }
    }
  }

  std::string_view text_;
  const Events& events_;
  std::size_t start_ = 0;
  std::string pending_anchor_;
  Document doc_;
  std::vector<NodeId> stack_;
  std::vector<std::vector<NodeId>> open_children_;  // [depth]: children of stack_[depth]
  std::vector<NodeId> anchors_{kNone};
};

ParseResult parse(const source::SourceFile& file, bool fast) {
  ParseResult result;
  try {
    Events events(file, fast);
    Builder builder(events, file.view().size());
    if (!events.next_document(builder)) return result;  // no document: empty
    if (!builder.empty()) result.document = builder.take();
    Builder second(events, 0);
    if (events.next_document(second)) {
      result.error = ParseError{kSeveralDocuments, second.start()};
      result.document.reset();
    }
  } catch (const YAML::Exception& e) {
    result.error = ParseError{e.msg, error_offset(e, file)};
    result.document.reset();
  } catch (const BuildError& e) {
    result.error = ParseError{e.message, e.offset};
    result.document.reset();
  }
  return result;
}

}  // namespace enclint::yaml
