// Explains log lines one at a time with a loaded rule set.
#ifndef CURLEXPLAIN_EXPLAINER_H_
#define CURLEXPLAIN_EXPLAINER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "curlexplain/log_line.h"
#include "curlexplain/rule.h"

namespace curlexplain {

// A rule whose pattern matched a line, and whether it could win.
struct Candidate {
  const Rule* rule = nullptr;
  bool eligible = false;
  // The reason a rule was passed over ("when smtp.command is 'EHLO', but
  // it is 'MAIL'"), lost to the winner, or won.
  std::string reason;
};

// The explanation of one line. Every text in it is masked unless secrets
// were requested.
struct Explanation {
  int64_t number = 0;
  std::string raw;   // the input line
  std::string text;  // the text rules matched
  Direction direction = Direction::kUnknown;
  LineKind kind = LineKind::kText;
  std::optional<std::string> time;
  std::optional<int64_t> transfer_id;
  std::optional<int64_t> connection_id;
  std::vector<std::string> tags;
  std::vector<std::string> notes;

  const Rule* rule = nullptr;  // the winner, or nullptr
  // True when a rule that is not a fallback explains the line.
  bool explained = false;
  Severity severity = Severity::kInfo;
  std::string message;
  std::string hint;
  // Language of the message: the chosen one, or the base pack's when the
  // rule has no translation.
  std::string language;
  // Captures, then computed fields, in rule order.
  std::vector<std::pair<std::string, std::string>> fields;
  // Fields that could not be computed, with the reason.
  std::vector<std::string> problems;
  // Every rule whose pattern matched, when ExplainOptions::trace is set.
  std::vector<Candidate> candidates;
};

// One sentence of the summary.
struct SummaryItem {
  std::string id;
  Severity severity = Severity::kInfo;
  std::string message;
  std::string hint;
  int64_t line = 0;  // the log line it refers to, or 0
};

// The summary of a whole log.
struct Summary {
  int64_t lines = 0;
  int64_t explained = 0;
  int64_t fallback = 0;     // lines only a fallback rule matched
  int64_t unexplained = 0;  // lines no rule matched
  int64_t notes = 0;
  int64_t warnings = 0;
  int64_t errors = 0;
  std::vector<std::pair<std::string, std::string>> facts;
  std::vector<SummaryItem> diagnoses;
  // The first line of severity error, else of severity warning.
  std::optional<SummaryItem> first_problem;
};

struct ExplainOptions {
  bool show_secrets = false;
  // Seconds since the epoch that dates are compared with.
  int64_t reference_time = 0;
  // Fill Explanation::candidates, for --why.
  bool trace = false;
};

class Matcher;
class Session;

// Explains the lines of one log after another. The rule set must outlive the
// explainer. Not thread-safe; use one explainer per thread.
class Explainer {
 public:
  Explainer(const RuleSet& rules, ExplainOptions options);
  ~Explainer();
  Explainer(const Explainer&) = delete;
  Explainer& operator=(const Explainer&) = delete;

  // Forgets the state of the previous log. Call before each log but the
  // first.
  void StartLog();

  // Sets session state as a rule's `set` would, for examples and tests.
  void SetState(const std::string& key, const std::string& value);

  // Explains `line` in the state the earlier lines of the log left.
  Explanation Explain(const LogLine& line);

  // Returns the summary of the log so far.
  Summary Finish() const;

 private:
  void ApplyRule(const Rule& rule, const LogLine& line, Explanation* out,
                 std::vector<std::string>* secrets);
  void MaskSecrets(const std::vector<std::string>& line_secrets,
                   Explanation* out) const;
  // Returns the secrets of the line and the session, longest first.
  std::vector<std::string> MaskList(
      const std::vector<std::string>& line_secrets) const;
  std::string MaskText(std::string text,
                       const std::vector<std::string>& secrets) const;
  void Count(const Explanation& explanation);

  const RuleSet& rules_;
  ExplainOptions options_;
  std::unique_ptr<Matcher> matcher_;
  std::unique_ptr<Session> session_;
  Summary summary_;
  std::map<std::string, std::string> pack_languages_;
};

}  // namespace curlexplain

#endif  // CURLEXPLAIN_EXPLAINER_H_
