// Driving yaml-cpp's event parser over a file, with the workarounds every
// reader of our files needs: marks as offsets into the file (BOM counted),
// and tags yaml-cpp cannot parse before block scalars hidden from it and
// handed back. Used by the parser (which builds a Document) and by the
// streaming fix verifier (which builds nothing).
#pragma once

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "source/source_file.hpp"

namespace enclint::yaml {

// yaml-cpp 0.7 rejects a tagged block scalar that starts a sequence entry or
// a line (`- !Sub |` followed by lines indented no deeper than the tag): it
// opens an indentation level at the tag. Such tags are blanked out of the
// bytes yaml-cpp reads (same length, so every offset stays right) and put
// back on the node by whoever handles the events.
struct HiddenTag {
  std::size_t indicator;  // offset of the `|` or `>`
  std::size_t begin;      // offset of the `!`
  std::string tag;
};

// yaml-cpp's non-specific tags ("?" plain, "!" quoted) are no tag for us.
inline bool no_tag(std::string_view tag) { return tag.empty() || tag == "?" || tag == "!"; }

// Where in `file` yaml-cpp stopped with `e` (its marks do not count a BOM).
inline std::size_t error_offset(const YAML::Exception& e, const source::SourceFile& file) {
  std::size_t pos =
      e.mark.is_null() ? 0 : static_cast<std::size_t>(e.mark.pos) + file.content_begin();
  return std::min(pos, file.view().size());
}

inline constexpr const char* kSeveralDocuments =
    "the file holds more than one YAML document; a template is one";

// A handler that does nothing with what it is told (a probe, or the
// benchmark's parse-only floor).
struct NullHandler : YAML::EventHandler {
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {}
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {}
  void OnMapEnd() override {}
};

class Events {
 public:
  // `fast`: block YAML in the subset yaml/block_events reads is read there
  // (off only to compare the two readers).
  explicit Events(const source::SourceFile& file, bool fast = true);
  Events(const Events&) = delete;
  Events& operator=(const Events&) = delete;

  // The file offset of a yaml-cpp mark.
  std::size_t offset(const YAML::Mark& mark) const;
  // The tag hidden from yaml-cpp on the block scalar whose indicator is at `offset`, if any.
  const HiddenTag* hidden_at(std::size_t offset) const;
  std::string_view text() const { return text_; }

  // The next document's events; false when there is none. Throws YAML::Exception.
  // A strict JSON file's come from yaml/json_events, block YAML's in the
  // subset from yaml/block_events, not from yaml-cpp.
  bool next_document(YAML::EventHandler& handler);

 private:
  class ViewBuffer : public std::streambuf {
   public:
    explicit ViewBuffer(std::string_view bytes) {
      char* p = const_cast<char*>(bytes.data());  // never written: the get area only
      setg(p, p, p + bytes.size());
    }
  };

  std::string_view text_;
  std::size_t bias_;
  std::vector<HiddenTag> hidden_;
  std::string copy_;  // the bytes with tags hidden, only when there are some
  std::unique_ptr<ViewBuffer> buffer_;
  std::unique_ptr<std::istream> in_;
  std::unique_ptr<YAML::Parser> parser_;  // null for strict JSON and the block subset
  bool block_ = false;                    // the events come from yaml/block_events
  enum class Json { No, Pending, Done } json_ = Json::No;  // also for the block subset
};

}  // namespace enclint::yaml
