#include "rule_reader.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>

namespace curlexplain {
namespace {

constexpr int kMaxGroups = 64;

bool IsValidId(std::string_view id) {
  if (id.empty()) return false;
  return std::all_of(id.begin(), id.end(), [](char c) {
    return std::islower(static_cast<unsigned char>(c)) ||
           std::isdigit(static_cast<unsigned char>(c)) || c == '.' ||
           c == '-' || c == '_';
  });
}

bool Contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}



}  // namespace

std::optional<Direction> ParseDirection(std::string_view name) {
  if (name == "in") return Direction::kIn;
  if (name == "out") return Direction::kOut;
  if (name == "info") return Direction::kInfo;
  if (name == "unknown") return Direction::kUnknown;
  return std::nullopt;
}

RuleReader::RuleReader(YamlContext* context, std::string pack)
    : context_(context), pack_(std::move(pack)) {}

bool RuleReader::ReadId(const YAML::Node& node, std::string* id) {
  const YAML::Node id_node = node["id"];
  if (!id_node) {
    context_->Error(node, "", "missing key 'id'");
    return false;
  }
  std::optional<std::string> value = context_->Scalar(id_node, "", "'id'");
  if (!value) return false;
  *id = *value;
  ids_.emplace_back(*id, context_->PositionOf(node));
  if (!IsValidId(*id)) {
    context_->Error(id_node, *id,
                    "an id may hold only lower-case letters, digits, '.', "
                    "'-' and '_'");
    return false;
  }
  return true;
}

std::shared_ptr<const re2::RE2> RuleReader::CompilePattern(
    const YAML::Node& node, const std::string& id, const std::string& pattern) {
  RE2::Options options;
  options.set_log_errors(false);
  auto regex = std::make_shared<re2::RE2>(pattern, options);
  if (regex->ok()) return regex;
  std::string message = fmt::format("invalid pattern: {}", regex->error());
  if (pattern.find("(?<") != std::string::npos) {
    message += "; RE2 names groups as (?P<name>...)";
  }
  size_t offset = 0;
  if (!regex->error_arg().empty()) {
    offset = pattern.find(regex->error_arg());
    if (offset == std::string::npos) offset = 0;
  }
  context_->Error(context_->PositionInScalar(node, offset), id, message);
  return nullptr;
}

bool RuleReader::ReadMatch(const YAML::Node& node, Rule* rule) {
  const YAML::Node match = node["match"];
  if (!match) {
    context_->Error(node, rule->id, "missing key 'match'");
    return false;
  }
  std::optional<std::string> pattern =
      context_->Scalar(match, rule->id, "'match'");
  if (!pattern) return false;
  rule->pattern = *pattern;
  rule->regex = CompilePattern(match, rule->id, *pattern);
  if (!rule->regex) return false;
  bool ok = true;
  // RE2 copies every group of a match, so thousands of groups make each
  // matching line slow.
  if (rule->regex->NumberOfCapturingGroups() > kMaxGroups) {
    context_->Error(match, rule->id,
                    fmt::format("the pattern has {} groups; at most {} are "
                                "allowed (use (?:...) for groups that need "
                                "no name)",
                                rule->regex->NumberOfCapturingGroups(),
                                kMaxGroups));
    ok = false;
  }
  for (const auto& [name, index] : rule->regex->NamedCapturingGroups()) {
    rule->captures.push_back(name);
    if (name.rfind("line_", 0) == 0) {
      context_->Error(match, rule->id,
                      fmt::format("capture '{}': names that start with "
                                  "'line_' are reserved for what the line "
                                  "reader found",
                                  name));
      ok = false;
    }
  }
  rule->literal_length = LiteralLength(*pattern);
  return ok;
}

