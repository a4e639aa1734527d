#include "rules/topic_publishers.hpp"

#include <algorithm>

#include "rules/key_access.hpp"
#include "rules/support.hpp"

namespace enclint::rules {

namespace {
// The AWS service that publishes for a resource of `type`.
std::string_view service_principal(std::string_view type) {
  if (type == "AWS::Events::Rule") return "events.amazonaws.com";
  if (type == "AWS::S3::Bucket") return "s3.amazonaws.com";
  return "cloudwatch.amazonaws.com";
}

std::string_view noun(std::string_view type) {
  if (type == "AWS::Events::Rule") return "EventBridge rule";
  if (type == "AWS::S3::Bucket") return "S3 bucket";
  return "CloudWatch alarm";
}
}  // namespace

std::string aws_key_unusable_by_publishers(const lint::CheckContext& ctx,
                                           const model::Resource& topic) {
  if (!ctx.options.fix.kms_key.empty()) return {};
  // Only a template with such a publisher pays for the graph.
  const auto& resources = ctx.tpl.resources();
  bool any = std::any_of(resources.begin(), resources.end(), [](const model::Resource& r) {
    return r.type == "AWS::Events::Rule" || r.type == "AWS::CloudWatch::Alarm" ||
           r.type == "AWS::CloudWatch::CompositeAlarm" || r.type == "AWS::S3::Bucket";
  });
  if (!any) return {};
  const model::Graph& g = ctx.graph();
  auto index = static_cast<std::uint32_t>(&topic - resources.data());
  if (index >= resources.size()) return {};
  std::vector<std::string> publishers, services;
  for (std::uint32_t e : g.in(g.resource_node(index))) {
    const model::Edge& edge = g.edges()[e];
    if (edge.kind != model::EdgeKind::Publishes) continue;
    std::string_view type = g.nodes()[edge.from].type;
    std::string who = std::string(noun(type)) + " '" + std::string(g.nodes()[edge.from].name) + "'";
    if (std::find(publishers.begin(), publishers.end(), who) == publishers.end())
      publishers.push_back(who);
    std::string service(service_principal(type));
    if (std::find(services.begin(), services.end(), service) == services.end())
      services.push_back(service);
  }
  if (publishers.empty()) return {};
  return join(publishers, ", ") + (publishers.size() == 1 ? " publishes" : " publish") +
         " to it, and AWS services cannot use the AWS managed key alias/aws/sns (its key policy "
         "cannot be changed): pass --kms-key with a key whose policy lets " +
         join(services, " and ") + " use it";
}

}  // namespace enclint::rules
