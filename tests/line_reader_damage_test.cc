// The line reader on damaged input: progress meters, binary bytes, cut and
// overlong lines, broken encodings, logs that start or end mid-block.
#include <gtest/gtest.h>

#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

#include "line_reader_test_util.h"

namespace curlexplain {
namespace {

using reader_testing::CheckLinesCase;
using reader_testing::LinesCase;
using reader_testing::ReadAll;
using D = Direction;
using K = LineKind;
using namespace std::string_literals;

// Progress meter rows as curl 7.88 and curl 8.22 draw them.
const std::string kClassicRow =
    "  0     0    0     0    0     0      0      0 --:--:-- --:--:-- "
    "--:--:--     0";
const std::string kClassicDone =
    "100   162  100   162    0     0  96832      0 --:--:-- --:--:-- "
    "--:--:--  158k";
const std::string kCompactRow =
    "  0      0   0      0   0      0      0      0                     "
    "         0";
const std::string kHeading =
    "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  "
    "Current";
const std::string kSubheading =
    "                                 Dload  Upload   Total   Spent    Left  "
    "Speed";
const std::string kParallelRow =
    "--  --      0     0     3     3  --:--:-- --:--:-- --:--:--     0      ";
const std::string kBar =
    "######################################################################## "
    "100.0%";

TEST(LineReaderDamageTest, RemovesProgressMeters) {
  const std::string progress = "progress meter removed";
  const std::vector<LinesCase> cases = {
      {"headings and redrawn rows are noise",
       kHeading + "\n" + kSubheading + "\n\r" + kClassicRow + "\r" +
           kClassicDone + "\n",
       {{.number = 1, .kind = K::kNoise, .text = kHeading},
        {.number = 2, .kind = K::kNoise, .text = kSubheading},
        {.number = 3, .kind = K::kNoise, .text = kClassicDone}}},
      {"a verbose line glued after a row",
       "\r" + kClassicRow + "*   Trying 127.0.0.1:31025...\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "Trying 127.0.0.1:31025...",
         .notes = {progress}}}},
      {"curl 8.22's narrower row",
       "\r" + kCompactRow + "* Connected to x\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "Connected to x",
         .notes = {progress}}}},
      {"a -vv line starting with digits after a row",
       kClassicRow + "16:01:25.474337 [0-0] * added\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "added",
         .time = "16:01:25.474337",
         .transfer_id = 0,
         .connection_id = 0,
         .notes = {progress}}}},
      {"two redraws before the glued line",
       "\r" + kClassicRow + "\r" + kClassicRow +
           "* Operation timed out after 3002 milliseconds\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "Operation timed out after 3002 milliseconds",
         .notes = {progress}}}},
      {"the parallel meter pads before the glued line",
       "DL% UL%  Dled  Uled  Xfers  Live Total     Current  Left    Speed\n"
       "\r" +
           kParallelRow + "* Connected to x\n",
       {{.number = 1,
         .kind = K::kNoise,
         .text = "DL% UL%  Dled  Uled  Xfers  Live Total     Current  Left    "
                 "Speed"},
        {.number = 2,
         .direction = D::kInfo,
         .text = "Connected to x",
         .notes = {progress}}}},
      {"the progress bar",
       "\r" + kBar + "\r" + kBar + "\n\r" + kBar + "* Closing connection\n",
       {{.number = 1, .kind = K::kNoise, .text = kBar},
        {.number = 2,
         .direction = D::kInfo,
         .text = "Closing connection",
         .notes = {progress}}}},
  };
  for (const LinesCase& c : cases) CheckLinesCase(c);
}

