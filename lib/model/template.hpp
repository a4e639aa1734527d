// The CloudFormation view of a parsed document: which resources it holds,
// their types and where their Properties are. Rules read templates only
// through this (and the Document it wraps), never raw text.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "source/source_file.hpp"
#include "yaml/document.hpp"
#include "yaml/parser.hpp"

namespace enclint::model {

enum class Format { Yaml, Json };

// Views point into the template's document (a Resource lives in its Template).
struct Resource {
  std::string_view
      logical_id;  // as written; inside Fn::ForEach the templated id, e.g. ${Name}Bucket
  std::string_view type;
  yaml::NodeId key = yaml::kNone;             // the logical id key node
  yaml::NodeId node = yaml::kNone;            // the resource mapping
  yaml::NodeId properties_key = yaml::kNone;  // `Properties` key, if written
  yaml::NodeId properties = yaml::kNone;      // its value (a mapping, or a null), if written
  bool properties_via_merge = false;          // found through a `<<` merge key
  yaml::NodeId metadata = yaml::kNone;        // its Metadata, if written
  std::string path;                           // Resources/<id>, as cfn-lint names places
};

// A template parameter (Parameters/<name>): what a Ref to it can be.
struct Parameter {
  std::string_view name;
  yaml::NodeId node = yaml::kNone;            // its mapping
  std::string_view type;                      // String, Number, List<...>, AWS::..., "" when absent
  yaml::NodeId default_value = yaml::kNone;   // Default, if written
  yaml::NodeId allowed_values = yaml::kNone;  // AllowedValues, if a non-empty sequence
};

class Template {
 public:
  Template(std::shared_ptr<const source::SourceFile> source, yaml::Document doc);

  const source::SourceFile& source() const { return *source_; }
  const std::shared_ptr<const source::SourceFile>& source_ptr() const { return source_; }
  const yaml::Document& doc() const { return doc_; }
  Format format() const { return format_; }
  const std::vector<Resource>& resources() const { return resources_; }

  // The template's parts, so rules and the evaluator never read the raw
  // document for them.
  const std::vector<Parameter>& parameters() const { return parameters_; }
  const Parameter* parameter(std::string_view name) const;
  // The definition of condition `name` (Conditions/<name>), kNone if none.
  yaml::NodeId condition(std::string_view name) const;
  // The Conditions and Outputs mappings, kNone if none.
  yaml::NodeId conditions() const { return conditions_; }
  yaml::NodeId outputs() const { return outputs_; }
  // The top-level Metadata mapping, kNone if none.
  yaml::NodeId metadata() const { return metadata_; }
  // The SAM `Globals` section that applies to resources of `type`
  // (Globals/Function for AWS::Serverless::Function, ...), kNone if none.
  // SAM merges it under the resource's own properties: a key written on the
  // resource wins.
  yaml::NodeId globals_for(std::string_view type) const;

  // A limit the evaluator hit while the rules asked about a value (intrinsics
  // nested too deeply, too many combinations): the value was not decided, so
  // the file is an error, not a pass. The first one is kept.
  struct LimitHit {
    std::size_t offset = 0;
    std::string what;
  };
  void note_limit(std::size_t offset, std::string what) const {
    if (!limit_hit_) limit_hit_ = LimitHit{offset, std::move(what)};
  }
  const std::optional<LimitHit>& limit_hit() const { return limit_hit_; }

 private:
  void collect_resources(yaml::NodeId map, const std::string& path_prefix, int depth);

  std::shared_ptr<const source::SourceFile> source_;
  yaml::Document doc_;
  Format format_ = Format::Yaml;
  std::vector<Resource> resources_;
  std::vector<Parameter> parameters_;
  yaml::NodeId conditions_ = yaml::kNone;
  yaml::NodeId metadata_ = yaml::kNone;
  yaml::NodeId outputs_ = yaml::kNone;
  yaml::NodeId globals_ = yaml::kNone;
  mutable std::optional<LimitHit> limit_hit_;  // rules see a const template
};

// What loading a file came to.
struct LoadResult {
  enum class Status { Template, NotTemplate, Error };
  Status status = Status::NotTemplate;
  std::optional<Template> tpl;
  std::string message;     // why it is an error, or why it is not a template
  std::size_t offset = 0;  // where the error is
};

// Parses and classifies. A file that does not parse is an error only when it
// looks like a template (SPEC §1); otherwise it is "not a template".
LoadResult load(std::shared_ptr<const source::SourceFile> source);

// Text-level test used for files that do not parse.
bool looks_like_template(std::string_view text);

}  // namespace enclint::model
