#include "yaml/events.hpp"

#include <algorithm>

#include "util/limits.hpp"
#include "yaml/block_events.hpp"
#include "yaml/json_events.hpp"

namespace enclint::yaml {

namespace {
std::vector<HiddenTag> tags_before_block_scalars(std::string_view text, std::size_t bias) {
  std::vector<HiddenTag> hidden;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::size_t i = pos;
    while (i < eol && text[i] == ' ') ++i;
    // The tag must be the first thing on its line, or follow `- ` entries.
    while (i + 1 < eol && text[i] == '-' && (text[i + 1] == ' ' || text[i + 1] == '\t')) {
      i += 2;
      while (i < eol && (text[i] == ' ' || text[i] == '\t')) ++i;
    }
    if (i < eol && text[i] == '!') {
      std::size_t tag_end = i;
      while (tag_end < eol && text[tag_end] != ' ' && text[tag_end] != '\t') ++tag_end;
      std::size_t j = tag_end;
      while (j < eol && (text[j] == ' ' || text[j] == '\t')) ++j;
      if (j < eol && (text[j] == '|' || text[j] == '>')) {
        hidden.push_back({j + bias, i + bias, std::string(text.substr(i, tag_end - i))});
      }
    }
    pos = eol + 1;
  }
  return hidden;
}

}  // namespace

Events::Events(const source::SourceFile& file, bool fast)
    : text_(file.view()), bias_(file.content_begin()) {
  // yaml-cpp reads from a stream; it gets the bytes after the BOM, so its
  // marks are offsets from there (offset() adds the BOM back). It reads the
  // file's own bytes, unless a tag must be hidden: then a copy.
  std::string_view bytes = text_.substr(bias_);
  std::size_t first = bytes.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && (bytes[first] == '{' || bytes[first] == '[') &&
      is_strict_json(text_, bias_, util::kMaxNestingDepth)) {
    json_ = Json::Pending;  // deeper nesting goes to yaml-cpp, and the parser refuses it
    return;
  }
  if (fast && in_block_subset(text_, bias_)) {
    block_ = true;
    json_ = Json::Pending;
    return;
  }
  hidden_ = tags_before_block_scalars(bytes, bias_);
  if (!hidden_.empty()) {
    copy_.assign(bytes);
    for (const HiddenTag& h : hidden_)
      copy_.replace(h.begin - bias_, h.tag.size(), h.tag.size(), ' ');
    bytes = copy_;
  }
  buffer_ = std::make_unique<ViewBuffer>(bytes);
  in_ = std::make_unique<std::istream>(buffer_.get());
  parser_ = std::make_unique<YAML::Parser>(*in_);
}

bool Events::next_document(YAML::EventHandler& handler) {
  if (json_ == Json::No) return parser_->HandleNextDocument(handler);
  if (json_ == Json::Done) return false;
  json_ = Json::Done;
  if (block_) {
    block_events(text_, bias_, bias_, handler);
    return true;
  }
  json_events(text_, bias_, bias_, handler);
  return true;
}

std::size_t Events::offset(const YAML::Mark& mark) const {
  std::size_t pos = static_cast<std::size_t>(mark.pos) + bias_;
  return pos > text_.size() ? text_.size() : pos;
}

const HiddenTag* Events::hidden_at(std::size_t offset) const {
  auto it = std::lower_bound(hidden_.begin(), hidden_.end(), offset,
                             [](const HiddenTag& h, std::size_t o) { return h.indicator < o; });
  return it != hidden_.end() && it->indicator == offset ? &*it : nullptr;
}

}  // namespace enclint::yaml
