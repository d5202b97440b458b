#include <fmt/format.h>

#include <sstream>

#include "curlexplain/reporter.h"
#include "curlexplain/template.h"

namespace curlexplain {
namespace {

constexpr int kIndent = 7;

const char* DirectionMark(const Explanation& e) {
  if (e.kind == LineKind::kToolMessage) return "!";
  switch (e.direction) {
    case Direction::kIn:
      return "<";
    case Direction::kOut:
      return ">";
    case Direction::kInfo:
      return "*";
    case Direction::kUnknown:
      return " ";
  }
  return " ";
}

// Breaks `text` into lines of at most `width` columns after `indent`.
std::string Wrap(std::string_view text, int indent, int width) {
  std::string out;
  std::string line;
  std::istringstream words{std::string(text)};
  std::string word;
  const size_t room = static_cast<size_t>(std::max(20, width - indent));
  const std::string pad(static_cast<size_t>(indent), ' ');
  while (words >> word) {
    if (!line.empty() && line.size() + 1 + word.size() > room) {
      out += pad + line + "\n";
      line.clear();
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
      out_ << Paint("2", Wrap(Word("not_explained", "? not explained"),
                              kIndent, options_.width));
    } else {
      WriteExplanation(e);
    }
    if (options_.why) WriteCandidates(e);
    out_.flush();
  }

  void EndLog(const Summary& s) override {
    TemplateValues values = {
        {"lines", std::to_string(s.lines)},
        {"explained", std::to_string(s.explained)},
        {"fallback", std::to_string(s.fallback)},
        {"unexplained", std::to_string(s.unexplained)},
        {"notes", std::to_string(s.notes)},
        {"warnings", std::to_string(s.warnings)},
        {"errors", std::to_string(s.errors)}};
    out_ << "\n" << Paint("1", Word("summary.heading", "Summary")) << "\n";
    out_ << Wrap(Render("summary.counts",
                        "{lines} lines: {explained} explained, {fallback} "
                        "only generally, {unexplained} not explained. "
                        "{errors} errors, {warnings} warnings, {notes} "
                        "notes.",
                        values),
                 2, options_.width);
    if (s.first_problem) {
      values["line"] = std::to_string(s.first_problem->line);
      out_ << Wrap(Render("summary.first_problem",
                          "The first problem is on line {line}:", values),
                   2, options_.width);
      out_ << Wrap(s.first_problem->message, 4, options_.width);
    }
    for (const SummaryItem& item : s.diagnoses) {
      out_ << Wrap("- " + Labelled(item.severity, item.message), 2,
                   options_.width);
      if (!item.hint.empty()) {
        out_ << Wrap(Word("hint", "Hint:") + " " + item.hint, 4,
                     options_.width);
      }
    }
    out_ << "\n";
    out_.flush();
  }

 private:
  void WriteExplanation(const Explanation& e) {
    std::string message = Labelled(e.severity, e.message);
    if (!e.explained) {
      message += " " + Word("generic", "(generic explanation)");
    }
    out_ << Wrap(Printable(message), kIndent, options_.width);
    if (!e.hint.empty()) {
      out_ << Wrap(Word("hint", "Hint:") + " " + Printable(e.hint), kIndent,
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
                                          c.rule->position.file,
                                          c.rule->position.line, c.reason),
                              kIndent, options_.width));
    }
  }

  std::string Labelled(Severity severity, const std::string& message) {
    if (severity == Severity::kInfo) return message;
    std::string name(SeverityName(severity));
    std::string label = Word("severity." + name, name) + ":";
    const char* color = severity == Severity::kError     ? "31"
                        : severity == Severity::kWarning ? "33"
                                                         : "36";
    return Paint(color, label) + " " + message;
  }

  std::string Word(const std::string& key, std::string_view fallback) {
    return std::string(rules_.String(key, fallback));
  }

  std::string Render(const std::string& key, std::string_view fallback,
                     const TemplateValues& values) {
    std::string error;
    size_t offset = 0;
    auto tmpl = Template::Parse(Word(key, fallback), &error, &offset);
    if (!tmpl) tmpl = Template::Parse(fallback, &error, &offset);
    return tmpl ? tmpl->RenderOrEmpty(values) : std::string(fallback);
  }

  std::string Paint(const char* code, const std::string& text) const {
    if (!options_.color) return text;
    return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
  }

  std::ostream& out_;
  const RuleSet& rules_;
  TextReportOptions options_;
};

}  // namespace

std::unique_ptr<Reporter> MakeTextReporter(std::ostream& out,
                                           const RuleSet& rules,
                                           TextReportOptions options) {
  return std::make_unique<TextReporter>(out, rules, options);
}

}  // namespace curlexplain
