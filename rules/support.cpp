#include "rules/support.hpp"

#include "fix/insert.hpp"

namespace enclint::rules {

using yaml::kNone;

std::pair<std::size_t, std::size_t> missing_property_location(const model::Template& tpl,
                                                              const model::Resource& r) {
  const auto& doc = tpl.doc();
  yaml::NodeId at = r.properties_key != kNone ? r.properties_key : r.key;
  return {doc[at].begin, doc[at].end};
}

model::Value kms_key_value(const std::string& key) {
  if (key.rfind("Ref:", 0) == 0) return model::Value::ref(key.substr(4));
  return model::Value::string(key);
}

void attach_properties_insert(const lint::CheckContext& ctx, const model::Resource& r,
                              const std::string& key, model::Value value, std::string title,
                              lint::Diagnostic& d) {
  const auto& doc = ctx.tpl.doc();
  if (r.properties_via_merge) {
    d.not_fixable = "Properties comes from a `<<` merge key; add " + key + " where it is defined";
    return;
  }
  fix::InsertFix result;
  if (r.properties == kNone) {
    result = fix::insert_fix(ctx.tpl, ctx.style(), r.node, "Properties",
                             model::Value::map({{key, std::move(value)}}), std::move(title));
  } else if (doc.is_map(r.properties) || doc.is_empty_null(r.properties)) {
    result = fix::insert_fix(ctx.tpl, ctx.style(), r.properties, key, std::move(value),
                             std::move(title));
  } else {
    d.not_fixable = "Properties is not a mapping";
    return;
  }
  if (result.fix)
    d.fix = std::move(result.fix);
  else
    d.not_fixable = result.reason;
}

Truth literal_truth(const yaml::Document& doc, yaml::NodeId node) {
  node = doc.resolve(node);
  if (node == kNone || doc[node].kind != yaml::Kind::Scalar || !doc[node].tag.empty())
    return Truth::Unknown;
  const std::string& v = doc[node].value;
  if (v == "true" || v == "True" || v == "TRUE") return Truth::True;
  if (v == "false" || v == "False" || v == "FALSE") return Truth::False;
  return Truth::Unknown;
}

}  // namespace enclint::rules
