#include "yaml_context.h"

#include "suggest.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace curlexplain {

YamlContext::YamlContext(std::string file, std::string_view content,
                         std::vector<Diagnostic>* diagnostics)
    : file_(std::move(file)), diagnostics_(diagnostics) {
  size_t start = 0;
  while (start <= content.size()) {
    size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    std::string line(content.substr(start, end - start));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines_.push_back(std::move(line));
    start = end + 1;
  }
}

SourcePosition YamlContext::PositionAt(int line, int column) const {
  return SourcePosition{file_, line, column};
}

SourcePosition YamlContext::PositionOf(const YAML::Node& node) const {
  YAML::Mark mark = node.Mark();
  if (mark.is_null()) return SourcePosition{file_, 0, 0};
  return SourcePosition{file_, mark.line + 1, mark.column + 1};
}

SourcePosition YamlContext::PositionInScalar(const YAML::Node& node,
                                             size_t offset) const {
  SourcePosition position = PositionOf(node);
  if (position.line == 0 || !node.IsScalar()) return position;
  bool quoted = node.Tag() == "!";
  std::string line = Line(position.line);
  size_t start = static_cast<size_t>(position.column - 1) + (quoted ? 1 : 0);
  // Only a scalar that starts at its mark and stays on one line can be
  // pointed into. Block scalars (`>-`, `|`) keep the node's position.
  std::string_view value = node.Scalar();
  std::string_view head = value.substr(0, std::min<size_t>(value.size(), 8));
  if (start > line.size() || line.compare(start, head.size(), head) != 0 ||
      value.find('\n') != std::string_view::npos) {
    return position;
  }
  position.column = static_cast<int>(start + offset + 1);
  return position;
}

std::string YamlContext::Line(int line) const {
  if (line < 1 || line > static_cast<int>(lines_.size())) return "";
  return lines_[line - 1];
}

void YamlContext::Error(const SourcePosition& position,
                        std::string_view rule_id, std::string message) {
  Diagnostic d;
  d.position = position;
  d.rule_id = std::string(rule_id);
  d.message = std::move(message);
  d.source_line = Line(position.line);
  diagnostics_->push_back(std::move(d));
}

void YamlContext::Error(const YAML::Node& node, std::string_view rule_id,
                        std::string message) {
  Error(PositionOf(node), rule_id, std::move(message));
}

bool YamlContext::CheckUniqueKeys(const YAML::Node& node,
                                  std::string_view rule_id,
                                  std::string_view what) {
  std::set<std::string> seen;
  bool ok = true;
  for (const auto& entry : node) {
    const YAML::Node& key = entry.first;
    if (key.IsNull()) {
      Error(key, rule_id,
            fmt::format("a key of {} is null; quote words such as 'NULL', "
                        "'null' and '~' that YAML reads as null",
                        what));
      ok = false;
    } else if (!key.IsScalar()) {
      Error(key, rule_id,
            fmt::format("a key of {} must be a plain word", what));
      ok = false;
    } else if (!seen.insert(key.Scalar()).second) {
      Error(key, rule_id,
            fmt::format("duplicate key '{}' in {}", key.Scalar(), what));
      ok = false;
    }
  }
  return ok;
}

bool YamlContext::CheckKeys(const YAML::Node& node, std::string_view rule_id,
                            std::initializer_list<std::string_view> allowed,
                            std::string_view what) {
  std::vector<std::string_view> candidates(allowed);
  bool ok = CheckUniqueKeys(node, rule_id, what);
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) continue;
    const std::string name = entry.first.Scalar();
    const YAML::Node& key = entry.first;
    if (std::find(candidates.begin(), candidates.end(), name) !=
        candidates.end()) {
      continue;
    }
    std::string message = fmt::format("unknown key '{}' in {}", name, what);
    std::string suggestion = ClosestMatch(name, candidates);
    if (!suggestion.empty()) {
      message += fmt::format(" (did you mean '{}'?)", suggestion);
    }
    Error(key, rule_id, message);
    ok = false;
  }
  return ok;
}

std::optional<std::string> YamlContext::Scalar(const YAML::Node& node,
                                               std::string_view rule_id,
                                               std::string_view what) {
  if (!node.IsScalar()) {
    Error(node, rule_id, fmt::format("{} must be a single value", what));
    return std::nullopt;
  }
  return node.Scalar();
}

std::optional<std::vector<std::string>> YamlContext::ScalarList(
    const YAML::Node& node, std::string_view rule_id, std::string_view what) {
  std::vector<std::string> out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  if (!node.IsSequence()) {
    Error(node, rule_id, fmt::format("{} must be a list of values", what));
    return std::nullopt;
  }
  for (const YAML::Node& item : node) {
    std::optional<std::string> value = Scalar(item, rule_id, what);
    if (!value) return std::nullopt;
    out.push_back(*value);
  }
  return out;
}

std::optional<int> YamlContext::Integer(const YAML::Node& node,
                                        std::string_view rule_id,
                                        std::string_view what) {
  std::optional<std::string> text = Scalar(node, rule_id, what);
  if (!text) return std::nullopt;
  try {
    size_t used = 0;
    int value = std::stoi(*text, &used);
    if (used == text->size()) return value;
  } catch (const std::exception&) {
  }
  Error(node, rule_id,
        fmt::format("{} must be an integer, not '{}'", what, *text));
  return std::nullopt;
}

std::optional<bool> YamlContext::Boolean(const YAML::Node& node,
                                         std::string_view rule_id,
                                         std::string_view what) {
  std::optional<std::string> text = Scalar(node, rule_id, what);
  if (!text) return std::nullopt;
  if (*text == "true") return true;
  if (*text == "false") return false;
  Error(node, rule_id,
        fmt::format("{} must be true or false, not '{}'", what, *text));
  return std::nullopt;
}

}  // namespace curlexplain
