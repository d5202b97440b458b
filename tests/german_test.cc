// The German pack: plural and number forms, the language choice, and the
// golden session in German.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>
#include <string>

#include "app.h"
#include "golden_session.h"
#include "setup.h"

namespace curlexplain {
namespace {

using ::testing::HasSubstr;

std::string RunText(std::vector<std::string> args, const std::string& input,
                    Environment env = {}) {
  args.insert(args.begin(), {"--no-user-rules", "--now", "2026-01-01"});
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  RunCli(args, in, out, err, env);
  return out.str() + err.str();
}

TEST(GermanTest, PluralFormsInSummary) {
  std::string one = RunText({"--lang", "de"}, "* Trying 127.0.0.1:25...\n");
  EXPECT_THAT(one, HasSubstr("1 Zeile"));
  std::string two = RunText({"--lang", "de"},
                            "* Trying 127.0.0.1:25...\n"
                            "* Trying 127.0.0.1:587...\n");
  EXPECT_THAT(two, HasSubstr("2 Zeilen"));
}

TEST(GermanTest, DecimalCommaInByteSizes) {
  std::string out = RunText({"--lang", "de"}, "< 250-SIZE 1572864\r\n");
  EXPECT_THAT(out, HasSubstr("1,5 MiB"));
  std::string english = RunText({"--lang", "en"}, "< 250-SIZE 1572864\r\n");
  EXPECT_THAT(english, HasSubstr("1.5 MiB"));
}

TEST(GermanTest, LanguageComesFromEnvironment) {
  struct Case {
    std::map<std::string, std::string> variables;
    std::string expected;
  };
  const Case cases[] = {
      {{}, "en"},
      {{{"LANG", "de_DE.UTF-8"}}, "de"},
      {{{"LANG", "de_DE.UTF-8"}, {"LC_ALL", "C"}}, "en"},
      {{{"LC_MESSAGES", "de_AT"}, {"LANG", "en_US"}}, "de"},
      {{{"LANGUAGE", "de:en"}, {"LC_ALL", "en_US.UTF-8"}}, "de"},
      {{{"LANGUAGE", ""}, {"LANG", "de_CH"}}, "de"},
  };
  for (const Case& c : cases) {
    Environment env;
    env.variables = c.variables;
    SCOPED_TRACE(::testing::PrintToString(c.variables));
    EXPECT_EQ(ChooseLanguage(CliOptions(), env), c.expected);
  }
  CliOptions forced;
  forced.language = "de_DE";
  EXPECT_EQ(ChooseLanguage(forced, Environment()), "de");
}

TEST(GermanTest, GoldenSessionKeepsTheFacts) {
  testing::ExplainedLog german = testing::ExplainFile(
      "logs/golden/smtp-starttls-auth-login.log", "de");
  for (const Explanation& e : german.lines) {
    EXPECT_EQ(e.language, "de") << "line " << e.number;
    EXPECT_TRUE(e.explained) << "line " << e.number;
  }
  EXPECT_THAT(german.MessageAndHint(7), HasSubstr("100 MiB"));
  EXPECT_THAT(german.MessageAndHint(7), HasSubstr("75 MiB"));
  EXPECT_THAT(german.MessageAndHint(48), HasSubstr("Username:"));
  EXPECT_THAT(german.MessageAndHint(50), HasSubstr("Password:"));
  EXPECT_THAT(german.MessageAndHint(3), HasSubstr("587"));
  EXPECT_THAT(german.MessageAndHint(58), HasSubstr("1b0PsA-0008Kw-6i"));
  EXPECT_EQ(german.Line(49).text, "****");
  EXPECT_EQ(german.Line(36).severity, Severity::kNote);
}

}  // namespace
}  // namespace curlexplain
