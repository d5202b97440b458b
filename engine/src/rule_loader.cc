#include "curlexplain/rule_loader.h"

#include <fmt/format.h>
#include <re2/re2.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <tuple>

#include "rule_reader.h"
#include "yaml_context.h"

namespace curlexplain {
namespace fs = std::filesystem;
namespace {

// The content of one pack before packs are merged.
struct PackContent {
  PackInfo info;
  std::vector<Rule> rules;
  std::vector<Mask> masks;
  std::vector<Diagnosis> diagnoses;
  std::map<std::string, Table, std::less<>> tables;
  std::map<std::string, std::string, std::less<>> strings;
  std::optional<std::string> decimal_separator;
  std::shared_ptr<const Expression> plural_rule;
  std::map<std::string, std::string, std::less<>> words;
  std::vector<TextTranslation> messages;
  std::vector<std::pair<std::string, SourcePosition>> ids;
};

bool ReadFile(const fs::path& path, std::string* content) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *content = buffer.str();
  return true;
}

// Parses a YAML file; reports a syntax error with its position.
std::optional<YAML::Node> ParseYaml(YamlContext* context,
                                    const std::string& content) {
  try {
    return YAML::Load(content);
  } catch (const YAML::ParserException& e) {
    context->Error(context->PositionAt(e.mark.line + 1, e.mark.column + 1), "",
                   "invalid YAML: " + e.msg);
  } catch (const YAML::Exception& e) {
    context->Error(context->PositionAt(0, 0), "",
                   std::string("invalid YAML: ") + e.what());
  }
  return std::nullopt;
}

bool ReadStringMap(YamlContext* context, const YAML::Node& node,
                   std::string_view what,
                   std::map<std::string, std::string, std::less<>>* out) {
  if (!node.IsMap()) {
    context->Error(node, "", fmt::format("'{}' must be a mapping", what));
    return false;
  }
  bool ok = context->CheckUniqueKeys(node, "", fmt::format("'{}'", what));
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) continue;
    auto value = context->Scalar(entry.second, "",
                                 fmt::format("a value of '{}'", what));
    if (value) (*out)[entry.first.Scalar()] = *value;
    ok &= value.has_value();
  }
  return ok;
}

void ReadTables(YamlContext* context, const YAML::Node& node,
                PackContent* pack) {
  if (!node.IsMap()) {
    context->Error(node, "", "'tables' must map table names to tables");
    return;
  }
  context->CheckUniqueKeys(node, "", "'tables'");
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) continue;
    std::string name = entry.first.Scalar();
    ReadStringMap(context, entry.second, "tables." + name,
                  &pack->tables[name]);
  }
}

void ReadLocale(YamlContext* context, const YAML::Node& node,
                PackContent* pack) {
  if (!node.IsMap()) {
    context->Error(node, "", "'locale' must be a mapping");
    return;
  }
  context->CheckKeys(node, "", {"decimal_separator", "words", "plural"},
                     "'locale'");
  if (const YAML::Node plural = node["plural"]) {
    auto source = context->Scalar(plural, "", "'plural'");
    ExpressionError error;
    std::optional<Expression> rule;
    if (source) rule = Expression::Parse(*source, &error);
    if (source && !rule) {
      context->Error(plural, "", "'plural': " + error.message);
    }
    bool only_n = rule && std::all_of(rule->names().begin(),
                                      rule->names().end(),
                                      [](const std::string& name) {
                                        return name == "n";
                                      });
    if (rule && !only_n) {
      context->Error(plural, "",
                     "'plural' may use only the name 'n', the number");
    } else if (rule) {
      pack->plural_rule = std::make_shared<const Expression>(std::move(*rule));
    }
  }
  if (const YAML::Node separator = node["decimal_separator"]) {
    pack->decimal_separator =
        context->Scalar(separator, "", "'decimal_separator'");
  }
  if (const YAML::Node words = node["words"]) {
    ReadStringMap(context, words, "locale.words", &pack->words);
  }
}

template <typename Item, typename ReadFunction>
void ReadList(YamlContext* context, const YAML::Node& node,
              std::string_view what, ReadFunction read,
              std::vector<Item>* out) {
  if (!node.IsSequence()) {
    context->Error(node, "", fmt::format("'{}' must be a list", what));
    return;
  }
  for (const YAML::Node& item : node) {
    std::optional<Item> value = read(item);
    if (value) out->push_back(std::move(*value));
  }
}

