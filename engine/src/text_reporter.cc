#include <fmt/format.h>

#include <filesystem>
#include <sstream>

#include "curlexplain/reporter.h"
#include "curlexplain/template.h"
#include "curlexplain/words.h"

namespace curlexplain {
namespace {

constexpr int kIndent = 7;

const char* DirectionMark(const Explanation& e) {
  if (e.kind == LineKind::kToolMessage) return "!";
  bool data = e.kind == LineKind::kData || e.kind == LineKind::kSslData;
  switch (e.direction) {
    case Direction::kIn:
      return data ? "{" : "<";
    case Direction::kOut:
      return data ? "}" : ">";
    case Direction::kInfo:
      return "*";
    case Direction::kUnknown:
      return " ";
  }
  return " ";
}

// Breaks `text` into lines of at most `width` columns. The first line
// starts after `indent` spaces, the others after `hanging` spaces.
std::string Wrap(std::string_view text, int indent, int width,
                 int hanging = -1) {
  if (hanging < 0) hanging = indent;
  std::string out;
  std::string line;
  std::istringstream words{std::string(text)};
  std::string word;
  std::string pad(static_cast<size_t>(indent), ' ');
  size_t room = static_cast<size_t>(std::max(20, width - indent));
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > room) {
      out += pad + line + "\n";
      line.clear();
      pad.assign(static_cast<size_t>(hanging), ' ');
      room = static_cast<size_t>(std::max(20, width - hanging));
    }
    line += (line.empty() ? "" : " ") + word;
  }
  if (!line.empty()) out += pad + line + "\n";
  return out;
}

class TextReporter : public Reporter {
 public:
  TextReporter(std::ostream& out, const RuleSet& rules,
               TextReportOptions options)
      : out_(out), rules_(rules), options_(options) {}

  void BeginLog(std::string_view name) override {
    out_ << Paint("1", fmt::format("== {} ==", Printable(name))) << "\n";
  }

  void Line(const Explanation& e) override {
    out_ << fmt::format("{:>5} {} {}\n", e.number, DirectionMark(e),
                        Printable(e.text));
    for (const std::string& note : e.notes) {
      out_ << Paint("2", Wrap("[" + note + "]", kIndent, options_.width));
    }
    if (e.rule == nullptr) {
      out_ << Paint("2", Wrap(words_.Get("not_explained"), kIndent,
                              options_.width));
    } else {
      WriteExplanation(e);
    }
    if (options_.why) WriteCandidates(e);
    out_.flush();
  }

  void EndLog(const Summary& s) override {
    out_ << "\n" << Paint("1", words_.Get("summary.heading")) << "\n";
    std::string counts = fmt::format(
        "{}: {}, {}, {}. {}, {}, {}.", words_.Count("summary.lines", s.lines),
        words_.Count("summary.explained", s.explained),
        words_.Count("summary.fallback", s.fallback),
        words_.Count("summary.unexplained", s.unexplained),
        words_.Count("summary.errors", s.errors),
        words_.Count("summary.warnings", s.warnings),
        words_.Count("summary.notes", s.notes));
    out_ << Wrap(counts, 2, options_.width);
    if (s.first_problem) {
      out_ << Wrap(words_.Format("summary.first_problem",
                                 {{"line", std::to_string(s.first_problem->line)}}),
                   2, options_.width);
      out_ << Wrap(Printable(s.first_problem->message), 4, options_.width);
    }
    for (const SummaryItem& item : s.diagnoses) {
      out_ << Wrap("- " + Labelled(item.severity, Printable(item.message)), 2,
                   options_.width, 4);
      if (!item.hint.empty()) {
        out_ << Wrap(words_.Get("hint") + " " + Printable(item.hint), 4,
                     options_.width);
      }
    }
    out_ << "\n";
    out_.flush();
  }

 private:
  void WriteExplanation(const Explanation& e) {
    std::string message = Labelled(e.severity, Printable(e.message));
    if (!e.explained) message += " " + words_.Get("generic");
    if (!e.language.empty() && e.language != rules_.language) {
      message += " " + words_.Format("fell_back", {{"language", e.language}});
    }
    out_ << Wrap(message, kIndent, options_.width);
    if (!e.hint.empty()) {
      out_ << Wrap(words_.Get("hint") + " " + Printable(e.hint), kIndent,
                   options_.width);
    }
    for (const std::string& problem : e.problems) {
      out_ << Paint("2", Wrap("[" + Printable(problem) + "]", kIndent,
                              options_.width));
    }
  }

  void WriteCandidates(const Explanation& e) {
    if (e.candidates.empty()) {
      out_ << Paint("2", Wrap("why: no rule's pattern matches", kIndent,
                              options_.width));
    }
    for (const Candidate& c : e.candidates) {
      out_ << Paint("2", Wrap(fmt::format("why: {} ({}:{}): {}", c.rule->id,
                                          ShortPath(c.rule->position.file),
                                          c.rule->position.line, c.reason),
                              kIndent, options_.width));
    }
  }

  // Returns `file` relative to the folder that contains its pack ("en/smtp.yaml"),
  // so that output does not depend on where the program is installed.
  std::string ShortPath(const std::string& file) const {
    for (const PackInfo& pack : rules_.packs) {
      std::string parent =
          std::filesystem::path(pack.directory).parent_path().string() + "/";
      if (file.rfind(parent, 0) == 0) return file.substr(parent.size());
    }
    return file;
  }

  std::string Labelled(Severity severity, const std::string& message) {
    if (severity == Severity::kInfo) return message;
    std::string name(SeverityName(severity));
    std::string label = words_.Get("severity." + name) + ":";
    const char* color = severity == Severity::kError     ? "31"
                        : severity == Severity::kWarning ? "33"
                                                         : "36";
    return Paint(color, label) + " " + message;
  }

  std::string Paint(const char* code, const std::string& text) const {
    if (!options_.color) return text;
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }

  std::ostream& out_;
  const RuleSet& rules_;
  Words words_{rules_};
  TextReportOptions options_;
};

}  // namespace

std::unique_ptr<Reporter> MakeTextReporter(std::ostream& out,
                                           const RuleSet& rules,
                                           TextReportOptions options) {
  return std::make_unique<TextReporter>(out, rules, options);
}

}  // namespace curlexplain
