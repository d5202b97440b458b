// The line reader on each layout curl and libcurl applications write.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "line_reader_test_util.h"

namespace curlexplain {
namespace {

using reader_testing::CheckLinesCase;
using reader_testing::HexRows;
using reader_testing::LinesCase;
using reader_testing::ReadAll;
using D = Direction;
using K = LineKind;

TEST(LineReaderLayoutsTest, ParsesLayoutNames) {
  EXPECT_EQ(ParseLayout("auto"), Layout::kAuto);
  EXPECT_EQ(ParseLayout("verbose"), Layout::kVerbose);
  EXPECT_EQ(ParseLayout("trace-ascii"), Layout::kTraceAscii);
  EXPECT_EQ(ParseLayout("trace"), Layout::kTraceHex);
  EXPECT_EQ(ParseLayout("plain"), Layout::kPlain);
  EXPECT_EQ(ParseLayout("hex"), std::nullopt);
  EXPECT_EQ(ParseLayout(""), std::nullopt);
}

TEST(LineReaderLayoutsTest, NamesDirectionsAndKinds) {
  EXPECT_EQ(DirectionName(D::kUnknown), "unknown");
  EXPECT_EQ(DirectionName(D::kInfo), "info");
  EXPECT_EQ(DirectionName(D::kIn), "in");
  EXPECT_EQ(DirectionName(D::kOut), "out");
  EXPECT_EQ(LineKindName(K::kText), "text");
  EXPECT_EQ(LineKindName(K::kData), "data");
  EXPECT_EQ(LineKindName(K::kSslData), "ssl-data");
  EXPECT_EQ(LineKindName(K::kToolMessage), "tool");
  EXPECT_EQ(LineKindName(K::kNoise), "noise");
}

TEST(LineReaderLayoutsTest, ReadsCurlVerbose) {
  const std::vector<LinesCase> cases = {
      {"info lines lose prefix and cosmetic blanks",
       "*   Trying 127.0.0.1:31080...\n*  CAfile: /etc/ssl/ca.pem\n"
       "* Connected to x (127.0.0.1) port 80 (#0)\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "Trying 127.0.0.1:31080..."},
        {.number = 2, .direction = D::kInfo, .text = "CAfile: /etc/ssl/ca.pem"},
        {.number = 3,
         .direction = D::kInfo,
         .text = "Connected to x (127.0.0.1) port 80 (#0)"}}},
      {"header lines keep their text exactly",
       "> GET / HTTP/2\r\n> \r\n< HTTP/2 200 \r\n< \r\n",
       {{.number = 1, .direction = D::kOut, .text = "GET / HTTP/2"},
        {.number = 2, .direction = D::kOut, .text = ""},
        {.number = 3, .direction = D::kIn, .text = "HTTP/2 200 "},
        {.number = 4, .direction = D::kIn, .text = ""}}},
      {"bare prefixes whose blank was lost",
       "> CONNECT example.com:443 HTTP/1.1\n>\n<\n",
       {{.number = 1,
         .direction = D::kOut,
         .text = "CONNECT example.com:443 HTTP/1.1"},
        {.number = 2, .direction = D::kOut, .text = ""},
        {.number = 3, .direction = D::kIn, .text = ""}}},
      {"data markers next to TLS record lines are TLS data",
       "} [5 bytes data]\n* TLSv1.3 (OUT), TLS handshake, Client hello (1):\n"
       "} [512 bytes data]\n< HTTP/1.1 200 OK\r\n{ [162 bytes data]\n"
       "{ [data not shown]\n",
       {{.number = 1,
         .direction = D::kOut,
         .kind = K::kSslData,
         .text = "[5 bytes data]"},
        {.number = 2,
         .direction = D::kInfo,
         .text = "TLSv1.3 (OUT), TLS handshake, Client hello (1):"},
        {.number = 3,
         .direction = D::kOut,
         .kind = K::kSslData,
         .text = "[512 bytes data]"},
        {.number = 4, .direction = D::kIn, .text = "HTTP/1.1 200 OK"},
        {.number = 5,
         .direction = D::kIn,
         .kind = K::kData,
         .text = "[162 bytes data]"},
        {.number = 6,
         .direction = D::kIn,
         .kind = K::kData,
         .text = "[data not shown]"}}},
      {"IMAP replies after < stay whole",
       "< * OK [CAPABILITY IMAP4rev1] ready\r\n> A001 CAPABILITY\r\n",
       {{.number = 1,
         .direction = D::kIn,
         .text = "* OK [CAPABILITY IMAP4rev1] ready"},
        {.number = 2, .direction = D::kOut, .text = "A001 CAPABILITY"}}},
      {"old curl's message with a newline continues without prefix",
       "* CAfile: /etc/pki/tls/certs/ca-bundle.crt\n  CApath: none\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "CAfile: /etc/pki/tls/certs/ca-bundle.crt"},
        {.number = 2,
         .direction = D::kInfo,
         .text = "CApath: none",
         .notes = {"continues the line before"}}}},
  };
  for (const LinesCase& c : cases) CheckLinesCase(c);
}

