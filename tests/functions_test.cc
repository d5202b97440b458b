#include "functions.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "curlexplain/expression.h"
#include "curlexplain/functions.h"
#include "curlexplain/value.h"

namespace curlexplain {
namespace {

// 2018-01-01T00:00:00Z, the "now" of every test here.
constexpr int64_t kReferenceTime = 1514764800;
// 2015-02-03T10:43:22Z, the date in the curl log examples.
constexpr int64_t kExampleDate = 1422960202;

// Returns the type and text of `value`, such as "int 3" or "string abc".
std::string Describe(const Value& value) {
  if (value.is_null()) return "null";
  if (value.is_bool()) return "bool " + value.ToString();
  if (value.is_int()) return "int " + value.ToString();
  if (value.is_double()) return "double " + value.ToString();
  return "string " + value.as_string();
}

class TestScope : public Scope {
 public:
  TestScope() {
    bindings_ = {
        {"name", "curl"},     {"empty", ""},
        {"nothing", nullptr}, {"table_name", "ciphers"},
        {"encoded", "a!"},    {"expire", "Feb  3 10:43:22 2015 GMT"},
    };
    tables_["ciphers"] = {{"c02f", "ECDHE-RSA-AES128-GCM-SHA256"}};
    tables_["codes"] = {{"404", "Not Found"}};
    state_["proxy"] = "on";
  }

  const Value* Find(std::string_view name) const override {
    auto it = bindings_.find(name);
    return it == bindings_.end() ? nullptr : &it->second;
  }
  std::optional<std::string> State(std::string_view key) const override {
    auto it = state_.find(key);
    if (it == state_.end()) return std::nullopt;
    return it->second;
  }
  const Table* FindTable(std::string_view name) const override {
    auto it = tables_.find(name);
    return it == tables_.end() ? nullptr : &it->second;
  }
  int64_t ReferenceTime() const override { return kReferenceTime; }
  const Locale& GetLocale() const override { return locale; }

  Locale locale;

