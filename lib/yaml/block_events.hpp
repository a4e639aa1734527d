// Block YAML templates without yaml-cpp's scanner, which spends a regular
// expression on every character (130 ms for a 1 MB template, two thirds of
// a check; an editor re-checks at each change). A template written in the
// plain subset most templates use — block mappings and sequences, one-line
// plain, quoted and flow scalars, `!Tag` short forms, literal and folded
// block scalars, comments — gets its events from here: the events yaml-cpp
// gives for it, marks included. Anything outside that subset (anchors,
// multi-line plain or quoted scalars, tabs, CRLF, directives, invalid YAML)
// makes the reader decline, and the file goes to yaml-cpp, messages and all.
#pragma once

#include <yaml-cpp/eventhandler.h>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace enclint::yaml {

// The events of one document, read ahead so that declining costs nothing:
// nothing has reached a handler yet.
class BlockEvents {
 public:
  // Reads text[from, end); marks are offsets minus `bias` (yaml-cpp's marks
  // do not count a BOM). False: not in the subset (nothing recorded).
  bool read(std::string_view text, std::size_t from, std::size_t bias);
  // Hands `handler` the recorded events.
  void replay(YAML::EventHandler& handler) const;

  enum class Type : std::uint8_t { MapStart, MapEnd, SeqStart, SeqEnd, Scalar, Null };
  struct Event {
    Type type = Type::Null;
    bool flow = false;      // a collection's style
    bool quoted = false;    // a scalar written quoted or as a block: yaml-cpp's tag "!"
    std::uint32_t pos = 0;  // the mark, an offset minus the bias
    std::string_view tag;   // as written ("!Ref"); empty: none
    std::string_view value;
  };
  const std::vector<Event>& events() const { return events_; }

 private:
  std::vector<Event> events_;
  std::deque<std::string> decoded_;  // values that are not a slice of the text
  std::uint32_t doc_start_ = 0;      // values that are not a slice of the text
};

}  // namespace enclint::yaml
