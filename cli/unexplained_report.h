// The --unexplained report: lines no specific rule explains, by shape.
#ifndef CURLEXPLAIN_CLI_UNEXPLAINED_REPORT_H_
#define CURLEXPLAIN_CLI_UNEXPLAINED_REPORT_H_

#include <memory>
#include <ostream>
#include <string>
#include <string_view>

#include "curlexplain/reporter.h"

namespace curlexplain {

// Returns the shape of a line: numbers, addresses, host names, quoted text
// and base64 runs folded into placeholders, so that lines differing only
// in such values group together.
std::string LineShape(std::string_view text);

// Collects the lines of all logs that no rule or only a fallback rule
// explains, and at the end writes one group per shape, most frequent first,
// with a count and the first place it occurs.
std::unique_ptr<Reporter> MakeUnexplainedReporter(std::ostream& out,
                                                  const RuleSet& rules);

}  // namespace curlexplain

#endif  // CURLEXPLAIN_CLI_UNEXPLAINED_REPORT_H_