 private:
  std::map<std::string, Value, std::less<>> bindings_;
  std::map<std::string, Table, std::less<>> tables_;
  std::map<std::string, std::string, std::less<>> state_;
};

struct CallCase {
  std::string_view source;
  std::string_view expected;
  std::string_view error = "";
};

void CheckCalls(const std::vector<CallCase>& cases,
                const TestScope& scope = TestScope()) {
  for (const CallCase& test : cases) {
    SCOPED_TRACE(test.source);
    ExpressionError parse_error;
    std::optional<Expression> expression =
        Expression::Parse(test.source, &parse_error);
    ASSERT_TRUE(expression.has_value()) << parse_error.message;
    std::string error;
    EXPECT_EQ(Describe(expression->Evaluate(scope, &error)), test.expected);
    EXPECT_EQ(error, test.error);
  }
}

Locale GermanLocale() {
  Locale locale;
  locale.decimal_separator = ",";
  locale.words = {
      {"byte.one", "Byte"},   {"byte.other", "Bytes"},
      {"year.one", "Jahr"},   {"year.other", "Jahren"},
      {"month.one", "Monat"}, {"month.other", "Monaten"},
      {"day.one", "Tag"},     {"day.other", "Tage"},
      {"ago", "vor {}"},      {"in", "in {}"},
      {"now", "gerade eben"},
  };
  return locale;
}

TEST(FunctionsTest, FormatsBytes) {
  CheckCalls({
      {"bytes(0)", "string 0 bytes"},
      {"bytes(1)", "string 1 byte"},
      {"bytes(1023)", "string 1023 bytes"},
      {"bytes(10.7)", "string 10 bytes"},
      {"bytes(1024)", "string 1 KiB"},
      {"bytes(1536)", "string 1.5 KiB"},
      {"bytes(104857600)", "string 100 MiB"},
      {"bytes('78643200')", "string 75 MiB"},
      {"bytes(1234567)", "string 1.2 MiB"},
      {"bytes(1048575)", "string 1 MiB"},
      {"bytes(1073741824)", "string 1 GiB"},
      {"bytes(1099511627776)", "string 1 TiB"},
      {"bytes(1125899906842624)", "string 1 PiB"},
      {"bytes(-1)", "null", "bytes: -1 is negative"},
      {"bytes('abc')", "null", "bytes: \"abc\" is not a number"},
      {"bytes(name)", "null", "bytes: 'name' is not a number: \"curl\""},
      {"bytes(nothing)", "null", "bytes: 'nothing' is null"},
  });
}

TEST(FunctionsTest, FormatsBytesInLocale) {
  TestScope scope;
  scope.locale = GermanLocale();
  CheckCalls({{"bytes(1536)", "string 1,5 KiB"},
              {"bytes(1)", "string 1 Byte"},
              {"bytes(10)", "string 10 Bytes"}},
             scope);
}

TEST(FunctionsTest, DecodesBase64) {
  CheckCalls({
      {"base64_decode('aGVsbG8=')", "string hello"},
      {"base64_decode('aGVsbG8')", "string hello"},
      {"base64_decode('aGk=')", "string hi"},
      {"base64_decode('aGk')", "string hi"},
      {"base64_decode('dXNlcjpwYXNz')", "string user:pass"},
      {"base64_decode('')", "string "},
      {"base64_decode('+/8=') == '\xfb\xff'", "bool true"},
      {"base64_decode('aGVsbG8==')", "null",
       "base64_decode: \"aGVsbG8==\" is invalid base64"},
      {"base64_decode('aGk==')", "null",
       "base64_decode: \"aGk==\" is invalid base64"},
      {"base64_decode('a')", "null", "base64_decode: \"a\" is invalid base64"},
      {"base64_decode('aG=k')", "null",
       "base64_decode: \"aG=k\" is invalid base64"},
      {"base64_decode('aGVs bG8=')", "null",
       "base64_decode: \"aGVs bG8=\" is invalid base64"},
      {"base64_decode('aGVs_G8=')", "null",
       "base64_decode: \"aGVs_G8=\" is invalid base64"},
      {"base64_decode(encoded)", "null",
       "base64_decode: 'encoded' is invalid base64: \"a!\""},
  });
}

TEST(FunctionsTest, ValidatesBase64) {
  CheckCalls({
      {"base64_valid('aGk=')", "bool true"},
      {"base64_valid('aGk')", "bool true"},
      {"base64_valid('')", "bool true"},
      {"base64_valid('a')", "bool false"},
      {"base64_valid('a b=')", "bool false"},
      {"base64_valid('====')", "bool false"},
  });
}

TEST(FunctionsTest, DetectsText) {
  CheckCalls({
      {"is_text('hello\tworld\r\n')", "bool true"},
      {"is_text('')", "bool true"},
      {"is_text('h\xc3\xa9llo')", "bool true"},
      {"is_text('\xf0\x9f\x98\x80')", "bool true"},
      {"is_text(base64_decode('AAEC'))", "bool false"},
      {"is_text('\x7f')", "bool false"},
      {"is_text('\xc2\x85')", "bool false"},
      {"is_text('\xff')", "bool false"},
      {"is_text('\xc0\xaf')", "bool false"},
      {"is_text('\xed\xa0\x80')", "bool false"},
      {"is_text('\xf4\x90\x80\x80')", "bool false"},
      {"is_text('\xe2\x82')", "bool false"},
      {"is_text(nothing)", "null", "is_text: 'nothing' is null"},
  });
}

TEST(FunctionsTest, LooksUpTables) {
  CheckCalls({
      {"lookup('ciphers', 'c02f')", "string ECDHE-RSA-AES128-GCM-SHA256"},
      {"lookup(table_name, 'c02f')", "string ECDHE-RSA-AES128-GCM-SHA256"},
      {"lookup('codes', 404)", "string Not Found"},
      {"lookup('ciphers', 'ffff')", "null"},
      {"lookup('ciphers', 'ffff', 'unknown')", "string unknown"},
      {"lookup('ciphers', nothing, 'none')", "string none"},
      {"lookup('nope', 'x')", "null", "lookup: unknown table 'nope'"},
      {"lookup(null, 'x')", "null", "lookup: the table name is null"},
  });
}

// Binds `d` to any text, to try date formats without quoting them.
class DateScope : public TestScope {
 public:
  const Value* Find(std::string_view name) const override {
    return name == "d" ? &date : TestScope::Find(name);
  }

