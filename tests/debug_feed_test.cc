#include "curlexplain/debug_feed.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "golden_session.h"

namespace curlexplain {
namespace {

TEST(DebugFeedTest, SplitsHeaderBlocksIntoLines) {
  DebugFeed feed;
  std::vector<LogLine> lines =
      feed.Add(2, "GET / HTTP/1.1\r\nHost: example.test\r\n\r\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "GET / HTTP/1.1");
  EXPECT_EQ(lines[0].direction, Direction::kOut);
  EXPECT_EQ(lines[0].raw, "> GET / HTTP/1.1");
  EXPECT_EQ(lines[1].text, "Host: example.test");
  EXPECT_EQ(lines[2].text, "");
  EXPECT_EQ(lines[2].number, 3);
}

TEST(DebugFeedTest, JoinsTextSplitOverEvents) {
  DebugFeed feed;
  EXPECT_TRUE(feed.Add(0, "  Trying 127.0.0.1").empty());
  std::vector<LogLine> lines = feed.Add(0, ":25...\n");
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "Trying 127.0.0.1:25...");
  EXPECT_EQ(lines[0].direction, Direction::kInfo);
}

TEST(DebugFeedTest, DataBecomesMarkerLine) {
  DebugFeed feed;
  std::vector<LogLine> lines = feed.Add(5, std::string(517, 'x'));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "[517 bytes data]");
  EXPECT_EQ(lines[0].kind, LineKind::kSslData);
  EXPECT_EQ(lines[0].direction, Direction::kIn);
}

TEST(DebugFeedTest, FlushReturnsUnfinishedLine) {
  DebugFeed feed;
  feed.Add(1, "250 OK");
  std::vector<LogLine> lines = feed.Flush();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "250 OK");
  EXPECT_TRUE(feed.Flush().empty());
}

TEST(DebugFeedTest, EventsExplainLikeALog) {
  const LoadResult& packs = testing::ShippedPacks();
  ASSERT_TRUE(packs.ok());
  ExplainOptions options;
  options.reference_time = testing::kGoldenTime;
  Explainer explainer(packs.rules, options);
  DebugFeed feed;
  std::vector<Explanation> out;
  for (const auto& [type, data] :
       std::vector<std::pair<int, std::string>>{
           {1, "220 mail.example.test ESMTP\r\n"},
           {2, "EHLO client\r\n"},
           {1, "250-mail.example.test\r\n"},
           {1, "250-SIZE 104857600\r\n"}}) {
    for (const LogLine& line : feed.Add(type, data)) {
      out.push_back(explainer.Explain(line));
    }
  }
  ASSERT_EQ(out.size(), 4u);
  EXPECT_TRUE(out[3].explained);
  EXPECT_NE(out[3].message.find("100 MiB"), std::string::npos);
}

}  // namespace
}  // namespace curlexplain