TEST(LineReaderLayoutsTest, ReadsTimeIdsAndTraceTags) {
  const std::vector<LinesCase> cases = {
      {"-vv time, ids and a filter tag",
       "16:01:25.474337 [0-0] * [HTTPS-CONNECT] added\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "added",
         .tags = {"HTTPS-CONNECT"},
         .time = "16:01:25.474337",
         .transfer_id = 0,
         .connection_id = 0}}},
      {"no connection yet, a transfer state after MULTI",
       "16:01:25.659645 [5-x] * [MULTI] [INIT] -> [SETUP]\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "-> [SETUP]",
         .tags = {"MULTI", "INIT"},
         .time = "16:01:25.659645",
         .transfer_id = 5}}},
      {"an HTTP/2 stream number stays in the text",
       "* [HTTP/2] [1] OPENED stream for https://localhost:31443/\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "[1] OPENED stream for https://localhost:31443/",
         .tags = {"HTTP/2"}}}},
      {"a timer name after TIMER; a literal after DNS",
       "* [TIMER] [HAPPY_EYEBALLS] set for 200000ns\n"
       "* [DNS] [A+AAAA] cf_dns_start host localhost:31443\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "set for 200000ns",
         .tags = {"TIMER", "HAPPY_EYEBALLS"}},
        {.number = 2,
         .direction = D::kInfo,
         .text = "[A+AAAA] cf_dns_start host localhost:31443",
         .tags = {"DNS"}}}},
      {"lib-ids inside the payload, a socket index, an unknown bracket",
       "* [0-x] [READ] client_reset, clear readers\n* [TCP-1] connected\n"
       "* [CPOOL] added connection 0\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "client_reset, clear readers",
         .tags = {"READ"},
         .transfer_id = 0},
        {.number = 2,
         .direction = D::kInfo,
         .text = "connected",
         .tags = {"TCP-1"}},
        {.number = 3,
         .direction = D::kInfo,
         .text = "[CPOOL] added connection 0"}}},
      {"tool ids before == Info: and lib-ids after it",
       "[0-x] == Info: [0-x] [MULTI] [INIT] added to multi, mid=1\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "added to multi, mid=1",
         .tags = {"MULTI", "INIT"},
         .transfer_id = 0}}},
      {"ids alone, time alone, a timed data marker",
       "[3-1] < HTTP/1.1 200 OK\r\n12:00:00.000001 > GET / HTTP/1.1\r\n"
       "16:01:25.482347 [0-0] { [162 bytes data]\n",
       {{.number = 1,
         .direction = D::kIn,
         .text = "HTTP/1.1 200 OK",
         .transfer_id = 3,
         .connection_id = 1},
        {.number = 2,
         .direction = D::kOut,
         .text = "GET / HTTP/1.1",
         .time = "12:00:00.000001"},
        {.number = 3,
         .direction = D::kIn,
         .kind = K::kData,
         .text = "[162 bytes data]",
         .time = "16:01:25.482347",
         .transfer_id = 0,
         .connection_id = 0}}},
  };
  for (const LinesCase& c : cases) CheckLinesCase(c);
}