  Value date;
};

TEST(FunctionsTest, ParsesDates) {
  constexpr int64_t kDay = 1422921600;  // 2015-02-03T00:00:00Z
  const std::pair<std::string_view, int64_t> cases[] = {
      {"2015-02-03 10:43:22 GMT", kExampleDate},
      {"Feb  3 10:43:22 2015 GMT", kExampleDate},
      {"Tue, 03 Feb 2015 10:43:22 GMT", kExampleDate},
      {"Tue Feb  3 10:43:22 2015", kExampleDate},
      {"feb 3 10:43:22 2015 gmt", kExampleDate},
      {"2015-02-03T10:43:22Z", kExampleDate},
      {"2015-02-03T10:43:22.250Z", kExampleDate},
      {"2015-02-03T11:43:22+01:00", kExampleDate},
      {"2015-02-03T11:43:22+0100", kExampleDate},
      {"2015-02-03T05:43:22-05:00", kExampleDate},
      {"2015-02-03 10:43:22", kExampleDate},
      {"2015-02-03T10:43Z", kExampleDate - 22},
      {"2015-02-03", kDay},
      {"  2015-02-03  ", kDay},
      {"2015-02-03T23:59:60Z", kDay + 86400},
      {"2016-02-29", 1456704000},
      {"1970-01-01T00:00:00Z", 0},
      {"1969-12-31T23:59:59Z", -1},
      {"1422960202", kExampleDate},
  };
  std::optional<Expression> expression = Expression::Parse("date(d)", {});
  ASSERT_TRUE(expression.has_value());
  for (const auto& [text, seconds] : cases) {
    SCOPED_TRACE(text);
    DateScope scope;
    scope.date = std::string(text);
    std::string error;
    EXPECT_EQ(expression->Evaluate(scope, &error), Value(seconds));
    EXPECT_EQ(error, "");
  }
}

TEST(FunctionsTest, RejectsBadDates) {
  CheckCalls({
      {"date(1422960202)", "int 1422960202"},
      {"date(1422960202.9)", "int 1422960202"},
      {"date('2015-02-29')", "null",
       "date: \"2015-02-29\" is not a date in a known format"},
      {"date('2015-13-01')", "null",
       "date: \"2015-13-01\" is not a date in a known format"},
      {"date('2015-02-03 25:00:00')", "null",
       "date: \"2015-02-03 25:00:00\" is not a date in a known format"},
      {"date('2015-02-03T10:43:22+01:')", "null",
       "date: \"2015-02-03T10:43:22+01:\" is not a date in a known format"},
      {"date('2015-02-03T10:43:22+24:00')", "null",
       "date: \"2015-02-03T10:43:22+24:00\" is not a date in a known "
       "format"},
      {"date('2015-02-03 10:43:22 CET')", "null",
       "date: \"2015-02-03 10:43:22 CET\" is not a date in a known format"},
      {"date('Foo  3 10:43:22 2015 GMT')", "null",
       "date: \"Foo  3 10:43:22 2015 GMT\" is not a date in a known format"},
      {"date('yesterday')", "null",
       "date: \"yesterday\" is not a date in a known format"},
      {"date(empty)", "null",
       "date: 'empty' is not a date in a known format: \"\""},
      {"date(1e300)", "null",
       "date: 1e+300 is out of the supported date range"},
  });
}

TEST(FunctionsTest, ReturnsReferenceTime) {
  CheckCalls({{"now()", "int 1514764800"}});
}

TEST(FunctionsTest, DescribesAge) {
  CheckCalls({
      {"age('2015-02-03 10:43:22 GMT')", "string 2 years 10 months ago"},
      {"age(expire)", "string 2 years 10 months ago"},
      {"age(now() + 5 * 86400)", "string in 5 days"},
      {"age(now() - 3 * 3600)", "string 3 hours ago"},
      {"age(now() - 30)", "string just now"},
      {"age(now() + 59)", "string just now"},
      {"age(now() - 60)", "string 1 minute ago"},
      {"age(now() - 90)", "string 1 minute 30 seconds ago"},
      {"age(now() - 86400 - 3600)", "string 1 day 1 hour ago"},
      {"age(now() - 2 * 86400 - 60)", "string 2 days ago"},
      {"age(now() + 31556952)", "string in 1 year"},
      {"age(str(now() - 7200))", "string 2 hours ago"},
      {"age('nonsense')", "null",
       "age: \"nonsense\" is not a date in a known format"},
      {"age(nothing)", "null", "age: 'nothing' is null"},
  });
}

TEST(FunctionsTest, DescribesAgeInLocale) {
  TestScope scope;
  scope.locale = GermanLocale();
  CheckCalls(
      {{"age('2015-02-03 10:43:22 GMT')", "string vor 2 Jahren 10 Monaten"},
       {"age(now() + 86400)", "string in 1 Tag"},
       {"age(now() + 3 * 3600)", "string in 3 hours"},
       {"age(now())", "string gerade eben"}},
      scope);
}

TEST(FunctionsTest, PicksWordsByPluralRule) {
  TestScope scope;
  scope.locale.plural_rule = std::make_shared<const Expression>(
      *Expression::Parse("n == 1 ? 'one' : n < 5 ? 'few' : 'other'", nullptr));
  scope.locale.words = {{"year.one", "rok"},
                        {"year.few", "roky"},
                        {"year.other", "let"},
                        {"day.other", "dní"},
                        {"ago", "před {}"}};
  CheckCalls({{"age(now() - 31556952)", "string před 1 rok"},
              {"age(now() - 3 * 31556952)", "string před 3 roky"},
              {"age(now() - 5 * 31556952)", "string před 5 let"},
              {"age(now() - 3 * 86400)", "string před 3 dní"},
              {"age(now() - 3 * 3600)", "string před 3 hours"},
              {"plural(3, 'a', 'b')", "string b"}},
             scope);
}

TEST(FunctionsTest, CountsDaysUntil) {
  CheckCalls({
      {"days_until('2018-01-11')", "int 10"},
      {"days_until('2017-12-22')", "int -10"},
      {"days_until(now() + 86399)", "int 0"},
      {"days_until(now() - 86399)", "int 0"},
      {"days_until(now() - 129600)", "int -1"},
      {"days_until('Feb  3 10:43:22 2015 GMT')", "int -1062"},
      {"days_until('soon')", "null",
       "days_until: \"soon\" is not a date in a known format"},
  });
}

TEST(FunctionsTest, FormatsDurations) {
  CheckCalls({
      {"duration(0)", "string 0 ms"},
      {"duration(0.25)", "string 250 ms"},
      {"duration('0.999')", "string 999 ms"},
      {"duration(0.9996)", "string 1 s"},
      {"duration(1)", "string 1 s"},
      {"duration(1.5)", "string 1.5 s"},
      {"duration('2.5')", "string 2.5 s"},
      {"duration(59.96)", "string 1 min"},
      {"duration(120)", "string 2 min"},
      {"duration(125)", "string 2 min 5 s"},
      {"duration(3600)", "string 1 h"},
      {"duration(11520)", "string 3 h 12 min"},
      {"duration(86400)", "string 1 day"},
      {"duration(4 * 86400 + 2 * 3600)", "string 4 days 2 h"},
      {"duration(-1)", "null", "duration: -1 is negative"},
      {"duration('soon')", "null", "duration: \"soon\" is not a number"},
      {"duration(1e300)", "null", "duration: 1e+300 is too large"},
  });
}

TEST(FunctionsTest, FormatsDurationsInLocale) {
  TestScope scope;
  scope.locale = GermanLocale();
  CheckCalls({{"duration(1.5)", "string 1,5 s"},
              {"duration(2 * 86400)", "string 2 Tage"}},
             scope);
}

TEST(FunctionsTest, ConvertsToInteger) {
  CheckCalls({
      {"int(3.9)", "int 3"},
      {"int(-3.9)", "int -3"},
      {"int(7)", "int 7"},
      {"int('42')", "int 42"},
      {"int(' 7 ')", "int 7"},
      {"int('3.9')", "int 3"},
      {"int('0x1f')", "int 31"},
      {"int('0X1F')", "int 31"},
      {"int('-0x10')", "int -16"},
      {"int('0x7fffffffffffffff')", "int 9223372036854775807"},
      {"int('-0x8000000000000000')", "int -9223372036854775808"},
      {"int('0x8000000000000000')", "null",
       "int: \"0x8000000000000000\" is out of the 64-bit integer range"},
      {"int('0x')", "null", "int: \"0x\" is not a number"},
      {"int('0xg')", "null", "int: \"0xg\" is not a number"},
      {"int('abc')", "null", "int: \"abc\" is not a number"},
      {"int(true)", "null", "int: true is not a number"},
      {"int(1e19)", "null", "int: 1e+19 is out of the 64-bit integer range"},
  });
}

TEST(FunctionsTest, ConvertsToNumber) {
  CheckCalls({
      {"number('12')", "int 12"},
      {"number('1.5')", "double 1.5"},
      {"number(' 2e3 ')", "double 2000"},
      {"number(4)", "int 4"},
      {"number('0x10')", "null", "number: \"0x10\" is not a number"},
      {"number(name)", "null", "number: 'name' is not a number: \"curl\""},
  });
}

TEST(FunctionsTest, RoundsNumbers) {
  CheckCalls({
      {"round(2.5)", "int 3"},
      {"round(-2.5)", "int -3"},
      {"round(2.4)", "int 2"},
      {"round(7)", "int 7"},
      {"round(3.14159, 2)", "double 3.14"},
      {"round('2.75', 1)", "double 2.8"},
      {"round(5, 2)", "int 5"},
      {"round(1234.5, -2)", "int 1200"},
      {"round(1234, -2)", "int 1200"},
      {"round(1e300, 2)", "double 1e+300"},
      {"round(-0.04, 1)", "double 0"},
      {"round(1.5, 16)", "null",
       "round: digits must be between -15 and 15, got 16"},
      {"round(1.5, 0.5)", "null", "round: 0.5 is not a whole number"},
      {"round(1e300)", "null",
       "round: 1e+300 is out of the 64-bit integer range"},
      {"floor(2.7)", "int 2"},
      {"floor(-2.1)", "int -3"},
      {"floor(5)", "int 5"},
      {"floor('x')", "null", "floor: \"x\" is not a number"},
      {"ceil(2.1)", "int 3"},
      {"ceil(-2.7)", "int -2"},
      {"ceil('4')", "int 4"},
  });
}

TEST(FunctionsTest, PicksMinAndMax) {
  CheckCalls({
      {"min(3, 2.5)", "double 2.5"},
      {"min(2, 3)", "int 2"},
      {"min(-1, '-2')", "int -2"},
      {"max('10', 9)", "int 10"},
      {"max(1.5, 1)", "double 1.5"},
      {"max(9223372036854775807, 9223372036854775806)",
       "int 9223372036854775807"},
      {"min('a', 1)", "null", "min: \"a\" is not a number"},
  });
}

TEST(FunctionsTest, FormatsFixedDecimals) {
  CheckCalls({
      {"fixed(3.14159, 2)", "string 3.14"},
      {"fixed(2, 3)", "string 2.000"},
      {"fixed(2, 0)", "string 2"},
      {"fixed(-1.5, 2)", "string -1.50"},
      {"fixed('0.125', 1)", "string 0.1"},
      {"fixed(9007199254740993, 1)", "string 9007199254740993.0"},
      {"fixed(1, -1)", "null",
       "fixed: digits must be between 0 and 20, got -1"},
      {"fixed(1, 21)", "null",
       "fixed: digits must be between 0 and 20, got 21"},
  });
}

TEST(FunctionsTest, FormatsFixedInLocale) {
  TestScope scope;
  scope.locale = GermanLocale();
  CheckCalls({{"fixed(3.14159, 2)", "string 3,14"}}, scope);
}

TEST(FunctionsTest, FormatsHexadecimal) {
  CheckCalls({
      {"hex(31)", "string 0x1f"},
      {"hex(0)", "string 0x0"},
      {"hex(-31)", "string -0x1f"},
      {"hex('255')", "string 0xff"},
      {"hex(-9223372036854775807 - 1)", "string -0x8000000000000000"},
      {"hex(1.5)", "null", "hex: 1.5 is not a whole number"},
  });
}

TEST(FunctionsTest, PicksPluralForm) {
  CheckCalls({
      {"plural(1, 'file', 'files')", "string file"},
      {"plural(2, 'file', 'files')", "string files"},
      {"plural(0, 'file', 'files')", "string files"},
      {"plural('1', 'file', 'files')", "string file"},
      {"plural(name, 'file', 'files')", "null",
       "plural: 'name' is not a number: \"curl\""},
  });
}

TEST(FunctionsTest, ChangesCaseAndTrims) {
  CheckCalls({
      {"str(42)", "string 42"},
      {"str(1.5)", "string 1.5"},
      {"str(true)", "string true"},
      {"str(nothing)", "string "},
      {"lower('MiXeD \xc3\x84')", "string mixed \xc3\x84"},
      {"upper('abc-1')", "string ABC-1"},
      {"upper(42)", "string 42"},
      {"trim('  a b \t\n')", "string a b"},
      {"trim('')", "string "},
      {"lower(nothing)", "null", "lower: 'nothing' is null"},
  });
}

TEST(FunctionsTest, LenCountsCodePoints) {
  CheckCalls({
      {"len('abc')", "int 3"},
      {"len('')", "int 0"},
      {"len('h\xc3\xa9llo')", "int 5"},
      {"len('\xff')", "int 1"},
      {"len(12345)", "int 5"},
  });
}

TEST(FunctionsTest, SearchesText) {
  CheckCalls({
      {"contains('hello', 'ell')", "bool true"},
      {"contains('hello', '')", "bool true"},
      {"contains('hello', 'xyz')", "bool false"},
      {"contains(12345, 23)", "bool true"},
      {"starts_with('HTTP/2', 'HTTP/')", "bool true"},
      {"starts_with('a', 'abc')", "bool false"},
      {"ends_with('file.tar.gz', '.gz')", "bool true"},
      {"ends_with('file.tar.gz', '.tar')", "bool false"},
      {"count('a,b,c', ',')", "int 2"},
      {"count('aaaa', 'aa')", "int 2"},
      {"count('abc', 'x')", "int 0"},
      {"count('abc', '')", "null", "count: the text to count is empty"},
  });
}

TEST(FunctionsTest, ReplacesText) {
  CheckCalls({
      {"replace('a-b-c', '-', '+')", "string a+b+c"},
      {"replace('aaa', 'aa', 'b')", "string ba"},
      {"replace('abc', 'x', 'y')", "string abc"},
      {"replace('abc', 'b', '')", "string ac"},
      {"replace('abc', '', 'y')", "null",
       "replace: the text to replace is empty"},
  });
}

TEST(FunctionsTest, SplitsText) {
  CheckCalls({
      {"split('a,b,c', ',', 1)", "string b"},
      {"split('a,b,c', ',', -1)", "string c"},
      {"split('a,b,c', ',', -3)", "string a"},
      {"split('a,b,c', ',', 3)", "null"},
      {"split('a,b,c', ',', -4)", "null"},
      {"split('a,,c', ',', 1)", "string "},
      {"split('abc', ',', 0)", "string abc"},
      {"split('a::b', '::', 1)", "string b"},
      {"split('a', '', 0)", "null", "split: the separator is empty"},
      {"split('a', ',', 'x')", "null", "split: \"x\" is not a number"},
      {"word('  GET /index.html HTTP/1.1 ', 1)", "string /index.html"},
      {"word('  GET /index.html HTTP/1.1 ', -1)", "string HTTP/1.1"},
      {"word('a\tb', 1)", "string b"},
      {"word('a b', 2)", "null"},
      {"word('', 0)", "null"},
      {"word('a b', 0.5)", "null", "word: 0.5 is not a whole number"},
  });
}

TEST(FunctionsTest, HandlesOptionalValues) {
  CheckCalls({
      {"default(nothing, 'x')", "string x"},
      {"default(empty, 'x')", "string x"},
      {"default(0, 'x')", "int 0"},
      {"default(missing, 5)", "int 5"},
      {"default(name, 'x')", "string curl"},
      {"default(missing, nothing)", "null"},
      {"defined(nothing)", "bool false"},
      {"defined(missing)", "bool false"},
      {"defined(name)", "bool true"},
      {"defined(empty)", "bool true"},
      {"defined(missing + 1)", "null", "undefined name 'missing'"},
  });
}

TEST(FunctionsTest, ReadsState) {
  CheckCalls({
      {"state('proxy')", "string on"},
      {"state('missing')", "null"},
      {"state(nothing)", "null", "state: 'nothing' is null"},
  });
}

TEST(FunctionsTest, SuggestsNearNames) {
  EXPECT_EQ(SuggestFunction("byts"), "bytes");
  EXPECT_EQ(SuggestFunction("uper"), "upper");
  EXPECT_EQ(SuggestFunction("lenn"), "len");
  EXPECT_EQ(SuggestFunction("date_until"), "days_until");
  EXPECT_EQ(SuggestFunction("xyz"), "");
  EXPECT_EQ(SuggestFunction("frobnicate"), "");
}

TEST(FunctionsTest, ListsBuiltinsSortedByName) {
  std::vector<FunctionInfo> functions = BuiltinFunctions();
  ASSERT_EQ(functions.size(), 35u);
  for (size_t i = 0; i < functions.size(); ++i) {
    SCOPED_TRACE(functions[i].name);
    if (i > 0) {
      EXPECT_LT(functions[i - 1].name, functions[i].name);
    }
    EXPECT_TRUE(functions[i].signature.starts_with(
        std::string(functions[i].name) + "("));
    EXPECT_FALSE(functions[i].summary.empty());
    EXPECT_NE(FindFunction(functions[i].name), nullptr);
  }
}

TEST(FunctionsTest, DocumentsEveryFunction) {
  std::ifstream file(CURLEXPLAIN_TEST_DATA_DIR "/../../docs/expressions.md");
  ASSERT_TRUE(file.is_open());
  std::stringstream text;
  text << file.rdbuf();
  for (const FunctionInfo& function : BuiltinFunctions()) {
    SCOPED_TRACE(function.name);
    std::string heading = "#### `" + std::string(function.signature) + "`";
    EXPECT_NE(text.str().find(heading), std::string::npos);
  }
}

}  // namespace
}  // namespace curlexplain
