#include "suggest.h"

#include <algorithm>

namespace curlexplain {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string ClosestMatch(std::string_view word,
                         const std::vector<std::string_view>& candidates) {
  std::string best;
  size_t best_distance = 0;
  for (std::string_view candidate : candidates) {
    size_t distance = EditDistance(word, candidate);
    if (best.empty() || distance < best_distance) {
      best = std::string(candidate);
      best_distance = distance;
    }
  }
  // A typo changes a few characters; more than a third is another word.
  if (best.empty() || best_distance > std::max<size_t>(2, word.size() / 3)) {
    return "";
  }
  return best;
}

}  // namespace curlexplain