void ReadMessages(YamlContext* context, RuleReader* reader,
                  const YAML::Node& node, PackContent* pack) {
  if (!node.IsMap()) {
    context->Error(node, "", "'messages' must map rule ids to texts");
    return;
  }
  context->CheckUniqueKeys(node, "", "'messages'");
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) continue;
    auto translation = reader->ReadTranslation(entry.first, entry.second);
    if (translation) pack->messages.push_back(std::move(*translation));
  }
}

void ReadRuleFile(const fs::path& path, PackContent* pack,
                  std::vector<Diagnostic>* diagnostics) {
  std::string content;
  if (!ReadFile(path, &content)) {
    diagnostics->push_back(Diagnostic{DiagnosticLevel::kError,
                                      {path.string(), 0, 0}, "",
                                      "cannot read the file", ""});
    return;
  }
  YamlContext context(path.string(), content, diagnostics);
  std::optional<YAML::Node> root = ParseYaml(&context, content);
  if (!root || root->IsNull()) return;
  if (!root->IsMap()) {
    context.Error(*root, "",
                  "a rule file must be a mapping with sections such as "
                  "'rules:' and 'tables:'");
    return;
  }
  bool translation = !pack->info.extends.empty();
  if (translation) {
    context.CheckKeys(*root, "", {"messages", "tables", "strings", "locale"},
                      "a translation file");
  } else {
    context.CheckKeys(*root, "",
                      {"rules", "masks", "diagnoses", "tables", "strings",
                       "locale"},
                      "a rule file");
  }
  RuleReader reader(&context, pack->info.name);
  const YAML::Node& node = *root;
  if (node["rules"] && !translation) {
    ReadList<Rule>(&context, node["rules"], "rules",
                   [&](const YAML::Node& n) { return reader.ReadRule(n); },
                   &pack->rules);
  }
  if (node["masks"] && !translation) {
    ReadList<Mask>(&context, node["masks"], "masks",
                   [&](const YAML::Node& n) { return reader.ReadMask(n); },
                   &pack->masks);
  }
  if (node["diagnoses"] && !translation) {
    ReadList<Diagnosis>(
        &context, node["diagnoses"], "diagnoses",
        [&](const YAML::Node& n) { return reader.ReadDiagnosis(n); },
        &pack->diagnoses);
  }
  if (node["messages"] && translation) {
    ReadMessages(&context, &reader, node["messages"], pack);
  }
  if (node["tables"]) ReadTables(&context, node["tables"], pack);
  if (node["strings"]) {
    ReadStringMap(&context, node["strings"], "strings", &pack->strings);
  }
  if (node["locale"]) ReadLocale(&context, node["locale"], pack);
  pack->ids.insert(pack->ids.end(), reader.ids().begin(), reader.ids().end());
}

bool ReadPackInfo(const fs::path& directory, PackInfo* info,
                  std::vector<Diagnostic>* diagnostics) {
  info->directory = directory.string();
  fs::path path = directory / "pack.yaml";
  std::string content;
  if (!ReadFile(path, &content)) {
    // A plain folder of rule files forms an English base pack.
    info->name = directory.filename().string();
    if (info->name.empty()) info->name = directory.parent_path().filename();
    info->language = "en";
    return true;
  }
  YamlContext context(path.string(), content, diagnostics);
  std::optional<YAML::Node> root = ParseYaml(&context, content);
  if (!root) return false;
  if (!root->IsMap()) {
    context.Error(*root, "", "pack.yaml must be a mapping with 'pack' and "
                             "'language'");
    return false;
  }
  bool ok = context.CheckKeys(
      *root, "", {"pack", "language", "version", "description", "extends"},
      "pack.yaml");
  for (auto [key, target] :
       {std::pair{"pack", &info->name}, std::pair{"language", &info->language},
        std::pair{"description", &info->description},
        std::pair{"extends", &info->extends}}) {
    const YAML::Node value = (*root)[key];
    bool required = std::string_view(key) == "pack" ||
                    std::string_view(key) == "language";
    if (!value) {
      if (required) {
        context.Error(*root, "", fmt::format("missing key '{}'", key));
        ok = false;
      }
      continue;
    }
    auto text = context.Scalar(value, "", fmt::format("'{}'", key));
    if (text) *target = *text;
    ok &= text.has_value();
  }
  if (const YAML::Node version = (*root)["version"]) {
    auto number = context.Integer(version, "", "'version'");
    if (number) info->version = *number;
    ok &= number.has_value();
  }
  return ok;
}

