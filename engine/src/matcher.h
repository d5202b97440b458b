// Finds every rule whose pattern matches a text, in one pass.
#ifndef CURLEXPLAIN_MATCHER_H_
#define CURLEXPLAIN_MATCHER_H_

#include <memory>
#include <string_view>
#include <vector>

#include "curlexplain/rule.h"

namespace re2 {
class RE2;
}

namespace curlexplain {

// An RE2::Set over the patterns of all rules. The rule set must outlive the
// matcher.
class Matcher {
 public:
  explicit Matcher(const std::vector<Rule>& rules);
  ~Matcher();

  // Returns the indices into the rule list of every rule whose pattern
  // matches `text`, in ascending order.
  std::vector<int> Match(std::string_view text) const;

 private:
  class SetHolder;
  const std::vector<Rule>& rules_;
  std::unique_ptr<SetHolder> set_;
};

}  // namespace curlexplain

#endif  // CURLEXPLAIN_MATCHER_H_
