// The facts the explanation of the golden SMTP session must contain, one
// per test. The log comes from an application's debug callback (no prefixes),
// and a web page removed its text in angle brackets.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "golden_session.h"

namespace curlexplain {
namespace {

using ::testing::HasSubstr;
using testing::ExplainedLog;

const char kGolden[] = "logs/golden/smtp-starttls-auth-login.log";

const ExplainedLog& Golden() {
  static const ExplainedLog* kLog =
      new ExplainedLog(testing::ExplainFile(kGolden));
  return *kLog;
}

std::string RuleOf(int64_t number) {
  const Explanation& e = Golden().Line(number);
  return e.rule ? e.rule->id : "(none)";
}

TEST(SmtpGoldenTest, EveryLineIsExplained) {
  EXPECT_EQ(Golden().summary.lines, 59);
  EXPECT_EQ(Golden().summary.explained, 59);
  for (const Explanation& e : Golden().lines) {
    EXPECT_TRUE(e.explained) << "line " << e.number << ": " << e.text;
    EXPECT_TRUE(e.problems.empty()) << "line " << e.number;
  }
}

TEST(SmtpGoldenTest, SizeInHumanUnitsAndLargestAttachment) {
  EXPECT_THAT(Golden().MessageAndHint(7), HasSubstr("100 MiB"));
  EXPECT_THAT(Golden().MessageAndHint(7), HasSubstr("about 75 MiB"));
  EXPECT_THAT(Golden().MessageAndHint(7), HasSubstr("3 bytes into 4"));
}

TEST(SmtpGoldenTest, PipeliningIsNotSeveralMessages) {
  EXPECT_THAT(Golden().MessageAndHint(9), HasSubstr("without waiting for each reply"));
  EXPECT_THAT(Golden().MessageAndHint(9),
              HasSubstr("does not mean sending several messages"));
}

TEST(SmtpGoldenTest, Port587IsSubmission) {
  EXPECT_THAT(Golden().MessageAndHint(3), HasSubstr("Port 587 is mail submission"));
}

TEST(SmtpGoldenTest, ClientAddressAsServerSawIt) {
  EXPECT_THAT(Golden().MessageAndHint(6), HasSubstr("198.51.100.13"));
  EXPECT_THAT(Golden().MessageAndHint(6), HasSubstr("where the server saw"));
}

TEST(SmtpGoldenTest, PlainAndLoginAreOnlyBase64) {
  EXPECT_THAT(Golden().MessageAndHint(10), HasSubstr("only base64-encoded"));
  EXPECT_THAT(Golden().MessageAndHint(10), HasSubstr("safe inside TLS"));
}

TEST(SmtpGoldenTest, ChallengesAreDecoded) {
  EXPECT_THAT(Golden().MessageAndHint(48), HasSubstr("\"Username:\""));
  EXPECT_THAT(Golden().MessageAndHint(50), HasSubstr("\"Password:\""));
}

TEST(SmtpGoldenTest, CredentialsAreMasked) {
  for (int64_t number : {49, 51}) {
    const Explanation& e = Golden().Line(number);
    EXPECT_EQ(e.text, "****") << number;
    EXPECT_EQ(e.raw, "****") << number;
  }
  for (const Explanation& e : Golden().lines) {
    std::string all = e.raw + e.text + e.message + e.hint;
    for (const auto& field : e.fields) all += field.second;
    EXPECT_THAT(all, ::testing::Not(HasSubstr("bWFpbHVzZXJAZXhhbXBsZS5uZXQ=")));
    EXPECT_THAT(all, ::testing::Not(HasSubstr("czNjcjN0LXBhc3N3MHJk")));
    EXPECT_THAT(all, ::testing::Not(HasSubstr("s3cr3t-passw0rd")));
  }
}

TEST(SmtpGoldenTest, CipherListIsOldDefault) {
  std::string said = Golden().MessageAndHint(16);
  EXPECT_THAT(said, HasSubstr("curl's built-in default"));
  EXPECT_THAT(said, HasSubstr("\"!EXPORT\" removes for good"));
  EXPECT_THAT(said, HasSubstr("\"@STRENGTH\""));
  EXPECT_THAT(said, HasSubstr("sorts the list by the key length"));
  EXPECT_THAT(said, HasSubstr("\"!aNULL\""));
  EXPECT_THAT(said, HasSubstr("no authentication"));
  EXPECT_THAT(said, HasSubstr("\"!RC4\""));
  EXPECT_THAT(said, HasSubstr("\"!LOW\""));
}

TEST(SmtpGoldenTest, NegotiatedSuiteTakenApart) {
  std::string said = Golden().MessageAndHint(31);
  EXPECT_THAT(said, HasSubstr("DHE"));
  EXPECT_THAT(said, HasSubstr("forward secrecy"));
  EXPECT_THAT(said, HasSubstr("RSA key of its certificate"));
  EXPECT_THAT(said, HasSubstr("AES with a 256-bit key"));
  EXPECT_THAT(said, HasSubstr("GCM mode"));
  EXPECT_THAT(said, HasSubstr("no separate HMAC"));
  EXPECT_THAT(said, HasSubstr("SHA-384"));
}

TEST(SmtpGoldenTest, PrivateCaFileTrustsOnlyItself) {
  std::string said = Golden().MessageAndHint(18);
  EXPECT_THAT(said, HasSubstr("not a system CA bundle"));
  EXPECT_THAT(said, HasSubstr("only what this file contains is trusted"));
  EXPECT_THAT(said, HasSubstr("renews its certificate"));
}

TEST(SmtpGoldenTest, MislabelledRecordHeader) {
  EXPECT_THAT(Golden().MessageAndHint(20), HasSubstr("not a handshake message"));
  EXPECT_THAT(Golden().MessageAndHint(20), HasSubstr("mislabel"));
}

TEST(SmtpGoldenTest, ChangeCipherSpecNotClientHello) {
  for (int64_t number : {27, 29}) {
    EXPECT_THAT(Golden().MessageAndHint(number), HasSubstr("ChangeCipherSpec"));
    EXPECT_THAT(Golden().MessageAndHint(number), HasSubstr("by mistake"));
  }
}

TEST(SmtpGoldenTest, ServerFinishedIsServerHelloDone) {
  EXPECT_THAT(Golden().MessageAndHint(25), HasSubstr("ServerHelloDone"));
}

TEST(SmtpGoldenTest, HandshakeMessagesInOrder) {
  const char* expected[] = {"ClientHello",        "ServerHello",
                            "Certificate",        "ServerKeyExchange",
                            "ServerHelloDone",    "ClientKeyExchange",
                            "ChangeCipherSpec",   "Finished",
                            "ChangeCipherSpec",   "Finished"};
  for (int64_t i = 0; i < 10; ++i) {
    EXPECT_THAT(Golden().MessageAndHint(21 + i), HasSubstr(expected[i])) << 21 + i;
  }
}

TEST(SmtpGoldenTest, CertificateValidityAndExpiry) {
  EXPECT_THAT(Golden().MessageAndHint(35), HasSubstr("2015-02-03 10:43:22 GMT"));
  const Explanation& expiry = Golden().Line(36);
  EXPECT_THAT(expiry.message, HasSubstr("1096 days"));
  EXPECT_THAT(expiry.message, HasSubstr("has expired"));
  EXPECT_EQ(expiry.severity, Severity::kNote);
}

TEST(SmtpGoldenTest, DomainValidatedSubjectIssuerAndName) {
  EXPECT_THAT(Golden().MessageAndHint(34), HasSubstr("domain-validated"));
  EXPECT_THAT(Golden().MessageAndHint(38), HasSubstr("GlobalSign"));
  EXPECT_THAT(Golden().MessageAndHint(37), HasSubstr("host name check passed"));
}

TEST(SmtpGoldenTest, EhloAgainAfterStarttls) {
  EXPECT_THAT(Golden().MessageAndHint(40), HasSubstr("RFC 3207"));
  EXPECT_THAT(Golden().MessageAndHint(40), HasSubstr("sent again"));
  EXPECT_THAT(Golden().MessageAndHint(46), HasSubstr("STARTTLS is absent"));
}

TEST(SmtpGoldenTest, QueueIdAndItsUse) {
  EXPECT_THAT(Golden().MessageAndHint(58), HasSubstr("1b0PsA-0008Kw-6i"));
  EXPECT_THAT(Golden().MessageAndHint(58), HasSubstr("mail log"));
}

TEST(SmtpGoldenTest, AlpnOnSmtpIsHarmless) {
  EXPECT_THAT(Golden().MessageAndHint(15), HasSubstr("harmless noise"));
}

TEST(SmtpGoldenTest, EatenAddressIsNotNullSender) {
  for (int64_t number : {53, 55}) {
    EXPECT_THAT(Golden().MessageAndHint(number), HasSubstr("missing from this log"));
    EXPECT_THAT(Golden().MessageAndHint(number),
                ::testing::Not(HasSubstr("null sender")));
  }
}

TEST(SmtpGoldenTest, ThreeOkRepliesDiffer) {
  std::string mail = RuleOf(54);
  std::string rcpt = RuleOf(56);
  std::string data = RuleOf(58);
  EXPECT_NE(mail, rcpt);
  EXPECT_NE(rcpt, data);
  EXPECT_NE(mail, data);
}

TEST(SmtpGoldenTest, DamagedSecondChallengeIsStillPasswordPrompt) {
  std::string log = testing::ReadAll(testing::DataPath(kGolden));
  size_t at = log.find("334 UGFzc3dvcmQ6");
  ASSERT_NE(at, std::string::npos);
  log.replace(at, 16, "334 UGF!c3dvc");
  testing::ExplainedLog damaged = testing::ExplainText(log);
  EXPECT_EQ(damaged.Line(50).rule, Golden().Line(50).rule);
  EXPECT_EQ(damaged.Line(51).text, "****");
}

TEST(SmtpGoldenTest, SummaryNamesQueueIdAndTls) {
  std::string all;
  for (const SummaryItem& item : Golden().summary.diagnoses) {
    all += item.message + "\n";
  }
  EXPECT_THAT(all, HasSubstr("queued it as 1b0PsA-0008Kw-6i"));
  EXPECT_THAT(all, HasSubstr("TLSv1.2"));
}

TEST(SmtpGoldenTest, SameExplanationsWithCurlPrefixes) {
  testing::ExplainedLog prefixed =
      testing::ExplainFile("prefixed/smtp-starttls-auth-login.log");
  ASSERT_EQ(prefixed.lines.size(), Golden().lines.size());
  for (size_t i = 0; i < prefixed.lines.size(); ++i) {
    const Explanation& a = Golden().lines[i];
    const Explanation& b = prefixed.lines[i];
    SCOPED_TRACE(a.text);
    EXPECT_EQ(a.text, b.text);
    EXPECT_EQ(a.rule, b.rule);
    EXPECT_EQ(a.message, b.message);
  }
}

}  // namespace
}  // namespace curlexplain