// Lists the entries of `directory` in name order. Returns false and stores
// the reason when the folder cannot be read. The filesystem calls use error
// codes, because a folder without read permission would otherwise throw.
bool ListFolder(const fs::path& directory, std::vector<fs::directory_entry>* out,
                std::string* reason) {
  std::error_code error;
  fs::directory_iterator it(directory, error);
  for (; !error && it != fs::directory_iterator(); it.increment(error)) {
    out->push_back(*it);
  }
  if (error) {
    *reason = error.message();
    return false;
  }
  std::sort(out->begin(), out->end());
  return true;
}

void AddFolderError(std::vector<Diagnostic>* diagnostics,
                    const fs::path& directory, const std::string& message) {
  diagnostics->push_back(Diagnostic{DiagnosticLevel::kError,
                                    {directory.string(), 0, 0}, "", message,
                                    ""});
}

PackContent LoadPack(const fs::path& directory,
                     std::vector<Diagnostic>* diagnostics) {
  PackContent pack;
  if (!ReadPackInfo(directory, &pack.info, diagnostics)) return pack;
  std::vector<fs::directory_entry> entries;
  std::string reason;
  if (!ListFolder(directory, &entries, &reason)) {
    AddFolderError(diagnostics, directory,
                   "cannot read the rule folder: " + reason);
    return pack;
  }
  for (const fs::directory_entry& entry : entries) {
    std::error_code error;
    const fs::path& path = entry.path();
    if (entry.is_regular_file(error) && path.extension() == ".yaml" &&
        path.filename() != "pack.yaml") {
      ReadRuleFile(path, &pack, diagnostics);
    }
  }
  return pack;
}

// Expands one --rules argument into pack folders.
std::vector<fs::path> PackDirectories(const std::string& argument,
                                      std::vector<Diagnostic>* diagnostics) {
  fs::path directory(argument);
  std::error_code error;
  if (!fs::is_directory(directory, error)) {
    AddFolderError(diagnostics, directory,
                   "rule folder not found or not a folder");
    return {};
  }
  if (fs::exists(directory / "pack.yaml", error)) return {directory};
  std::vector<fs::directory_entry> entries;
  std::string reason;
  if (!ListFolder(directory, &entries, &reason)) {
    AddFolderError(diagnostics, directory,
                   "cannot read the rule folder: " + reason);
    return {};
  }
  std::vector<fs::path> packs;
  for (const fs::directory_entry& entry : entries) {
    if (entry.is_directory(error) &&
        fs::exists(entry.path() / "pack.yaml", error)) {
      packs.push_back(entry.path());
    }
  }
  if (packs.empty()) packs.push_back(directory);
  return packs;
}

