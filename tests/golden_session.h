// Explains a log with the shipped rules, for tests that check the
// explanations of particular lines.
#ifndef CURLEXPLAIN_TESTS_GOLDEN_SESSION_H_
#define CURLEXPLAIN_TESTS_GOLDEN_SESSION_H_

#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "curlexplain/explainer.h"
#include "curlexplain/line_reader.h"
#include "curlexplain/rule_loader.h"
#include "test_util.h"

namespace curlexplain::testing {

// 2026-01-01T00:00:00Z: after the sample certificate expired.
constexpr int64_t kGoldenTime = 1767225600;

// Returns the shipped packs loaded in `language`, loaded once per language.
inline const LoadResult& ShippedPacks(const std::string& language = "en") {
  static auto* cache = new std::map<std::string, LoadResult>;
  auto it = cache->find(language);
  if (it == cache->end()) {
    LoadOptions options;
    options.language = language;
    it = cache->emplace(language,
                        LoadRulePacks({CURLEXPLAIN_RULES_DIR}, options))
             .first;
  }
  return it->second;
}

// The explanations of one log and its summary.
struct ExplainedLog {
  std::vector<Explanation> lines;
  Summary summary;

  // Returns the explanation of input line `number`; fails the test when
  // there is none.
  const Explanation& Line(int64_t number) const {
    for (const Explanation& e : lines) {
      if (e.number == number) return e;
    }
    ADD_FAILURE() << "no explanation for line " << number;
    static const Explanation kEmpty;
    return kEmpty;
  }

  // Returns the message and hint of line `number`.
  std::string MessageAndHint(int64_t number) const {
    const Explanation& e = Line(number);
    return e.message + "\n" + e.hint;
  }
};

inline ExplainedLog ExplainText(const std::string& log,
                                const std::string& language = "en") {
  const LoadResult& packs = ShippedPacks(language);
  EXPECT_TRUE(packs.ok());
  ExplainOptions options;
  options.reference_time = kGoldenTime;
  Explainer explainer(packs.rules, options);
  std::istringstream in(log);
  LineReader reader(in);
  ExplainedLog out;
  LogLine line;
  while (reader.Next(&line)) out.lines.push_back(explainer.Explain(line));
  out.summary = explainer.Finish();
  return out;
}

inline ExplainedLog ExplainFile(const std::string& data_name,
                                const std::string& language = "en") {
  std::string log = ReadAll(DataPath(data_name));
  EXPECT_FALSE(log.empty()) << "missing fixture " << data_name;
  return ExplainText(log, language);
}

}  // namespace curlexplain::testing

#endif  // CURLEXPLAIN_TESTS_GOLDEN_SESSION_H_
