// The program's own words in its outputs, from the packs' `strings`.
#ifndef CURLEXPLAIN_WORDS_H_
#define CURLEXPLAIN_WORDS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "curlexplain/rule.h"
#include "curlexplain/template.h"

namespace curlexplain {

// Looks up output words such as "Summary" or "{n} lines" in the loaded
// packs' `strings`, falling back to built-in English for keys no pack has.
class Words {
 public:
  explicit Words(const RuleSet& rules) : rules_(rules) {}

  // Returns the text for `key`.
  std::string Get(std::string_view key) const;

  // Renders the template for `key` with `values`.
  std::string Format(std::string_view key, const TemplateValues& values) const;

  // Renders the plural form of `key` for `n`: the entry `key.one`,
  // `key.other` (or any other category the pack's plural rule returns) with
  // {n} replaced, falling back to `key.other`.
  std::string Count(std::string_view key, int64_t n) const;

 private:
  const RuleSet& rules_;
};

}  // namespace curlexplain

#endif  // CURLEXPLAIN_WORDS_H_