TEST(LineReaderDamageTest, MarksOutputBetweenLogLines) {
  const std::string no_prefix = "line without curl prefix";
  const std::vector<LinesCase> cases = {
      {"a response body on the same terminal",
       "< HTTP/1.1 200 OK\r\n< \r\n<!DOCTYPE html>\n\n* Connection left\n",
       {{.number = 1, .direction = D::kIn, .text = "HTTP/1.1 200 OK"},
        {.number = 2, .direction = D::kIn, .text = ""},
        {.number = 3,
         .kind = K::kData,
         .text = "<!DOCTYPE html>",
         .notes = {no_prefix}},
        {.number = 4, .kind = K::kNoise, .text = ""},
        {.number = 5, .direction = D::kInfo, .text = "Connection left"}}},
      {"TLS junk on the same terminal",
       "* Connected\n\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\n"s,
       {{.number = 1, .direction = D::kInfo, .text = "Connected"},
        {.number = 2,
         .kind = K::kData,
         .text = "\x16\x03\x01\x02\xEF\xBF\xBD\x01\xEF\xBF\xBD\x01\xEF\xBF\xBD"
                 "\x03\x03",
         .notes = {no_prefix, "binary data", "NUL bytes replaced",
                   "invalid UTF-8"}}}},
      {"binary protocol bytes in a header line",
       "* Using client id 'curlee40e32a'\n> \x10\x18\x00\x04MQTT\n"s,
       {{.number = 1,
         .direction = D::kInfo,
         .text = "Using client id 'curlee40e32a'"},
        {.number = 2,
         .direction = D::kOut,
         .kind = K::kData,
         .text = "\x10\x18\xEF\xBF\xBD\x04MQTT",
         .notes = {"binary data", "NUL bytes replaced"}}}},
  };
  for (const LinesCase& c : cases) CheckLinesCase(c);
}

TEST(LineReaderDamageTest, NotesLinesCurlCut) {
  std::string message = std::string(2040, 'a') + "...";
  CheckLinesCase({"a message that filled curl's buffer",
                  "* " + message + "\n* [HTTP/2] short...\n",
                  {{.number = 1,
                    .direction = D::kInfo,
                    .text = message,
                    .notes = {"cut at 2048 bytes by curl"}},
                   {.number = 2,
                    .direction = D::kInfo,
                    .text = "short...",
                    .tags = {"HTTP/2"}}}});
}

TEST(LineReaderDamageTest, RepairsEncodings) {
  const std::vector<LinesCase> cases = {
      {"CR LF, LF and a last line without ending",
       "< 220 ready\r\n* Connected\n> QUIT",
       {{.number = 1, .direction = D::kIn, .text = "220 ready"},
        {.number = 2, .direction = D::kInfo, .text = "Connected"},
        {.number = 3, .direction = D::kOut, .text = "QUIT"}}},
      {"NUL bytes",
       "* abc\0def\n"s,
       {{.number = 1,
         .direction = D::kInfo,
         .text = "abc\xEF\xBF\xBD"
                 "def",
         .notes = {"NUL bytes replaced"}}}},
      {"invalid UTF-8",
       "< X-Name: caf\xE9\r\n< X-Ok: caf\xC3\xA9\r\n",
       {{.number = 1,
         .direction = D::kIn,
         .text = "X-Name: caf\xEF\xBF\xBD",
         .notes = {"invalid UTF-8"}},
        {.number = 2, .direction = D::kIn, .text = "X-Ok: caf\xC3\xA9"}}},
      {"a CR inside a line",
       "* one\rtwo\n\r\r\n",
       {{.number = 1,
         .direction = D::kInfo,
         .text = "one\rtwo",
         .notes = {"carriage return inside line"}},
        {.number = 2, .kind = K::kNoise, .text = ""}}},
  };
  for (const LinesCase& c : cases) CheckLinesCase(c);
}

TEST(LineReaderDamageTest, KeepsInvalidBytesInRaw) {
  std::vector<LogLine> lines = ReadAll("< X-Name: caf\xE9\r\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].raw, "< X-Name: caf\xE9");
}

TEST(LineReaderDamageTest, CutsLinesOverTheLimit) {
  LineReader::Options options;
  options.max_line_bytes = 16;
  std::vector<LogLine> lines =
      ReadAll("* 0123456789abcdefghij\r\n* next\n", options);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].raw, "* 0123456789abcd");
  EXPECT_EQ(lines[0].text, "0123456789abcd");
  EXPECT_EQ(lines[0].notes, std::vector<std::string>{"cut to 16 of 22 bytes"});
  EXPECT_EQ(lines[1].number, 2);
  EXPECT_EQ(lines[1].text, "next");
}