bool RuleReader::ReadDirection(const YAML::Node& node, Rule* rule) {
  const YAML::Node direction = node["direction"];
  if (!direction) return true;
  std::optional<std::string> name =
      context_->Scalar(direction, rule->id, "'direction'");
  if (!name) return false;
  if (*name == "any") return true;
  std::optional<Direction> parsed = ParseDirection(*name);
  if (!parsed || *parsed == Direction::kUnknown) {
    context_->Error(direction, rule->id,
                    fmt::format("unknown direction '{}'; use in, out, info "
                                "or any",
                                *name));
    return false;
  }
  rule->direction = parsed;
  return true;
}

bool RuleReader::ReadWhen(const YAML::Node& node, Rule* rule) {
  const YAML::Node when = node["when"];
  if (!when) return true;
  if (!when.IsMap()) {
    context_->Error(when, rule->id,
                    "'when' must map state keys to values, as in "
                    "{smtp.command: MAIL}");
    return false;
  }
  bool ok = context_->CheckUniqueKeys(when, rule->id, "'when'");
  for (const auto& entry : when) {
    Condition condition;
    condition.key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (value.IsNull()) {
      condition.allowed.push_back(std::nullopt);
    } else if (value.IsScalar()) {
      condition.allowed.push_back(value.Scalar());
    } else if (value.IsSequence()) {
      for (const YAML::Node& item : value) {
        if (item.IsNull()) {
          condition.allowed.push_back(std::nullopt);
        } else if (item.IsScalar()) {
          condition.allowed.push_back(item.Scalar());
        } else {
          context_->Error(item, rule->id, "a 'when' value must be a string");
          ok = false;
        }
      }
    } else {
      context_->Error(value, rule->id,
                      "a 'when' value must be a string, a list or null");
      ok = false;
    }
    rule->when.push_back(std::move(condition));
  }
  return ok;
}

std::vector<std::string> RuleReader::Names(const Rule& rule) const {
  std::vector<std::string> names(std::begin(kLineNames), std::end(kLineNames));
  names.insert(names.end(), rule.captures.begin(), rule.captures.end());
  for (const ComputedField& field : rule.fields) names.push_back(field.name);
  // A field whose expression is broken still counts as defined, so that
  // its one error is not repeated for every template that names it.
  names.insert(names.end(), broken_fields_.begin(), broken_fields_.end());
  return names;
}

bool RuleReader::ReadFields(const YAML::Node& node, Rule* rule) {
  const YAML::Node fields = node["fields"];
  if (!fields) return true;
  if (!fields.IsMap()) {
    context_->Error(fields, rule->id,
                    "'fields' must map field names to expressions");
    return false;
  }
  bool ok = context_->CheckUniqueKeys(fields, rule->id, "'fields'");
  for (const auto& entry : fields) {
    if (!entry.first.IsScalar()) continue;
    std::string name = entry.first.Scalar();
    std::vector<std::string> known = Names(*rule);
    if (Contains(known, name)) {
      context_->Error(entry.first, rule->id,
                      fmt::format("field '{}' has the name of a capture or "
                                  "an earlier field",
                                  name));
      ok = false;
      continue;
    }
    std::optional<std::string> source =
        context_->Scalar(entry.second, rule->id, "a field's expression");
    if (!source) {
      ok = false;
      continue;
    }
    ExpressionError error;
    std::optional<Expression> expression = Expression::Parse(*source, &error);
    if (!expression) {
      context_->Error(context_->PositionInScalar(entry.second,
                                       static_cast<size_t>(error.column - 1)),
                      rule->id,
                      fmt::format("field '{}': {}", name, error.message));
      broken_fields_.push_back(name);
      ok = false;
      continue;
    }
    for (const std::string& used : expression->names()) {
      if (!Contains(known, used)) {
        std::vector<std::string_view> candidates(known.begin(), known.end());
        std::string message = fmt::format(
            "field '{}' uses '{}', which is neither a capture nor an "
            "earlier field",
            name, used);
        std::string suggestion = ClosestMatch(used, candidates);
        if (!suggestion.empty()) {
          message += fmt::format(" (did you mean '{}'?)", suggestion);
        }
        context_->Error(entry.second, rule->id, message);
        ok = false;
      }
    }
    rule->fields.push_back(ComputedField{name, std::move(*expression),
                                         context_->PositionOf(entry.second)});
  }
  return ok;
}

