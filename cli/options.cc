#include "options.h"

#include <fmt/format.h>

#include <cctype>
#include <ctime>
#include <functional>
#include <map>

namespace curlexplain {
namespace {

bool IsDigits(const std::string& text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isdigit(c) != 0; });
}

// Options that take a value, and where the value goes.
using Setter = std::function<std::string(CliOptions*, const std::string&)>;

const std::map<std::string, Setter>& ValueOptions() {
  static const std::map<std::string, Setter> kOptions = {
      {"--rules",
       [](CliOptions* o, const std::string& v) {
         o->rule_dirs.push_back(v);
         return std::string();
       }},
      {"--format",
       [](CliOptions* o, const std::string& v) {
         o->format = v;
         return v == "text" || v == "json" || v == "markdown"
                    ? std::string()
                    : "--format must be text, json or markdown, not '" + v +
                          "'";
       }},
      {"--layout",
       [](CliOptions* o, const std::string& v) {
         o->layout = v;
         return std::string();
       }},
      {"--lang",
       [](CliOptions* o, const std::string& v) {
         o->language = v;
         return std::string();
       }},
      {"--now",
       [](CliOptions* o, const std::string& v) {
         o->now = ParseTime(v);
         return o->now ? std::string()
                       : "--now needs seconds since the epoch or a date "
                         "such as 2018-02-03T10:00:00Z, not '" +
                             v + "'";
       }},
      {"--color",
       [](CliOptions* o, const std::string& v) {
         if (v == "auto") o->color = ColorMode::kAuto;
         else if (v == "always") o->color = ColorMode::kAlways;
         else if (v == "never") o->color = ColorMode::kNever;
         else return "--color must be auto, always or never, not '" + v + "'";
         return std::string();
       }},
  };
  return kOptions;
}

const std::map<std::string, bool CliOptions::*>& FlagOptions() {
  static const std::map<std::string, bool CliOptions::*> kFlags = {
      {"--show-secrets", &CliOptions::show_secrets},
      {"--why", &CliOptions::why},
      {"--unexplained", &CliOptions::unexplained},
      {"--no-user-rules", &CliOptions::no_user_rules},
      {"--help", &CliOptions::help},
      {"-h", &CliOptions::help},
      {"--version", &CliOptions::version},
  };
  return kFlags;
}

// Handles one option at args[*i]; returns an error or "".
std::string ParseOption(const std::vector<std::string>& args, size_t* i,
                        CliOptions* options) {
  std::string arg = args[*i];
  std::string value;
  bool has_value = false;
  size_t equals = arg.find('=');
  if (arg.rfind("--", 0) == 0 && equals != std::string::npos) {
    value = arg.substr(equals + 1);
    arg = arg.substr(0, equals);
    has_value = true;
  }
  if (auto flag = FlagOptions().find(arg); flag != FlagOptions().end()) {
    if (has_value) return arg + " takes no value";
    options->*(flag->second) = true;
    return "";
  }
  auto setter = ValueOptions().find(arg);
  if (setter == ValueOptions().end()) {
    return "unknown option '" + arg + "'; see curlexplain --help";
  }
  if (!has_value) {
    if (*i + 1 >= args.size()) return arg + " needs a value";
    value = args[++*i];
  }
  return setter->second(options, value);
}

}  // namespace

std::optional<CliOptions> ParseOptions(const std::vector<std::string>& args,
                                       std::string* error) {
  CliOptions options;
  bool only_files = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    bool is_option = !only_files && arg.size() > 1 && arg[0] == '-';
    if (arg == "--" && !only_files) {
      only_files = true;
    } else if (is_option) {
      *error = ParseOption(args, &i, &options);
      if (!error->empty()) return std::nullopt;
    } else if (options.arguments.empty() && options.command == "explain" &&
               arg == "rules" && !only_files) {
      options.command = "rules";
    } else if (options.command == "rules" && options.rules_action.empty()) {
      options.rules_action = arg;
    } else {
      options.arguments.push_back(arg);
    }
  }
  if (options.unexplained && options.format != "text") {
    *error = "--unexplained writes a text report; leave out --format";
    return std::nullopt;
  }
  if (options.command == "rules") {
    const std::string& action = options.rules_action;
    if (action != "check" && action != "list" && action != "show") {
      *error = action.empty()
                   ? "'rules' needs an action: check, list or show"
                   : "unknown action 'rules " + action +
                         "'; use check, list or show";
      return std::nullopt;
    }
    if (action == "show" && options.arguments.size() != 1) {
      *error = "'rules show' needs exactly one rule id";
      return std::nullopt;
    }
  }
  return options;
}

std::optional<int64_t> ParseTime(const std::string& text) {
  if (IsDigits(text)) {
    try {
      return std::stoll(text);
    } catch (const std::exception&) {
      return std::nullopt;
    }
  }
  std::tm tm{};
  int consumed = 0;
  int fields = std::sscanf(text.c_str(), "%4d-%2d-%2d%n", &tm.tm_year,
                           &tm.tm_mon, &tm.tm_mday, &consumed);
  if (fields != 3) return std::nullopt;
  std::string rest = text.substr(static_cast<size_t>(consumed));
  if (!rest.empty()) {
    int more = 0;
    if (std::sscanf(rest.c_str(), "T%2d:%2d:%2d%n", &tm.tm_hour, &tm.tm_min,
                    &tm.tm_sec, &more) != 3) {
      return std::nullopt;
    }
    rest = rest.substr(static_cast<size_t>(more));
    if (rest != "" && rest != "Z") return std::nullopt;
  }
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1 || tm.tm_mday > 31) {
    return std::nullopt;
  }
  return static_cast<int64_t>(timegm(&tm));
}

std::string HelpText() {
  return R"(Usage: curlexplain [options] [FILE...]
       curlexplain rules check|list [options] [DIR...]
       curlexplain rules show [options] ID

Explains a curl or libcurl verbose log line by line, then sums it up.
FILE is a log file, or - for standard input (the default). Several files
are explained one after the other, each with its own state and summary.

Options:
  --format text|json|markdown
                      output as text (default), newline-delimited JSON, or
                      Markdown for sharing
  --rules DIR         also load the rule packs in DIR; later packs replace
                      rules of earlier ones by id (repeatable)
  --no-user-rules     do not load the packs in the user's folder
                      ($XDG_CONFIG_HOME/curlexplain/rules)
  --lang LANG         language of the explanations, such as en or de
                      (default: from LANGUAGE, LC_ALL, LC_MESSAGES, LANG)
  --layout NAME       read the log as auto (default), verbose, trace-ascii,
                      trace or plain
  --now TIME          compare dates with TIME (seconds since the epoch or
                      2018-02-03T10:00:00Z) instead of now; SOURCE_DATE_EPOCH
                      sets it too
  --show-secrets      show passwords, tokens and cookies instead of ****
  --why               show, under each line, which rules matched and why one
                      won
  --unexplained       list only the lines no specific rule explains,
                      grouped by shape, most frequent first
  --color auto|always|never
                      colour the text output (auto: on a terminal, unless
                      NO_COLOR is set)
  -h, --help          show this help
  --version           show the version

Commands:
  rules check [DIR...]  load the packs, run every rule's examples, report
                        problems; exit 0 when the packs are clean
  rules list [DIR...]   list the loaded packs and rules, with DIR's too
  rules show ID         show one rule and where it comes from

Exit status:
  0  success
  1  a log could not be read (the others were still explained)
  2  usage error
  3  a rule pack is invalid, or 'rules check' found problems
  4  the output could not be written
)";
}

}  // namespace curlexplain
