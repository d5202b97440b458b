#include "app.h"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "options.h"
#include "unexplained_report.h"
#include "test_util.h"

namespace curlexplain {
namespace {

using testing::TempDir;

struct RunResult {
  int status = 0;
  std::string out;
  std::string err;
};

// Runs the program in-process with no user folder and a fixed time.
RunResult RunProgram(std::vector<std::string> args, const std::string& input = "") {
  args.insert(args.begin(), {"--no-user-rules", "--now", "2026-01-01"});
  std::istringstream in(input);
  std::ostringstream out;
  std::ostringstream err;
  Environment env;
  RunResult result;
  result.status = RunCli(args, in, out, err, env);
  result.out = out.str();
  result.err = err.str();
  return result;
}

TEST(CliTest, HelpListsExitCodes) {
  RunResult r = RunProgram({"--help"});
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("Exit status:"), std::string::npos);
  EXPECT_NE(r.out.find("3  a rule pack is invalid"), std::string::npos);
}

TEST(CliTest, VersionPrintsName) {
  RunResult r = RunProgram({"--version"});
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("curlexplain ", 0), 0u);
}

TEST(CliTest, UnknownOptionIsUsageError) {
  RunResult r = RunProgram({"--colour", "never"});
  EXPECT_EQ(r.status, kExitUsage);
  EXPECT_EQ(r.err,
            "curlexplain: unknown option '--colour'; see curlexplain --help\n");
}

TEST(CliTest, BadFormatIsUsageError) {
  RunResult r = RunProgram({"--format", "xml"});
  EXPECT_EQ(r.status, kExitUsage);
  EXPECT_EQ(r.err,
            "curlexplain: --format must be text, json or markdown, not "
            "'xml'\n");
}

TEST(CliTest, MissingFileIsReportedAndOthersStillRun) {
  TempDir dir;
  std::string log = dir.Write("ok.log", "* Trying 127.0.0.1:25...\n");
  RunResult r = RunProgram({dir / "missing.log", log});
  EXPECT_EQ(r.status, kExitUnreadableInput);
  EXPECT_EQ(r.err, "curlexplain: " + (dir / "missing.log") +
                       ": cannot open: No such file or directory\n");
  EXPECT_NE(r.out.find("== " + log + " =="), std::string::npos);
}

TEST(CliTest, FolderAsInputIsReported) {
  TempDir dir;
  RunResult r = RunProgram({dir.path()});
  EXPECT_EQ(r.status, kExitUnreadableInput);
  EXPECT_EQ(r.err, "curlexplain: " + dir.path() +
                       ": is a folder, not a log file\n");
}

TEST(CliTest, EmptyInputGivesEmptySummary) {
  RunResult r = RunProgram({"--format", "json", "-"}, "");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("{\"type\":\"summary\",\"file\":\"-\",\"lines\":0,", 0),
            0u)
      << r.out;
}

TEST(CliTest, BinaryInputStaysValidJson) {
  std::string input("\x00\xff\xfe garbage\r\n\x1b[31mred\n\xc3\x28\n", 22);
  RunResult r = RunProgram({"--format", "json"}, input);
  EXPECT_EQ(r.status, 0);
  for (char c : r.out) {
    auto byte = static_cast<unsigned char>(c);
    EXPECT_TRUE(byte >= 0x20 || c == '\n') << "control byte " << int(byte);
  }
}

TEST(CliTest, InvalidRulePackExitsWithThree) {
  TempDir dir;
  dir.Write("pack.yaml", "pack: broken\nlanguage: en\n");
  dir.Write("bad.yaml", "rules:\n  - id: x\n    match: '('\n    explain: y\n");
  RunResult r = RunProgram({"--rules", dir.path(), "-"}, "hello\n");
  EXPECT_EQ(r.status, kExitInvalidRules);
  EXPECT_NE(r.err.find(dir / "bad.yaml" + ":3:13: error: [x] invalid pattern"),
            std::string::npos)
      << r.err;
  EXPECT_EQ(r.out, "");
}

