#include "rule_reader.h"

#include <fmt/format.h>

#include <algorithm>

namespace curlexplain {

namespace {

bool ReadPairs(YamlContext* context, const YAML::Node& node,
               const std::string& id, std::string_view what,
               std::vector<std::pair<std::string, std::string>>* out) {
  if (!node.IsMap()) {
    context->Error(node, id, fmt::format("{} must be a mapping", what));
    return false;
  }
  bool ok = context->CheckUniqueKeys(node, id, what);
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) continue;
    std::string value;
    if (!entry.second.IsNull()) {
      std::optional<std::string> scalar =
          context->Scalar(entry.second, id, what);
      if (!scalar) {
        ok = false;
        continue;
      }
      value = *scalar;
    }
    out->emplace_back(entry.first.Scalar(), value);
  }
  return ok;
}

}  // namespace

std::optional<RuleExample> RuleReader::ReadExample(const YAML::Node& node,
                                                   const std::string& id) {
  if (!node.IsMap()) {
    context_->Error(node, id,
                    "an example must be a mapping with at least 'line'");
    return std::nullopt;
  }
  bool ok = context_->CheckKeys(node, id,
                                {"line", "direction", "tags", "state",
                                 "contains", "fields", "severity", "masked"},
                                "an example");
  RuleExample example;
  example.position = context_->PositionOf(node);
  if (!node["line"]) {
    context_->Error(node, id, "an example needs a 'line'");
    return std::nullopt;
  }
  auto line = context_->Scalar(node["line"], id, "an example's 'line'");
  if (!line) return std::nullopt;
  example.line = *line;
  if (const YAML::Node direction = node["direction"]) {
    auto name = context_->Scalar(direction, id, "'direction'");
    std::optional<Direction> parsed;
    if (name) parsed = ParseDirection(*name);
    if (!parsed) {
      context_->Error(direction, id,
                      "an example's direction must be in, out, info or "
                      "unknown");
      ok = false;
    } else {
      example.direction = *parsed;
    }
  }
  if (const YAML::Node tags = node["tags"]) {
    auto list = context_->ScalarList(tags, id, "an example's 'tags'");
    if (list) example.tags = *list;
    ok &= list.has_value();
  }
  if (const YAML::Node state = node["state"]) {
    ok &=
        ReadPairs(context_, state, id, "an example's 'state'", &example.state);
  }
  if (const YAML::Node fields = node["fields"]) {
    ok &= ReadPairs(context_, fields, id, "an example's 'fields'",
                    &example.fields);
  }
  for (auto [key, list] : {std::pair{"contains", &example.contains},
                           std::pair{"masked", &example.masked}}) {
    if (const YAML::Node value = node[key]) {
      auto items = context_->ScalarList(value, id, "an example's list");
      if (items) *list = *items;
      ok &= items.has_value();
    }
  }
  if (const YAML::Node severity = node["severity"]) {
    auto name = context_->Scalar(severity, id, "'severity'");
    if (name) example.severity = ParseSeverity(*name);
    if (!example.severity) {
      context_->Error(severity, id,
                      "unknown severity; use info, note, warning or error");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return example;
}

bool RuleReader::ReadExamples(const YAML::Node& node, const std::string& id,
                              std::vector<RuleExample>* examples) {
  const YAML::Node list = node["examples"];
  if (!list) return true;
  if (!list.IsSequence()) {
    context_->Error(list, id, "'examples' must be a list");
    return false;
  }
  bool ok = true;
  for (const YAML::Node& item : list) {
    std::optional<RuleExample> example = ReadExample(item, id);
    if (example) {
      examples->push_back(std::move(*example));
    } else {
      ok = false;
    }
  }
  return ok;
}


}  // namespace curlexplain
