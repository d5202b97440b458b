// Runs the examples of every shipped rule and mask, one test per rule.
#include <gtest/gtest.h>

#include <cctype>
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

std::vector<std::string> RuleIds() {
  std::vector<std::string> ids;
  for (const Rule& rule : ShippedRules().rules.rules) ids.push_back(rule.id);
  for (const Mask& mask : ShippedRules().rules.masks) ids.push_back(mask.id);
  return ids;
}

TEST(ShippedRulesTest, LoadWithoutErrors) {
  std::string all;
  for (const Diagnostic& d : ShippedRules().diagnostics) {
    all += d.Format() + "\n";
  }
  EXPECT_TRUE(ShippedRules().ok()) << all;
  EXPECT_GT(ShippedRules().rules.rules.size(), 0u);
}

const ExampleReport& Report() {
  static const ExampleReport* kReport =
      new ExampleReport(RunExamples(ShippedRules().rules, kReferenceTime));
  return *kReport;
}

TEST(ShippedRulesTest, EveryRuleHasAnExample) {
  for (const Rule& rule : ShippedRules().rules.rules) {
    EXPECT_FALSE(rule.examples.empty())
        << rule.position.file << ":" << rule.position.line << ": " << rule.id;
  }
}

class RuleExampleTest : public ::testing::TestWithParam<std::string> {};

TEST_P(RuleExampleTest, ExamplesPass) {
  ASSERT_TRUE(ShippedRules().ok());
  for (const Diagnostic& failure : Report().failures) {
    if (failure.rule_id == GetParam()) ADD_FAILURE() << failure.Format();
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
                         ::testing::ValuesIn(RuleIds()), TestName);

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