std::optional<Template> RuleReader::ReadTemplate(const YAML::Node& node,
                                                 const std::string& id,
                                                 std::string_view what) {
  std::optional<std::string> source = context_->Scalar(node, id, what);
  if (!source) return std::nullopt;
  std::string error;
  size_t offset = 0;
  std::optional<Template> tmpl = Template::Parse(*source, &error, &offset);
  if (!tmpl) {
    context_->Error(context_->PositionInScalar(node, offset), id,
                    fmt::format("{}: {}", what, error));
  }
  return tmpl;
}

bool RuleReader::CheckTemplateNames(const Template& tmpl,
                                    const YAML::Node& node,
                                    const std::string& id,
                                    std::string_view what,
                                    const std::vector<std::string>& names) {
  bool ok = true;
  for (const std::string& name : tmpl.names()) {
    if (Contains(names, name)) continue;
    std::vector<std::string_view> candidates(names.begin(), names.end());
    std::string message = fmt::format(
        "{} names '{}', which this rule does not define", what, name);
    std::string suggestion = ClosestMatch(name, candidates);
    if (!suggestion.empty()) {
      message += fmt::format(" (did you mean '{}'?)", suggestion);
    }
    context_->Error(context_->PositionInScalar(node, tmpl.OffsetOf(name)), id,
                    message);
    ok = false;
  }
  return ok;
}

bool RuleReader::ReadTexts(const YAML::Node& node, const std::string& id,
                           const std::vector<std::string>* names,
                           RuleTexts* texts, Template* severity) {
  bool ok = true;
  texts->pack = pack_;
  const YAML::Node explain = node["explain"];
  if (!explain) {
    context_->Error(node, id, "missing key 'explain'");
    ok = false;
  } else if (auto tmpl = ReadTemplate(explain, id, "'explain'")) {
    if (names)
      ok &= CheckTemplateNames(*tmpl, explain, id, "'explain'", *names);
    texts->explain = std::move(*tmpl);
  } else {
    ok = false;
  }
  if (const YAML::Node hint = node["hint"]) {
    if (auto tmpl = ReadTemplate(hint, id, "'hint'")) {
      if (names) ok &= CheckTemplateNames(*tmpl, hint, id, "'hint'", *names);
      texts->hint = std::move(*tmpl);
    } else {
      ok = false;
    }
  }

  std::string error;
  size_t offset = 0;
  *severity = *Template::Parse("info", &error, &offset);
  if (const YAML::Node value = node["severity"]) {
    std::optional<Template> tmpl = ReadTemplate(value, id, "'severity'");
    if (!tmpl) return false;
    if (names) {
      ok &= CheckTemplateNames(*tmpl, value, id, "'severity'", *names);
    }
    if (tmpl->names().empty() && !ParseSeverity(tmpl->source())) {
      context_->Error(value, id,
                      fmt::format("unknown severity '{}'; use info, note, "
                                  "warning or error",
                                  tmpl->source()));
      ok = false;
    }
    *severity = std::move(*tmpl);
  }
  return ok;
}

bool RuleReader::ReadSet(const YAML::Node& node, Rule* rule) {
  const YAML::Node set = node["set"];
  if (!set) return true;
  if (!set.IsMap()) {
    context_->Error(set, rule->id,
                    "'set' must map state keys to values, as in "
                    "{smtp.command: MAIL}");
    return false;
  }
  bool ok = context_->CheckUniqueKeys(set, rule->id, "'set'");
  std::vector<std::string> names = Names(*rule);
  for (const auto& entry : set) {
    if (!entry.first.IsScalar()) continue;
    StateUpdate update;
    update.key = entry.first.Scalar();
    if (!entry.second.IsNull()) {
      update.value = ReadTemplate(entry.second, rule->id, "a 'set' value");
      if (!update.value) {
        ok = false;
        continue;
      }
      ok &= CheckTemplateNames(*update.value, entry.second, rule->id,
                               "a 'set' value", names);
    }
    rule->set.push_back(std::move(update));
  }
  return ok;
}