TEST(LineReaderLayoutsTest, ContinuesLibcurlRequestHeadWithoutPrefix) {
  CheckLinesCase(
      {"libcurl's own printer",
       "* Connected to example.com\n> GET / HTTP/1.1\r\nHost: example.com\r\n"
       "Accept: */*\r\n\r\n< HTTP/1.1 200 OK\r\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "Connected to example.com"},
        {.number = 2, .direction = D::kOut, .text = "GET / HTTP/1.1"},
        {.number = 3, .direction = D::kOut, .text = "Host: example.com"},
        {.number = 4, .direction = D::kOut, .text = "Accept: */*"},
        {.number = 5, .direction = D::kOut, .text = ""},
        {.number = 6, .direction = D::kIn, .text = "HTTP/1.1 200 OK"}}});
}

TEST(LineReaderLayoutsTest, ReadsTraceAscii) {
  const std::vector<LinesCase> cases = {
      {"a request head split into lines by dump row",
       "== Info: Connected to x\n=> Send header, 37 bytes (0x25)\n"
       "0000: GET / HTTP/1.1\n0010: Host: example.com\n0023: \n",
       {{.number = 1, .direction = D::kInfo, .text = "Connected to x"},
        {.number = 2,
         .direction = D::kOut,
         .kind = K::kNoise,
         .text = "=> Send header, 37 bytes (0x25)"},
        {.number = 3, .direction = D::kOut, .text = "GET / HTTP/1.1"},
        {.number = 4, .direction = D::kOut, .text = "Host: example.com"},
        {.number = 5, .direction = D::kOut, .text = ""}}},
      {"time and ids of the heading go to its lines",
       "12:29:00.327506 [0-0] <= Recv header, 13 bytes (0xd)\n"
       "0000: Server: gws\n12:29:00.328087 [0-0] * [WRITE] cw_out\n",
       {{.number = 1,
         .direction = D::kIn,
         .kind = K::kNoise,
         .text = "<= Recv header, 13 bytes (0xd)",
         .time = "12:29:00.327506",
         .transfer_id = 0,
         .connection_id = 0},
        {.number = 2,
         .direction = D::kIn,
         .text = "Server: gws",
         .time = "12:29:00.327506",
         .transfer_id = 0,
         .connection_id = 0},
        {.number = 3,
         .direction = D::kInfo,
         .text = "cw_out",
         .tags = {"WRITE"},
         .time = "12:29:00.328087",
         .transfer_id = 0,
         .connection_id = 0}}},
      {"data and TLS blocks become one line each",
       "<= Recv data, 20 bytes (0x14)\n0000: readme for ftp test.\n"
       "=> Send SSL data, 5 bytes (0x5)\n0000: .....\n"
       "<= Recv data, 0 bytes (0x0)\n",
       {{.number = 1,
         .direction = D::kIn,
         .kind = K::kData,
         .text = "[20 bytes data]",
         .line_count = 2},
        {.number = 3,
         .direction = D::kOut,
         .kind = K::kSslData,
         .text = "[5 bytes data]",
         .line_count = 2},
        {.number = 5,
         .direction = D::kIn,
         .kind = K::kData,
         .text = "[0 bytes data]"}}},
      {"a header longer than a row, a full row ending in CR LF",
       "<= Recv header, 72 bytes (0x48)\n0000: X-Long: " +
           std::string(56, 'a') + "\n0040: aaaaaa\n" +
           "<= Recv header, 66 bytes (0x42)\n0000: " + std::string(64, 'b') +
           "\n* done\n",
       {{.number = 1,
         .direction = D::kIn,
         .kind = K::kNoise,
         .text = "<= Recv header, 72 bytes (0x48)"},
        {.number = 2,
         .direction = D::kIn,
         .text = "X-Long: " + std::string(62, 'a'),
         .line_count = 2},
        {.number = 4,
         .direction = D::kIn,
         .kind = K::kNoise,
         .text = "<= Recv header, 66 bytes (0x42)"},
        {.number = 5, .direction = D::kIn, .text = std::string(64, 'b')},
        {.number = 6, .direction = D::kInfo, .text = "done"}}},
      {"a full row followed by two more bytes",
       "=> Send header, 66 bytes (0x42)\n0000: " + std::string(64, 'c') +
           "\n0040: xy\n",
       {{.number = 1,
         .direction = D::kOut,
         .kind = K::kNoise,
         .text = "=> Send header, 66 bytes (0x42)"},
        {.number = 2,
         .direction = D::kOut,
         .text = std::string(64, 'c') + "xy",
         .line_count = 2}}},
  };
  for (const LinesCase& c : cases) CheckLinesCase(c);
}

