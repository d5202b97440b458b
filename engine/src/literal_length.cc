#include <algorithm>
#include <cctype>

#include "rule_reader.h"

namespace curlexplain {
namespace {

// Returns the length of the character class that starts at pattern[i].
size_t ClassLength(std::string_view pattern, size_t i) {
  size_t j = i + 1;
  if (j < pattern.size() && pattern[j] == '^') ++j;
  if (j < pattern.size() && pattern[j] == ']') ++j;
  while (j < pattern.size() && pattern[j] != ']') {
    j += pattern[j] == '\\' ? 2 : 1;
  }
  return std::min(j + 1, pattern.size()) - i;
}

bool MakesOptional(std::string_view pattern, size_t i) {
  if (i >= pattern.size()) return false;
  if (pattern[i] == '?' || pattern[i] == '*') return true;
  return pattern.substr(i, 3) == "{0,";
}

}  // namespace

int LiteralLength(std::string_view pattern) {
  int count = 0;
  size_t i = 0;
  while (i < pattern.size()) {
    char c = pattern[i];
    size_t width = 1;
    bool literal = false;
    if (c == '[') {
      width = ClassLength(pattern, i);
    } else if (c == '\\') {
      width = 2;
      char next = i + 1 < pattern.size() ? pattern[i + 1] : ' ';
      literal = std::ispunct(static_cast<unsigned char>(next)) != 0;
    } else if (c == '(' && pattern.substr(i, 3) == "(?P") {
      width = pattern.find('>', i) == std::string_view::npos
                  ? 1
                  : pattern.find('>', i) - i + 1;
    } else if (c == '(' && pattern.substr(i, 3) == "(?:") {
      width = 3;
    } else if (c == '{') {
      size_t close = pattern.find('}', i);
      width = close == std::string_view::npos ? 1 : close - i + 1;
    } else {
      literal = std::string_view("^$.|()?*+").find(c) == std::string_view::npos;
    }
    if (literal && !MakesOptional(pattern, i + width)) ++count;
    i += width;
  }
  return count;
}


}  // namespace curlexplain