bool RuleReader::ReadRecord(const YAML::Node& node, Rule* rule) {
  const YAML::Node record = node["record"];
  if (!record) return true;
  if (!record.IsMap()) {
    context_->Error(record, rule->id, "'record' must map fact names to values");
    return false;
  }
  bool ok = context_->CheckUniqueKeys(record, rule->id, "'record'");
  std::vector<std::string> names = Names(*rule);
  for (const auto& entry : record) {
    if (!entry.first.IsScalar()) continue;
    std::string fact = entry.first.Scalar();
    bool valid =
        !fact.empty() &&
        std::all_of(fact.begin(), fact.end(),
                    [](char c) {
                      return std::islower(static_cast<unsigned char>(c)) ||
                             std::isdigit(static_cast<unsigned char>(c)) ||
                             c == '_';
                    }) &&
        !std::isdigit(static_cast<unsigned char>(fact[0]));
    if (!valid) {
      context_->Error(entry.first, rule->id,
                      fmt::format("fact name '{}' must be snake_case, so that "
                                  "diagnoses can name it",
                                  fact));
      ok = false;
      continue;
    }
    std::optional<Template> value =
        ReadTemplate(entry.second, rule->id, "a 'record' value");
    if (!value) {
      ok = false;
      continue;
    }
    ok &= CheckTemplateNames(*value, entry.second, rule->id, "a 'record' value",
                             names);
    rule->record.push_back(FactRecord{fact, std::move(*value)});
  }
  return ok;
}

bool RuleReader::ReadSecret(const YAML::Node& node, Rule* rule) {
  const YAML::Node secret = node["secret"];
  if (!secret) return true;
  auto names = context_->ScalarList(secret, rule->id, "'secret'");
  if (!names) return false;
  std::vector<std::string> known = Names(*rule);
  bool ok = true;
  for (const std::string& name : *names) {
    if (!Contains(known, name)) {
      context_->Error(secret, rule->id,
                      fmt::format("'secret' names '{}', which is neither a "
                                  "capture nor a field",
                                  name));
      ok = false;
    }
    rule->secrets.insert(name);
  }
  return ok;
}

bool RuleReader::ReadOptions(const YAML::Node& node, Rule* rule) {
  bool ok = ReadDirection(node, rule);
  if (const YAML::Node tag = node["tag"]) {
    auto tags = context_->ScalarList(tag, rule->id, "'tag'");
    if (tags) rule->tags = *tags;
    ok &= tags.has_value();
  }
  if (const YAML::Node protocol = node["protocol"]) {
    auto value = context_->Scalar(protocol, rule->id, "'protocol'");
    if (value) rule->protocol = *value;
    ok &= value.has_value();
  }
  if (const YAML::Node priority = node["priority"]) {
    auto value = context_->Integer(priority, rule->id, "'priority'");
    if (value) rule->priority = *value;
    ok &= value.has_value();
  }
  if (const YAML::Node fallback = node["fallback"]) {
    auto value = context_->Boolean(fallback, rule->id, "'fallback'");
    if (value) rule->fallback = *value;
    ok &= value.has_value();
  }
  return ok;
}

