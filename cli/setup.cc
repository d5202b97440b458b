#include "setup.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <filesystem>

namespace curlexplain {
namespace fs = std::filesystem;

std::string ShippedRulesDirectory(const Environment& env) {
  std::error_code error;
  if (!env.executable.empty()) {
    fs::path beside = fs::path(env.executable).parent_path() / ".." /
                      "share" / "curlexplain" / "rules";
    if (fs::is_directory(beside, error)) {
      return fs::weakly_canonical(beside, error).string();
    }
  }
  if (fs::is_directory(CURLEXPLAIN_SOURCE_RULES_DIR, error)) {
    return CURLEXPLAIN_SOURCE_RULES_DIR;
  }
  return CURLEXPLAIN_INSTALL_RULES_DIR;
}

std::string UserRulesDirectory(const Environment& env) {
  fs::path user;
  if (auto config = env.Get("XDG_CONFIG_HOME")) {
    user = fs::path(*config) / "curlexplain" / "rules";
  } else if (auto home = env.Get("HOME")) {
    user = fs::path(*home) / ".config" / "curlexplain" / "rules";
  }
  std::error_code error;
  return !user.empty() && fs::is_directory(user, error) ? user.string() : "";
}

std::vector<std::string> RuleDirectories(const CliOptions& options,
                                         const Environment& env) {
  std::vector<std::string> directories = {ShippedRulesDirectory(env)};
  std::string user = UserRulesDirectory(env);
  if (!options.no_user_rules && !user.empty()) directories.push_back(user);
  for (const std::string& dir : options.rule_dirs) directories.push_back(dir);
  return directories;
}

namespace {

// Returns the primary language subtag of a locale name, or "".
std::string PrimaryLanguage(std::string name) {
  size_t end = name.find_first_of("_.@-");
  name = name.substr(0, end);
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  if (name == "c" || name == "posix") return "en";
  bool letters = !name.empty() &&
                 std::all_of(name.begin(), name.end(),
                             [](unsigned char c) { return std::isalpha(c); });
  return letters ? name : "";
}

}  // namespace

std::string ChooseLanguage(const CliOptions& options, const Environment& env) {
  if (!options.language.empty()) return PrimaryLanguage(options.language);
  // LANGUAGE is a colon-separated list of preferences; gettext reads it
  // first, and so does this program.
  if (auto list = env.Get("LANGUAGE")) {
    std::string first = list->substr(0, list->find(':'));
    if (std::string language = PrimaryLanguage(first); !language.empty()) {
      return language;
    }
  }
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    if (auto value = env.Get(name)) {
      if (std::string language = PrimaryLanguage(*value); !language.empty()) {
        return language;
      }
    }
  }
  return "en";
}

int64_t ReferenceTime(const CliOptions& options, const Environment& env) {
  if (options.now) return *options.now;
  if (auto epoch = env.Get("SOURCE_DATE_EPOCH")) {
    if (auto parsed = ParseTime(*epoch)) return *parsed;
  }
  // NOTE: an unparsable SOURCE_DATE_EPOCH falls back to now; RunCli warns.
  return static_cast<int64_t>(std::time(nullptr));
}

LoadResult LoadPacks(const CliOptions& options, const Environment& env,
                     std::ostream& err) {
  LoadOptions load;
  load.language = ChooseLanguage(options, env);
  std::vector<std::string> directories = RuleDirectories(options, env);
  LoadResult result = LoadRulePacks(directories, load);
  for (const Diagnostic& diagnostic : result.diagnostics) {
    err << diagnostic.Format() << "\n";
  }
  bool has_language = std::any_of(
      result.rules.packs.begin(), result.rules.packs.end(),
      [&](const PackInfo& pack) { return pack.language == load.language; });
  if (!has_language) {
    err << "curlexplain: no rule pack is in language '" << load.language
        << "'; explaining in English\n";
    result.rules.language = "en";
  }
  std::string user = UserRulesDirectory(env);
  if (!result.ok() && !options.no_user_rules && !user.empty()) {
    err << "curlexplain: if the errors are in your own rules in " << user
        << ", --no-user-rules skips them\n";
  }
  return result;
}

}  // namespace curlexplain
