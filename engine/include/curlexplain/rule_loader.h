// Loads rule packs from folders and checks everything in them.
#ifndef CURLEXPLAIN_RULE_LOADER_H_
#define CURLEXPLAIN_RULE_LOADER_H_

#include <string>
#include <vector>

#include "curlexplain/diagnostic.h"
#include "curlexplain/rule.h"

namespace curlexplain {

struct LoadOptions {
  // The language chosen for output. Translation packs of other languages are
  // read and checked but not applied.
  std::string language = "en";
};

// The outcome of loading: the rules, and every problem found. When
// `diagnostics` contains an error, `rules` must not be used to explain logs.
struct LoadResult {
  RuleSet rules;
  std::vector<Diagnostic> diagnostics;
  bool ok() const { return !HasErrors(diagnostics); }
};

// Loads the packs in `directories`, in order. Each directory is a pack (it
// has pack.yaml), a folder of packs, or a folder of rule files that forms a
// pack named after the folder. All problems of all packs are collected;
// loading does not stop at the first one.
LoadResult LoadRulePacks(const std::vector<std::string>& directories,
                         const LoadOptions& options = {});

}  // namespace curlexplain

#endif  // CURLEXPLAIN_RULE_LOADER_H_
