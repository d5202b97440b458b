// `curlexplain rules check|list|show`: tools for rule authors.
#ifndef CURLEXPLAIN_CLI_RULES_COMMAND_H_
#define CURLEXPLAIN_CLI_RULES_COMMAND_H_

#include <ostream>

#include "app.h"
#include "options.h"

namespace curlexplain {

// Runs the `rules` command in `options`; returns the exit status.
int RunRulesCommand(const CliOptions& options, const Environment& env,
                    std::ostream& out, std::ostream& err);

}  // namespace curlexplain

#endif  // CURLEXPLAIN_CLI_RULES_COMMAND_H_
