// Runs the examples that rules and masks carry.
#ifndef CURLEXPLAIN_EXAMPLE_RUNNER_H_
#define CURLEXPLAIN_EXAMPLE_RUNNER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "curlexplain/diagnostic.h"
#include "curlexplain/rule.h"

namespace curlexplain {

struct ExampleReport {
  int examples = 0;  // how many examples ran
  // One error per failed example, positioned at the example.
  std::vector<Diagnostic> failures;
};

// Explains every example line of every rule and mask in `rules`, each in a
// fresh session with the example's state, and checks what it expects: that
// its rule wins, that the message or hint contains each `contains` text,
// the field values, the severity, and that no `masked` text appears in any
// output. Dates are compared with `reference_time`.
ExampleReport RunExamples(const RuleSet& rules, int64_t reference_time);

}  // namespace curlexplain

#endif  // CURLEXPLAIN_EXAMPLE_RUNNER_H_
