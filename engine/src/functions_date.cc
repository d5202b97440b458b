// Built-in functions on dates: parsing the forms curl prints, the reference
// time, and relative wording.
#include <fmt/format.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <optional>

#include "functions.h"

namespace curlexplain {
namespace {

constexpr int64_t kSecondsPerDay = 86400;

// A date and time as written, with its offset from UTC.
struct DateFields {
  int year = 0;
  int month = 0;
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
  int offset_seconds = 0;  // east of UTC is positive: "+01:00" is 3600
};

// A cursor over date text. Each method consumes input only on success.
class DateScanner {
 public:
  explicit DateScanner(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ == text_.size(); }
  bool Peek(char c) const { return pos_ < text_.size() && text_[pos_] == c; }

  bool Char(char c) {
    if (!Peek(c)) return false;
    ++pos_;
    return true;
  }

  // Consumes one or more spaces.
  bool Spaces() {
    size_t start = pos_;
    while (Peek(' ')) ++pos_;
    return pos_ > start;
  }

  // Consumes `min` to `max` decimal digits.
  bool Digits(size_t min, size_t max, int* out) {
    size_t end = pos_;
    int value = 0;
    while (end < text_.size() && end - pos_ < max && text_[end] >= '0' &&
           text_[end] <= '9') {
      value = value * 10 + (text_[end] - '0');
      ++end;
    }
    if (end - pos_ < min) return false;
    pos_ = end;
    *out = value;
    return true;
  }

  // Consumes a run of ASCII letters and returns it, or "" when none.
  std::string_view Word() {
    size_t start = pos_;
    while (pos_ < text_.size() && IsLetter(text_[pos_])) ++pos_;
    return text_.substr(start, pos_ - start);
  }

  // Consumes a word that equals one of `words`, ignoring case.
  bool Keyword(std::initializer_list<std::string_view> words) {
    size_t start = pos_;
    std::string_view word = Word();
    for (std::string_view candidate : words) {
      if (EqualsIgnoringCase(word, candidate)) return true;
    }
    pos_ = start;
    return false;
  }

  bool MonthName(int* month) {
    static constexpr std::string_view kMonths[] = {"jan", "feb", "mar", "apr",
                                                   "may", "jun", "jul", "aug",
                                                   "sep", "oct", "nov", "dec"};
    size_t start = pos_;
    std::string_view word = Word();
    for (int i = 0; i < 12; ++i) {
      if (EqualsIgnoringCase(word, kMonths[i])) {
        *month = i + 1;
        return true;
      }
    }
    pos_ = start;
    return false;
  }

 private:
  static bool IsLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
  static bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
      if ((a[i] | 0x20) != (b[i] | 0x20)) return false;
    }
    return true;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

bool IsWeekday(DateScanner* in) {
  return in->Keyword({"mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday",
                      "tuesday", "wednesday", "thursday", "friday", "saturday",
                      "sunday"});
}

// Parses "hh:mm" with an optional ":ss" and, when `fraction_allowed`, an
// optional ".fraction" that is ignored.
bool ParseTime(DateScanner* in, DateFields* fields, bool fraction_allowed) {
  if (!in->Digits(2, 2, &fields->hour) || !in->Char(':') ||
      !in->Digits(2, 2, &fields->minute)) {
    return false;
  }
  if (!in->Char(':')) return true;
  if (!in->Digits(2, 2, &fields->second)) return false;
  int ignored;
  if (fraction_allowed && in->Char('.') && !in->Digits(1, 9, &ignored)) {
    return false;
  }
  return true;
}

// Parses an optional time zone at the end: "Z", "GMT", "UTC", "+01:00",
// "+0100" or "-05", with or without a space before it.
bool ParseZone(DateScanner* in, DateFields* fields) {
  in->Spaces();
  if (in->AtEnd() || in->Keyword({"z", "gmt", "utc"})) return true;

  int sign = 0;
  if (in->Char('+')) sign = 1;
  if (sign == 0 && in->Char('-')) sign = -1;
  int hours = 0;
  int minutes = 0;
  if (sign == 0 || !in->Digits(2, 2, &hours)) return false;
  if (in->Char(':')) {
    if (!in->Digits(2, 2, &minutes)) return false;
  } else {
    in->Digits(2, 2, &minutes);
  }
  if (hours > 23 || minutes > 59) return false;
  fields->offset_seconds = sign * (hours * 3600 + minutes * 60);
  return true;
}

// "2015-02-03", "2015-02-03T10:43:22Z", "2015-02-03T10:43:22.5+01:00",
// "2015-02-03 10:43:22 GMT".
bool ParseIso(DateScanner in, DateFields* fields) {
  if (!in.Digits(4, 4, &fields->year) || !in.Char('-') ||
      !in.Digits(2, 2, &fields->month) || !in.Char('-') ||
      !in.Digits(2, 2, &fields->day)) {
    return false;
  }
  if (in.AtEnd()) return true;
  if (!in.Char('T') && !in.Char('t') && !in.Spaces()) return false;
  return ParseTime(&in, fields, true) && ParseZone(&in, fields) && in.AtEnd();
}

// "Tue, 03 Feb 2015 10:43:22 GMT", the HTTP date of RFC 9110.
bool ParseRfc1123(DateScanner in, DateFields* fields) {
  if (IsWeekday(&in)) {
    in.Char(',');
    in.Spaces();
  }
  return in.Digits(1, 2, &fields->day) && in.Spaces() &&
         in.MonthName(&fields->month) && in.Spaces() &&
         in.Digits(4, 4, &fields->year) && in.Spaces() &&
         ParseTime(&in, fields, false) && ParseZone(&in, fields) && in.AtEnd();
}

// "Feb  3 10:43:22 2015 GMT", as OpenSSL prints certificate dates, and the
// C asctime() form "Tue Feb  3 10:43:22 2015".
bool ParseAsn1(DateScanner in, DateFields* fields) {
  if (IsWeekday(&in)) in.Spaces();
  return in.MonthName(&fields->month) && in.Spaces() &&
         in.Digits(1, 2, &fields->day) && in.Spaces() &&
         ParseTime(&in, fields, false) && in.Spaces() &&
         in.Digits(4, 4, &fields->year) && ParseZone(&in, fields) && in.AtEnd();
}

// Returns the seconds since the epoch of `fields`, like timegm() but
// without the process time zone, or nullopt for an impossible date.
std::optional<int64_t> ToEpochSeconds(const DateFields& fields) {
  namespace chrono = std::chrono;
  chrono::year_month_day date{chrono::year(fields.year),
                              chrono::month(fields.month),
                              chrono::day(fields.day)};
  // A leap second (:60) is allowed and counts as the next minute's first.
  if (!date.ok() || fields.hour > 23 || fields.minute > 59 ||
      fields.second > 60) {
    return std::nullopt;
  }
  int64_t days = chrono::sys_days(date).time_since_epoch().count();
  return days * kSecondsPerDay + fields.hour * 3600 + fields.minute * 60 +
         fields.second - fields.offset_seconds;
}

std::optional<int64_t> ParseDate(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);

