// A small cursor over a line, for the line reader's hand-written matchers.
#ifndef CURLEXPLAIN_LINE_READER_SCAN_H_
#define CURLEXPLAIN_LINE_READER_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace curlexplain::line_reader_internal {

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsLowerHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f'); }
inline bool IsBlank(char c) { return c == ' ' || c == '\t'; }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }

// Returns `s` without leading spaces and tabs.
inline std::string_view TrimLeft(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && IsBlank(s[i])) ++i;
  return s.substr(i);
}

// Returns `s` without trailing spaces and tabs.
inline std::string_view TrimRight(std::string_view s) {
  size_t n = s.size();
  while (n > 0 && IsBlank(s[n - 1])) --n;
  return s.substr(0, n);
}

// Reads a line from left to right. Each matcher consumes what it matched and
// returns true, or consumes nothing and returns false.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  size_t pos() const { return pos_; }
  void set_pos(size_t pos) { pos_ = pos; }
  bool AtEnd() const { return pos_ >= text_.size(); }
  std::string_view Rest() const { return text_.substr(pos_); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }

  bool Literal(std::string_view literal) {
    if (Rest().substr(0, literal.size()) != literal) return false;
    pos_ += literal.size();
    return true;
  }

  bool Char(char c) {
    if (Peek() != c || AtEnd()) return false;
    ++pos_;
    return true;
  }

  // Reads `min` to `max` decimal digits; stores their value when `value` is
  // not null (values too large to hold are stored as -1).
  bool Digits(size_t min, size_t max, int64_t* value = nullptr) {
    size_t n = 0;
    int64_t v = 0;
    while (n < max && pos_ + n < text_.size() && IsDigit(text_[pos_ + n])) {
      v = (v >= 0 && v < (INT64_MAX - 9) / 10)
              ? v * 10 + (text_[pos_ + n] - '0')
              : -1;
      ++n;
    }
    if (n < min) return false;
    pos_ += n;
    if (value != nullptr) *value = v;
    return true;
  }

  // Reads `min` to `max` lower-case hex digits and stores their value.
  bool Hex(size_t min, size_t max, int64_t* value) {
    size_t n = 0;
    int64_t v = 0;
    while (n < max && pos_ + n < text_.size() && IsLowerHex(text_[pos_ + n])) {
      char c = text_[pos_ + n];
      int digit = IsDigit(c) ? c - '0' : c - 'a' + 10;
      v = (v >= 0 && v < (INT64_MAX >> 4)) ? (v << 4) | digit : -1;
      ++n;
    }
    if (n < min) return false;
    pos_ += n;
    *value = v;
    return true;
  }

  // Reads at least `min` spaces or tabs.
  bool Blanks(size_t min) {
    size_t n = 0;
    while (pos_ + n < text_.size() && IsBlank(text_[pos_ + n])) ++n;
    if (n < min) return false;
    pos_ += n;
    return true;
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
};

}  // namespace curlexplain::line_reader_internal

#endif  // CURLEXPLAIN_LINE_READER_SCAN_H_