TEST(LineReaderLayoutsTest, ReadsTraceHex) {
  CheckLinesCase(
      {"header lines start mid-row",
       "=> Send header, 27 bytes (0x1b)\n" +
           HexRows("GET / HTTP/1.1\r\nHost: a\r\n\r\n") +
           "<= Recv data, 2 bytes (0x2)\n" + HexRows("hi"),
       {{.number = 1,
         .direction = D::kOut,
         .kind = K::kNoise,
         .text = "=> Send header, 27 bytes (0x1b)"},
        {.number = 2, .direction = D::kOut, .text = "GET / HTTP/1.1"},
        {.number = 3, .direction = D::kOut, .text = "Host: a"},
        {.number = 3, .direction = D::kOut, .text = "", .line_count = 0},
        {.number = 4,
         .direction = D::kIn,
         .kind = K::kData,
         .text = "[2 bytes data]",
         .line_count = 2}}});
}

TEST(LineReaderLayoutsTest, ReportsTheLayoutInForce) {
  std::istringstream in(
      "*   Trying 127.0.0.1...\n"
      "=> Send header, 2 bytes (0x2)\n" +
      HexRows("\r\n"));
  LineReader reader(in);
  LogLine line;
  ASSERT_TRUE(reader.Next(&line));
  EXPECT_EQ(reader.layout(), Layout::kVerbose);
  ASSERT_TRUE(reader.Next(&line));
  EXPECT_EQ(reader.layout(), Layout::kTraceHex);
  LineReader::Options forced;
  forced.layout = Layout::kPlain;
  std::istringstream again("* OK\n");
  LineReader plain(again, forced);
  ASSERT_TRUE(plain.Next(&line));
  EXPECT_EQ(plain.layout(), Layout::kPlain);
  EXPECT_EQ(line.text, "* OK");
}

TEST(LineReaderLayoutsTest, ReadsPlainCallbackText) {
  const std::vector<LinesCase> cases = {
      {"text lines lose their indent, header lines keep it",
       "  Trying 127.0.0.1:31587...\n220 mail ESMTP ready\r\n"
       " CAfile: /srv/ca.crt\n",
       {{.number = 1, .text = "Trying 127.0.0.1:31587..."},
        {.number = 2, .text = "220 mail ESMTP ready"},
        {.number = 3, .text = "CAfile: /srv/ca.crt"}}},
      {"an IMAP reply in a plain log keeps its star",
       "Connected to x (127.0.0.1) port 143\n"
       "* OK [CAPABILITY IMAP4rev1] ready\r\nA001 CAPABILITY\r\n",
       {{.number = 1, .text = "Connected to x (127.0.0.1) port 143"},
        {.number = 2, .text = "* OK [CAPABILITY IMAP4rev1] ready"},
        {.number = 3, .text = "A001 CAPABILITY"}}},
      {"any star line in a plain log keeps its star",
       "A001 LIST \"\" *\r\n* XLIST (\\HasNoChildren) \"/\" INBOX\r\n",
       {{.number = 1, .text = "A001 LIST \"\" *"},
        {.number = 2, .text = "* XLIST (\\HasNoChildren) \"/\" INBOX"}}},
      {"a star line that a -v log around it explains",
       "* OK [CAPABILITY IMAP4rev1] ready\n> A001 CAPABILITY\r\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "OK [CAPABILITY IMAP4rev1] ready"},
        {.number = 2, .direction = D::kOut, .text = "A001 CAPABILITY"}}},
      {"a star line nothing explains",
       "* OK ready\n",
       {{.number = 1,
         .text = "* OK ready",
         .notes = {"unclear: IMAP reply or curl info line"}}}},
      {"a forced plain layout takes no prefix off",
       "> GET / HTTP/1.1\r\n* Connected\n",
       {{.number = 1, .text = "> GET / HTTP/1.1"},
        {.number = 2, .text = "* Connected"}},
       Layout::kPlain},
  };
  for (const LinesCase& c : cases) CheckLinesCase(c);
}

