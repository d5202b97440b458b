// Reads the sections of one rule file: rules, masks, diagnoses, examples.
#ifndef CURLEXPLAIN_RULE_READER_H_
#define CURLEXPLAIN_RULE_READER_H_

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <vector>

#include "curlexplain/rule.h"
#include "yaml_context.h"

namespace curlexplain {

// A translation of one rule's or diagnosis's texts, before it is applied.
struct TextTranslation {
  std::string id;
  SourcePosition position;
  std::optional<Template> explain;
  std::optional<Template> hint;
  // Position of each template, to report names the base rule lacks.
  SourcePosition explain_position;
  SourcePosition hint_position;
  // Replacements for computed fields whose values are words, such as a
  // field that builds a sentence: field name to expression.
  std::vector<ComputedField> fields;
};

// Reads rule-file sections in the context of one file and pack. Each Read
// function reports its own problems to the context and returns nullopt when
// the item is unusable.
class RuleReader {
 public:
  RuleReader(YamlContext* context, std::string pack);

  std::optional<Rule> ReadRule(const YAML::Node& node);
  std::optional<Mask> ReadMask(const YAML::Node& node);
  std::optional<Diagnosis> ReadDiagnosis(const YAML::Node& node);
  std::optional<TextTranslation> ReadTranslation(const YAML::Node& id_node,
                                                 const YAML::Node& node);

  // Every id read so far, with its place, including those of items that
  // had errors, so that duplicates are found either way.
  const std::vector<std::pair<std::string, SourcePosition>>& ids() const {
    return ids_;
  }

  // Compiles `pattern` and reports a problem at `node`. Returns nullptr on
  // failure.
  std::shared_ptr<const re2::RE2> CompilePattern(const YAML::Node& node,
                                                 const std::string& id,
                                                 const std::string& pattern);

  // Parses a template and reports problems at `node`.
  std::optional<Template> ReadTemplate(const YAML::Node& node,
                                       const std::string& id,
                                       std::string_view what);

  // Reports each name of `tmpl` that is not in `names`.
  bool CheckTemplateNames(const Template& tmpl, const YAML::Node& node,
                          const std::string& id, std::string_view what,
                          const std::vector<std::string>& names);

 private:
  bool ReadId(const YAML::Node& node, std::string* id);
  bool ReadMatch(const YAML::Node& node, Rule* rule);
  bool ReadDirection(const YAML::Node& node, Rule* rule);
  // Reads direction, tag, protocol, priority and fallback.
  bool ReadOptions(const YAML::Node& node, Rule* rule);
  bool ReadWhen(const YAML::Node& node, Rule* rule);
  bool ReadFields(const YAML::Node& node, Rule* rule);
  // Reads explain, hint and severity. `names` is what templates may name;
  // nullptr allows any name.
  bool ReadTexts(const YAML::Node& node, const std::string& id,
                 const std::vector<std::string>* names, RuleTexts* texts,
                 Template* severity);
  bool ReadSet(const YAML::Node& node, Rule* rule);
  bool ReadRecord(const YAML::Node& node, Rule* rule);
  bool ReadSecret(const YAML::Node& node, Rule* rule);
  bool ReadExamples(const YAML::Node& node, const std::string& id,
                    std::vector<RuleExample>* examples);
  std::optional<RuleExample> ReadExample(const YAML::Node& node,
                                         const std::string& id);
  // Reads a `fields` mapping whose expressions may name anything: the
  // fields of diagnoses and the replacement fields of translations.
  bool ReadUncheckedFields(const YAML::Node& fields, const std::string& id,
                            std::vector<ComputedField>* out);
  std::vector<std::string> Names(const Rule& rule) const;

  YamlContext* context_;
  std::string pack_;
  std::vector<std::string> broken_fields_;  // of the rule being read
  std::vector<std::pair<std::string, SourcePosition>> ids_;
};

// Parses "in", "out", "info" or "unknown". Returns nullopt for anything else.
std::optional<Direction> ParseDirection(std::string_view name);

// Counts the characters of an RE2 pattern that match only themselves,
// leaving out character classes, escapes such as \d, and characters made
// optional by `?`, `*` or `{0,`.
int LiteralLength(std::string_view pattern);

}  // namespace curlexplain

#endif  // CURLEXPLAIN_RULE_READER_H_
