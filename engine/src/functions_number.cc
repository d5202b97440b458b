// Built-in functions on numbers: conversion, rounding, and formatting of
// sizes, durations and counts.
#include <fmt/format.h>

#include <cmath>
#include <cstdlib>

#include "functions.h"

namespace curlexplain {
namespace {

constexpr int64_t kMaxRoundDigits = 15;
constexpr int64_t kMaxFixedDigits = 20;
// 2^63: doubles in [-2^63, 2^63) fit in int64.
constexpr double kInt64Limit = 9223372036854775808.0;

// Returns `number` as int64, or throws naming argument `index` when it is
// out of range.
int64_t ToInt64(const Call& call, size_t index, double number) {
  if (!(number >= -kInt64Limit && number < kInt64Limit)) {
    call.FailArgument(index, "is out of the 64-bit integer range");
  }
  return static_cast<int64_t>(number);
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Parses "0x1f", "-0X1F" or "+0x1f", with spaces around. Returns nullopt
// for anything else. Sets `*overflow` when the digits exceed int64.
std::optional<int64_t> ParseHex(std::string_view text, bool* overflow) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  bool negative = !text.empty() && text.front() == '-';
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    text.remove_prefix(1);
  }
  if (text.size() < 3 || text[0] != '0' || (text[1] != 'x' && text[1] != 'X')) {
    return std::nullopt;
  }

