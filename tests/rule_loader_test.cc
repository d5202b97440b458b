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

namespace curlexplain {
namespace {

TEST(RuleLoaderTest, ReportsTenMistakesInOneRun) {
  const std::string yaml =
      "rules:\n"                                             // 1
      "  - id: Bad.Id\n"                                     // 2
      "    match: x\n"                                       // 3
      "    explain: y\n"                                     // 4
      "  - id: two\n"                                        // 5
      "    match: '(?<name>x)'\n"                            // 6
      "    explain: y\n"                                     // 7
      "  - id: three\n"                                      // 8
      "    match: x\n"                                       // 9
      "    explain: 'Value {nope}'\n"                        // 10
      "  - id: four\n"                                       // 11
      "    match: '(?P<n>\\d+)'\n"                           // 12
      "    fields: {half: n / }\n"                           // 13
      "    explain: '{half}'\n"                              // 14
      "  - id: five\n"                                       // 15
      "    match: x\n"                                       // 16
      "    explain: y\n"                                     // 17
      "    priority: high\n"                                 // 18
      "  - id: six\n"                                        // 19
      "    match: x\n"                                       // 20
      "    explain: y\n"                                     // 21
      "    direction: sideways\n"                            // 22
      "  - id: seven\n"                                      // 23
      "    match: x\n"                                       // 24
      "    explain: 'a } b'\n"                               // 25
      "  - id: eight\n"                                      // 26
      "    match: x\n"                                       // 27
      "    explain: y\n"                                     // 28
      "    secret: [token]\n"                                // 29
      "  - id: nine\n"                                       // 30
      "    match: x\n"                                       // 31
      "    fields:\n"                                        // 32
      "      t: lookup('no_such_table', 'k')\n"             // 33
      "    explain: '{t}'\n"                                 // 34
      "  - id: three\n"                                      // 35
      "    match: x\n"                                       // 36
      "    explain: y\n";                                    // 37
  const std::vector<std::string> expected = {
      "DIR/rules.yaml:2:9: error: [Bad.Id] an id may hold only lower-case "
      "letters, digits, '.', '-' and '_'\n    - id: Bad.Id\n          ^",
      "DIR/rules.yaml:6:13: error: [two] invalid pattern: invalid perl "
      "operator: (?<; RE2 names groups as (?P<name>...)\n"
      "      match: '(?<name>x)'\n              ^",
      "DIR/rules.yaml:10:22: error: [three] 'explain' names 'nope', which "
      "this rule does not define\n"
      "      explain: 'Value {nope}'\n                       ^",
      "DIR/rules.yaml:13:23: error: [four] field 'half': expected a value "
      "after '/'\n      fields: {half: n / }\n                        ^",
      "DIR/rules.yaml:18:15: error: [five] 'priority' must be an integer, "
      "not 'high'\n      priority: high\n                ^",
      "DIR/rules.yaml:22:16: error: [six] unknown direction 'sideways'; use "
      "in, out, info or any\n      direction: sideways\n                 ^",
      "DIR/rules.yaml:25:17: error: [seven] 'explain': single '}' in "
      "template; write }} for a literal brace\n"
      "      explain: 'a } b'\n                  ^",
      "DIR/rules.yaml:29:13: error: [eight] 'secret' names 'token', which "
      "is neither a capture nor a field\n"
      "      secret: [token]\n              ^",
      "DIR/rules.yaml:35:5: error: [three] duplicate id; it is first defined "
      "at DIR/rules.yaml:8\n    - id: three\n      ^",
      "DIR/rules.yaml:33:10: error: [nine] field 't' looks up table "
      "'no_such_table', which no pack defines\n"
      "        t: lookup('no_such_table', 'k')\n"
      "           ^",
  };
  std::vector<std::string> errors = LoadErrors(yaml);
  ASSERT_EQ(errors.size(), expected.size())
      << ::testing::PrintToString(errors);
  for (size_t i = 0; i < expected.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(errors[i], expected[i]);
  }
}

TEST(RuleLoaderTest, TranslationChecksNamesAgainstBaseRule) {
  TempDir dir;
  dir.Write("base/pack.yaml", "pack: base\nlanguage: en\n");
  dir.Write("base/r.yaml",
            "rules:\n  - id: r\n    match: '(?P<code>\\d+)'\n"
            "    explain: 'Code {code}.'\n");
  dir.Write("de/pack.yaml", "pack: base-de\nlanguage: de\nextends: base\n");
  dir.Write("de/r.yaml",
            "messages:\n  r:\n    explain: 'Kode {kode}.'\n");
  LoadResult result = LoadRulePacks({dir.path()});
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].Format(),
            dir.path() + "/de/r.yaml:3:14: error: [r] 'explain' names 'kode', "
                         "which the rule in pack 'base' does not define\n"
                         "      explain: 'Kode {kode}.'\n               ^");
}