TEST(CliTest, RulesFolderOverridesRuleById) {
  TempDir dir;
  dir.Write("pack.yaml", "pack: mine\nlanguage: en\n");
  dir.Write("mine.yaml",
            "rules:\n"
            "  - id: mine.hello\n"
            "    match: '^hello$'\n"
            "    explain: 'A greeting from my own rule.'\n");
  RunResult r = RunProgram({"--rules", dir.path(), "-"}, "hello\n");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("A greeting from my own rule."), std::string::npos);
}

TEST(CliTest, SecretsAreMaskedInEveryFormat) {
  const std::string log =
      "> AUTH LOGIN\r\n"
      "< 334 VXNlcm5hbWU6\r\n"
      "> YWxpY2VAZXhhbXBsZS50ZXN0\r\n"
      "< 334 UGFzc3dvcmQ6\r\n"
      "> d29uZGVybGFuZA==\r\n"
      "< 235 2.7.0 Authentication successful\r\n"
      "* Rebuilt URL to: smtp://alice:wonderland@127.0.0.1/\n"
      "> Authorization: Basic YWxpY2U6d29uZGVybGFuZA==\r\n"
      "> Cookie: session=abcdef123456\r\n";
  const std::vector<std::string> secrets = {
      "YWxpY2VAZXhhbXBsZS50ZXN0", "d29uZGVybGFuZA==", "wonderland",
      "YWxpY2U6d29uZGVybGFuZA==", "abcdef123456"};
  for (const char* format : {"text", "json", "markdown"}) {
    for (const char* why : {"--why", "--color=never"}) {
      SCOPED_TRACE(std::string(format) + " " + why);
      RunResult r = RunProgram({"--format", format, why}, log);
      ASSERT_EQ(r.status, 0) << r.err;
      for (const std::string& secret : secrets) {
        EXPECT_EQ(r.out.find(secret), std::string::npos) << secret;
        EXPECT_EQ(r.err.find(secret), std::string::npos) << secret;
      }
    }
  }
  RunResult shown = RunProgram({"--show-secrets"}, log);
  EXPECT_NE(shown.out.find("wonderland"), std::string::npos);
}

TEST(CliTest, UnexplainedGroupsByShape) {
  RunResult r = RunProgram({"--unexplained"},
                    "frobnicate 12 times\nfrobnicate 7 times\nzap 1\n");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("3 lines not explained in 2 shapes\n", 0), 0u) << r.out;
  EXPECT_NE(r.out.find("     2  frobnicate <n> times\n"), std::string::npos)
      << r.out;
}

TEST(CliTest, ParseTimeAcceptsDatesAndEpochs) {
  EXPECT_EQ(ParseTime("0"), 0);
  EXPECT_EQ(ParseTime("2026-01-01"), 1767225600);
  EXPECT_EQ(ParseTime("2026-01-01T00:00:10Z"), 1767225610);
  EXPECT_EQ(ParseTime("yesterday"), std::nullopt);
}

}  // namespace
}  // namespace curlexplain