TEST(LineReaderLayoutsTest, RemovesApplicationWrappers) {
  const std::vector<LinesCase> cases = {
      {"type words",
       "TEXT: Connected to x\nHEADER_OUT: GET / HTTP/1.1\n"
       "CURL_INFO_TEXT: \t server certificate verification OK\n"
       "[CURLINFO_HEADER_IN] HTTP/1.1 200 OK\n",
       {{.number = 1, .direction = D::kInfo, .text = "Connected to x"},
        {.number = 2, .direction = D::kOut, .text = "GET / HTTP/1.1"},
        {.number = 3,
         .direction = D::kInfo,
         .text = "server certificate verification OK"},
        {.number = 4, .direction = D::kIn, .text = "HTTP/1.1 200 OK"}}},
      {"a raw curl_infotype number",
       "cURL:type[2]-CONNECT host:443 HTTP/1.1\ncURL:type[1]-HTTP/1.1 407 "
       "Proxy Authentication Required\n",
       {{.number = 1,
         .direction = D::kOut,
         .text = "CONNECT host:443 HTTP/1.1"},
        {.number = 2,
         .direction = D::kIn,
         .text = "HTTP/1.1 407 Proxy Authentication Required"}}},
      {"Python bytes reprs, one holding a request head",
       "debug(0): b'  Trying 192.0.2.1:80...\\n'\n"
       "debug(2): b'GET / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n'\n",
       {{.number = 1, .direction = D::kInfo, .text = "Trying 192.0.2.1:80..."},
        {.number = 2, .direction = D::kOut, .text = "GET / HTTP/1.1"},
        {.number = 2, .direction = D::kOut, .text = "Host: x", .line_count = 0},
        {.number = 2, .direction = D::kOut, .text = "", .line_count = 0}}},
      {"a pycurl record split by its newline",
       "2015-05-27 13:02:06,829 - osbs.http - DEBUG - pycurl *: 'Trying "
       "192.0.2.233...\n'\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "Trying 192.0.2.233...",
         .line_count = 2}}},
      {"git's GIT_TRACE_CURL and GIT_TRACE_PACKET",
       "10:40:56.061521 http.c:868              == Info: Found bundle\n"
       "10:40:56.062495 http.c:815              => Send header, 0000000412 "
       "bytes (0x0000019c)\n"
       "10:40:56.062495 http.c:827              => Send header: Host: x\n"
       "10:40:56.061521 pkt-line.c:86           packet:          git< 0000\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "Found bundle",
         .time = "10:40:56.061521"},
        {.number = 2,
         .kind = K::kNoise,
         .text = "=> Send header, 0000000412 bytes (0x0000019c)",
         .time = "10:40:56.062495"},
        {.number = 3,
         .direction = D::kOut,
         .text = "Host: x",
         .time = "10:40:56.062495"},
        {.number = 4,
         .direction = D::kIn,
         .kind = K::kData,
         .text = "0000",
         .time = "10:40:56.061521"}}},
      {"logcat columns",
       "12-31 23:59:59.999  1234  5678 D libcurl : * Connected to x\n"
       "D/libcurl( 1234): > GET / HTTP/1.1\n",
       {{.number = 1, .direction = D::kInfo, .text = "Connected to x"},
        {.number = 2, .direction = D::kOut, .text = "GET / HTTP/1.1"}}},
      {"a test diff's line numbers",
       "006+ *   Trying 127.0.0.1:14430...\n007+ CURL ERROR: 58\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "Trying 127.0.0.1:14430..."},
        {.number = 2,
         .kind = K::kData,
         .text = "CURL ERROR: 58",
         .notes = {"line without curl prefix"}}}},
      {"markdown quote and code block",
       "> - Trying 203.0.113.158...\n>   GET /x HTTP/1.1\n\n"
       "    * Connected to x\n    < HTTP/1.1 200 OK\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "Trying 203.0.113.158...",
         .notes = {"markdown bullet read as '* '"}},
        {.number = 2,
         .text = "GET /x HTTP/1.1",
         .notes = {"markdown quote removed"}},
        {.number = 3, .kind = K::kNoise, .text = ""},
        {.number = 4,
         .direction = D::kInfo,
         .text = "Connected to x",
         .notes = {"markdown indentation removed"}},
        {.number = 5,
         .direction = D::kIn,
         .text = "HTTP/1.1 200 OK",
         .notes = {"markdown indentation removed"}}}},
  };
  for (const LinesCase& c : cases) CheckLinesCase(c);
}

