// Command-line options of the curlexplain program.
#ifndef CURLEXPLAIN_CLI_OPTIONS_H_
#define CURLEXPLAIN_CLI_OPTIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace curlexplain {

// Exit statuses; --help lists them.
enum ExitCode {
  kExitSuccess = 0,
  kExitUnreadableInput = 1,  // a log could not be read; the others were
  kExitUsage = 2,
  kExitInvalidRules = 3,  // a rule pack has errors, or `rules check` failed
  kExitOutputFailed = 4,  // the output could not be written
};

enum class ColorMode { kAuto, kAlways, kNever };

struct CliOptions {
  // "explain" (the default), or "rules" with `rules_action` check, list,
  // show.
  std::string command = "explain";
  std::string rules_action;
  std::vector<std::string> arguments;  // log files, or rule ids/folders
  std::vector<std::string> rule_dirs;
  std::string format = "text";
  std::string layout = "auto";
  std::string language;  // empty: from the environment
  std::optional<int64_t> now;
  bool show_secrets = false;
  bool why = false;
  bool unexplained = false;
  bool no_user_rules = false;
  ColorMode color = ColorMode::kAuto;
  bool help = false;
  bool version = false;
};

// Parses `args` (without the program name). On a usage error returns
// nullopt and stores a one-line message in `*error`.
std::optional<CliOptions> ParseOptions(const std::vector<std::string>& args,
                                       std::string* error);

// Parses a reference time given to --now or in SOURCE_DATE_EPOCH: seconds
// since the epoch, or an ISO 8601 date "2018-02-03" or time
// "2018-02-03T10:00:00Z" in UTC.
std::optional<int64_t> ParseTime(const std::string& text);

// The text --help prints.
std::string HelpText();

}  // namespace curlexplain

#endif  // CURLEXPLAIN_CLI_OPTIONS_H_