  uint64_t magnitude = 0;
  for (char c : text.substr(2)) {
    int digit = HexDigit(c);
    if (digit < 0) return std::nullopt;
    if (magnitude > (UINT64_C(1) << 63) >> 4) *overflow = true;
    magnitude = magnitude * 16 + static_cast<uint64_t>(digit);
  }
  uint64_t limit = (UINT64_C(1) << 63) - (negative ? 0 : 1);
  if (magnitude > limit) *overflow = true;
  if (*overflow) return std::nullopt;
  return negative ? static_cast<int64_t>(0 - magnitude)
                  : static_cast<int64_t>(magnitude);
}

Value Int(const Call& call) {
  const Value& value = call.value(0);
  if (value.is_string()) {
    bool overflow = false;
    std::optional<int64_t> hex = ParseHex(value.as_string(), &overflow);
    if (overflow) call.FailArgument(0, "is out of the 64-bit integer range");
    if (hex) return *hex;
  }

  Value numeric = call.Numeric(0);
  if (numeric.is_int()) return numeric;
  return ToInt64(call, 0, std::trunc(numeric.as_double()));
}

Value Number(const Call& call) { return call.Numeric(0); }

Value Round(const Call& call) {
  Value numeric = call.Numeric(0);
  int64_t digits = call.size() > 1 ? call.WholeNumber(1) : 0;
  if (digits < -kMaxRoundDigits || digits > kMaxRoundDigits) {
    call.Fail(fmt::format("digits must be between {} and {}, got {}",
                          -kMaxRoundDigits, kMaxRoundDigits, digits));
  }
  if (numeric.is_int() && digits >= 0) return numeric;

  double number = call.Number(0);
  double scale = std::pow(10.0, static_cast<double>(std::llabs(digits)));
  if (digits > 0) {
    double rounded = std::round(number * scale) / scale;
    // Numbers this large have no decimals left to round.
    return std::isfinite(rounded) ? rounded : number;
  }
  return ToInt64(call, 0, std::round(number / scale) * scale);
}

Value Floor(const Call& call) {
  Value numeric = call.Numeric(0);
  if (numeric.is_int()) return numeric;
  return ToInt64(call, 0, std::floor(numeric.as_double()));
}

Value Ceil(const Call& call) {
  Value numeric = call.Numeric(0);
  if (numeric.is_int()) return numeric;
  return ToInt64(call, 0, std::ceil(numeric.as_double()));
}

// Returns whether a < b, comparing integers exactly.
bool NumericLess(const Value& a, const Value& b) {
  if (a.is_int() && b.is_int()) return a.as_int() < b.as_int();
  return *a.ToNumber() < *b.ToNumber();
}

Value Min(const Call& call) {
  Value a = call.Numeric(0);
  Value b = call.Numeric(1);
  return NumericLess(b, a) ? b : a;
}

Value Max(const Call& call) {
  Value a = call.Numeric(0);
  Value b = call.Numeric(1);
  return NumericLess(a, b) ? b : a;
}

Value Fixed(const Call& call) {
  Value numeric = call.Numeric(0);
  int64_t digits = call.WholeNumber(1);
  if (digits < 0 || digits > kMaxFixedDigits) {
    call.Fail(fmt::format("digits must be between 0 and {}, got {}",
                          kMaxFixedDigits, digits));
  }

  std::string text;
  if (numeric.is_int()) {
    // Format integers directly, so that those above 2^53 stay exact.
    text = std::to_string(numeric.as_int());
    if (digits > 0) text += "." + std::string(digits, '0');
  } else {
    text = fmt::format("{:.{}f}", numeric.as_double(), digits);
  }
  size_t point = text.find('.');
  if (point != std::string::npos) {
    text.replace(point, 1, call.locale().decimal_separator);
  }
  return text;
}

Value Hex(const Call& call) {
  int64_t number = call.WholeNumber(0);
  uint64_t magnitude = number < 0 ? 0 - static_cast<uint64_t>(number)
                                  : static_cast<uint64_t>(number);
  return fmt::format("{}0x{:x}", number < 0 ? "-" : "", magnitude);
}

Value Bytes(const Call& call) {
  double size = call.Number(0);
  if (size < 0) call.FailArgument(0, "is negative");
  if (size < 1024) {
    return CountWithUnit(call.locale(), static_cast<int64_t>(size), "byte");
  }

  static constexpr std::string_view kUnits[] = {"KiB", "MiB", "GiB",
                                                "TiB", "PiB", "EiB"};
  constexpr size_t kLast = std::size(kUnits) - 1;
  double scaled = size / 1024;
  size_t unit = 0;
  while (scaled >= 1024 && unit < kLast) {
    scaled /= 1024;
    ++unit;
  }
  // 1023.96 KiB would show as "1024 KiB", which reads better as "1 MiB".
  if (std::round(scaled * 10) / 10 >= 1024 && unit < kLast) {
    scaled /= 1024;
    ++unit;
  }
  return fmt::format("{} {}", FormatOneDecimal(call.locale(), scaled),
                     kUnits[unit]);
}

// Formats "<major> <major unit>" and, when `minor` is not 0, " <minor>
// <minor unit>", as in "2 min 5 s".
std::string TwoUnits(int64_t major, std::string_view major_unit, int64_t minor,
                     std::string_view minor_unit) {
  if (minor == 0) return fmt::format("{} {}", major, major_unit);
  return fmt::format("{} {} {} {}", major, major_unit, minor, minor_unit);
}

Value Duration(const Call& call) {
  double seconds = call.Number(0);
  if (seconds < 0) call.FailArgument(0, "is negative");
  if (seconds >= kInt64Limit) call.FailArgument(0, "is too large");

  if (seconds < 1) {
    int64_t milliseconds = std::llround(seconds * 1000);
    if (milliseconds < 1000) return fmt::format("{} ms", milliseconds);
  }
  double tenths = std::round(seconds * 10) / 10;
  if (tenths < 60) {
    return fmt::format("{} s", FormatOneDecimal(call.locale(), tenths));
  }

  int64_t total = std::llround(seconds);
  if (total < 3600) return TwoUnits(total / 60, "min", total % 60, "s");
  if (total < 86400) {
    return TwoUnits(total / 3600, "h", total % 3600 / 60, "min");
  }
  std::string days = CountWithUnit(call.locale(), total / 86400, "day");
  int64_t hours = total % 86400 / 3600;
  if (hours == 0) return days;
  return fmt::format("{} {} h", days, hours);
}

Value Plural(const Call& call) {
  std::string category = call.locale().PluralCategory(call.Number(0));
  return category == "one" ? call.Text(1) : call.Text(2);
}

constexpr NullArguments kReject = NullArguments::kReject;

constexpr FunctionSpec kNumberFunctions[] = {
    {"int", 1, 1, kReject, Int, "int(x)",
     "x as an integer, truncated; accepts \"0x1f\" hexadecimal"},
    {"number", 1, 1, kReject, Number, "number(x)",
     "x as an integer or decimal number"},
    {"round", 1, 2, kReject, Round, "round(x [, digits])",
     "x rounded half away from zero to digits decimals"},
    {"floor", 1, 1, kReject, Floor, "floor(x)",
     "the largest integer not above x"},
    {"ceil", 1, 1, kReject, Ceil, "ceil(x)",
     "the smallest integer not below x"},
    {"min", 2, 2, kReject, Min, "min(a, b)", "the smaller of two numbers"},
    {"max", 2, 2, kReject, Max, "max(a, b)", "the larger of two numbers"},
    {"fixed", 2, 2, kReject, Fixed, "fixed(x, digits)",
     "x as text with exactly digits decimals"},
    {"hex", 1, 1, kReject, Hex, "hex(n)", "n in hexadecimal, as in \"0x1f\""},
    {"bytes", 1, 1, kReject, Bytes, "bytes(n)",
     "a size in bytes as text with IEC units, as in \"1.5 KiB\""},
    {"duration", 1, 1, kReject, Duration, "duration(seconds)",
     "a duration as text, as in \"2 min 5 s\""},
    {"plural", 3, 3, kReject, Plural, "plural(n, one, other)",
     "one or other, by the plural category of n"},
};

}  // namespace

std::span<const FunctionSpec> NumberFunctions() { return kNumberFunctions; }

}  // namespace curlexplain
