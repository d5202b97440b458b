// Runs the worked example of docs/writing-rules.md as a reader would: writes
// each file the page shows, runs each command, and checks that the output
// the page shows appears. In shown output, "..." stands for any text within
// a line, and a line of just "..." for any number of lines.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "test_util.h"

namespace curlexplain {
namespace {

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// Returns whether `actual` fits `expected`, where "..." matches any text.
bool LineFits(const std::string& expected, const std::string& actual) {
  std::vector<std::string> pieces;
  size_t start = 0;
  for (size_t at; (at = expected.find("...", start)) != std::string::npos;) {
    pieces.push_back(expected.substr(start, at - start));
    start = at + 3;
  }
  pieces.push_back(expected.substr(start));
  if (pieces.size() == 1) return expected == actual;
  if (actual.rfind(pieces.front(), 0) != 0) return false;
  size_t pos = pieces.front().size();
  for (size_t i = 1; i + 1 < pieces.size(); ++i) {
    pos = actual.find(pieces[i], pos);
    if (pos == std::string::npos) return false;
    pos += pieces[i].size();
  }
  const std::string& last = pieces.back();
  return actual.size() >= pos + last.size() &&
         actual.compare(actual.size() - last.size(), last.size(), last) == 0;
}

// Returns "" when the shown output fits the actual output, else the first
// shown line that does not.
std::string Mismatch(const std::vector<std::string>& shown,
                     const std::vector<std::string>& actual) {
  size_t a = 0;
  bool skipping = false;
  for (const std::string& line : shown) {
    if (line == "...") {
      skipping = true;
      continue;
    }
    while (a < actual.size() && !LineFits(line, actual[a]) && skipping) ++a;
    if (a >= actual.size() || !LineFits(line, actual[a])) return line;
    ++a;
    skipping = false;
  }
  while (a < actual.size() && actual[a].empty()) ++a;
  return skipping || a == actual.size() ? "" : "(more output than shown)";
}


class WorkedExample {
 public:
  WorkedExample() {
    std::filesystem::create_directories(dir_ / "home");
    std::filesystem::create_directories(dir_ / "work");
  }

  void WriteFile(std::string name, const std::string& content) {
    if (name.rfind("~/", 0) == 0) {
      name = "home/" + name.substr(2);
    } else {
      name = "work/" + name;
    }
    dir_.Write(name, content);
  }

  void RunConsole(const std::vector<std::string>& lines) {
    std::string command;
    std::vector<std::string> shown;
    for (const std::string& line : lines) {
      if (line.rfind("$ ", 0) == 0) {
        if (!command.empty()) Check(command, shown);
        command = line.substr(2);
        shown.clear();
      } else {
        shown.push_back(line);
      }
    }
    if (!command.empty()) Check(command, shown);
  }

 private:
  void Check(const std::string& command,
             const std::vector<std::string>& shown) {
    SCOPED_TRACE(command);
    std::string binary_dir =
        std::filesystem::path(CURLEXPLAIN_BINARY).parent_path().string();
    std::string shell = "cd '" + dir_ / "work" + "' && env -u XDG_CONFIG_HOME"
                        " HOME='" + dir_ / "home" + "' LC_ALL=C LANGUAGE="
                        " SOURCE_DATE_EPOCH=1767225600 PATH='" + binary_dir +
                        "':\"$PATH\" " + command + " 2>&1";
    std::string output = testing::Capture(shell);
    EXPECT_EQ(Mismatch(shown, SplitLines(output)), "") << output;
  }

  testing::TempDir dir_;
};

TEST(DocsExampleTest, WorkedExampleRunsAsWritten) {
  std::string page = testing::ReadAll(std::string(CURLEXPLAIN_DOCS_DIR) +
                                      "/writing-rules.md");
  size_t start = page.find("## Worked example");
  ASSERT_NE(start, std::string::npos);
  std::vector<std::string> lines = SplitLines(page.substr(start));
  WorkedExample example;
  int blocks = 0;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("```", 0) != 0 || lines[i] == "```") continue;
    std::string info = lines[i].substr(3);
    std::vector<std::string> body;
    for (++i; i < lines.size() && lines[i] != "```"; ++i) {
      body.push_back(lines[i]);
    }
    ++blocks;
    size_t file = info.find(" file=");
    if (file != std::string::npos) {
      std::string content;
      for (const std::string& line : body) content += line + "\n";
      example.WriteFile(info.substr(file + 6), content);
    } else if (info == "console") {
      example.RunConsole(body);
    }
  }
  EXPECT_GE(blocks, 5);
}

}  // namespace
}  // namespace curlexplain
