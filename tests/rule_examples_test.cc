// Runs the examples of every shipped rule and mask, one test per rule.
#include <gtest/gtest.h>

#include <cctype>
#include <set>
#include <string>
#include <vector>

#include "curlexplain/example_runner.h"
#include "curlexplain/rule_loader.h"

namespace curlexplain {
namespace {

// Examples compare dates with a fixed time, 2026-01-01T00:00:00Z, so that a
// certificate's age in an example does not change by the day.
constexpr int64_t kReferenceTime = 1767225600;

const LoadResult& ShippedRules() {
  static const LoadResult* kResult =
      new LoadResult(LoadRulePacks({CURLEXPLAIN_RULES_DIR}));
  return *kResult;
}

// The rule files of the shipped packs, by path relative to the rules folder.
std::vector<std::string> RuleFiles() {
  std::set<std::string> files;
  const std::string root = std::string(CURLEXPLAIN_RULES_DIR) + "/";
  for (const Rule& rule : ShippedRules().rules.rules) {
    files.insert(rule.position.file.substr(root.size()));
  }
  for (const Mask& mask : ShippedRules().rules.masks) {
    files.insert(mask.position.file.substr(root.size()));
  }
  return {files.begin(), files.end()};
}

TEST(ShippedRulesTest, LoadWithoutErrors) {
  std::string all;
  for (const Diagnostic& d : ShippedRules().diagnostics) {
    all += d.Format() + "\n";
  }
  EXPECT_TRUE(ShippedRules().ok()) << all;
  EXPECT_GT(ShippedRules().rules.rules.size(), 0u);
}

TEST(ShippedRulesTest, EveryRuleHasAnExample) {
  for (const Rule& rule : ShippedRules().rules.rules) {
    EXPECT_FALSE(rule.examples.empty())
        << rule.position.file << ":" << rule.position.line << ": " << rule.id;
  }
}

// One test per rule file, so that a failure names the file and the suite
// does not run every example once per rule.
class RuleExampleTest : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleExampleTest, ExamplesPass) {
  ASSERT_TRUE(ShippedRules().ok());
  const std::string file =
      std::string(CURLEXPLAIN_RULES_DIR) + "/" + GetParam();
  RuleSet only = ShippedRules().rules;
  for (Rule& rule : only.rules) {
    if (rule.position.file != file) rule.examples.clear();
  }
  for (Mask& mask : only.masks) {
    if (mask.position.file != file) mask.examples.clear();
  }
  ExampleReport report = RunExamples(only, kReferenceTime);
  EXPECT_GT(report.examples, 0);
  for (const Diagnostic& failure : report.failures) {
    ADD_FAILURE() << failure.Format();
  }
}

std::string TestName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Shipped, RuleExampleTest,
                         ::testing::ValuesIn(RuleFiles()), TestName);

}  // namespace
}  // namespace curlexplain

namespace curlexplain {
namespace {

// Every rule and diagnosis of the English pack needs its German text, so a
// new English rule cannot land without it.
TEST(ShippedRulesTest, GermanTranslationIsComplete) {
  const RuleSet& rules = ShippedRules().rules;
  auto it = rules.translated.find("curlexplain-de");
  ASSERT_NE(it, rules.translated.end());
  std::vector<std::string> missing;
  for (const Rule& rule : rules.rules) {
    if (rule.pack == "curlexplain-en" && it->second.count(rule.id) == 0) {
      missing.push_back(rule.id);
    }
  }
  for (const Diagnosis& diagnosis : rules.diagnoses) {
    if (diagnosis.pack == "curlexplain-en" &&
        it->second.count(diagnosis.id) == 0) {
      missing.push_back(diagnosis.id);
    }
  }
  EXPECT_TRUE(missing.empty()) << ::testing::PrintToString(missing);
}

}  // namespace
}  // namespace curlexplain
