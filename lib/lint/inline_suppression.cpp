#include "lint/inline_suppression.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <limits>
#include <utility>

namespace enclint::lint {

namespace {

constexpr std::string_view kOurs = "cfn-enclint:";
constexpr std::string_view kCheckov = "checkov:skip=";

std::string trim(std::string_view s) {
  std::size_t from = s.find_first_not_of(" \t\r");
  if (from == std::string_view::npos) return {};
  std::size_t to = s.find_last_not_of(" \t\r");
  return std::string(s.substr(from, to + 1 - from));
}

// Where the comment of [from, to) starts: a '#' at the start or after a blank.
std::size_t comment_start(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i)
    if (text[i] == '#' && (i == from || text[i - 1] == ' ' || text[i - 1] == '\t')) return i;
  return std::string_view::npos;
}

// `# cfn-enclint: ignore[A,B] reason` in the comment at `hash`, if it is one of ours.
std::optional<InlineComment> ours(std::string_view text, std::size_t hash, std::size_t to) {
  std::string_view c = text.substr(hash + 1, to - hash - 1);
  std::size_t at = c.find_first_not_of(" \t");
  if (at == std::string_view::npos || c.substr(at, kOurs.size()) != kOurs) return std::nullopt;
  InlineComment ic;
  ic.begin = hash;
  ic.end = to;
  while (ic.end > hash && (text[ic.end - 1] == '\r' || text[ic.end - 1] == ' ')) --ic.end;
  std::string_view rest = c.substr(at + kOurs.size());
  rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
  std::size_t close = rest.find(']');
  if (rest.substr(0, 7) != "ignore[" || close == std::string_view::npos) {
    ic.malformed = true;
    return ic;
  }
  std::string_view list = rest.substr(7, close - 7);
  for (std::size_t start = 0; start <= list.size();) {
    std::size_t comma = std::min(list.find(',', start), list.size());
    std::string id = trim(list.substr(start, comma - start));
    if (!id.empty()) ic.rules.push_back(id);
    start = comma + 1;
  }
  ic.reason = trim(rest.substr(close + 1));
  return ic;
}

// The byte ranges of the document's scalars, sorted (they never overlap): a
// '#' inside one (a quoted string, a block scalar of Lambda code) is no comment.
class Scalars {
 public:
  explicit Scalars(const yaml::Document& doc) {
    for (const yaml::Node& n : doc.nodes())
      if (n.kind == yaml::Kind::Scalar && n.end > n.begin) ranges_.emplace_back(n.begin, n.end);
    std::sort(ranges_.begin(), ranges_.end());
  }
  bool contain(std::size_t offset) const {
    auto it = std::upper_bound(ranges_.begin(), ranges_.end(),
                               std::pair{offset, std::numeric_limits<std::size_t>::max()});
    return it != ranges_.begin() && std::prev(it)->second > offset;
  }

 private:
  std::vector<std::pair<std::size_t, std::size_t>> ranges_;
};

void checkov_in(std::string_view text, std::size_t from, std::size_t to, const model::Resource& r,
                const Scalars& scalars, std::vector<InlineComment>& out) {
  for (std::size_t at = text.find(kCheckov, from); at != std::string_view::npos && at < to;
       at = text.find(kCheckov, at + kCheckov.size())) {
    std::size_t line_from = text.rfind('\n', at);
    line_from = line_from == std::string_view::npos ? 0 : line_from + 1;
    std::size_t hash = comment_start(text, line_from, at);
    if (hash == std::string_view::npos || scalars.contain(hash)) continue;  // not in a comment
    std::size_t line_to = std::min(text.find('\n', at), text.size());
    std::size_t id_from = at + kCheckov.size();
    std::size_t id_to = id_from;
    while (id_to < line_to &&
           (std::isalnum(static_cast<unsigned char>(text[id_to])) || text[id_to] == '_'))
      ++id_to;
    if (id_to == id_from) continue;
    InlineComment ic;
    ic.kind = InlineComment::Kind::Checkov;
    ic.resource = &r;
    ic.begin = hash;
    ic.end = line_to;
    ic.rules.emplace_back(text.substr(id_from, id_to - id_from));
    if (id_to < line_to && text[id_to] == ':')
      ic.reason = trim(text.substr(id_to + 1, line_to - id_to - 1));
    out.push_back(std::move(ic));
  }
}

}  // namespace

