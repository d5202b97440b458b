#include "functions.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "curlexplain/functions.h"
#include "suggest.h"

namespace curlexplain {
namespace {

constexpr size_t kMaxDescribedBytes = 40;

void AppendEscaped(char c, std::string* out) {
  switch (c) {
    case '"':
      *out += "\\\"";
      return;
    case '\\':
      *out += "\\\\";
      return;
    case '\n':
      *out += "\\n";
      return;
    case '\r':
      *out += "\\r";
      return;
    case '\t':
      *out += "\\t";
      return;
  }
  unsigned char byte = static_cast<unsigned char>(c);
  if (byte < 0x20 || byte == 0x7f) {
    *out += fmt::format("\\x{:02x}", byte);
  } else {
    *out += c;
  }
}

std::string QuoteForMessage(std::string_view text) {
  bool cut = text.size() > kMaxDescribedBytes;
  if (cut) {
    size_t end = kMaxDescribedBytes;
    // Back off to the start of a UTF-8 sequence so that none is split.
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xc0) == 0x80) {
      --end;
    }
    text = text.substr(0, end);
  }

  std::string out = "\"";
  for (char c : text) AppendEscaped(c, &out);
  out += cut ? "...\"" : "\"";
  return out;
}

const std::map<std::string, std::string, std::less<>>& EnglishWords() {
  static const auto* words =
      new std::map<std::string, std::string, std::less<>>{
          {"byte.one", "byte"},     {"byte.other", "bytes"},
          {"year.one", "year"},     {"year.other", "years"},
          {"month.one", "month"},   {"month.other", "months"},
          {"day.one", "day"},       {"day.other", "days"},
          {"hour.one", "hour"},     {"hour.other", "hours"},
          {"minute.one", "minute"}, {"minute.other", "minutes"},
          {"second.one", "second"}, {"second.other", "seconds"},
          {"ago", "{} ago"},        {"in", "in {}"},
          {"now", "just now"},
      };
  return *words;
}

const std::string* FindWord(
    const std::map<std::string, std::string, std::less<>>& words,
    std::string_view key) {
  auto it = words.find(key);
  return it == words.end() ? nullptr : &it->second;
}

const std::vector<FunctionSpec>& AllFunctions() {
  static const auto* all = [] {
    auto* table = new std::vector<FunctionSpec>;
    for (auto part : {TextFunctions(), NumberFunctions(), DateFunctions(),
                      ScopeFunctions()}) {
      table->insert(table->end(), part.begin(), part.end());
    }
    return table;
  }();
  return *all;
}

}  // namespace

std::string DescribeValue(const Value& value) {
  if (value.is_null()) return "null";
  if (value.is_string()) return QuoteForMessage(value.as_string());
  return value.ToString();
}

std::string DescribeProblem(const Operand& operand, const Value& value,
                            std::string_view problem) {
  if (operand.is_literal) {
    return fmt::format("{} {}", DescribeValue(value), problem);
  }
  return fmt::format("'{}' {}: {}", operand.source, problem,
                     DescribeValue(value));
}

Value RequireNumeric(const Operand& operand, const Value& value) {
  if (value.is_null()) {
    throw EvaluationError(fmt::format("'{}' is null", operand.source));
  }
  std::optional<Value> numeric = value.ToNumericValue();
  if (!numeric) {
    throw EvaluationError(DescribeProblem(operand, value, "is not a number"));
  }
  return *numeric;
}

std::string Call::Text(size_t index) const { return values_[index].ToString(); }

Value Call::Numeric(size_t index) const {
  try {
    return RequireNumeric(operands_[index], values_[index]);
  } catch (const EvaluationError& error) {
    Fail(error.what());
  }
}

double Call::Number(size_t index) const {
  Value numeric = Numeric(index);
  if (numeric.is_int()) return static_cast<double>(numeric.as_int());
  return numeric.as_double();
}

int64_t Call::WholeNumber(size_t index) const {
  Value numeric = Numeric(index);
  if (numeric.is_int()) return numeric.as_int();

  double number = numeric.as_double();
  if (std::trunc(number) != number) {
    FailArgument(index, "is not a whole number");
  }
  // 2^63 is exactly representable, so this rejects everything that does
  // not fit in int64.
  if (number < -9223372036854775808.0 || number >= 9223372036854775808.0) {
    FailArgument(index, "is out of the 64-bit integer range");
  }
  return static_cast<int64_t>(number);
}

std::string Call::NonEmptyText(size_t index,
                               std::string_view description) const {
  std::string text = Text(index);
  if (text.empty()) Fail(fmt::format("{} is empty", description));
  return text;
}

void Call::Fail(std::string_view message) const {
  throw EvaluationError(fmt::format("{}: {}", function_, message));
}

void Call::FailArgument(size_t index, std::string_view problem) const {
  Fail(DescribeProblem(operands_[index], values_[index], problem));
}

const FunctionSpec* FindFunction(std::string_view name) {
  for (const FunctionSpec& spec : AllFunctions()) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

std::string SuggestFunction(std::string_view name) {
  std::vector<std::string_view> names;
  for (const FunctionSpec& spec : AllFunctions()) names.push_back(spec.name);
  return ClosestMatch(name, names);
}

std::string LocaleWord(const Locale& locale, std::string_view key) {
  if (const std::string* word = FindWord(locale.words, key)) return *word;
  if (const std::string* word = FindWord(EnglishWords(), key)) return *word;
  return std::string(key);
}

std::string CountWithUnit(const Locale& locale, int64_t count,
                          std::string_view unit) {
  std::string key = fmt::format(
      "{}.{}", unit, locale.PluralCategory(static_cast<double>(count)));
  std::string other = fmt::format("{}.other", unit);
  // A translation may use categories such as "few" that English lacks, so
  // fall back to "other" before falling back to English.
  const std::string* word = FindWord(locale.words, key);
  if (!word) word = FindWord(locale.words, other);
  if (!word) word = FindWord(EnglishWords(), key);
  if (!word) word = FindWord(EnglishWords(), other);
  return fmt::format("{} {}", count, word ? *word : std::string(unit));
}

std::string FillPlaceholder(std::string_view pattern, std::string_view text) {
  size_t at = pattern.find("{}");
  if (at == std::string_view::npos) return std::string(pattern);
  return fmt::format("{}{}{}", pattern.substr(0, at), text,
                     pattern.substr(at + 2));
}

std::string FormatOneDecimal(const Locale& locale, double number) {
  std::string text = fmt::format("{:.1f}", number);
  if (text.ends_with(".0")) {
    text.resize(text.size() - 2);
    return text;
  }
  size_t point = text.find('.');
  if (point != std::string::npos) {
    text.replace(point, 1, locale.decimal_separator);
  }
  return text;
}

std::vector<FunctionInfo> BuiltinFunctions() {
  std::vector<FunctionInfo> infos;
  for (const FunctionSpec& spec : AllFunctions()) {
    infos.push_back({spec.name, spec.signature, spec.summary});
  }
  std::sort(infos.begin(), infos.end(),
            [](const FunctionInfo& a, const FunctionInfo& b) {
              return a.name < b.name;
            });
  return infos;
}

}  // namespace curlexplain