std::optional<Rule> RuleReader::ReadRule(const YAML::Node& node) {
  if (!node.IsMap()) {
    context_->Error(node, "", "a rule must be a mapping with 'id' and 'match'");
    return std::nullopt;
  }
  Rule rule;
  rule.pack = pack_;
  rule.position = context_->PositionOf(node);
  broken_fields_.clear();
  if (!ReadId(node, &rule.id)) return std::nullopt;

  bool ok = context_->CheckKeys(
      node, rule.id,
      {"id", "match", "explain", "hint", "severity", "direction", "tag",
       "protocol", "priority", "fallback", "when", "fields", "set",
       "connection", "record", "secret", "examples"},
      "a rule");
  ok &= ReadMatch(node, &rule);
  ok &= ReadOptions(node, &rule);
  ok &= ReadWhen(node, &rule);
  ok &= ReadFields(node, &rule);

  std::vector<std::string> names = Names(rule);
  ok &= ReadTexts(node, rule.id, &names, &rule.texts, &rule.severity);
  ok &= ReadSet(node, &rule);
  if (const YAML::Node connection = node["connection"]) {
    rule.connection = ReadTemplate(connection, rule.id, "'connection'");
    ok &= rule.connection &&
          CheckTemplateNames(*rule.connection, connection, rule.id,
                             "'connection'", names);
  }
  ok &= ReadRecord(node, &rule);
  ok &= ReadSecret(node, &rule);
  ok &= ReadExamples(node, rule.id, &rule.examples);

  if (!ok) return std::nullopt;
  return rule;
}

std::optional<Mask> RuleReader::ReadMask(const YAML::Node& node) {
  if (!node.IsMap()) {
    context_->Error(node, "", "a mask must be a mapping with 'id' and 'match'");
    return std::nullopt;
  }
  Mask mask;
  mask.pack = pack_;
  mask.position = context_->PositionOf(node);
  if (!ReadId(node, &mask.id)) return std::nullopt;
  bool ok =
      context_->CheckKeys(node, mask.id, {"id", "match", "examples"}, "a mask");
  Rule probe;
  probe.id = mask.id;
  ok &= ReadMatch(node, &probe);
  if (probe.regex && RE2::PartialMatch("", *probe.regex)) {
    context_->Error(node["match"], mask.id,
                    "a mask's pattern must not match empty text: it would be "
                    "tried at every position of every line");
    ok = false;
  }
  if (probe.regex && probe.captures.empty()) {
    context_->Error(node["match"], mask.id,
                    "a mask's pattern needs a named group, as in "
                    "(?P<password>...), for the text to mask");
    ok = false;
  }
  mask.pattern = probe.pattern;
  mask.regex = probe.regex;
  ok &= ReadExamples(node, mask.id, &mask.examples);
  if (!ok) return std::nullopt;
  return mask;
}

std::optional<Diagnosis> RuleReader::ReadDiagnosis(const YAML::Node& node) {
  if (!node.IsMap()) {
    context_->Error(node, "",
                    "a diagnosis must be a mapping with 'id', 'if' and "
                    "'explain'");
    return std::nullopt;
  }
  Diagnosis diagnosis;
  diagnosis.pack = pack_;
  diagnosis.position = context_->PositionOf(node);
  if (!ReadId(node, &diagnosis.id)) return std::nullopt;
  const std::string& id = diagnosis.id;
  bool ok = context_->CheckKeys(
      node, id,
      {"id", "if", "fields", "explain", "hint", "severity", "priority"},
      "a diagnosis");
  const YAML::Node condition = node["if"];
  std::optional<Expression> parsed;
  if (!condition) {
    context_->Error(node, id, "missing key 'if'");
    ok = false;
  } else if (auto source = context_->Scalar(condition, id, "'if'")) {
    ExpressionError error;
    parsed = Expression::Parse(*source, &error);
    if (!parsed) {
      context_->Error(context_->PositionInScalar(condition,
                                       static_cast<size_t>(error.column - 1)),
                      id, fmt::format("'if': {}", error.message));
      ok = false;
    }
  } else {
    ok = false;
  }
  // A diagnosis may name any fact; facts never recorded render as "".
  if (const YAML::Node fields = node["fields"]) {
    ok &= ReadUncheckedFields(fields, id, &diagnosis.fields);
  }
  ok &= ReadTexts(node, id, nullptr, &diagnosis.texts, &diagnosis.severity);
  if (const YAML::Node priority = node["priority"]) {
    auto value = context_->Integer(priority, id, "'priority'");
    if (value) diagnosis.priority = *value;
    ok &= value.has_value();
  }
  if (!ok || !parsed) return std::nullopt;
  diagnosis.condition = std::move(parsed);
  return diagnosis;
}

}  // namespace curlexplain
