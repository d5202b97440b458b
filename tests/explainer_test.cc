#include "curlexplain/explainer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "curlexplain/rule_loader.h"
#include "test_util.h"

namespace curlexplain {
namespace {

using testing::TempDir;

// A rule set loaded from one rule file, kept alive with its folder.
class Rules {
 public:
  explicit Rules(const std::string& yaml) {
    dir_.Write("pack.yaml", testing::kPackYaml);
    dir_.Write("rules.yaml", yaml);
    result_ = LoadRulePacks({dir_.path()});
  }
  const LoadResult& result() const { return result_; }
  const RuleSet& set() const { return result_.rules; }

 private:
  TempDir dir_;
  LoadResult result_;
};

LogLine Line(const std::string& text, Direction direction = Direction::kUnknown,
             std::optional<int64_t> connection = std::nullopt) {
  LogLine line;
  line.number = 1;
  line.raw = text;
  line.text = text;
  line.direction = direction;
  line.connection_id = connection;
  return line;
}

std::string WinnerOf(Explainer* explainer, const std::string& text) {
  Explanation e = explainer->Explain(Line(text));
  return e.rule ? e.rule->id : "(none)";
}

TEST(ExplainerTest, PriorityBeatsSpecificity) {
  Rules rules(
      "rules:\n"
      "  - {id: long, match: '^250 OK queued', explain: long}\n"
      "  - {id: short, match: '^250', priority: 5, explain: short}\n");
  ASSERT_TRUE(rules.result().ok());
  Explainer explainer(rules.set(), {});
  EXPECT_EQ(WinnerOf(&explainer, "250 OK queued"), "short");
}

TEST(ExplainerTest, LongerLiteralWinsAtEqualPriority) {
  Rules rules(
      "rules:\n"
      "  - {id: short, match: '^250', explain: short}\n"
      "  - {id: long, match: '^250 OK\\s+\\d+', explain: long}\n");
  ASSERT_TRUE(rules.result().ok());
  Explainer explainer(rules.set(), {});
  EXPECT_EQ(WinnerOf(&explainer, "250 OK 12"), "long");
  EXPECT_EQ(WinnerOf(&explainer, "250 Accepted"), "short");
}

TEST(ExplainerTest, FallbackLosesToAnySpecificRule) {
  Rules rules(
      "rules:\n"
      "  - {id: any, match: '^\\d{3} .*queued.*$', fallback: true,"
      " priority: 3, explain: any}\n"
      "  - {id: ok, match: '^250', explain: ok}\n");
  ASSERT_TRUE(rules.result().ok());
  Explainer explainer(rules.set(), {});
  Explanation e = explainer.Explain(Line("250 queued"));
  ASSERT_NE(e.rule, nullptr);
  EXPECT_EQ(e.rule->id, "ok");
  e = explainer.Explain(Line("451 queued"));
  ASSERT_NE(e.rule, nullptr);
  EXPECT_EQ(e.rule->id, "any");
  EXPECT_FALSE(e.explained);
}

TEST(ExplainerTest, FileOrderBreaksLastTie) {
  Rules rules(
      "rules:\n"
      "  - {id: first, match: '^250', explain: first}\n"
      "  - {id: second, match: '^250', explain: second}\n");
  ASSERT_TRUE(rules.result().ok());
  Explainer explainer(rules.set(), {});
  EXPECT_EQ(WinnerOf(&explainer, "250 OK"), "first");
}

TEST(ExplainerTest, StateConditionsChooseReply) {
  Rules rules(
      "rules:\n"
      "  - {id: mail, match: '^MAIL FROM:', set: {smtp.command: MAIL},"
      " explain: m}\n"
      "  - {id: rcpt, match: '^RCPT TO:', set: {smtp.command: RCPT},"
      " explain: r}\n"
      "  - {id: ok, match: '^250', explain: generic}\n"
      "  - {id: ok-mail, match: '^250', when: {smtp.command: MAIL},"
      " explain: sender}\n"
      "  - {id: ok-rcpt, match: '^250', when: {smtp.command: RCPT},"
      " explain: recipient}\n");
  ASSERT_TRUE(rules.result().ok());
  Explainer explainer(rules.set(), {});
  EXPECT_EQ(WinnerOf(&explainer, "250 OK"), "ok");
  WinnerOf(&explainer, "MAIL FROM:<a@b>");
  EXPECT_EQ(WinnerOf(&explainer, "250 OK"), "ok-mail");
  WinnerOf(&explainer, "RCPT TO:<c@d>");
  EXPECT_EQ(WinnerOf(&explainer, "250 OK"), "ok-rcpt");
}

TEST(ExplainerTest, StateIsKeptPerConnection) {
  Rules rules(
      "rules:\n"
      "  - {id: tls, match: '^STARTTLS', set: {smtp.command: STARTTLS},"
      " explain: s}\n"
      "  - {id: ready, match: '^220', when: {smtp.command: STARTTLS},"
      " explain: ready}\n"
      "  - {id: greeting, match: '^220', explain: greeting}\n");
  ASSERT_TRUE(rules.result().ok());
  Explainer explainer(rules.set(), {});
  explainer.Explain(Line("STARTTLS", Direction::kOut, 0));
  Explanation other = explainer.Explain(Line("220 hi", Direction::kIn, 1));
  EXPECT_EQ(other.rule->id, "greeting");
  Explanation same = explainer.Explain(Line("220 go", Direction::kIn, 0));
  EXPECT_EQ(same.rule->id, "ready");
}

TEST(ExplainerTest, UnnamedStateMovesToFirstNamedConnection) {
  Rules rules(
      "rules:\n"
      "  - {id: url, match: '^URL', set: {scheme: smtp}, explain: u}\n"
      "  - {id: connected, match: '#(?P<conn>\\d+)', connection: '{conn}',"
      " explain: c}\n"
      "  - {id: smtp-line, match: '^line', when: {scheme: smtp}, explain: s}\n");
  ASSERT_TRUE(rules.result().ok());
  Explainer explainer(rules.set(), {});
  explainer.Explain(Line("URL"));
  explainer.Explain(Line("connected #0"));
  EXPECT_EQ(WinnerOf(&explainer, "line"), "smtp-line");
}

TEST(ExplainerTest, StartLogForgetsState) {
  Rules rules(
      "rules:\n"
      "  - {id: set, match: '^set', set: {k: v}, explain: s}\n"
      "  - {id: when, match: '^get', when: {k: v}, explain: w}\n");
  ASSERT_TRUE(rules.result().ok());
  Explainer explainer(rules.set(), {});
  explainer.Explain(Line("set"));
  EXPECT_EQ(WinnerOf(&explainer, "get"), "when");
  explainer.StartLog();
  EXPECT_EQ(WinnerOf(&explainer, "get"), "(none)");
}

TEST(ExplainerTest, DirectionFilterSkipsOtherDirection) {
  Rules rules(
      "rules:\n"
      "  - {id: out, match: '^OK', direction: out, explain: o}\n");
  ASSERT_TRUE(rules.result().ok());
  Explainer explainer(rules.set(), {});
  EXPECT_EQ(explainer.Explain(Line("OK", Direction::kIn)).rule, nullptr);
  EXPECT_NE(explainer.Explain(Line("OK", Direction::kOut)).rule, nullptr);
  EXPECT_NE(explainer.Explain(Line("OK", Direction::kUnknown)).rule, nullptr);
}

TEST(ExplainerTest, SecretsAreMaskedEverywhere) {
  Rules rules(
      "masks:\n"
      "  - {id: url-password, match: '://[^:/]+:(?P<password>[^@/]+)@'}\n"
      "rules:\n"
      "  - id: answer\n"
      "    match: '^ANSWER (?P<token>\\S+)$'\n"
      "    secret: [token, doubled]\n"
      "    fields: {doubled: token ~ token}\n"
      "    explain: 'The client sent {token} ({doubled}).'\n"
      "  - {id: url, match: '^URL (?P<url>\\S+)', explain: 'URL {url}'}\n");
  ASSERT_TRUE(rules.result().ok());
  Explainer explainer(rules.set(), {});
  Explanation e = explainer.Explain(Line("ANSWER s3cr3t"));
  EXPECT_EQ(e.text, "ANSWER ****");
  EXPECT_EQ(e.raw, "ANSWER ****");
  EXPECT_EQ(e.message, "The client sent **** (****).");
  for (const auto& [name, value] : e.fields) {
    EXPECT_EQ(value.find("s3cr3t"), std::string::npos) << name;
  }
  Explanation later = explainer.Explain(Line("URL s3cr3t"));
  EXPECT_EQ(later.message, "URL ****");
  Explanation url = explainer.Explain(Line("URL smtp://u:pw@host/"));
  EXPECT_EQ(url.text, "URL smtp://u:****@host/");
  EXPECT_EQ(url.message, "URL smtp://u:****@host/");
}

TEST(ExplainerTest, ShowSecretsKeepsValues) {
  Rules rules(
      "rules:\n"
      "  - {id: answer, match: '^ANSWER (?P<token>\\S+)$', secret: [token],"
      " explain: 'sent {token}'}\n");
  ASSERT_TRUE(rules.result().ok());
  ExplainOptions options;
  options.show_secrets = true;
  Explainer explainer(rules.set(), options);
  EXPECT_EQ(explainer.Explain(Line("ANSWER abc")).message, "sent abc");
}

TEST(ExplainerTest, SummaryCountsAndDiagnoses) {
  Rules rules(
      "rules:\n"
      "  - {id: queued, match: 'id=(?P<id>\\S+)', record: {queue_id: '{id}'},"
      " explain: q}\n"
      "  - {id: fail, match: '^5', severity: error, explain: failed}\n"
      "diagnoses:\n"
      "  - {id: delivered, if: 'defined(queue_id)',"
      " explain: 'Queued as {queue_id}.'}\n"
      "  - {id: refused, if: 'defined(never_recorded)', explain: no}\n");
  ASSERT_TRUE(rules.result().ok());
  Explainer explainer(rules.set(), {});
  explainer.Explain(Line("250 OK id=1b0P"));
  explainer.Explain(Line("550 no"));
  explainer.Explain(Line("hello"));
  Summary summary = explainer.Finish();
  EXPECT_EQ(summary.lines, 3);
  EXPECT_EQ(summary.explained, 2);
  EXPECT_EQ(summary.unexplained, 1);
  EXPECT_EQ(summary.errors, 1);
  ASSERT_TRUE(summary.first_problem.has_value());
  EXPECT_EQ(summary.first_problem->id, "fail");
  ASSERT_EQ(summary.diagnoses.size(), 1u);
  EXPECT_EQ(summary.diagnoses[0].message, "Queued as 1b0P.");
}

}  // namespace
}  // namespace curlexplain