std::vector<InlineComment> inline_comments(const model::Template& tpl) {
  std::vector<InlineComment> out;
  if (tpl.format() != model::Format::Yaml) return out;
  const auto& src = tpl.source();
  std::string_view text = src.view();
  // Nothing to look for in most files: one search each.
  bool any_ours = text.find(kOurs) != std::string_view::npos;
  bool any_checkov = text.find(kCheckov) != std::string_view::npos;
  if (!any_ours && !any_checkov) return out;
  const auto& doc = tpl.doc();
  const Scalars scalars(doc);
  for (const model::Resource& r : tpl.resources()) {
    if (r.key == yaml::kNone) continue;
    std::size_t key_at = doc[r.key].begin;
    std::size_t line_from = src.line_start(key_at);
    std::size_t line_to = src.line_end(key_at);
    std::size_t above_from =
        line_from > src.content_begin() ? src.line_start(line_from - 1) : line_from;
    if (any_ours) {
      // The line above, when it is only a comment; then the logical id's own line.
      if (above_from < line_from) {
        std::size_t above_to = src.line_end(above_from);
        std::size_t first = text.find_first_not_of(" \t", above_from);
        if (first < above_to && text[first] == '#' && !scalars.contain(first))
          if (auto ic = ours(text, first, above_to)) {
            ic->resource = &r;
            ic->above = true;
            out.push_back(std::move(*ic));
          }
      }
      std::size_t hash = comment_start(text, doc[r.key].end, line_to);
      if (hash != std::string_view::npos && !scalars.contain(hash))
        if (auto ic = ours(text, hash, line_to)) {
          ic->resource = &r;
          out.push_back(std::move(*ic));
        }
    }
    if (any_checkov)
      checkov_in(text, above_from,
                 std::max<std::size_t>(line_to, r.node == yaml::kNone ? 0 : doc[r.node].end), r,
                 scalars, out);
  }
  return out;
}

std::optional<fix::Edit> inline_suppression_edit(const model::Template& tpl, const Diagnostic& d,
                                                 const std::string& reason) {
  if (tpl.format() != model::Format::Yaml || d.resource.empty()) return std::nullopt;
  const auto& doc = tpl.doc();
  const model::Resource* res = nullptr;
  for (const model::Resource& r : tpl.resources())
    if (r.logical_id == d.resource && r.key != yaml::kNone &&
        (!res || (doc[r.node].begin <= d.begin && d.begin <= doc[r.node].end)))
      res = &r;
  if (!res) return std::nullopt;
  // A directive already above the logical id takes the rule into its list.
  for (const InlineComment& ic : inline_comments(tpl)) {
    if (ic.resource != res || ic.kind != InlineComment::Kind::Ours || !ic.above) continue;
    std::size_t close = tpl.source().view().find(']', ic.begin);
    if (close == std::string_view::npos || close > ic.end) break;
    for (const std::string& r : ic.rules)
      if (r == d.rule || r == d.name) return std::nullopt;  // already there
    return fix::Edit{close, close, "," + std::string(d.rule)};
  }
  const auto& src = tpl.source();
  std::size_t key_at = doc[res->key].begin;
  std::size_t line = src.line_start(key_at);
  if (line < src.content_begin()) line = src.content_begin();
  std::string indent = src.text().substr(line, key_at - line);
  // A flow mapping or "- " before the key: indent with blanks only.
  for (char& c : indent)
    if (c != ' ' && c != '\t') c = ' ';
  return fix::Edit{
      line, line,
      indent + "# cfn-enclint: ignore[" + std::string(d.rule) + "] " + reason + src.newline()};
}

}  // namespace enclint::lint
