// Runs the real program on corpus logs and compares its whole output with
// the expected files in tests/expected. After a deliberate change, rewrite
// them with CURLEXPLAIN_UPDATE_GOLDEN=1 and review the diff.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "test_util.h"

namespace curlexplain {
namespace {

struct GoldenCase {
  const char* name;
  const char* arguments;  // after the fixed options, before the log
  const char* log;        // relative to tests/data
  const char* expected;   // relative to tests/expected
};

const GoldenCase kCases[] = {
    {"smtp text", "--lang en", "logs/golden/smtp-starttls-auth-login.log",
     "smtp-starttls-auth-login.txt"},
    {"smtp json", "--lang en --format json",
     "logs/golden/smtp-starttls-auth-login.log",
     "smtp-starttls-auth-login.jsonl"},
    {"smtp german", "--lang de", "logs/golden/smtp-starttls-auth-login.log",
     "smtp-starttls-auth-login.de.txt"},
    {"why on rejected recipient", "--lang en --why",
     "logs/local/05-smtp-rcpt-rejected-550.log",
     "05-smtp-rcpt-rejected-550.why.txt"},
    {"why json on size limit", "--lang en --why --format json",
     "logs/local/07-smtp-size-limit-exceeded.log",
     "07-smtp-size-limit-exceeded.why.jsonl"},
    {"unexplained over public logs", "--lang en --unexplained",
     "logs/public/*.log", "public.unexplained.txt"},
};


TEST(GoldenOutputTest, MatchesExpectedFiles) {
  bool update = std::getenv("CURLEXPLAIN_UPDATE_GOLDEN") != nullptr;
  for (const GoldenCase& c : kCases) {
    SCOPED_TRACE(c.name);
    std::string command = std::string("export LC_ALL=C; cd '") + CURLEXPLAIN_TEST_DATA_DIR +
                          "' && '" + CURLEXPLAIN_BINARY +
                          "' --no-user-rules --color never --now "
                          "2026-01-01T00:00:00Z " +
                          c.arguments + " " + c.log + " 2>&1";
    std::string actual = testing::Capture(command);
    std::string path =
        std::string(CURLEXPLAIN_TEST_DATA_DIR) + "/../expected/" + c.expected;
    if (update) {
      std::FILE* file = std::fopen(path.c_str(), "wb");
      ASSERT_NE(file, nullptr) << path;
      std::fwrite(actual.data(), 1, actual.size(), file);
      std::fclose(file);
      continue;
    }
    std::string expected = testing::ReadAll(path);
    ASSERT_FALSE(expected.empty()) << "missing expected file " << path;
    EXPECT_EQ(actual, expected) << "see " << path;
  }
}

}  // namespace
}  // namespace curlexplain
