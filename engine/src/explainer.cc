#include "curlexplain/explainer.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <tuple>

#include "curlexplain/reporter.h"
#include "matcher.h"
#include "session.h"

namespace curlexplain {
namespace {

constexpr std::string_view kMaskText = "****";

// The scope of a rule's field expressions: captures and earlier fields,
// the session's state, the tables, the reference time and the locale.
class FieldScope : public Scope {
 public:
  FieldScope(const RuleSet& rules, const Session& session, int64_t now)
      : rules_(rules), session_(session), now_(now) {}

  const Value* Find(std::string_view name) const override {
    auto it = values.find(name);
    return it == values.end() ? nullptr : &it->second;
  }
  std::optional<std::string> State(std::string_view key) const override {
    return session_.Get(key);
  }
  const Table* FindTable(std::string_view name) const override {
    auto it = rules_.tables.find(name);
    return it == rules_.tables.end() ? nullptr : &it->second;
  }
  int64_t ReferenceTime() const override { return now_; }
  const Locale& GetLocale() const override { return rules_.locale; }

  std::map<std::string, Value, std::less<>> values;

 private:
  const RuleSet& rules_;
  const Session& session_;
  int64_t now_;
};

// The scope of diagnoses: the facts, where a fact never recorded is null.
class FactScope : public FieldScope {
 public:
  using FieldScope::FieldScope;
  const Value* Find(std::string_view name) const override {
    static const Value kNull;
    const Value* value = FieldScope::Find(name);
    return value == nullptr ? &kNull : value;
  }
};

// The order in which matching rules win: a larger key wins.
auto RankOf(const Rule& rule) {
  return std::make_tuple(!rule.fallback, rule.priority,
                         static_cast<int>(rule.when.size()),
                         rule.literal_length, -static_cast<int64_t>(rule.order));
}

// Returns why `winner` ranks above `loser`, as the end of a sentence that
// starts "lost to WINNER: ".
std::string WhyWins(const Rule& winner, const Rule& loser) {
  if (winner.fallback != loser.fallback) {
    return "this rule is a fallback and the winner is not";
  }
  if (winner.priority != loser.priority) {
    return fmt::format("the winner's priority is {}, this rule's {}",
                       winner.priority, loser.priority);
  }
  if (winner.when.size() != loser.when.size()) {
    return fmt::format("the winner has {} state conditions, this rule {}",
                       winner.when.size(), loser.when.size());
  }
  if (winner.literal_length != loser.literal_length) {
    return fmt::format("the winner's literal length is {}, this rule's {}",
                       winner.literal_length, loser.literal_length);
  }
  return "the winner was loaded earlier";
}

// Returns "" when `rule` may explain the line, else why not.
std::string CheckEligible(const Rule& rule, const LogLine& line,
                          const Session& session) {
  if (rule.direction && line.direction != Direction::kUnknown &&
      line.direction != *rule.direction) {
    return fmt::format("the rule is for direction '{}', the line is '{}'",
                       DirectionName(*rule.direction),
                       DirectionName(line.direction));
  }
  if (!rule.tags.empty() &&
      std::none_of(rule.tags.begin(), rule.tags.end(),
                   [&](const std::string& tag) {
                     return std::find(line.tags.begin(), line.tags.end(),
                                      tag) != line.tags.end();
                   })) {
    return fmt::format("the rule is for lines tagged [{}]",
                       fmt::join(rule.tags, "] or ["));
  }
  for (const Condition& condition : rule.when) {
    std::optional<std::string> value = session.Get(condition.key);
    if (std::find(condition.allowed.begin(), condition.allowed.end(), value) !=
        condition.allowed.end()) {
      continue;
    }
    std::vector<std::string> wanted;
    for (const auto& allowed : condition.allowed) {
      wanted.push_back(allowed ? "'" + *allowed + "'" : "unset");
    }
    return fmt::format("when {} is {}, but it is {}", condition.key,
                       fmt::join(wanted, " or "),
                       value ? "'" + Printable(*value) + "'" : "unset");
  }
  return "";
}

void ReplaceAll(std::string* text, std::string_view from,
                std::string_view to) {
  if (from.empty()) return;
  size_t pos = 0;
  while ((pos = text->find(from, pos)) != std::string::npos) {
    text->replace(pos, from.size(), to);
    pos += to.size();
  }
}

}  // namespace

namespace {

// Adds the text of every named group of every mask match in `text`.
void CollectMaskSecrets(const std::vector<Mask>& masks, std::string_view text,
                        std::vector<std::string>* secrets) {
  for (const Mask& mask : masks) {
    const RE2& regex = *mask.regex;
    int groups = regex.NumberOfCapturingGroups();
    std::vector<re2::StringPiece> parts(groups + 1);
    size_t start = 0;
    while (start <= text.size() &&
           regex.Match(text, start, text.size(), RE2::UNANCHORED,
                       parts.data(), groups + 1)) {
      for (const auto& [name, index] : regex.NamedCapturingGroups()) {
        if (parts[index].data() != nullptr && !parts[index].empty()) {
          secrets->emplace_back(parts[index]);
        }
      }
      size_t end = parts[0].data() - text.data() + parts[0].size();
      start = std::max(end, start + 1);
    }
  }
}

// Binds the names of kLineNames to what the reader found out about `line`.
void BindLine(const LogLine& line,
              std::map<std::string, Value, std::less<>>* values) {
  auto optional = [](const auto& value) {
    return value ? Value(*value) : Value();
  };
  (*values)["line_number"] = Value(line.number);
  (*values)["line_direction"] =
      Value(std::string(DirectionName(line.direction)));
  (*values)["line_time"] = optional(line.time);
  (*values)["line_transfer"] = optional(line.transfer_id);
  (*values)["line_connection"] = optional(line.connection_id);
  (*values)["line_tags"] = Value(fmt::format("{}", fmt::join(line.tags, " ")));
}

// Binds each named group of `rule` in `text` to its value, or null.
void BindCaptures(const Rule& rule, std::string_view text,
                  std::map<std::string, Value, std::less<>>* values) {
  const RE2& regex = *rule.regex;
  int groups = regex.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> parts(groups + 1);
  bool matched = regex.Match(text, 0, text.size(), RE2::UNANCHORED,
                             parts.data(), groups + 1);
  for (const auto& [name, index] : regex.NamedCapturingGroups()) {
    if (matched && parts[index].data() != nullptr) {
      (*values)[name] = Value(std::string(parts[index]));
    } else {
      (*values)[name] = Value();
    }
  }
}

}  // namespace

Explainer::Explainer(const RuleSet& rules, ExplainOptions options)
    : rules_(rules),
      options_(options),
      matcher_(std::make_unique<Matcher>(rules.rules)),
      session_(std::make_unique<Session>()) {
  for (const PackInfo& pack : rules.packs) {
    pack_languages_[pack.name] = pack.language;
  }
}

Explainer::~Explainer() = default;

void Explainer::StartLog() {
  session_ = std::make_unique<Session>();
  summary_ = Summary();
}

void Explainer::SetState(const std::string& key, const std::string& value) {
  session_->Set(key, value);
}

Explanation Explainer::Explain(const LogLine& line) {
  if (line.connection_id) {
    session_->UseConnection(std::to_string(*line.connection_id));
  }
  if (line.transfer_id) session_->UseTransfer(std::to_string(*line.transfer_id));

  Explanation out;
  out.number = line.number;
  out.raw = line.raw;
  out.text = line.text;
  out.direction = line.direction;
  out.kind = line.kind;
  out.time = line.time;
  out.transfer_id = line.transfer_id;
  out.connection_id = line.connection_id;
  out.tags = line.tags;
  out.notes = line.notes;

  std::vector<std::string> secrets;
  CollectMaskSecrets(rules_.masks, line.text, &secrets);
  CollectMaskSecrets(rules_.masks, line.raw, &secrets);
  for (const std::string& secret : secrets) session_->AddSecret(secret);

  const Rule* winner = nullptr;
  for (int index : matcher_->Match(line.text)) {
    const Rule& rule = rules_.rules[index];
    std::string reason = CheckEligible(rule, line, *session_);
    if (reason.empty() && (winner == nullptr || RankOf(rule) > RankOf(*winner))) {
      winner = &rule;
    }
    if (options_.trace) {
      out.candidates.push_back(Candidate{&rule, reason.empty(), reason});
    }
  }
  if (options_.trace) {
    for (Candidate& candidate : out.candidates) {
      if (!candidate.eligible) continue;
      candidate.reason = candidate.rule == winner
                             ? "won"
                             : "lost to " + winner->id + ": " +
                                   WhyWins(*winner, *candidate.rule);
    }
  }
  if (winner != nullptr) ApplyRule(*winner, line, &out, &secrets);
  MaskSecrets(secrets, &out);
  Count(out);
  return out;
}

void Explainer::ApplyRule(const Rule& rule, const LogLine& line,
                          Explanation* out,
                          std::vector<std::string>* secrets) {
  out->rule = &rule;
  out->explained = !rule.fallback;
  FieldScope scope(rules_, *session_, options_.reference_time);
  BindLine(line, &scope.values);
  BindCaptures(rule, line.text, &scope.values);
  for (const ComputedField& field : rule.fields) {
    std::string error;
    Value value = field.expression.Evaluate(scope, &error);
    if (!error.empty()) {
      out->problems.push_back(fmt::format("field '{}': {}", field.name, error));
    }
    scope.values[field.name] = std::move(value);
  }

  TemplateValues values;
  for (const char* name : kLineNames) {
    values[name] = scope.values[name].ToString();
  }
  auto add = [&](const std::string& name) {
    std::string text = scope.values[name].ToString();
    values[name] = text;
    out->fields.emplace_back(name, text);
    if (rule.secrets.count(name) != 0 && !text.empty()) {
      secrets->push_back(text);
      session_->AddSecret(text);
    }
  };
  for (const std::string& name : rule.captures) add(name);
  for (const ComputedField& field : rule.fields) add(field.name);

  out->message = rule.texts.explain.RenderOrEmpty(values);
  out->language = pack_languages_[rule.texts.pack];
  if (rule.texts.hint) out->hint = rule.texts.hint->RenderOrEmpty(values);
  std::string severity = rule.severity.RenderOrEmpty(values);
  if (std::optional<Severity> parsed = ParseSeverity(severity)) {
    out->severity = *parsed;
  } else {
    out->problems.push_back(
        fmt::format("severity '{}' is not info, note, warning or error",
                    severity));
  }

  if (rule.connection) {
    std::string id = rule.connection->RenderOrEmpty(values);
    if (!id.empty()) session_->UseConnection(id);
  }
  for (const StateUpdate& update : rule.set) {
    if (update.value) {
      session_->Set(update.key, update.value->RenderOrEmpty(values));
    } else {
      session_->Set(update.key, std::nullopt);
    }
  }
  for (const FactRecord& record : rule.record) {
    session_->Record(record.name, MaskText(record.value.RenderOrEmpty(values),
                                           MaskList(*secrets)));
  }
}

std::vector<std::string> Explainer::MaskList(
    const std::vector<std::string>& line_secrets) const {
  std::vector<std::string> all = session_->secrets();
  for (const std::string& secret : line_secrets) {
    if (!secret.empty() &&
        std::find(all.begin(), all.end(), secret) == all.end()) {
      all.push_back(secret);
    }
  }
  // Longest first, so that a secret inside another is not masked half-way.
  std::stable_sort(all.begin(), all.end(),
                   [](const std::string& a, const std::string& b) {
                     return a.size() > b.size();
                   });
  return all;
}

std::string Explainer::MaskText(std::string text,
                                const std::vector<std::string>& secrets) const {
  if (options_.show_secrets) return text;
  for (const std::string& secret : secrets) {
    ReplaceAll(&text, secret, kMaskText);
  }
  return text;
}

void Explainer::MaskSecrets(const std::vector<std::string>& line_secrets,
                            Explanation* out) const {
  if (options_.show_secrets) return;
  std::vector<std::string> secrets = MaskList(line_secrets);
  if (secrets.empty()) return;
  std::string masked_text = MaskText(out->text, secrets);
  std::string masked_raw = MaskText(out->raw, secrets);
  // A trace dump encodes the text in hex columns or splits it over rows, so
  // a secret in the text need not appear in the raw line as it is. Such a
  // raw line is replaced by the masked text rather than shown.
  bool raw_plain = out->raw.find('\n') == std::string::npos &&
                   out->raw.size() >= out->text.size() &&
                   out->raw.compare(out->raw.size() - out->text.size(),
                                    out->text.size(), out->text) == 0;
  if (masked_text != out->text && !raw_plain) {
    masked_raw = masked_text;
    out->notes.push_back("raw line replaced: it encodes a secret");
  }
  out->raw = std::move(masked_raw);
  out->text = std::move(masked_text);
  out->message = MaskText(std::move(out->message), secrets);
  out->hint = MaskText(std::move(out->hint), secrets);
  for (auto& [name, value] : out->fields) {
    value = MaskText(std::move(value), secrets);
  }
  for (Candidate& candidate : out->candidates) {
    candidate.reason = MaskText(std::move(candidate.reason), secrets);
  }
  // A field's error quotes a value, possibly cut short, which a search for
  // the whole secret would miss. So in a line with secrets only the field's
  // name is kept.
  for (std::string& problem : out->problems) {
    if (!line_secrets.empty()) {
      problem = problem.substr(0, problem.find(':')) +
                ": could not be computed (the reason is withheld, because "
                "the line holds a secret)";
    }
    problem = MaskText(std::move(problem), secrets);
  }
}

void Explainer::Count(const Explanation& explanation) {
  ++summary_.lines;
  if (explanation.explained) {
    ++summary_.explained;
  } else if (explanation.rule != nullptr) {
    ++summary_.fallback;
  } else {
    ++summary_.unexplained;
  }
  switch (explanation.severity) {
    case Severity::kInfo:
      return;
    case Severity::kNote:
      ++summary_.notes;
      return;
    case Severity::kWarning:
      ++summary_.warnings;
      break;
    case Severity::kError:
      ++summary_.errors;
      break;
  }
  const auto& first = summary_.first_problem;
  if (!first || (first->severity == Severity::kWarning &&
                 explanation.severity == Severity::kError)) {
    summary_.first_problem = SummaryItem{
        explanation.rule->id, explanation.severity, explanation.message,
        explanation.hint, explanation.number};
  }
}

Summary Explainer::Finish() const {
  Summary summary = summary_;
  summary.facts = session_->facts();
  FactScope scope(rules_, *session_, options_.reference_time);
  TemplateValues values;
  for (const auto& [name, value] : summary.facts) {
    scope.values[name] = Value(value);
    values[name] = value;
  }
  std::vector<const Diagnosis*> order;
  for (const Diagnosis& diagnosis : rules_.diagnoses) order.push_back(&diagnosis);
  std::stable_sort(order.begin(), order.end(),
                   [](const Diagnosis* a, const Diagnosis* b) {
                     return a->priority > b->priority;
                   });
  for (const Diagnosis* diagnosis : order) {
    if (!diagnosis->condition ||
        !diagnosis->condition->Evaluate(scope).Truthy()) {
      continue;
    }
    FactScope field_scope = scope;
    TemplateValues item_values = values;
    for (const ComputedField& field : diagnosis->fields) {
      Value value = field.expression.Evaluate(field_scope);
      item_values[field.name] = value.ToString();
      field_scope.values[field.name] = std::move(value);
    }
    SummaryItem item;
    item.id = diagnosis->id;
    item.message = diagnosis->texts.explain.RenderOrEmpty(item_values);
    if (diagnosis->texts.hint) {
      item.hint = diagnosis->texts.hint->RenderOrEmpty(item_values);
    }
    item.severity =
        ParseSeverity(diagnosis->severity.RenderOrEmpty(item_values))
            .value_or(Severity::kInfo);
    summary.diagnoses.push_back(std::move(item));
  }
  return summary;
}

}  // namespace curlexplain
