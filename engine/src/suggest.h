// Did-you-mean suggestions for misspelt keys, names and functions.
#ifndef CURLEXPLAIN_SUGGEST_H_
#define CURLEXPLAIN_SUGGEST_H_

#include <string>
#include <string_view>
#include <vector>

namespace curlexplain {

// Returns the Levenshtein distance between `a` and `b`.
size_t EditDistance(std::string_view a, std::string_view b);

// Returns the candidate closest to `word` by edit distance when it is close
// enough to be a likely typo (at most 2 edits, or a third of the word for
// longer words), else "".
std::string ClosestMatch(std::string_view word,
                         const std::vector<std::string_view>& candidates);

}  // namespace curlexplain

#endif  // CURLEXPLAIN_SUGGEST_H_
