#include "rule_reader.h"

#include <fmt/format.h>

#include <algorithm>

namespace curlexplain {

bool RuleReader::ReadUncheckedFields(const YAML::Node& fields,
                                      const std::string& id,
                                      std::vector<ComputedField>* out) {
  if (!fields.IsMap()) {
    context_->Error(fields, id, "'fields' must map field names to expressions");
    return false;
  }
  bool ok = context_->CheckUniqueKeys(fields, id, "'fields'");
  for (const auto& entry : fields) {
    if (!entry.first.IsScalar()) continue;
    std::string name = entry.first.Scalar();
    auto source = context_->Scalar(entry.second, id, "a field's expression");
    ExpressionError error;
    std::optional<Expression> expression;
    if (source) expression = Expression::Parse(*source, &error);
    if (source && !expression) {
      context_->Error(context_->PositionInScalar(entry.second,
                                       static_cast<size_t>(error.column - 1)),
                      id, fmt::format("field '{}': {}", name, error.message));
    }
    if (!expression) {
      ok = false;
      continue;
    }
    out->push_back(ComputedField{name, std::move(*expression),
                                 context_->PositionOf(entry.second)});
  }
  return ok;
}

std::optional<TextTranslation> RuleReader::ReadTranslation(
    const YAML::Node& id_node, const YAML::Node& node) {
  TextTranslation translation;
  translation.id = id_node.Scalar();
  translation.position = context_->PositionOf(id_node);
  const std::string& id = translation.id;
  if (!node.IsMap()) {
    context_->Error(node, id, "a translation must map 'explain' and 'hint'");
    return std::nullopt;
  }
  bool ok = context_->CheckKeys(node, id, {"explain", "hint", "fields"},
                                "a translation");
  if (const YAML::Node fields = node["fields"]) {
    ok &= ReadUncheckedFields(fields, id, &translation.fields);
  }
  if (const YAML::Node explain = node["explain"]) {
    translation.explain = ReadTemplate(explain, id, "'explain'");
    translation.explain_position = context_->PositionOf(explain);
    ok &= translation.explain.has_value();
  }
  if (const YAML::Node hint = node["hint"]) {
    translation.hint = ReadTemplate(hint, id, "'hint'");
    translation.hint_position = context_->PositionOf(hint);
    ok &= translation.hint.has_value();
  }
  if (!ok) return std::nullopt;
  return translation;
}


}  // namespace curlexplain