namespace curlexplain {
namespace {

TEST(CliTest, UserFolderRulesOverrideShippedOnes) {
  TempDir config;
  config.Write("curlexplain/rules/mine.yaml",
               "rules:\n"
               "  - id: connection.connect.trying-ipv4-port\n"
               "    match: '^Trying (?P<address>[0-9.]+):(?P<port>\\d+)'\n"
               "    priority: 10\n"
               "    explain: 'My own words about {address}:{port}.'\n");
  std::istringstream in("* Trying 127.0.0.1:25...\n");
  std::ostringstream out;
  std::ostringstream err;
  Environment env;
  env.variables["XDG_CONFIG_HOME"] = config.path();
  int status = RunCli({"--now", "0"}, in, out, err, env);
  EXPECT_EQ(status, 0) << err.str();
  EXPECT_NE(out.str().find("My own words about 127.0.0.1:25."),
            std::string::npos)
      << out.str();
}

TEST(CliTest, RulesCheckWarnsOnWeakRules) {
  TempDir dir;
  dir.Write("pack.yaml", "pack: mine\nlanguage: en\n");
  dir.Write("mine.yaml",
            "rules:\n"
            "  - id: mine.first\n"
            "    match: '^zzz frob$'\n"
            "    explain: 'First.'\n"
            "    examples: [{line: 'zzz frob', contains: ['First']}]\n"
            "  - id: mine.second\n"
            "    match: '^zzz frob$'\n"
            "    explain: 'Second.'\n");
  RunResult r = RunProgram({"rules", "check", dir.path()});
  EXPECT_NE(r.err.find(dir / "mine.yaml" +
                       ":6:5: warning: [mine.second] no example exercises "
                       "this rule"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find(dir / "mine.yaml" +
                       ":6:5: warning: [mine.second] this rule can never win: "
                       "rule 'mine.first' has the same pattern and "
                       "conditions and ranks higher"),
            std::string::npos)
      << r.err;
}

TEST(CliTest, RulesCheckFailsOnWrongExample) {
  TempDir dir;
  dir.Write("pack.yaml", "pack: mine\nlanguage: en\n");
  dir.Write("mine.yaml",
            "rules:\n"
            "  - id: mine.first\n"
            "    match: '^zzz frob$'\n"
            "    explain: 'First.'\n"
            "    examples: [{line: 'zzz frob', contains: ['Second']}]\n");
  RunResult r = RunProgram({"rules", "check", dir.path()});
  EXPECT_EQ(r.status, kExitInvalidRules);
  EXPECT_NE(r.err.find(dir / "mine.yaml" +
                       ":5:16: error: [mine.first] example 'zzz frob': the "
                       "explanation lacks 'Second': First."),
            std::string::npos)
      << r.err;
}

TEST(CliTest, RulesListAndShowNameTheSource) {
  TempDir dir;
  dir.Write("pack.yaml", "pack: mine\nlanguage: en\n");
  dir.Write("mine.yaml",
            "rules:\n"
            "  - id: connection.connect.trying-ipv4-port\n"
            "    match: '^Trying'\n"
            "    explain: 'Mine.'\n");
  RunResult list = RunProgram({"rules", "list", "--rules", dir.path()});
  EXPECT_EQ(list.status, 0);
  EXPECT_NE(list.out.find("connection.connect.trying-ipv4-port  " + dir / "mine.yaml" +
                          ":2  (replaces the rule of pack curlexplain-en)"),
            std::string::npos)
      << list.out;
  RunResult show =
      RunProgram({"rules", "show", "connection.connect.trying-ipv4-port", "--rules", dir.path()});
  EXPECT_EQ(show.status, 0);
  EXPECT_NE(show.out.find("pack:      mine\n"), std::string::npos) << show.out;
  EXPECT_NE(show.out.find("replaces:  the rule of pack curlexplain-en\n"),
            std::string::npos);
  RunResult missing = RunProgram({"rules", "show", "no.such.rule"});
  EXPECT_EQ(missing.status, kExitUsage);
  EXPECT_EQ(missing.err,
            "curlexplain: no loaded rule has the id 'no.such.rule'\n");
}

TEST(CliTest, GermanTranslationPassedWithRulesChangesOutput) {
  TempDir dir;
  dir.Write("pack.yaml",
            "pack: my-de\nlanguage: de\nextends: curlexplain-en\n");
  dir.Write("words.yaml",
            "messages:\n"
            "  connection.connect.trying-ipv4-port:\n"
            "    explain: 'Verbindungsversuch zu {address}:{port}.'\n");
  RunResult r = RunProgram({"--lang", "de", "--rules", dir.path(), "-"},
                           "* Trying 127.0.0.1:25...\n");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("Verbindungsversuch zu 127.0.0.1:25."),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace curlexplain

namespace curlexplain {
namespace {

TEST(LineShapeTest, FoldsValuesButKeepsWords) {
  struct Case {
    const char* text;
    const char* shape;
  };
  const Case cases[] = {
      {"Connected to 10.0.0.1 port 25", "Connected to <address> port <n>"},
      {"handle 0x6000608a0; line 1396", "handle <hex>; line <n>"},
      {"STATE: WAITCONNECT => SENDPROTOCONNECT",
       "STATE: WAITCONNECT => SENDPROTOCONNECT"},
      {"334 VXNlcm5hbWU6bG9uZ2VyVGV4dDEy", "<n> <encoded>"},
      {"Host: mail.example.test", "Host: <host>"},
      {"file 'a b c'", "file '<text>'"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(LineShape(c.text), c.shape);
  }
}

}  // namespace
}  // namespace curlexplain
