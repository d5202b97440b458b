// The loaded form of rule packs: rules, masks, diagnoses and tables.
#ifndef CURLEXPLAIN_RULE_H_
#define CURLEXPLAIN_RULE_H_

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "curlexplain/diagnostic.h"
#include "curlexplain/expression.h"
#include "curlexplain/log_line.h"
#include "curlexplain/template.h"

namespace re2 {
class RE2;
}

namespace curlexplain {

enum class Severity { kInfo, kNote, kWarning, kError };

// Names that every rule's fields and templates can use besides its own
// captures and fields: what the line reader found out about the line.
// Unknown values are null.
inline constexpr const char* kLineNames[] = {
    "line_number", "line_direction", "line_time",
    "line_transfer", "line_connection", "line_tags"};

// Returns "info", "note", "warning" or "error".
std::string_view SeverityName(Severity severity);

// Parses a severity name. Returns nullopt for anything else.
std::optional<Severity> ParseSeverity(std::string_view name);

// A `when` condition: the state under `key` must be one of `allowed`, where
// nullopt stands for "unset".
struct Condition {
  std::string key;
  std::vector<std::optional<std::string>> allowed;
};

struct ComputedField {
  std::string name;
  Expression expression;
  SourcePosition position;
};

// A state update: `value` renders the new value; nullopt clears the key.
struct StateUpdate {
  std::string key;
  std::optional<Template> value;
};

struct FactRecord {
  std::string name;
  Template value;
};

// A line that a rule or mask must handle, with what must come out.
struct RuleExample {
  SourcePosition position;
  std::string line;
  Direction direction = Direction::kUnknown;
  std::vector<std::string> tags;
  std::vector<std::pair<std::string, std::string>> state;
  std::vector<std::string> contains;
  std::vector<std::pair<std::string, std::string>> fields;
  std::optional<Severity> severity;
  std::vector<std::string> masked;
};

// Texts of a rule that a translation pack can replace.
struct RuleTexts {
  Template explain;
  std::optional<Template> hint;
  std::string pack;  // the pack the texts come from
};

struct Rule {
  std::string id;
  std::string pack;
  SourcePosition position;
  std::string protocol;
  std::string pattern;
  std::shared_ptr<const re2::RE2> regex;
  std::vector<std::string> captures;  // named groups of the pattern
  std::optional<Direction> direction;
  // The line must carry one of these trace tags ("HTTP/2"), when not empty.
  std::vector<std::string> tags;
  int priority = 0;
  bool fallback = false;
  std::vector<Condition> when;
  std::vector<ComputedField> fields;
  RuleTexts texts;
  Template severity;  // renders "info", "note", "warning" or "error"
  std::vector<StateUpdate> set;
  std::optional<Template> connection;
  std::vector<FactRecord> record;
  std::set<std::string, std::less<>> secrets;
  std::vector<RuleExample> examples;
  // Characters of the pattern that match only themselves: the specificity
  // measure that breaks ties between matching rules.
  int literal_length = 0;
  // Position in load order, the last tie-break.
  size_t order = 0;
};

// A pattern applied to every line before rules run. Every named group of it
// captures a secret.
struct Mask {
  std::string id;
  std::string pack;
  SourcePosition position;
  std::string pattern;
  std::shared_ptr<const re2::RE2> regex;
  std::vector<RuleExample> examples;
};

// A sentence of the summary, shown when its condition is true of the facts.
struct Diagnosis {
  std::string id;
  std::string pack;
  SourcePosition position;
  std::optional<Expression> condition;
  // Computed from the facts, in order, like a rule's fields; a translation
  // can replace them.
  std::vector<ComputedField> fields;
  RuleTexts texts;
  Template severity;
  int priority = 0;
  size_t order = 0;
};

// The description of a pack in its pack.yaml.
struct PackInfo {
  std::string name;
  std::string language;
  std::string extends;  // the base pack of a translation, else empty
  std::string description;
  int version = 0;
  std::string directory;
};

// Everything loaded from all packs, with later packs' rules replacing earlier
// ones by id.
struct RuleSet {
  // The language chosen for output.
  std::string language = "en";
  std::vector<PackInfo> packs;
  std::vector<Rule> rules;  // in load order; `order` is the index
  std::vector<Mask> masks;
  std::vector<Diagnosis> diagnoses;
  std::map<std::string, Table, std::less<>> tables;
  // The program's own words in outputs ("not explained", headings), by key.
  std::map<std::string, std::string, std::less<>> strings;
  // Words and number formats for the expression functions.
  Locale locale;
  // The rule ids a later pack replaced: id to the replaced rule's pack.
  std::map<std::string, std::vector<std::string>, std::less<>> overridden;
  // The ids each translation pack translates, by pack name, whether or not
  // its language was chosen.
  std::map<std::string, std::set<std::string>, std::less<>> translated;

  // Returns the rule with `id`, or nullptr.
  const Rule* FindRule(std::string_view id) const;
};

}  // namespace curlexplain

#endif  // CURLEXPLAIN_RULE_H_
