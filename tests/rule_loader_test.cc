#include "curlexplain/rule_loader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_util.h"

namespace curlexplain {
namespace {

using testing::TempDir;

// Loads one rule file `content` as rules.yaml of a test pack and returns the
// formatted diagnostics, with the folder name replaced by "DIR".
std::vector<std::string> LoadErrors(const std::string& content) {
  TempDir dir;
  dir.Write("pack.yaml", testing::kPackYaml);
  dir.Write("rules.yaml", content);
  LoadResult result = LoadRulePacks({dir.path()});
  std::vector<std::string> out;
  for (const Diagnostic& d : result.diagnostics) {
    std::string text = d.Format();
    for (size_t pos; (pos = text.find(dir.path())) != std::string::npos;) {
      text.replace(pos, dir.path().size(), "DIR");
    }
    out.push_back(text);
  }
  return out;
}

TEST(RuleLoaderTest, LoadsValidRule) {
  TempDir dir;
  dir.Write("pack.yaml", testing::kPackYaml);
  dir.Write("rules.yaml",
            "rules:\n"
            "  - id: smtp.size\n"
            "    match: '^250[- ]SIZE (?P<size>\\d+)$'\n"
            "    fields:\n"
            "      half: size / 2\n"
            "    explain: 'Up to {size} bytes, half is {half}.'\n");
  LoadResult result = LoadRulePacks({dir.path()});
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.rules.rules.size(), 1u);
  const Rule& rule = result.rules.rules[0];
  EXPECT_EQ(rule.id, "smtp.size");
  EXPECT_EQ(rule.pack, "test");
  EXPECT_EQ(rule.captures, std::vector<std::string>{"size"});
  EXPECT_EQ(rule.position.line, 2);
}

struct ErrorCase {
  const char* name;
  std::string yaml;
  std::string expected;
};

TEST(RuleLoaderTest, ReportsEachMistakeWithPosition) {
  const std::vector<ErrorCase> cases = {
      {"unknown key with suggestion",
       "rules:\n  - id: a\n    match: x\n    explain: y\n    hnit: z\n",
       "DIR/rules.yaml:5:5: error: [a] unknown key 'hnit' in a rule (did you "
       "mean 'hint'?)\n      hnit: z\n      ^"},
      {"duplicate key",
       "rules:\n  - id: a\n    match: x\n    explain: y\n    match: z\n",
       "DIR/rules.yaml:5:5: error: [a] duplicate key 'match' in a rule\n"
       "      match: z\n      ^"},
      {"bad pattern",
       "rules:\n  - id: a\n    match: 'x(y'\n    explain: y\n",
       "DIR/rules.yaml:3:13: error: [a] invalid pattern: missing ): x(y\n"
       "      match: 'x(y'\n              ^"},
      {"template names unknown capture",
       "rules:\n  - id: a\n    match: '(?P<code>\\d+)'\n"
       "    explain: 'Code {cdoe}.'\n",
       "DIR/rules.yaml:4:21: error: [a] 'explain' names 'cdoe', which this "
       "rule does not define (did you mean 'code'?)\n"
       "      explain: 'Code {cdoe}.'\n                      ^"},
      {"missing match",
       "rules:\n  - id: a\n    explain: y\n",
       "DIR/rules.yaml:2:5: error: [a] missing key 'match'\n"
       "    - id: a\n      ^"},
      {"yaml syntax",
       "rules:\n  - id: a\n    match: [x\n",
       "DIR/rules.yaml:4:1: error: invalid YAML: end of sequence flow not "
       "found"},
      {"severity",
       "rules:\n  - id: a\n    match: x\n    explain: y\n    severity: fatal\n",
       "DIR/rules.yaml:5:15: error: [a] unknown severity 'fatal'; use info, "
       "note, warning or error\n      severity: fatal\n                ^"},
  };
  for (const ErrorCase& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<std::string> errors = LoadErrors(c.yaml);
    ASSERT_EQ(errors.size(), 1u) << ::testing::PrintToString(errors);
    EXPECT_EQ(errors[0], c.expected);
  }
}

}  // namespace
}  // namespace curlexplain
