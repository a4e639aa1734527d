// JSON templates without yaml-cpp's scanner, which keeps every token of a
// flow collection that could still turn out to be a key until the
// collection closes: for JSON, the whole document (38 MiB to parse a 1.5 MB
// minified template, against 7 MiB for the same template as block YAML).
// A file that is strict JSON (RFC 8259) gets its events from here — the
// events yaml-cpp gives for it: flow collections, strings tagged "!",
// numbers and booleans "?", null as a null. Anything else (comments, YAML
// in a .json file, invalid JSON) still goes to yaml-cpp, messages and all.
#pragma once

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <cstddef>
#include <string_view>

namespace enclint::yaml {

// Whether text[from, end) is one JSON object or array and whitespace, with
// strings that hold no escape beyond JSON's and no lone surrogate, nested at
// most `max_depth` deep.
bool is_strict_json(std::string_view text, std::size_t from, int max_depth);

// Hands `handler` the events of that document; marks are offsets minus `bias`
// (yaml-cpp's marks do not count a BOM).
void json_events(std::string_view text, std::size_t from, std::size_t bias,
                 YAML::EventHandler& handler);

}  // namespace enclint::yaml
