#include "rules_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "curlexplain/example_runner.h"
#include "curlexplain/rule_loader.h"
#include "setup.h"

namespace curlexplain {
namespace {

void Print(const std::vector<Diagnostic>& diagnostics, std::ostream& err) {
  for (const Diagnostic& d : diagnostics) err << d.Format() << "\n";
}

Diagnostic WarningAt(const SourcePosition& position, const std::string& id,
                     std::string message) {
  return Diagnostic{DiagnosticLevel::kWarning, position, id,
                    std::move(message), ""};
}

// Warns about rules without examples and rules that an identical, higher
// ranked rule always beats.
std::vector<Diagnostic> LintRules(const RuleSet& rules) {
  std::vector<Diagnostic> out;
  for (const Rule& rule : rules.rules) {
    if (rule.examples.empty()) {
      out.push_back(WarningAt(rule.position, rule.id,
                              "no example exercises this rule"));
    }
    for (const Rule& other : rules.rules) {
      bool same = &other != &rule && other.pattern == rule.pattern &&
                  other.direction == rule.direction &&
                  other.fallback == rule.fallback && other.tags == rule.tags &&
                  other.when.size() == rule.when.size() &&
                  std::equal(other.when.begin(), other.when.end(),
                             rule.when.begin(),
                             [](const Condition& a, const Condition& b) {
                               return a.key == b.key && a.allowed == b.allowed;
                             });
      bool ranks_higher = other.priority > rule.priority ||
                          (other.priority == rule.priority &&
                           other.order < rule.order);
      if (same && ranks_higher) {
        out.push_back(WarningAt(
            rule.position, rule.id,
            fmt::format("this rule can never win: rule '{}' has the same "
                        "pattern and conditions and ranks higher",
                        other.id)));
        break;
      }
    }
  }
  return out;
}

// Reports how much of the base packs each translation pack covers. Returns
// false when a shipped translation is incomplete.
bool ReportCoverage(const RuleSet& rules, const std::string& shipped,
                    std::ostream& out, std::vector<Diagnostic>* problems) {
  bool complete = true;
  for (const PackInfo& pack : rules.packs) {
    if (pack.extends.empty()) continue;
    auto it = rules.translated.find(pack.name);
    std::set<std::string> ids;
    if (it != rules.translated.end()) ids = it->second;
    // A translation covers the rules of the pack it extends; rules that
    // other packs add or replace are theirs to translate.
    size_t total = 0;
    std::vector<std::string> missing;
    for (const Rule& rule : rules.rules) {
      if (rule.pack != pack.extends) continue;
      ++total;
      if (ids.count(rule.id) == 0) missing.push_back(rule.id);
    }
    for (const Diagnosis& d : rules.diagnoses) {
      if (d.pack != pack.extends) continue;
      ++total;
      if (ids.count(d.id) == 0) missing.push_back(d.id);
    }
    double percent =
        total == 0 ? 100.0 : 100.0 * (total - missing.size()) / total;
    out << fmt::format("translation {} ({}): {:.1f}% ({} of {})\n", pack.name,
                       pack.language, percent, total - missing.size(), total);
    bool is_shipped = pack.directory.rfind(shipped, 0) == 0;
    for (const std::string& id : missing) {
      problems->push_back(Diagnostic{
          is_shipped ? DiagnosticLevel::kError : DiagnosticLevel::kWarning,
          {pack.directory, 0, 0}, id,
          fmt::format("pack '{}' has no translation for this id", pack.name),
          ""});
    }
    if (is_shipped && !missing.empty()) complete = false;
  }
  return complete;
}

// Returns `options` with the folders named after `rules check` or `rules
// list` added to the --rules folders.
CliOptions WithFolderArguments(const CliOptions& options) {
  CliOptions load = options;
  if (options.rules_action != "show") {
    for (const std::string& dir : options.arguments) {
      load.rule_dirs.push_back(dir);
    }
  }
  return load;
}

int Check(const CliOptions& options, const Environment& env, std::ostream& out,
          std::ostream& err) {
  CliOptions load = WithFolderArguments(options);
  // Examples state what the base pack's texts contain, so they run in the
  // base language; translations are checked for coverage and names.
  load.language = "en";
  LoadResult loaded = LoadPacks(load, env, err);
  if (!loaded.ok()) {
    err << "curlexplain: the rule packs have errors\n";
    return kExitInvalidRules;
  }
  ExampleReport report =
      RunExamples(loaded.rules, ReferenceTime(options, env));
  Print(report.failures, err);
  std::vector<Diagnostic> warnings = LintRules(loaded.rules);
  bool complete = ReportCoverage(loaded.rules, ShippedRulesDirectory(env), out,
                                 &warnings);
  Print(warnings, err);
  out << fmt::format("{} rules, {} masks, {} diagnoses; {} examples, {} "
                     "failed\n",
                     loaded.rules.rules.size(), loaded.rules.masks.size(),
                     loaded.rules.diagnoses.size(), report.examples,
                     report.failures.size());
  bool clean = report.failures.empty() && complete;
  return clean ? kExitSuccess : kExitInvalidRules;
}

void List(const RuleSet& rules, std::ostream& out) {
  for (const PackInfo& pack : rules.packs) {
    out << fmt::format("pack {} ({}{}) from {}\n", pack.name, pack.language,
                       pack.extends.empty() ? "" : ", translates " + pack.extends,
                       pack.directory);
  }
  for (const Rule& rule : rules.rules) {
    out << fmt::format("{}  {}:{}", rule.id, rule.position.file,
                       rule.position.line);
    auto it = rules.overridden.find(rule.id);
    if (it != rules.overridden.end()) {
      out << fmt::format("  (replaces the rule of pack {})",
                         fmt::join(it->second, ", "));
    }
    out << "\n";
  }
}

int Show(const RuleSet& rules, const std::string& id, std::ostream& out,
         std::ostream& err) {
  const Rule* rule = rules.FindRule(id);
  if (rule == nullptr) {
    err << "curlexplain: no loaded rule has the id '" << id << "'\n";
    return kExitUsage;
  }
  out << fmt::format("id:        {}\npack:      {}\nsource:    {}:{}\n",
                     rule->id, rule->pack, rule->position.file,
                     rule->position.line);
  out << fmt::format("match:     {}\npriority:  {}{}\n", rule->pattern,
                     rule->priority, rule->fallback ? " (fallback)" : "");
  for (const Condition& c : rule->when) {
    std::vector<std::string> values;
    for (const auto& v : c.allowed) values.push_back(v ? *v : "(unset)");
    out << fmt::format("when:      {} = {}\n", c.key, fmt::join(values, " | "));
  }
  for (const ComputedField& f : rule->fields) {
    out << fmt::format("field:     {} = {}\n", f.name, f.expression.source());
  }
  out << fmt::format("explain:   {}\n", rule->texts.explain.source());
  if (rule->texts.hint) {
    out << fmt::format("hint:      {}\n", rule->texts.hint->source());
  }
  out << fmt::format("texts of:  {}\nexamples:  {}\n", rule->texts.pack,
                     rule->examples.size());
  auto it = rules.overridden.find(rule->id);
  if (it != rules.overridden.end()) {
    out << fmt::format("replaces:  the rule of pack {}\n",
                       fmt::join(it->second, ", "));
  }
  return kExitSuccess;
}

}  // namespace

int RunRulesCommand(const CliOptions& options, const Environment& env,
                    std::ostream& out, std::ostream& err) {
  int status = kExitSuccess;
  if (options.rules_action == "check") {
    status = Check(options, env, out, err);
  } else {
    LoadResult loaded = LoadPacks(WithFolderArguments(options), env, err);
    if (!loaded.ok()) return kExitInvalidRules;
    if (options.rules_action == "list") {
      List(loaded.rules, out);
    } else {
      status = Show(loaded.rules, options.arguments.front(), out, err);
    }
  }
  out.flush();
  if (!out) {
    err << "curlexplain: writing the output failed\n";
    return kExitOutputFailed;
  }
  return status;
}

}  // namespace curlexplain
