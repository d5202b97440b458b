#include "curlexplain/value.h"

#include <charconv>
#include <cstddef>
#include <string_view>
#include <system_error>

namespace curlexplain {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Skips the digits at `*pos` and returns how many there were.
size_t SkipDigits(std::string_view text, size_t* pos) {
  size_t start = *pos;
  while (*pos < text.size() && IsDigit(text[*pos])) ++*pos;
  return *pos - start;
}

// The shape of a decimal number: [+-]digits[.digits][(e|E)[+-]digits].
// std::from_chars alone would also take "inf", "nan" and hexadecimal
// floats, which captures should not turn into numbers.
enum class NumberShape { kNone, kInteger, kDecimal };

NumberShape ClassifyNumber(std::string_view text) {
  size_t pos = 0;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
  if (SkipDigits(text, &pos) == 0) return NumberShape::kNone;
  NumberShape shape = NumberShape::kInteger;

  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    if (SkipDigits(text, &pos) == 0) return NumberShape::kNone;
    shape = NumberShape::kDecimal;
  }

  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
    if (SkipDigits(text, &pos) == 0) return NumberShape::kNone;
    shape = NumberShape::kDecimal;
  }
  return pos == text.size() ? shape : NumberShape::kNone;
}

std::optional<double> ParseDouble(std::string_view text) {
  // from_chars rejects a leading '+'.
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  double result = 0;
  auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), result);
  if (error != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return result;
}

std::optional<Value> ParseNumericString(std::string_view text) {
  text = TrimSpaces(text);
  NumberShape shape = ClassifyNumber(text);
  if (shape == NumberShape::kNone) return std::nullopt;

  if (shape == NumberShape::kInteger) {
    std::string_view digits = text;
    if (digits.front() == '+') digits.remove_prefix(1);
    int64_t result = 0;
    auto [end, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), result);
    if (error == std::errc() && end == digits.data() + digits.size()) {
      return Value(result);
    }
  }

  std::optional<double> result = ParseDouble(text);
  if (!result) return std::nullopt;
  return Value(*result);
}

}  // namespace

std::optional<double> Value::ToNumber() const {
  std::optional<Value> numeric = ToNumericValue();
  if (!numeric) return std::nullopt;
  if (numeric->is_int()) return static_cast<double>(numeric->as_int());
  return numeric->as_double();
}

std::optional<Value> Value::ToNumericValue() const {
  if (is_int() || is_double()) return *this;
  if (is_string()) return ParseNumericString(as_string());
  return std::nullopt;
}

std::string Value::ToString() const {
  if (is_null()) return "";
  if (is_bool()) return as_bool() ? "true" : "false";
  if (is_int()) return std::to_string(as_int());
  if (is_string()) return as_string();

  // -0.0, as from round(-0.04, 1), would show as "-0".
  if (as_double() == 0) return "0";

  // Without a precision, to_chars writes the shortest text that reads back
  // as the same double.
  char buffer[64];
  auto [end, error] =
      std::to_chars(buffer, buffer + sizeof(buffer), as_double());
  if (error != std::errc()) return "";
  return std::string(buffer, end);
}

bool Value::Truthy() const {
  if (is_null()) return false;
  if (is_bool()) return as_bool();
  if (is_int()) return as_int() != 0;
  if (is_double()) return as_double() != 0;
  return !as_string().empty();
}

}  // namespace curlexplain
