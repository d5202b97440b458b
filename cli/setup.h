// The set-up the program does before it explains anything: which packs to
// load, in which language, with which reference time.
#ifndef CURLEXPLAIN_CLI_SETUP_H_
#define CURLEXPLAIN_CLI_SETUP_H_

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "app.h"
#include "curlexplain/rule_loader.h"
#include "options.h"

namespace curlexplain {

// Returns the folder of the packs shipped with the program: next to an
// installed binary (../share/curlexplain/rules), else the source tree's
// rules/ for a binary in the build tree, else the configured install folder.
std::string ShippedRulesDirectory(const Environment& env);

// Returns the user's own rule folder ($XDG_CONFIG_HOME/curlexplain/rules,
// else ~/.config/curlexplain/rules) when it exists, else "".
std::string UserRulesDirectory(const Environment& env);

// Returns the rule folders to load, in order: shipped, the user's own
// folder when it exists, then each --rules folder.
std::vector<std::string> RuleDirectories(const CliOptions& options,
                                         const Environment& env);

// Returns the language for output: --lang, else the first of LANGUAGE,
// LC_ALL, LC_MESSAGES and LANG that names one, else "en". "de_DE.UTF-8"
// becomes "de"; "C" and "POSIX" mean English.
std::string ChooseLanguage(const CliOptions& options, const Environment& env);

// Returns the reference time: --now, else SOURCE_DATE_EPOCH, else now.
int64_t ReferenceTime(const CliOptions& options, const Environment& env);

// Loads the packs for `options` and writes their diagnostics to `err`.
LoadResult LoadPacks(const CliOptions& options, const Environment& env,
                     std::ostream& err);

}  // namespace curlexplain

#endif  // CURLEXPLAIN_CLI_SETUP_H_
