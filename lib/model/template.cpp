#include "model/template.hpp"

#include "source/source_file.hpp"

namespace enclint::model {

using yaml::Kind;
using yaml::kNone;
using yaml::NodeId;

Template::Template(std::shared_ptr<const source::SourceFile> source, yaml::Document doc)
    : source_(std::move(source)), doc_(std::move(doc)) {
  std::string_view text = source_->view().substr(source_->content_begin());
  std::size_t first = text.find_first_not_of(" \t\r\n");
  format_ = (first != std::string_view::npos && text[first] == '{') ? Format::Json : Format::Yaml;
  NodeId root = doc_.root();
  NodeId resources = doc_.get(root, "Resources");
  if (doc_.is_map(resources)) collect_resources(resources, "Resources", 0);
  conditions_ = doc_.get(root, "Conditions");
  metadata_ = doc_.get(root, "Metadata");
  outputs_ = doc_.get(root, "Outputs");
  globals_ = doc_.get(root, "Globals");
  NodeId parameters = doc_.resolve(doc_.get(root, "Parameters"));
  if (doc_.is_map(parameters)) {
    const auto& items = doc_[parameters].children();
    for (std::size_t i = 0; i + 1 < items.size(); i += 2) {
      Parameter p;
      p.name = doc_.text(items[i]);
      p.node = doc_.resolve(items[i + 1]);
      p.type = doc_.text(doc_.get(p.node, "Type"));
      p.default_value = doc_.get(p.node, "Default");
      NodeId allowed = doc_.resolve(doc_.get(p.node, "AllowedValues"));
      if (doc_.is_seq(allowed) && !doc_[allowed].children().empty()) p.allowed_values = allowed;
      parameters_.push_back(p);
    }
  }
}

const Parameter* Template::parameter(std::string_view name) const {
  for (const Parameter& p : parameters_)
    if (p.name == name) return &p;
  return nullptr;
}

NodeId Template::condition(std::string_view name) const { return doc_.get(conditions_, name); }

NodeId Template::globals_for(std::string_view type) const {
  constexpr std::string_view kSam = "AWS::Serverless::";
  if (globals_ == kNone || type.substr(0, kSam.size()) != kSam) return kNone;
  return doc_.get(globals_, type.substr(kSam.size()));
}

void Template::collect_resources(NodeId map, const std::string& path_prefix, int depth) {
  const yaml::Node& m = doc_[doc_.resolve(map)];
  for (std::size_t i = 0; i + 1 < m.children().size(); i += 2) {
    NodeId key = m.children()[i];
    NodeId value = m.children()[i + 1];
    std::string_view id = doc_.text(key);
    // Fn::ForEach::Name: [Identifier, Collection, {OutputKey: Resource, ...}]
    if (id.rfind("Fn::ForEach::", 0) == 0 && doc_.is_seq(value) && depth < 8) {
      const auto& items = doc_[doc_.resolve(value)].children();
      if (items.size() == 3 && doc_.is_map(items[2]))
        collect_resources(items[2], path_prefix + "/" + std::string(id) + "/2", depth + 1);
      continue;
    }
    if (!doc_.is_map(value)) continue;
    Resource r;
    r.logical_id = id;
    r.key = key;
    r.node = doc_.resolve(value);
    r.type = doc_.text(doc_.get(r.node, "Type"));
    r.properties_key = doc_.key_of(r.node, "Properties");
    r.properties = doc_.get(r.node, "Properties", &r.properties_via_merge);
    r.metadata = doc_.get(r.node, "Metadata");
    r.path = path_prefix + "/";
    r.path += id;
    resources_.push_back(std::move(r));
  }
}

bool looks_like_template(std::string_view text) {
  if (text.find("AWSTemplateFormatVersion") != std::string_view::npos) return true;
  return text.find("Resources") != std::string_view::npos &&
         text.find("AWS::") != std::string_view::npos;
}

LoadResult load(std::shared_ptr<const source::SourceFile> source) {
  LoadResult result;
  std::string_view text = source->view();
  if (const char* encoding = source::foreign_encoding(text)) {
    // Its ASCII letters, without the zero bytes between them, say whether it
    // is a template: then it is an error (an unencrypted bucket must not pass
    // unseen), else it is skipped like any other file that is not one.
    std::string letters;
    for (char c : text)
      if (c != '\0') letters += c;
    result.status =
        looks_like_template(letters) ? LoadResult::Status::Error : LoadResult::Status::NotTemplate;
    result.message = std::string("the file is ") + encoding + " text; templates must be UTF-8";
    if (result.status == LoadResult::Status::NotTemplate)
      result.message = "not a template (" + result.message + ")";
    return result;
  }
  if (auto bad = source::find_invalid_utf8(text)) {
    bool nul = text[*bad] == '\0';
    result.status = LoadResult::Status::Error;
    result.message = nul ? "the file contains a NUL byte; it is not a text template"
                         : "the file is not valid UTF-8";
    result.offset = *bad;
    if (!looks_like_template(text)) {
      result.status = LoadResult::Status::NotTemplate;
      result.message = "not a template (" + result.message + ")";
    }
    return result;
  }
  yaml::ParseResult parsed = yaml::parse(*source);
  if (parsed.error) {
    if (looks_like_template(text)) {
      result.status = LoadResult::Status::Error;
      result.message = parsed.error->message;
      result.offset = parsed.error->offset;
      // yaml-cpp's words for a tab in the indentation do not say so.
      std::size_t line = source->line_start(result.offset);
      if (line < text.size() && text[line] == '\t')
        result.message += " (tabs cannot indent YAML; use spaces)";
    } else {
      result.message = "not a template (does not parse as YAML or JSON)";
    }
    return result;
  }
  if (!parsed.document) {
    result.message = "not a template (empty)";
    return result;
  }
  const yaml::Document& doc = *parsed.document;
  NodeId root = doc.root();
  if (!doc.is_map(root)) {
    result.message = "not a template (the top level is not a mapping)";
    if (looks_like_template(text)) {
      result.status = LoadResult::Status::Error;
      result.message = "the top level of a template must be a mapping";
      result.offset = doc[root].begin;
    }
    return result;
  }
  NodeId resources = doc.get(root, "Resources");
  bool has_version = doc.get(root, "AWSTemplateFormatVersion") != kNone;
  if (resources == kNone) {
    if (has_version) {
      result.status = LoadResult::Status::Template;
      result.tpl.emplace(std::move(source), std::move(*parsed.document));
    } else {
      result.message = "not a template (no Resources section)";
    }
    return result;
  }
  if (!doc.is_map(resources)) {
    // `Resources:` with nothing under it is an empty template, not an error.
    if (doc[resources].kind != Kind::Null) {
      result.status = LoadResult::Status::Error;
      result.message = "'Resources' must be a mapping of logical ids to resources";
      result.offset = doc[resources].begin;
      return result;
    }
  }
  result.status = LoadResult::Status::Template;
  result.tpl.emplace(std::move(source), std::move(*parsed.document));
  return result;
}

}  // namespace enclint::model
