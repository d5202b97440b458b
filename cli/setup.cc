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

std::vector<std::string> RuleDirectories(const CliOptions& options,
                                         const Environment& env) {
  std::vector<std::string> directories = {ShippedRulesDirectory(env)};
  if (!options.no_user_rules) {
    fs::path user;
    if (auto config = env.Get("XDG_CONFIG_HOME")) {
      user = fs::path(*config) / "curlexplain" / "rules";
    } else if (auto home = env.Get("HOME")) {
      user = fs::path(*home) / ".config" / "curlexplain" / "rules";
    }
    std::error_code error;
    if (!user.empty() && fs::is_directory(user, error)) {
      directories.push_back(user.string());
    }
  }
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
  return static_cast<int64_t>(std::time(nullptr));
}

LoadResult LoadPacks(const CliOptions& options, const Environment& env,
                     std::ostream& err) {
  LoadOptions load;
  load.language = ChooseLanguage(options, env);
  LoadResult result = LoadRulePacks(RuleDirectories(options, env), load);
  for (const Diagnostic& diagnostic : result.diagnostics) {
    err << diagnostic.Format() << "\n";
  }
  return result;
}

}  // namespace curlexplain