TEST(LineReaderDamageTest, KeepsMemoryWithinTheLimitOnAHugeLine) {
  std::string huge = "* " + std::string(10 * 1024 * 1024, 'a') + "\n* after\n";
  std::vector<LogLine> lines = ReadAll(huge);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].raw.size(), 64u * 1024);
  EXPECT_LE(lines[0].text.capacity(), 2u * 64 * 1024);
  EXPECT_EQ(lines[0].notes,
            std::vector<std::string>{"cut to 65536 of 10485762 bytes"});
  EXPECT_EQ(lines[1].number, 2);
  EXPECT_EQ(lines[1].text, "after");
}

TEST(LineReaderDamageTest, ReadsNothingFromEmptyInput) {
  EXPECT_TRUE(ReadAll("").empty());
  std::vector<LogLine> one = ReadAll("\n");
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].text, "");
}

TEST(LineReaderDamageTest, ReadsLogsCutMidBlock) {
  const std::vector<LinesCase> cases = {
      {"a log that starts inside a dump",
       "0040: ..3G0.>.<.......,.0\n0080: <.5./...w\n== Info: Connected\n",
       {{.number = 1,
         .kind = K::kData,
         .text = "..3G0.>.<.......,.0",
         .notes = {"dump row without heading"}},
        {.number = 2,
         .kind = K::kData,
         .text = "<.5./...w",
         .notes = {"dump row without heading"}},
        {.number = 3, .direction = D::kInfo, .text = "Connected"}}},
      {"a log that ends inside a dump",
       "=> Send SSL data, 512 bytes (0x200)\n0000: " + std::string(64, '.') +
           "\n<= Recv header, 100 bytes (0x64)\n0000: HTTP/1.1 200 OK\n",
       {{.number = 1,
         .direction = D::kOut,
         .kind = K::kSslData,
         .text = "[512 bytes data]",
         .notes = {"dump ends early: 64 of 512 bytes"},
         .line_count = 2},
        {.number = 3,
         .direction = D::kIn,
         .kind = K::kNoise,
         .text = "<= Recv header, 100 bytes (0x64)",
         .notes = {"dump ends early: 15 of 100 bytes"}},
        {.number = 4, .direction = D::kIn, .text = "HTTP/1.1 200 OK"}}},
      {"a request head cut before its blank line",
       "> GET / HTTP/1.1\r\n> Host: x\r\n",
       {{.number = 1, .direction = D::kOut, .text = "GET / HTTP/1.1"},
        {.number = 2, .direction = D::kOut, .text = "Host: x"}}},
  };
  for (const LinesCase& c : cases) CheckLinesCase(c);
}

// Hands out its text one byte per read and counts what it handed out, the
// way a pipe from a running curl delivers it.
class TrickleBuffer : public std::streambuf {
 public:
  explicit TrickleBuffer(std::string text) : text_(std::move(text)) {}
  size_t served() const { return served_; }

 protected:
  int_type underflow() override {
    if (served_ >= text_.size()) return traits_type::eof();
    current_ = text_[served_++];
    setg(&current_, &current_, &current_ + 1);
    return traits_type::to_int_type(current_);
  }

 private:
  std::string text_;
  size_t served_ = 0;
  char current_ = 0;
};

TEST(LineReaderDamageTest, ReadsNoFurtherThanTheLineAskedFor) {
  const std::string first = "*   Trying 127.0.0.1:80...\n";
  const std::string block =
      "=> Send header, 16 bytes (0x10)\n0000: GET / HTTP/1.1\n";
  TrickleBuffer buffer(first + block + "* Connected\n");
  std::istream in(&buffer);
  LineReader reader(in);
  LogLine line;
  ASSERT_TRUE(reader.Next(&line));
  EXPECT_EQ(buffer.served(), first.size());
  ASSERT_TRUE(reader.Next(&line));
  EXPECT_EQ(line.kind, LineKind::kNoise);
  EXPECT_EQ(buffer.served(), first.size() + block.size());
}

}  // namespace
}  // namespace curlexplain