TEST(RuleLoaderTest, TranslationAppliesOnlyInItsLanguage) {
  TempDir dir;
  dir.Write("base/pack.yaml", "pack: base\nlanguage: en\n");
  dir.Write("base/r.yaml",
            "rules:\n  - {id: r, match: x, explain: 'English.'}\n");
  dir.Write("de/pack.yaml", "pack: base-de\nlanguage: de\nextends: base\n");
  dir.Write("de/r.yaml", "messages:\n  r: {explain: 'Deutsch.'}\n");
  LoadOptions german;
  german.language = "de";
  EXPECT_EQ(LoadRulePacks({dir.path()}).rules.rules[0].texts.explain.source(),
            "English.");
  EXPECT_EQ(
      LoadRulePacks({dir.path()}, german).rules.rules[0].texts.explain.source(),
      "Deutsch.");
}

}  // namespace
}  // namespace curlexplain

namespace curlexplain {
namespace {

TEST(RuleLoaderTest, TranslationReplacesFieldsThatHoldWords) {
  TempDir dir;
  dir.Write("base/pack.yaml", "pack: base\nlanguage: en\n");
  dir.Write("base/r.yaml",
            "rules:\n"
            "  - id: r\n"
            "    match: '(?P<n>\\d+)'\n"
            "    fields: {word: \"n == 1 ? 'one try' : 'tries'\"}\n"
            "    explain: 'After {word}.'\n");
  dir.Write("de/pack.yaml", "pack: base-de\nlanguage: de\nextends: base\n");
  dir.Write("de/r.yaml",
            "messages:\n"
            "  r:\n"
            "    fields: {word: \"n == 1 ? 'einem Versuch' : 'Versuchen'\"}\n"
            "    explain: 'Nach {word}.'\n");
  LoadOptions german;
  german.language = "de";
  LoadResult result = LoadRulePacks({dir.path()}, german);
  ASSERT_TRUE(result.ok());
  ASSERT_EQ(result.rules.rules[0].fields.size(), 1u);
  EXPECT_EQ(result.rules.rules[0].fields[0].expression.source(),
            "n == 1 ? 'einem Versuch' : 'Versuchen'");
}

TEST(RuleLoaderTest, TranslationCannotAddFields) {
  TempDir dir;
  dir.Write("base/pack.yaml", "pack: base\nlanguage: en\n");
  dir.Write("base/r.yaml", "rules:\n  - {id: r, match: x, explain: y}\n");
  dir.Write("de/pack.yaml", "pack: base-de\nlanguage: de\nextends: base\n");
  dir.Write("de/r.yaml", "messages:\n  r:\n    fields: {extra: \"'x'\"}\n");
  LoadResult result = LoadRulePacks({dir.path()});
  ASSERT_EQ(result.diagnostics.size(), 1u);
  EXPECT_EQ(result.diagnostics[0].message,
            "field 'extra' is not a field of the rule in pack 'base'; a "
            "translation can only replace fields");
}

}  // namespace
}  // namespace curlexplain
