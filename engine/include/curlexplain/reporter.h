// Writers of explanations: plain text for people, JSON lines for tools.
#ifndef CURLEXPLAIN_REPORTER_H_
#define CURLEXPLAIN_REPORTER_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "curlexplain/explainer.h"
#include "curlexplain/rule.h"

namespace curlexplain {

// Receives the explanations of one log after another and writes them.
class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void BeginLog(std::string_view name) = 0;
  virtual void Line(const Explanation& explanation) = 0;
  virtual void EndLog(const Summary& summary) = 0;
  // Called once after the last log.
  virtual void Finish() {}
};

struct TextReportOptions {
  bool color = false;
  // Show, under each line, which rules matched and why one won.
  bool why = false;
  // Column at which explanations are wrapped.
  int width = 80;
};

// Writes each line, then its explanation indented under it, and a summary
// per log. The program's own words come from `rules.strings`.
std::unique_ptr<Reporter> MakeTextReporter(std::ostream& out,
                                           const RuleSet& rules,
                                           TextReportOptions options);

// Writes newline-delimited JSON: one object per line, then one summary
// object per log. docs/json-output.md describes the schema. `why` adds the
// matching rules to each line object.
std::unique_ptr<Reporter> MakeJsonReporter(std::ostream& out, bool why);

// Writes Markdown for sharing in a ticket or a chat: each line as inline
// code, its explanation and hint as prose, and the summary as a list.
std::unique_ptr<Reporter> MakeMarkdownReporter(std::ostream& out,
                                               const RuleSet& rules);

// Returns `text` as printable UTF-8: invalid bytes become U+FFFD, and
// control characters other than tab become U+FFFD too, except line feeds
// when `keep_newlines` is set.
std::string Printable(std::string_view text, bool keep_newlines = false);

}  // namespace curlexplain

#endif  // CURLEXPLAIN_REPORTER_H_
