// Fixes as plain text edits (clang-tidy's FixItHint, ruff's Edit/Fix), plus
// what each fix means in the tree so the result can be verified.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "model/value.hpp"

namespace enclint::fix {

enum class Applicability { Safe, Unsafe };

// Replace [begin, end) by text. begin == end: an insertion.
struct Edit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string text;
};

// One step of a path from the document root: a mapping key or a sequence index.
struct PathStep {
  std::string key;
  int index = -1;  // >= 0: sequence item
};

// "The mapping at `path` gets `key: value`" (a null there becomes a mapping;
// an existing key is replaced). What the verifier expects to find.
struct Addition {
  std::vector<PathStep> path;
  std::string key;
  std::shared_ptr<const model::Value> value;  // see shared_value
};

// `v` as a shared constant: identical blocks share one copy (a generated
// template with 20,000 findings adds the same block 20,000 times).
std::shared_ptr<const model::Value> shared_value(model::Value v);

struct Fix {
  std::string title;
  Applicability applicability = Applicability::Safe;
  std::vector<Edit> edits;
  std::vector<Addition> additions;
  // The edit lands in a node shared through YAML aliases: it changes this
  // many places at once (the anchor and each alias), all in `additions`.
  // Only right when every one of those users needs exactly this fix.
  std::size_t shared_uses = 0;
  std::string shared_anchor;
};

bool same_edits(const Fix& a, const Fix& b);

// Adds `part`'s edits and additions to `combined` (one fix made of several),
// and what `part` says about aliases (shared_uses, shared_anchor): a combined
// fix changes every place any of its parts changes, so the shared-node guard
// must see the sharing of its parts. Returns false, changing nothing, when two
// parts are shared through different anchors: no one count of users is right
// for such a fix.
bool add_part(Fix& combined, Fix part);

const char* to_string(Applicability a);

}  // namespace enclint::fix
