// Block YAML templates without yaml-cpp's scanner, which spends a regular
// expression on every character (130 ms for a 1 MB template, two thirds of
// a check; an editor re-checks at each change). A template written in the
// plain subset most templates use — block mappings and sequences, one-line
// plain, quoted and flow scalars, `!Tag` short forms, literal and folded
// block scalars, comments — gets its events from here: the events yaml-cpp
// gives for it, marks included. Anything outside that subset (anchors,
// multi-line plain or quoted scalars, tabs, CRLF, directives, invalid YAML)
// makes the reader decline, and the file goes to yaml-cpp, messages and all.
// Like yaml/json_events: a checking pass, then the events, so that nothing
// is held between the two (a list of events would be 4× a big template).
#pragma once

#include <yaml-cpp/eventhandler.h>

#include <cstddef>
#include <string_view>

namespace enclint::yaml {

// Whether text[from, end) is one block YAML document in the subset (a
// checking pass that keeps nothing, as for JSON: declining costs no memory).
bool in_block_subset(std::string_view text, std::size_t from);

// Hands `handler` the events of that document; marks are offsets minus
// `bias` (yaml-cpp's marks do not count a BOM).
void block_events(std::string_view text, std::size_t from, std::size_t bias,
                  YAML::EventHandler& handler);

}  // namespace enclint::yaml
