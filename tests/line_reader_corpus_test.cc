// The line reader on the real logs in tests/data/logs, and on random bytes.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "line_reader_test_util.h"

namespace curlexplain {
namespace {

using reader_testing::ExpectLine;
using reader_testing::ReadAll;
using reader_testing::ReadLog;
using reader_testing::Want;
using D = Direction;
using K = LineKind;

// Splits `input` into its lines without LF and without the CR before it.
std::vector<std::string> InputLines(const std::string& input) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < input.size()) {
    size_t end = input.find('\n', start);
    if (end == std::string::npos) end = input.size();
    std::string line = input.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

bool HasNoteStartingWith(const LogLine& line, std::string_view start) {
  for (const std::string& note : line.notes) {
    if (note.compare(0, start.size(), start) == 0) return true;
  }
  return false;
}

// Checks that every input line belongs to exactly one LogLine, in order, and
// that each LogLine's raw text is the input lines it owns.
void ExpectAccounted(const std::string& input,
                     const std::vector<LogLine>& lines) {
  std::vector<std::string> want = InputLines(input);
  int64_t next = 1;
  for (size_t i = 0; i < lines.size(); ++i) {
    const LogLine& line = lines[i];
    SCOPED_TRACE("LogLine " + std::to_string(i) + " at " +
                 std::to_string(line.number));
    if (line.line_count == 0) {
      ASSERT_GT(i, 0u);
      EXPECT_EQ(line.number, lines[i - 1].number);
      continue;
    }
    ASSERT_EQ(line.number, next);
    next += line.line_count;
    ASSERT_LE(next - 1, int64_t(want.size()));
    if (HasNoteStartingWith(line, "cut to") ||
        HasNoteStartingWith(line, "raw text shortened")) {
      continue;
    }
    std::string joined;
    for (int64_t n = line.number; n < next; ++n) {
      if (n > line.number) joined += '\n';
      joined += want[n - 1];
    }
    EXPECT_EQ(line.raw, joined);
  }
  EXPECT_EQ(next - 1, int64_t(want.size()));
}

std::vector<std::string> CorpusLogs() {
  namespace fs = std::filesystem;
  std::vector<std::string> names;
  for (const char* folder : {"golden", "local", "curl8", "public"}) {
    fs::path dir = fs::path(CURLEXPLAIN_TEST_DATA_DIR) / "logs" / folder;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(dir, error)) {
      if (entry.path().extension() == ".log") {
        names.push_back(std::string(folder) + "/" +
                        entry.path().filename().string());
      }
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST(LineReaderCorpusTest, LosesNoLineOfAnyLog) {
  std::vector<std::string> names = CorpusLogs();
  // The corpus: 1 golden, 80 local, 67 curl8 and 22 public logs.
  ASSERT_EQ(names.size(), 170u);
  for (const std::string& name : names) {
    SCOPED_TRACE(name);
    std::string input = ReadLog(name);
    ExpectAccounted(input, ReadAll(input));
  }
}

TEST(LineReaderCorpusTest, GivesEveryCurlTextLineADirection) {
  for (const std::string& name : CorpusLogs()) {
    bool curl_tool =
        name.rfind("local/", 0) == 0 || name.rfind("curl8/", 0) == 0;
    if (!curl_tool || name.find("raw-debugcb") != std::string::npos) continue;
    SCOPED_TRACE(name);
    for (const LogLine& line : ReadAll(ReadLog(name))) {
      if (line.kind != K::kText) continue;
      EXPECT_NE(line.direction, D::kUnknown) << line.number << ": " << line.raw;
    }
  }
}

struct CorpusCase {
  std::string log;
  Want want;
};

TEST(LineReaderCorpusTest, ReadsRepresentativeLines) {
  const std::vector<CorpusCase> cases = {
      {"golden/smtp-starttls-auth-login.log",
       {.number = 18,
        .text = "CAfile: /Users/me/Library/Preferences/smtp.example.net.cer"}},
      {"local/02-smtp-starttls-auth-login.log",
       {.number = 3,
        .direction = D::kInfo,
        .text = "Trying 127.0.0.1:31587...",
        .notes = {"progress meter removed"}}},
      {"local/02-smtp-starttls-auth-login.log",
       {.number = 68,
        .direction = D::kOut,
        .text = "YWxpY2VAZXhhbXBsZS50ZXN0"}},
      {"local/02-smtp-starttls-auth-login.log",
       {.number = 17,
        .direction = D::kOut,
        .kind = K::kSslData,
        .text = "[512 bytes data]"}},
      {"local/14-smtp-starttls-auth-login-trace-ascii.log",
       {.number = 252,
        .direction = D::kOut,
        .kind = K::kData,
        .text = "[270 bytes data]",
        .line_count = 13}},
      {"local/14-smtp-starttls-auth-login-trace-ascii.log",
       {.number = 276,
        .kind = K::kNoise,
        .text = "100   270    0     0  100   270      0  32902 --:--:-- "
                "--:--:-- --:--:-- 33750"}},
      {"local/88-imap-fetch-trace-ascii.log",
       {.number = 4,
        .direction = D::kIn,
        .text = "* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE "
                "IDLE LITERAL+ STARTTLS AUTH=PLAIN AUTH=LOGIN] Dovecot "
                "(Debian) ready.",
        .line_count = 3}},
      {"local/92-http-get-trace-hex.log",
       {.number = 5,
        .direction = D::kOut,
        .text = "Host: 127.0.0.1:31080",
        .line_count = 2}},
      {"local/92-http-get-trace-hex.log",
       {.number = 53,
        .kind = K::kData,
        .text = "<!DOCTYPE html>",
        .notes = {"line without curl prefix"}}},
      {"local/97-libcurl-raw-debugcb-smtp-starttls-auth-login.log",
       {.number = 14, .text = "CAfile: /srv/cl/pki/ca.crt"}},
      {"local/98-libcurl-raw-debugcb-https-get.log",
       {.number = 24, .text = "h2h3 [:method: GET]"}},
      {"local/109-mqtt-subscribe-max-time.log",
       {.number = 14,
        .direction = D::kIn,
        .kind = K::kData,
        .text = "[23 bytes data]"}},
      {"local/43-https-no-cacert-error60.log",
       {.number = 24,
        .direction = D::kInfo,
        .kind = K::kToolMessage,
        .text = "More details here: https://curl.se/docs/sslcerts.html curl "
                "failed to verify the legitimacy of the server and therefore "
                "could not establish a secure connection to it. To learn more "
                "about this situation and how to fix it, please visit the web "
                "page mentioned above.",
        .line_count = 5}},
      {"curl8/43-openssl-fmt-vv-https-h2.log",
       {.number = 65,
        .direction = D::kInfo,
        .text = "[1] OPENED stream for https://localhost:31443/index.html",
        .tags = {"HTTP/2"},
        .time = "16:01:25.481635",
        .transfer_id = 0,
        .connection_id = 0}},
      {"curl8/44-openssl-fmt-vvv-https-h2.log",
       {.number = 161,
        .direction = D::kOut,
        .text = "GET /index.html HTTP/2",
        .time = "16:01:25.515046",
        .transfer_id = 0,
        .connection_id = 0}},
      {"curl8/55-openssl-tool-option-unknown.log",
       {.number = 2,
        .direction = D::kInfo,
        .kind = K::kToolMessage,
        .text = "curl: try 'curl --help' or 'curl --manual' for more "
                "information"}},
      {"curl8/59-openssl-progress-bar-slow-download.log",
       {.number = 1,
        .kind = K::kNoise,
        .text = "########################################################"
                "################ 100.0%"}},
      {"public/07-libcurl-app-callback-proxy-ntlm-gss-interleaved.log",
       {.number = 19, .direction = D::kIn, .text = "Content-Length: 652   "}},
      {"public/09-gdal-gnutls-curl-info-text.log",
       {.number = 10,
        .direction = D::kInfo,
        .text = "server certificate verification OK"}},
      {"public/13-php-securetransport-macos-markdown-mangled.log",
       {.number = 2,
        .direction = D::kInfo,
        .text = "Trying 203.0.113.158...",
        .notes = {"markdown bullet read as '* '"}}},
      {"public/19-phpt-diff-libressl-58-client-cert-blob.log",
       {.number = 3, .direction = D::kInfo, .text = "ALPN: offers h2"}},
      {"public/27-libcurl-global-trace-all-schannel-connect-only.log",
       {.number = 8,
        .direction = D::kInfo,
        .text = "[CPOOL] added connection 0. The cache now contains 1 members",
        .tags = {"MULTI", "CONNECT"},
        .transfer_id = 0,
        .connection_id = 0}},
      {"public/30-pycurl-debugfunction-nss-quoted-lines.log",
       {.number = 17,
        .direction = D::kInfo,
        .text = "Initializing NSS with certpath: sql:/etc/pki/nssdb",
        .line_count = 2}},
      {"public/35-git-trace-curl-proxy-packet-interleaved.log",
       {.number = 10,
        .direction = D::kOut,
        .text = "Authorization: Basic <redacted>",
        .time = "10:40:56.063495"}},
  };
  for (const CorpusCase& c : cases) {
    SCOPED_TRACE(c.log + ":" + std::to_string(c.want.number));
    std::vector<LogLine> lines = ReadAll(ReadLog(c.log));
    auto it = std::find_if(lines.begin(), lines.end(), [&](const LogLine& l) {
      return l.number == c.want.number;
    });
    ASSERT_NE(it, lines.end());
    ExpectLine(*it, c.want);
  }
}

// The protocol lines of a log: direction and text of every in and out line
// of kind kText.
std::vector<std::pair<D, std::string>> ProtocolLines(const std::string& log) {
  std::vector<std::pair<D, std::string>> out;
  for (const LogLine& line : ReadAll(ReadLog(log))) {
    bool wire = line.direction == D::kIn || line.direction == D::kOut;
    if (wire && line.kind == K::kText) {
      out.emplace_back(line.direction, line.text);
    }
  }
  return out;
}

struct PairCase {
  std::string a;
  std::string b;
  // Texts that differ between the two runs for reasons outside curl's
  // layout (another URL, another moment): a's text, then b's.
  std::vector<std::pair<std::string, std::string>> differ = {};
};

TEST(LineReaderCorpusTest, ReadsTheSameSessionAlikeInEveryLayout) {
  const std::vector<PairCase> cases = {
      {"curl8/43-openssl-fmt-vv-https-h2.log",
       "curl8/44-openssl-fmt-vvv-https-h2.log"},
      {"curl8/44-openssl-fmt-vvv-https-h2.log",
       "curl8/46-openssl-fmt-trace-ascii-stdout-https.log"},
      {"curl8/53-openssl-tool-warning-more-outputs-than-urls.log",
       "curl8/47-openssl-fmt-trace-hex-stdout-http.log"},
      {"local/02-smtp-starttls-auth-login.log",
       "local/14-smtp-starttls-auth-login-trace-ascii.log",
       {{"EHLO mail.txt", "EHLO client.example.test"}}},
      {"local/16-http-get-basic.log",
       "local/92-http-get-trace-hex.log",
       {{"GET / HTTP/1.1", "GET /index.html HTTP/1.1"},
        {"Date: Fri, 04 Dec 2026 15:24:39 GMT",
         "Date: Fri, 04 Dec 2026 15:26:56 GMT"}}},
  };
  for (const PairCase& c : cases) {
    SCOPED_TRACE(c.a + " and " + c.b);
    auto a = ProtocolLines(c.a);
    auto b = ProtocolLines(c.b);
    ASSERT_EQ(a.size(), b.size());
    ASSERT_GT(a.size(), 5u);
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].first, b[i].first) << i << ": " << a[i].second;
      auto known = std::find(c.differ.begin(), c.differ.end(),
                             std::make_pair(a[i].second, b[i].second));
      if (known == c.differ.end()) {
        EXPECT_EQ(a[i].second, b[i].second);
      }
    }
  }
}

// Pieces random input is built from: curl's layout, damage and noise.
const std::vector<std::string> kFuzzPieces = {
    "* ",
    "> ",
    "< ",
    "{ [5 bytes data]",
    "} [",
    "== Info: ",
    "\n",
    "\n",
    "\r\n",
    "\r",
    std::string(1, '\0'),
    "\xff\xfe",
    "\xc3\xa9",
    "   ",
    "\t",
    "=> Send header, 20 bytes (0x14)\n",
    "<= Recv data, 3 bytes (0x3)\n",
    "<= Recv SSL data, 70 bytes (0x46)\n",
    "0000: ",
    "0010: ",
    "0040: ",
    "47 45 54 0d 0a ",
    "GET / HTTP/1.1",
    "curl: (60) ",
    "Warning: ",
    "More details here: ",
    "'",
    "b'",
    "\\n",
    "\\x0",
    "[MULTI] ",
    "[HTTP/2] ",
    "[1-x] ",
    "16:01:25.474337 ",
    "pycurl *: ",
    "TEXT: ",
    "type[2]-",
    "    ",
    "> - ",
    "006+ ",
    "  0     0    0     0    0     0      0      0 "
    "--:--:-- --:--:-- --:--:--     0",
    "DL% UL%",
    "###################### ",
    "50.0%",
    "OK ",
    "x",
    "..",
    "a"};

TEST(LineReaderCorpusTest, SurvivesRandomInput) {
  std::mt19937 random(20260824);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  for (int round = 0; round < 5000; ++round) {
    std::string input;
    int pieces = int(random() % 80);
    for (int i = 0; i < pieces; ++i) {
      if (random() % 5 == 0) {
        input += char(random() % 256);
      } else {
        input += kFuzzPieces[random() % kFuzzPieces.size()];
      }
    }
    LineReader::Options options;
    options.max_line_bytes = random() % 3 == 0 ? 1 + random() % 40 : 65536;
    SCOPED_TRACE("round " + std::to_string(round));
    ExpectAccounted(input, ReadAll(input, options));
    if (::testing::Test::HasFailure()) break;
    ASSERT_LT(std::chrono::steady_clock::now(), deadline);
  }
}

}  // namespace
}  // namespace curlexplain
