// libFuzzer target over the whole pipeline: parse -> lint -> fix -> verify.
// Any crash, sanitizer report, or broken invariant (a range outside the
// file, a safe fix that removes bytes, a fix that is not idempotent, the
// block YAML reader and yaml-cpp disagreeing on a file) aborts.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "compare_readers.hpp"
#include "engine/fix_loop.hpp"
#include "fix/apply.hpp"
#include "lint/linter.hpp"
#include "rules/registry.hpp"

using namespace enclint;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  {
    source::SourceFile file("fuzz.yaml", text);
    if (!testing::compare_readers(file).empty()) std::abort();
  }
  auto loaded = model::load(std::make_shared<source::SourceFile>("fuzz.yaml", text));
  if (!loaded.tpl) return 0;
  const auto& doc = loaded.tpl->doc();
  for (yaml::NodeId id = 0; id < doc.size(); ++id)
    if (doc[id].begin > doc[id].end || doc[id].end > text.size()) std::abort();

  lint::Options options;
  options.level = lint::Level::Cmk;
  options.fix.kms_key = "Ref:Key";
  options.fix.sse_algorithm = "aws:kms";
  auto diags = lint::run_rules(*loaded.tpl, rules::all(), options);
  for (bool unsafe : {false, true}) {
    auto fixed = engine::fix_loop(*loaded.tpl, diags, rules::all(), options, unsafe);
    if (!fixed.ok) continue;  // declined with a reason: fine, nothing is written
    if (!unsafe && !fix::is_insert_only(text, fixed.text())) std::abort();
    auto again =
        model::load(std::make_shared<source::SourceFile>("fuzz.yaml", std::string(fixed.text())));
    if (!again.tpl) std::abort();  // a verified fix always parses
    auto left = lint::run_rules(*again.tpl, rules::all(), options);
    auto second = engine::fix_loop(*again.tpl, left, rules::all(), options, unsafe);
    if (!second.ok || second.text() != fixed.text()) std::abort();  // idempotent
  }
  return 0;
}