namespace curlexplain {
namespace {

TEST(ExplainerTest, TagFilterAndLineNames) {
  Rules rules(
      "rules:\n"
      "  - id: h2\n"
      "    match: '^\\[(?P<stream>\\d+)\\] OPENED'\n"
      "    tag: HTTP/2\n"
      "    explain: 'Stream {stream} on connection {line_connection} at "
      "{line_time}, tags {line_tags}, line {line_number}.'\n");
  ASSERT_TRUE(rules.result().ok());
  Explainer explainer(rules.set(), {});
  LogLine line = Line("[1] OPENED stream", Direction::kInfo, 0);
  EXPECT_EQ(explainer.Explain(line).rule, nullptr);
  line.tags = {"HTTP/2"};
  line.time = "12:00:00.000001";
  Explanation e = explainer.Explain(line);
  ASSERT_NE(e.rule, nullptr);
  EXPECT_EQ(e.message,
            "Stream 1 on connection 0 at 12:00:00.000001, tags HTTP/2, "
            "line 1.");
}

TEST(ExplainerTest, LineNamesAreReservedForCaptures) {
  Rules rules(
      "rules:\n"
      "  - {id: r, match: '(?P<line_time>x)', explain: y}\n");
  EXPECT_FALSE(rules.result().ok());
}

}  // namespace
}  // namespace curlexplain

