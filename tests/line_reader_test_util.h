// Helpers shared by the line reader's tests.
#ifndef CURLEXPLAIN_TESTS_LINE_READER_TEST_UTIL_H_
#define CURLEXPLAIN_TESTS_LINE_READER_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "curlexplain/line_reader.h"
#include "curlexplain/log_line.h"

namespace curlexplain::reader_testing {

// Reads every line of `input`.
inline std::vector<LogLine> ReadAll(std::string_view input,
                                    LineReader::Options options = {}) {
  std::istringstream in{std::string(input)};
  LineReader reader(in, options);
  std::vector<LogLine> lines;
  LogLine line;
  while (reader.Next(&line)) lines.push_back(line);
  return lines;
}

// Returns the bytes of tests/data/logs/`name`; fails the test when the file
// is missing.
inline std::string ReadLog(const std::string& name) {
  std::string path = std::string(CURLEXPLAIN_TEST_DATA_DIR) + "/logs/" + name;
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "missing test log " << path;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Formats `bytes` as the rows of a --trace (hex) dump, as curl does.
inline std::string HexRows(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < bytes.size(); i += 16) {
    std::string offset;
    for (size_t v = i; v > 0 || offset.size() < 4; v /= 16) {
      offset.insert(offset.begin(), kDigits[v % 16]);
    }
    out += offset + ": ";
    std::string text;
    for (size_t c = 0; c < 16; ++c) {
      if (i + c >= bytes.size()) {
        out += "   ";
        continue;
      }
      unsigned char b = static_cast<unsigned char>(bytes[i + c]);
      out += {kDigits[b >> 4], kDigits[b & 15], ' '};
      text += b >= 0x20 && b < 0x7F ? char(b) : '.';
    }
    out += text + "\n";
  }
  return out;
}

// What a test expects of one LogLine. Fields left at their defaults are
// expected at their defaults too, so each case states the whole line.
struct Want {
  int64_t number = 0;
  Direction direction = Direction::kUnknown;
  LineKind kind = LineKind::kText;
  std::string text;
  std::vector<std::string> tags = {};
  std::optional<std::string> time = std::nullopt;
  std::optional<int64_t> transfer_id = std::nullopt;
  std::optional<int64_t> connection_id = std::nullopt;
  std::vector<std::string> notes = {};
  int64_t line_count = 1;
};

inline void ExpectLine(const LogLine& got, const Want& want) {
  EXPECT_EQ(got.number, want.number);
  EXPECT_EQ(DirectionName(got.direction), DirectionName(want.direction));
  EXPECT_EQ(LineKindName(got.kind), LineKindName(want.kind));
  EXPECT_EQ(got.text, want.text);
  EXPECT_EQ(got.tags, want.tags);
  EXPECT_EQ(got.time, want.time);
  EXPECT_EQ(got.transfer_id, want.transfer_id);
  EXPECT_EQ(got.connection_id, want.connection_id);
  EXPECT_EQ(got.notes, want.notes);
  EXPECT_EQ(got.line_count, want.line_count);
}

// A table case: an input and every line it must give, in order.
struct LinesCase {
  std::string name;
  std::string input;
  std::vector<Want> want;
  Layout layout = Layout::kAuto;
};

inline void CheckLinesCase(const LinesCase& c) {
  SCOPED_TRACE(c.name);
  LineReader::Options options;
  options.layout = c.layout;
  std::vector<LogLine> got = ReadAll(c.input, options);
  ASSERT_EQ(got.size(), c.want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    SCOPED_TRACE("line " + std::to_string(i) + ": " + got[i].raw);
    ExpectLine(got[i], c.want[i]);
  }
}

}  // namespace curlexplain::reader_testing

#endif  // CURLEXPLAIN_TESTS_LINE_READER_TEST_UTIL_H_