std::string SourceLine(const SourcePosition& position) {
  std::ifstream in(position.file);
  std::string line;
  for (int i = 0; i < position.line && std::getline(in, line); ++i) {
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

void AddError(std::vector<Diagnostic>* diagnostics,
              const SourcePosition& position, const std::string& id,
              std::string message) {
  diagnostics->push_back(Diagnostic{DiagnosticLevel::kError, position, id,
                                    std::move(message),
                                    SourceLine(position)});
}

void ReportDuplicateIds(const PackContent& pack,
                        std::vector<Diagnostic>* diagnostics) {
  std::map<std::string, const SourcePosition*> first;
  for (const auto& [id, position] : pack.ids) {
    auto [it, inserted] = first.emplace(id, &position);
    if (inserted) continue;
    AddError(diagnostics, position, id,
             fmt::format("duplicate id; it is first defined at {}:{}",
                         it->second->file, it->second->line));
  }
}

template <typename Item>
void MergeById(std::vector<Item>* into, std::vector<Item>&& items,
               std::map<std::string, std::vector<std::string>, std::less<>>*
                   overridden) {
  for (Item& item : items) {
    auto same = [&](const Item& other) { return other.id == item.id; };
    auto it = std::find_if(into->begin(), into->end(), same);
    if (it != into->end()) {
      if (overridden) (*overridden)[item.id].push_back(it->pack);
      into->erase(it);
    }
    into->push_back(std::move(item));
  }
}

void MergeBase(PackContent&& pack, RuleSet* set) {
  MergeById(&set->rules, std::move(pack.rules), &set->overridden);
  MergeById(&set->masks, std::move(pack.masks), nullptr);
  MergeById(&set->diagnoses, std::move(pack.diagnoses), nullptr);
  for (auto& [name, table] : pack.tables) {
    for (auto& [key, value] : table) set->tables[name][key] = value;
  }
  for (auto& [key, value] : pack.strings) set->strings[key] = value;
  for (auto& [key, value] : pack.words) set->locale.words[key] = value;
  if (pack.decimal_separator) {
    set->locale.decimal_separator = *pack.decimal_separator;
  }
  if (pack.plural_rule) set->locale.plural_rule = pack.plural_rule;
}

// Reports each field of `translation` that `fields` (of a rule or a
// diagnosis named by `owner`) lacks. Returns the fields that exist.
std::vector<const ComputedField*> KnownFields(
    const TextTranslation& translation,
    const std::vector<ComputedField>& fields, const std::string& owner,
    std::vector<Diagnostic>* diagnostics) {
  std::vector<const ComputedField*> known;
  for (const ComputedField& field : translation.fields) {
    bool exists = std::any_of(
        fields.begin(), fields.end(),
        [&](const ComputedField& base) { return base.name == field.name; });
    if (exists) {
      known.push_back(&field);
      continue;
    }
    AddError(diagnostics, field.position, translation.id,
             fmt::format("field '{}' is not a field of the {}; a translation "
                         "can only replace fields",
                         field.name, owner));
  }
  return known;
}

// Checks that the translated templates and fields name only what the base
// rule has.
void CheckTranslatedNames(const TextTranslation& translation,
                          const Rule& rule,
                          std::vector<Diagnostic>* diagnostics) {
  std::vector<std::string> names(std::begin(kLineNames), std::end(kLineNames));
  names.insert(names.end(), rule.captures.begin(), rule.captures.end());
  for (const ComputedField& field : rule.fields) names.push_back(field.name);
  auto is_known = [&](const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  auto check = [&](const std::optional<Template>& tmpl,
                   const SourcePosition& position, std::string_view what) {
    if (!tmpl) return;
    for (const std::string& name : tmpl->names()) {
      if (is_known(name)) continue;
      AddError(diagnostics, position, translation.id,
               fmt::format("{} names '{}', which the rule in pack '{}' does "
                           "not define",
                           what, name, rule.pack));
    }
  };
  check(translation.explain, translation.explain_position, "'explain'");
  check(translation.hint, translation.hint_position, "'hint'");

  std::string owner = fmt::format("rule in pack '{}'", rule.pack);
  for (const ComputedField* field :
       KnownFields(translation, rule.fields, owner, diagnostics)) {
    for (const std::string& name : field->expression.names()) {
      if (is_known(name)) continue;
      AddError(diagnostics, field->position, translation.id,
               fmt::format("field '{}' uses '{}', which the rule in pack '{}' "
                           "does not define",
                           field->name, name, rule.pack));
    }
  }
}

void ApplyTexts(const TextTranslation& translation, const std::string& pack,
                RuleTexts* texts) {
  if (translation.explain) texts->explain = *translation.explain;
  if (translation.hint) texts->hint = *translation.hint;
  texts->pack = pack;
}

void ApplyFields(const TextTranslation& translation,
                 std::vector<ComputedField>* fields) {
  for (const ComputedField& field : translation.fields) {
    for (ComputedField& base : *fields) {
      if (base.name == field.name) base.expression = field.expression;
    }
  }
}

void MergeTranslation(PackContent&& pack, bool apply, RuleSet* set,
                      std::vector<Diagnostic>* diagnostics) {
  bool base_found = std::any_of(
      set->packs.begin(), set->packs.end(),
      [&](const PackInfo& info) { return info.name == pack.info.extends; });
  if (!base_found) {
    diagnostics->push_back(Diagnostic{
        DiagnosticLevel::kError,
        {pack.info.directory + "/pack.yaml", 0, 0}, "",
        fmt::format("pack '{}' extends '{}', which is not loaded",
                    pack.info.name, pack.info.extends),
        ""});
  }
  for (const TextTranslation& translation : pack.messages) {
    set->translated[pack.info.name].insert(translation.id);
    auto rule = std::find_if(
        set->rules.begin(), set->rules.end(),
        [&](const Rule& r) { return r.id == translation.id; });
    auto diagnosis = std::find_if(
        set->diagnoses.begin(), set->diagnoses.end(),
        [&](const Diagnosis& d) { return d.id == translation.id; });
    if (rule != set->rules.end() && rule->pack != pack.info.extends) {
      // A later pack replaced the rule; the translation belongs to the
      // replaced one and neither applies nor needs to fit.
      continue;
    }
    if (rule != set->rules.end()) {
      CheckTranslatedNames(translation, *rule, diagnostics);
      if (apply) {
        ApplyTexts(translation, pack.info.name, &rule->texts);
        ApplyFields(translation, &rule->fields);
      }
    } else if (diagnosis != set->diagnoses.end()) {
      KnownFields(translation, diagnosis->fields,
                  fmt::format("diagnosis in pack '{}'", diagnosis->pack),
                  diagnostics);
      if (apply) {
        ApplyTexts(translation, pack.info.name, &diagnosis->texts);
        ApplyFields(translation, &diagnosis->fields);
      }
    } else if (base_found) {
      AddError(diagnostics, translation.position, translation.id,
               "translates an id that no loaded rule or diagnosis has");
    }
  }
  if (apply) {
    pack.rules.clear();
    pack.masks.clear();
    pack.diagnoses.clear();
    MergeBase(std::move(pack), set);
  }
}

// Reports each lookup() in `fields` of a table that no pack defines.
void CheckFieldTables(const RuleSet& set, const std::string& id,
                      const std::vector<ComputedField>& fields,
                      std::vector<Diagnostic>* diagnostics) {
  for (const ComputedField& field : fields) {
    for (const std::string& table : field.expression.tables()) {
      if (set.tables.count(table) != 0) continue;
      AddError(diagnostics, field.position, id,
               fmt::format("field '{}' looks up table '{}', which no pack "
                           "defines",
                           field.name, table));
    }
  }
}

// Checks that every table named in a lookup() exists.
void CheckTables(const RuleSet& set, std::vector<Diagnostic>* diagnostics) {
  for (const Rule& rule : set.rules) {
    CheckFieldTables(set, rule.id, rule.fields, diagnostics);
  }
  for (const Diagnosis& diagnosis : set.diagnoses) {
    CheckFieldTables(set, diagnosis.id, diagnosis.fields, diagnostics);
  }
}

}  // namespace

LoadResult LoadRulePacks(const std::vector<std::string>& directories,
                         const LoadOptions& options) {
  LoadResult result;
  std::vector<PackContent> packs;
  for (const std::string& argument : directories) {
    for (const fs::path& directory :
         PackDirectories(argument, &result.diagnostics)) {
      packs.push_back(LoadPack(directory, &result.diagnostics));
      ReportDuplicateIds(packs.back(), &result.diagnostics);
    }
  }

  RuleSet& set = result.rules;
  set.language = options.language;
  for (PackContent& pack : packs) {
    if (!pack.info.extends.empty()) continue;
    set.packs.push_back(pack.info);
    MergeBase(std::move(pack), &set);
  }
  for (PackContent& pack : packs) {
    if (pack.info.extends.empty()) continue;
    set.packs.push_back(pack.info);
    bool apply = pack.info.language == options.language;
    MergeTranslation(std::move(pack), apply, &set, &result.diagnostics);
  }

  for (size_t i = 0; i < set.rules.size(); ++i) set.rules[i].order = i;
  for (size_t i = 0; i < set.diagnoses.size(); ++i) {
    set.diagnoses[i].order = i;
  }
  CheckTables(set, &result.diagnostics);
  return result;
}

const Rule* RuleSet::FindRule(std::string_view id) const {
  for (const Rule& rule : rules) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}


std::string_view SeverityName(Severity severity) {
  switch (severity) {
    case Severity::kInfo:
      return "info";
    case Severity::kNote:
      return "note";
    case Severity::kWarning:
      return "warning";
    case Severity::kError:
      return "error";
  }
  return "info";
}

std::optional<Severity> ParseSeverity(std::string_view name) {
  if (name == "info") return Severity::kInfo;
  if (name == "note") return Severity::kNote;
  if (name == "warning") return Severity::kWarning;
  if (name == "error") return Severity::kError;
  return std::nullopt;
}

}  // namespace curlexplain