namespace curlexplain {
namespace {

TEST(ExplainerTest, DiagnosisFieldsComputeFromFacts) {
  Rules rules(
      "rules:\n"
      "  - {id: q, match: 'id=(?P<id>\\S+)', record: {queue_id: '{id}',"
      " software: exim}, explain: q}\n"
      "tables:\n"
      "  queue_software: {exim: 'an Exim message id'}\n"
      "diagnoses:\n"
      "  - id: queued\n"
      "    if: defined(queue_id)\n"
      "    fields:\n"
      "      kind: lookup('queue_software', software, 'a queue id')\n"
      "    explain: 'Queued as {queue_id}, {kind}.'\n");
  ASSERT_TRUE(rules.result().ok());
  Explainer explainer(rules.set(), {});
  explainer.Explain(Line("250 OK id=1b0P"));
  Summary summary = explainer.Finish();
  ASSERT_EQ(summary.diagnoses.size(), 1u);
  EXPECT_EQ(summary.diagnoses[0].message, "Queued as 1b0P, an Exim message id.");
}

}  // namespace
}  // namespace curlexplain

namespace curlexplain {
namespace {

TEST(ExplainerTest, MaskHitsAreMaskedInLaterLines) {
  Rules rules(
      "masks:\n"
      "  - {id: pw, match: 'PASS (?P<password>\\S+)'}\n"
      "rules:\n"
      "  - {id: any, match: '.', explain: 'Line {line_number}.'}\n");
  ASSERT_TRUE(rules.result().ok());
  Explainer explainer(rules.set(), {});
  EXPECT_EQ(explainer.Explain(Line("PASS pa55word")).text, "PASS ****");
  EXPECT_EQ(explainer.Explain(Line("echo pa55word")).text, "echo ****");
}

TEST(ExplainerTest, WhyReasonsAreMasked) {
  Rules rules(
      "rules:\n"
      "  - {id: login, match: '^LOGIN (?P<pw>\\S+)$', secret: [pw],"
      " set: {last: '{pw}'}, explain: login}\n"
      "  - {id: other, match: '^next', when: {last: 'x'}, explain: next}\n");
  ASSERT_TRUE(rules.result().ok());
  ExplainOptions options;
  options.trace = true;
  Explainer explainer(rules.set(), options);
  explainer.Explain(Line("LOGIN hunter2secret"));
  Explanation e = explainer.Explain(Line("next"));
  ASSERT_EQ(e.candidates.size(), 1u);
  EXPECT_EQ(e.candidates[0].reason, "when last is 'x', but it is '****'");
}

TEST(ExplainerTest, LongerSecretIsMaskedWhole) {
  Rules rules(
      "rules:\n"
      "  - {id: a, match: '^A (?P<s>\\S+)$', secret: [s], explain: a}\n"
      "  - {id: b, match: '^B (?P<t>\\S+)$', secret: [t],"
      " record: {cred: '{t}'}, explain: b}\n");
  ASSERT_TRUE(rules.result().ok());
  Explainer explainer(rules.set(), {});
  explainer.Explain(Line("A secret"));
  explainer.Explain(Line("B mysecretword"));
  Summary summary = explainer.Finish();
  ASSERT_EQ(summary.facts.size(), 1u);
  EXPECT_EQ(summary.facts[0].second, "****");
}

}  // namespace
}  // namespace curlexplain
