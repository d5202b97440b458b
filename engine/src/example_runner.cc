#include "curlexplain/example_runner.h"

#include <fmt/format.h>

#include <algorithm>

#include "curlexplain/explainer.h"

namespace curlexplain {
namespace {

Explanation ExplainExample(Explainer* explainer, const RuleExample& example) {
  explainer->StartLog();
  for (const auto& [key, value] : example.state) {
    explainer->SetState(key, value);
  }
  LogLine line;
  line.number = 1;
  line.raw = example.line;
  line.text = example.line;
  line.direction = example.direction;
  line.tags = example.tags;
  return explainer->Explain(line);
}

// Returns every output text of `e`, for the masking check.
std::vector<const std::string*> Outputs(const Explanation& e) {
  std::vector<const std::string*> out = {&e.raw, &e.text, &e.message,
                                         &e.hint};
  for (const auto& field : e.fields) out.push_back(&field.second);
  for (const std::string& problem : e.problems) out.push_back(&problem);
  for (const Candidate& candidate : e.candidates) {
    out.push_back(&candidate.reason);
  }
  return out;
}

void CheckMasked(const RuleExample& example, const Explanation& e,
                 std::vector<std::string>* problems) {
  for (const std::string& secret : example.masked) {
    for (const std::string* output : Outputs(e)) {
      if (output->find(secret) != std::string::npos) {
        problems->push_back(fmt::format("'{}' is not masked", secret));
        break;
      }
    }
  }
}

// Returns what `e` gets wrong about `example` of rule `id`.
std::vector<std::string> CheckRuleExample(const std::string& id,
                                          const RuleExample& example,
                                          const Explanation& e) {
  std::vector<std::string> problems;
  if (e.rule == nullptr) {
    return {"no rule matches the line"};
  }
  if (e.rule->id != id) {
    return {fmt::format("rule '{}' wins the line instead", e.rule->id)};
  }
  std::string rendered = e.message + "\n" + e.hint;
  for (const std::string& text : example.contains) {
    if (rendered.find(text) == std::string::npos) {
      problems.push_back(
          fmt::format("the explanation lacks '{}': {}", text, e.message));
    }
  }
  for (const auto& [name, expected] : example.fields) {
    auto it = std::find_if(e.fields.begin(), e.fields.end(),
                           [&](const auto& f) { return f.first == name; });
    if (it == e.fields.end()) {
      problems.push_back(fmt::format("the rule has no field '{}'", name));
    } else if (it->second != expected) {
      problems.push_back(fmt::format("field '{}' is '{}', expected '{}'", name,
                                     it->second, expected));
    }
  }
  if (example.severity && *example.severity != e.severity) {
    problems.push_back(fmt::format("severity is {}, expected {}",
                                   SeverityName(e.severity),
                                   SeverityName(*example.severity)));
  }
  for (const std::string& problem : e.problems) problems.push_back(problem);
  CheckMasked(example, e, &problems);
  return problems;
}

void AddFailures(const std::string& id, const RuleExample& example,
                 const std::vector<std::string>& problems,
                 ExampleReport* report) {
  for (const std::string& problem : problems) {
    report->failures.push_back(Diagnostic{
        DiagnosticLevel::kError, example.position, id,
        fmt::format("example '{}': {}", example.line, problem), ""});
  }
}

}  // namespace

ExampleReport RunExamples(const RuleSet& rules, int64_t reference_time) {
  ExampleReport report;
  ExplainOptions options;
  options.reference_time = reference_time;
  Explainer explainer(rules, options);
  for (const Rule& rule : rules.rules) {
    for (const RuleExample& example : rule.examples) {
      ++report.examples;
      Explanation e = ExplainExample(&explainer, example);
      AddFailures(rule.id, example, CheckRuleExample(rule.id, example, e),
                  &report);
    }
  }
  for (const Mask& mask : rules.masks) {
    for (const RuleExample& example : mask.examples) {
      ++report.examples;
      std::vector<std::string> problems;
      CheckMasked(example, ExplainExample(&explainer, example), &problems);
      AddFailures(mask.id, example, problems, &report);
    }
  }
  return report;
}

}  // namespace curlexplain