TEST(LineReaderLayoutsTest, ReadsToolMessages) {
  const std::string help =
      "curl: (60) SSL certificate problem: self-signed certificate\n"
      "More details here: https://curl.se/docs/sslcerts.html\n\n"
      "curl failed to verify the legitimacy of the server and therefore "
      "could not\n"
      "establish a secure connection to it. To learn more about this "
      "situation and\n"
      "how to fix it, please visit the webpage mentioned above.\n";
  const std::vector<LinesCase> cases = {
      {"error, option error and warning",
       "curl: (6) Could not resolve host: x\n"
       "curl: option --max-time: expected a proper numerical parameter\n"
       "Warning: Got more output options than URLs\n"
       "Note: Using embedded CA bundle\n",
       {{.number = 1,
         .direction = D::kInfo,
         .kind = K::kToolMessage,
         .text = "curl: (6) Could not resolve host: x"},
        {.number = 2,
         .direction = D::kInfo,
         .kind = K::kToolMessage,
         .text = "curl: option --max-time: expected a proper numerical "
                 "parameter"},
        {.number = 3,
         .direction = D::kInfo,
         .kind = K::kToolMessage,
         .text = "Warning: Got more output options than URLs"},
        {.number = 4,
         .direction = D::kInfo,
         .kind = K::kToolMessage,
         .text = "Note: Using embedded CA bundle"}}},
      {"a warning wrapped over two lines",
       "Warning: Transient problem: timeout Will retry in 1 seconds. 3 "
       "retries \nWarning: left.\n",
       {{.number = 1,
         .direction = D::kInfo,
         .kind = K::kToolMessage,
         .text = "Warning: Transient problem: timeout Will retry in 1 "
                 "seconds. 3 retries left.",
         .notes = {"wrapped lines joined"},
         .line_count = 2}}},
      {"the help text after a certificate error",
       help,
       {{.number = 1,
         .direction = D::kInfo,
         .kind = K::kToolMessage,
         .text = "curl: (60) SSL certificate problem: self-signed "
                 "certificate"},
        {.number = 2,
         .direction = D::kInfo,
         .kind = K::kToolMessage,
         .text = "More details here: https://curl.se/docs/sslcerts.html "
                 "curl failed to verify the legitimacy of the server and "
                 "therefore could not establish a secure connection to it. "
                 "To learn more about this situation and how to fix it, "
                 "please visit the webpage mentioned above.",
         .line_count = 5}}},
      {"an HTTP Warning header in a plain log",
       "Warning: 110 - \"Response is stale\"\n",
       {{.number = 1, .text = "Warning: 110 - \"Response is stale\""}}},
  };
  for (const LinesCase& c : cases) CheckLinesCase(c);
}

}  // namespace
}  // namespace curlexplain
