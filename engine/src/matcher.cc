#include "matcher.h"

#include <re2/re2.h>
#include <re2/set.h>

#include <algorithm>

namespace curlexplain {

class Matcher::SetHolder {
 public:
  explicit SetHolder(const RE2::Options& options)
      : set(options, RE2::UNANCHORED) {}
  RE2::Set set;
  bool compiled = false;
};

namespace {

RE2::Options SetOptions(size_t pattern_count) {
  RE2::Options options;
  options.set_log_errors(false);
  // The DFA of a set grows with the number of patterns; with too small a
  // budget RE2 falls back to slow matching without saying so.
  options.set_max_mem(static_cast<int64_t>(64 << 20) +
                      static_cast<int64_t>(pattern_count) * (256 << 10));
  return options;
}

}  // namespace

Matcher::Matcher(const std::vector<Rule>& rules)
    : rules_(rules), set_(std::make_unique<SetHolder>(SetOptions(rules.size()))) {
  bool ok = true;
  for (const Rule& rule : rules_) {
    if (set_->set.Add(rule.pattern, nullptr) < 0) ok = false;
  }
  set_->compiled = ok && set_->set.Compile();
}

Matcher::~Matcher() = default;

std::vector<int> Matcher::Match(std::string_view text) const {
  std::vector<int> matches;
  if (set_->compiled) {
    RE2::Set::ErrorInfo error;
    if (set_->set.Match(text, &matches, &error)) {
      std::sort(matches.begin(), matches.end());
      return matches;
    }
    if (error.kind == RE2::Set::kNoError) return {};
  }
  // Without a usable set (out of memory), each pattern is tried on its own:
  // slower, but the result is the same.
  matches.clear();
  for (size_t i = 0; i < rules_.size(); ++i) {
    if (RE2::PartialMatch(text, *rules_[i].regex)) {
      matches.push_back(static_cast<int>(i));
    }
  }
  return matches;
}

}  // namespace curlexplain