  for (auto* parse : {ParseIso, ParseRfc1123, ParseAsn1}) {
    DateFields fields;
    if (parse(DateScanner(text), &fields)) return ToEpochSeconds(fields);
  }
  return std::nullopt;
}

// Returns argument `index` as seconds since the epoch: numbers and numeric
// strings as they are (truncated), other text parsed as a date.
int64_t DateArgument(const Call& call, size_t index) {
  const Value& value = call.value(index);
  if (value.ToNumericValue()) {
    double seconds = std::trunc(call.Number(index));
    // Beyond ±2^62 seconds, differences with the reference time could
    // overflow int64. Real dates are far smaller.
    if (std::abs(seconds) >= 4611686018427387904.0) {
      call.FailArgument(index, "is out of the supported date range");
    }
    return static_cast<int64_t>(seconds);
  }

  std::optional<int64_t> seconds = ParseDate(call.Text(index));
  if (!seconds) call.FailArgument(index, "is not a date in a known format");
  return *seconds;
}

Value Date(const Call& call) { return DateArgument(call, 0); }

Value Now(const Call& call) { return call.scope().ReferenceTime(); }

Value DaysUntil(const Call& call) {
  int64_t difference = DateArgument(call, 0) - call.scope().ReferenceTime();
  return difference / kSecondsPerDay;
}

// Returns the two largest units of `seconds` that apply, as in "2 years 10
// months": the largest unit that is at least 1, and the next smaller unit
// when its count is not 0.
std::string DescribeSpan(const Locale& locale, int64_t seconds) {
  struct Unit {
    std::string_view name;
    int64_t seconds;
  };
  // A year of 365.2425 days, the mean Gregorian year, and a twelfth of it.
  static constexpr Unit kUnits[] = {
      {"year", 31556952}, {"month", 2629746}, {"day", kSecondsPerDay},
      {"hour", 3600},     {"minute", 60},     {"second", 1},
  };

  size_t i = 0;
  while (i + 1 < std::size(kUnits) && seconds < kUnits[i].seconds) ++i;
  std::string text =
      CountWithUnit(locale, seconds / kUnits[i].seconds, kUnits[i].name);
  if (i + 1 == std::size(kUnits)) return text;

  const Unit& next = kUnits[i + 1];
  int64_t minor = seconds % kUnits[i].seconds / next.seconds;
  if (minor == 0) return text;
  return fmt::format("{} {}", text, CountWithUnit(locale, minor, next.name));
}

Value Age(const Call& call) {
  int64_t difference = DateArgument(call, 0) - call.scope().ReferenceTime();
  const Locale& locale = call.locale();
  if (std::llabs(difference) < 60) return LocaleWord(locale, "now");

  std::string span = DescribeSpan(locale, std::llabs(difference));
  return FillPlaceholder(LocaleWord(locale, difference < 0 ? "ago" : "in"),
                         span);
}

constexpr NullArguments kReject = NullArguments::kReject;

constexpr FunctionSpec kDateFunctions[] = {
    {"date", 1, 1, kReject, Date, "date(s)",
     "the date s in seconds since the epoch"},
    {"now", 0, 0, kReject, Now, "now()",
     "the reference time in seconds since the epoch"},
    {"age", 1, 1, kReject, Age, "age(d)",
     "how long ago or ahead date d is, as in \"3 hours ago\""},
    {"days_until", 1, 1, kReject, DaysUntil, "days_until(d)",
     "whole days from the reference time to date d"},
};

}  // namespace

std::span<const FunctionSpec> DateFunctions() { return kDateFunctions; }

}  // namespace curlexplain
