#include <fmt/format.h>

#include "curlexplain/reporter.h"
#include "curlexplain/words.h"

namespace curlexplain {
namespace {

// Returns `text` as Markdown inline code, with a fence longer than any run
// of backticks inside it.
std::string Code(std::string_view text) {
  std::string printable = Printable(text);
  size_t longest = 0;
  size_t run = 0;
  for (char c : printable) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  std::string pad = printable.empty() || printable.front() == '`' ||
                            printable.back() == '`'
                        ? " "
                        : "";
  return fence + pad + printable + pad + fence;
}

// Escapes the characters that would start Markdown markup inside prose.
std::string Prose(std::string_view text) {
  std::string out;
  for (char c : Printable(text)) {
    if (std::string_view("\\`*_[]<>|#").find(c) != std::string_view::npos) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

const char* Mark(const Explanation& e) {
  switch (e.direction) {
    case Direction::kIn:
      return "< ";
    case Direction::kOut:
      return "> ";
    case Direction::kInfo:
      return "* ";
    case Direction::kUnknown:
      return "";
  }
  return "";
}

class MarkdownReporter : public Reporter {
 public:
  MarkdownReporter(std::ostream& out, const RuleSet& rules)
      : out_(out), words_(rules) {}

  void BeginLog(std::string_view name) override {
    out_ << "## " << Prose(name) << "\n\n";
  }

  void Line(const Explanation& e) override {
    out_ << fmt::format("**{}** {}\n\n", e.number,
                        Code(std::string(Mark(e)) + e.text));
    if (e.rule == nullptr) {
      out_ << "*" << Prose(words_.Get("not_explained")) << "*\n\n";
      return;
    }
    std::string label;
    if (e.severity != Severity::kInfo) {
      label = fmt::format(
          "**{}:** ",
          words_.Get("severity." + std::string(SeverityName(e.severity))));
    }
    out_ << label << Prose(e.message) << "\n\n";
    if (!e.hint.empty()) {
      out_ << "> **" << Prose(words_.Get("hint")) << "** " << Prose(e.hint)
           << "\n\n";
    }
    out_.flush();
  }

  void EndLog(const Summary& s) override {
    out_ << "### " << Prose(words_.Get("summary.heading")) << "\n\n";
    out_ << fmt::format("{}: {}, {}, {}.\n\n",
                        words_.Count("summary.lines", s.lines),
                        words_.Count("summary.explained", s.explained),
                        words_.Count("summary.fallback", s.fallback),
                        words_.Count("summary.unexplained", s.unexplained));
    for (const SummaryItem& item : s.diagnoses) {
      out_ << "- " << Prose(item.message);
      if (!item.hint.empty()) {
        out_ << " *" << Prose(words_.Get("hint")) << "* " << Prose(item.hint);
      }
      out_ << "\n";
    }
    out_ << "\n";
    out_.flush();
  }

 private:
  std::ostream& out_;
  Words words_;
};

}  // namespace

std::unique_ptr<Reporter> MakeMarkdownReporter(std::ostream& out,
                                               const RuleSet& rules) {
  return std::make_unique<MarkdownReporter>(out, rules);
}

}  // namespace curlexplain
