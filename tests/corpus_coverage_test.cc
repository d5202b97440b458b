// How much of the real logs in tests/data/logs the shipped rules explain
// with specific rules (not only a fallback), by protocol group.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "golden_session.h"

namespace curlexplain {
namespace {

struct Coverage {
  int64_t lines = 0;
  int64_t explained = 0;
  std::string unexplained;  // the first few, for the failure message
};

// Explains every log in tests/data/logs/local whose name contains one of
// `topics` and adds up the lines.
Coverage Measure(const std::vector<std::string>& topics, int expected_logs) {
  Coverage coverage;
  int logs = 0;
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(
           testing::DataPath("logs/local"))) {
    paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const std::filesystem::path& path : paths) {
    std::string name = path.filename().string();
    bool wanted = path.extension() == ".log" &&
                  std::any_of(topics.begin(), topics.end(),
                              [&](const std::string& topic) {
                                return name.find(topic) != std::string::npos;
                              });
    if (!wanted) continue;
    ++logs;
    testing::ExplainedLog log = testing::ExplainFile("logs/local/" + name);
    coverage.lines += log.summary.lines;
    coverage.explained += log.summary.explained;
    for (const Explanation& e : log.lines) {
      if (!e.explained && coverage.unexplained.size() < 2000) {
        coverage.unexplained += name + ":" + std::to_string(e.number) + ": " +
                                e.text + "\n";
      }
    }
  }
  EXPECT_EQ(logs, expected_logs) << "a corpus log is missing";
  return coverage;
}

double Share(const Coverage& coverage) {
  return coverage.lines == 0
             ? 0
             : static_cast<double>(coverage.explained) / coverage.lines;
}

TEST(CorpusCoverageTest, SmtpLogsAtLeast95Percent) {
  Coverage smtp = Measure({"-smtp"}, 12);
  EXPECT_GE(Share(smtp), 0.95) << smtp.explained << " of " << smtp.lines
                               << "\n" << smtp.unexplained;
}

TEST(CorpusCoverageTest, HttpLogsAtLeast95Percent) {
  Coverage http = Measure({"-http", "-could-not-resolve"}, 41);
  EXPECT_GE(Share(http), 0.95) << http.explained << " of " << http.lines
                               << "\n" << http.unexplained;
}

TEST(CorpusCoverageTest, MailAndFileLogsAtLeast95Percent) {
  Coverage other = Measure({"-imap", "-pop3", "-ftp", "-socks", "-tftp",
                            "-dict", "-file-url", "-mqtt"},
                           27);
  EXPECT_GE(Share(other), 0.95) << other.explained << " of " << other.lines
                                << "\n" << other.unexplained;
}

}  // namespace
}  // namespace curlexplain
