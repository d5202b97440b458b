#include "curlexplain/expression.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "curlexplain/value.h"

namespace curlexplain {
namespace {

// Returns the type and text of `value`, such as "int 3" or "string abc", so
// that a table can state the expected type too.
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
        {"size", "104857600"}, {"count", 3},
        {"half", 0.5},         {"name", "curl"},
        {"empty", ""},         {"nothing", nullptr},
        {"flag", true},        {"big", std::numeric_limits<int64_t>::max()},
        {"text", "abc"},       {"negative", "-7"},
        {"multiline", "a\nb"}, {"long_text", std::string(50, 'x')},
    };
  }

  const Value* Find(std::string_view name) const override {
    auto it = bindings_.find(name);
    return it == bindings_.end() ? nullptr : &it->second;
  }
  int64_t ReferenceTime() const override { return 1514764800; }

 private:
  std::map<std::string, Value, std::less<>> bindings_;
};

// Parses and evaluates `source`. Returns Describe() of the result and
// stores the evaluation error, or the parse error, in `*error`.
std::string Run(std::string_view source, std::string* error) {
  ExpressionError parse_error;
  std::optional<Expression> expression =
      Expression::Parse(source, &parse_error);
  if (!expression) {
    *error = "parse error: " + parse_error.message;
    return "null";
  }
  return Describe(expression->Evaluate(TestScope(), error));
}

struct EvaluationCase {
  std::string_view source;
  std::string_view expected;
  std::string_view error = "";
};

void CheckEvaluation(const std::vector<EvaluationCase>& cases) {
  for (const EvaluationCase& test : cases) {
    SCOPED_TRACE(test.source);
    std::string error;
    std::string result = Run(test.source, &error);
    EXPECT_EQ(result, test.expected);
    EXPECT_EQ(error, test.error);
  }
}

TEST(ExpressionTest, EvaluatesLiterals) {
  CheckEvaluation({
      {"42", "int 42"},
      {"1.5", "double 1.5"},
      {"1e3", "double 1000"},
      {"2.5E-1", "double 0.25"},
      {"'single'", "string single"},
      {"\"double\"", "string double"},
      {R"('it\'s')", "string it's"},
      {R"("say \"hi\"")", "string say \"hi\""},
      {R"('a\\b')", "string a\\b"},
      {"'it''s'", "string it's"},
      {R"("say ""hi""")", "string say \"hi\""},
      {"''''", "string '"},
      {"'' ~ 'a'", "string a"},
      {R"('say "hi"')", "string say \"hi\""},
      {R"('tab\there')", "string tab\there"},
      {R"('line\nbreak')", "string line\nbreak"},
      {"''", "string "},
      {"true", "bool true"},
      {"false", "bool false"},
      {"null", "null"},
  });
}

TEST(ExpressionTest, EvaluatesArithmetic) {
  CheckEvaluation({
      {"1 + 2 * 3", "int 7"},
      {"(1 + 2) * 3", "int 9"},
      {"10 - 4 - 3", "int 3"},
      {"7 / 2", "double 3.5"},
      {"6 / 2", "double 3"},
      {"7 % 3", "int 1"},
      {"-7 % 3", "int -1"},
      {"7.5 % 2", "double 1.5"},
      {"size * 3", "int 314572800"},
      {"'1.5' + 1", "double 2.5"},
      {"' 12 ' + 1", "int 13"},
      {"count - 5", "int -2"},
      {"negative + 0", "int -7"},
      {"half * 2", "double 1"},
      {"-count", "int -3"},
      {"- -count", "int 3"},
      {"-half", "double -0.5"},
      {"2 * -3", "int -6"},
      {"-9223372036854775807 - 1", "int -9223372036854775808"},
      {"big / 1", "double 9223372036854775808"},
  });
}

TEST(ExpressionTest, ReportsArithmeticErrors) {
  CheckEvaluation({
      {"big + 1", "null", "integer overflow in 'big + 1'"},
      {"-big - 2", "null", "integer overflow in '-big - 2'"},
      {"big * 2", "null", "integer overflow in 'big * 2'"},
      {"-(-9223372036854775807 - 1)", "null",
       "integer overflow in '-(-9223372036854775807 - 1)'"},
      {"1e308 * 10", "null", "number overflow in '1e308 * 10'"},
      {"1 / 0", "null", "division by zero in '1 / 0'"},
      {"1 / 0.0", "null", "division by zero in '1 / 0.0'"},
      {"count % 0", "null", "modulo by zero in 'count % 0'"},
      {"text * 2", "null", "'text' is not a number: \"abc\""},
      {"'abc' * 2", "null", "\"abc\" is not a number"},
      {"flag + 1", "null", "'flag' is not a number: true"},
      {"-name", "null", "'name' is not a number: \"curl\""},
      {"nothing + 1", "null", "'nothing' is null"},
      {"(count + nothing) * 2", "null", "'nothing' is null"},
      {"null * 2", "null", "'null' is null"},
      {"missing + 1", "null", "undefined name 'missing'"},
      {"empty + 1", "null", "'empty' is not a number: \"\""},
  });
}

TEST(ExpressionTest, KeepsErrorsOnOneLine) {
  CheckEvaluation({
      {"multiline * 2", "null", "'multiline' is not a number: \"a\\nb\""},
      {"long_text * 2", "null",
       "'long_text' is not a number: "
       "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\""},
  });
}

TEST(ExpressionTest, ConcatenatesAsText) {
  CheckEvaluation({
      {"name ~ '/' ~ count", "string curl/3"},
      {"nothing ~ 'x'", "string x"},
      {"half ~ ''", "string 0.5"},
      {"flag ~ 1", "string true1"},
      {"1 + 2 ~ 3", "string 33"},
  });
}

TEST(ExpressionTest, ComparesNumbersAndText) {
  CheckEvaluation({
      {"size > 1000", "bool true"},
      {"'10' == 10", "bool true"},
      {"'10.0' == 10", "bool true"},
      {"1 == 1.0", "bool true"},
      {"'10' < '9'", "bool false"},
      {"'a10' < 'a9'", "bool true"},
      {"'abc' < 'abd'", "bool true"},
      {"name == 'curl'", "bool true"},
      {"name != 'wget'", "bool true"},
      {"big == 9223372036854775807", "bool true"},
      {"big > 9223372036854775806", "bool true"},
      {"flag == true", "bool true"},
      {"flag == 'true'", "bool true"},
      {"count >= 3", "bool true"},
      {"count <= 2", "bool false"},
      {"half < count", "bool true"},
  });
}

TEST(ExpressionTest, ComparesNullOnlyForEquality) {
  CheckEvaluation({
      {"nothing == null", "bool true"},
      {"null == null", "bool true"},
      {"nothing == ''", "bool false"},
      {"nothing != 0", "bool true"},
      {"empty == null", "bool false"},
      {"nothing < 1", "null", "'nothing' is null"},
      {"1 >= nothing", "null", "'nothing' is null"},
  });
}

TEST(ExpressionTest, ShortCircuitsLogic) {
  CheckEvaluation({
      {"true and false", "bool false"},
      {"count and name", "bool true"},
      {"empty or 0", "bool false"},
      {"empty or name", "bool true"},
      {"not empty", "bool true"},
      {"not not count", "bool true"},
      {"not count > 5", "bool true"},
      {"false and missing", "bool false"},
      {"true or missing", "bool true"},
      {"true and missing", "null", "undefined name 'missing'"},
      {"count > 1 and count < 5", "bool true"},
      {"false or true and false", "bool false"},
  });
}

TEST(ExpressionTest, EvaluatesOnlyChosenBranch) {
  CheckEvaluation({
      {"count > 2 ? 'many' : 'few'", "string many"},
      {"nothing ? missing : 'safe'", "string safe"},
      {"flag ? 1 : missing", "int 1"},
      {"false ? 1 : true ? 2 : 3", "int 2"},
      {"1 + 1 == 2 ? 'yes' : 'no'", "string yes"},
      {"true ? false ? 1 : 2 : 3", "int 2"},
      {"empty ? 1 : missing", "null", "undefined name 'missing'"},
  });
}

TEST(ExpressionTest, CallsFunctions) {
  CheckEvaluation({
      {"bytes(size)", "string 100 MiB"},
      {"upper(name) ~ '!'", "string CURL!"},
      {"upper(nothing)", "null", "upper: 'nothing' is null"},
      {"defined(missing)", "bool false"},
      {"default(missing, 'fallback')", "string fallback"},
      {"len(missing)", "null", "undefined name 'missing'"},
      {"max(count, 10) * 2", "int 20"},
  });
}

struct ParseErrorCase {
  std::string source;
  int column;
  std::string_view message;
};

TEST(ExpressionTest, ReportsParseErrors) {
  const ParseErrorCase cases[] = {
      {"", 1, "empty expression"},
      {"   ", 1, "empty expression"},
      {"1 +", 4, "expected a value after '+'"},
      {"* 2", 1, "expected a value, found '*'"},
      {"(1 + 2", 7, "expected ')' to close the '(' at column 1"},
      {"1)", 2, "unmatched ')'"},
      {"a b", 3, "expected an operator, found 'b'"},
      {"a 'b'", 3, "expected an operator, found 'b'"},
      {"a ? b", 6, "expected ':' for the '?' at column 3"},
      {"1 < 2 < 3", 7,
       "comparisons cannot be chained; combine them with 'and'"},
      {"bytes(1 2)", 9, "expected ')' after arguments of 'bytes'"},
      {"upper(1", 8, "expected ')' after arguments of 'upper'"},
      {"bytes(,)", 7, "expected a value, found ','"},
      {"bytes(1,)", 9, "expected a value, found ')'"},
      {"byts(1)", 1, "unknown function 'byts' (did you mean 'bytes'?)"},
      {"x ~ uper(x)", 5, "unknown function 'uper' (did you mean 'upper'?)"},
      {"frobnicate(1)", 1, "unknown function 'frobnicate'"},
      {"bytes(1, 2)", 1, "'bytes' takes 1 argument, 2 given"},
      {"now(1)", 1, "'now' takes no arguments, 1 given"},
      {"round()", 1, "'round' takes 1 or 2 arguments, 0 given"},
      {"replace('a')", 1, "'replace' takes 3 arguments, 1 given"},
      {"lookup('t')", 1, "'lookup' takes 2 or 3 arguments, 1 given"},
      {"x + 'abc", 5, "unterminated string"},
      {R"('abc\)", 1, "unterminated string"},
      {R"('a\qb')", 3,
       R"(unknown escape '\q' in string; write '\\' for a backslash)"},
      {"a && b", 3, "unknown operator '&&'; use 'and'"},
      {"a || b", 3, "unknown operator '||'; use 'or'"},
      {"!a", 1, "unknown operator '!'; use 'not'"},
      {"a = 1", 3, "unknown operator '='; use '=='"},
      {"a # b", 3, "unexpected character '#'"},
      {"a \xc3\xa9", 3, "unexpected character '\xc3\xa9'"},
      {"'\xc3\xa9' ~ #", 7, "unexpected character '#'"},
      {"1.", 3, "expected a digit after the decimal point"},
      {"1e", 2, "expected digits after the exponent 'e'"},
      {"12abc", 1, "invalid number '12abc'"},
      {"99999999999999999999", 1,
       "integer 99999999999999999999 is out of range; the maximum is "
       "9223372036854775807"},
      {"1e999", 1, "number 1e999 is out of range"},
  };
  for (const ParseErrorCase& test : cases) {
    SCOPED_TRACE(test.source);
    ExpressionError error;
    EXPECT_FALSE(Expression::Parse(test.source, &error).has_value());
    EXPECT_EQ(error.column, test.column);
    EXPECT_EQ(error.message, test.message);
  }
}

TEST(ExpressionTest, RejectsDeepNesting) {
  std::string source = std::string(300, '(') + "1" + std::string(300, ')');
  ExpressionError error;
  EXPECT_FALSE(Expression::Parse(source, &error).has_value());
  // The 201st '(' opens level 201.
  EXPECT_EQ(error.column, 201);
  EXPECT_EQ(error.message,
            "expression is nested too deeply; the limit is "
            "200 levels");
}

TEST(ExpressionTest, RejectsVeryLongChains) {
  std::string source = "1";
  for (int i = 0; i < 250; ++i) source += " + 1";
  ExpressionError error;
  EXPECT_FALSE(Expression::Parse(source, &error).has_value());
  EXPECT_EQ(error.column, 1);
  EXPECT_EQ(error.message,
            "expression is nested too deeply; the limit is "
            "200 levels");
}

TEST(ExpressionTest, AcceptsNestingUpToLimit) {
  std::string source = std::string(150, '(') + "1" + std::string(150, ')');
  ExpressionError error;
  std::optional<Expression> expression = Expression::Parse(source, &error);
  ASSERT_TRUE(expression.has_value()) << error.message;
  EXPECT_EQ(expression->Evaluate(TestScope()), Value(1));
}

TEST(ExpressionTest, ParseToleratesNullError) {
  EXPECT_FALSE(Expression::Parse("1 +", nullptr).has_value());
}

TEST(ExpressionTest, ListsNamesInOrderOfFirstUse) {
  ExpressionError error;
  std::optional<Expression> expression = Expression::Parse(
      "size * count + bytes(size) ~ other ~ (true ? count : last)", &error);
  ASSERT_TRUE(expression.has_value()) << error.message;
  EXPECT_EQ(expression->names(),
            (std::vector<std::string>{"size", "count", "other", "last"}));
}

TEST(ExpressionTest, ListsLiteralTableNames) {
  ExpressionError error;
  std::optional<Expression> expression = Expression::Parse(
      "lookup('ciphers', id) ~ lookup(table, id) ~ lookup(\"ciphers\", x) ~ "
      "lookup('codes', id, '?')",
      &error);
  ASSERT_TRUE(expression.has_value()) << error.message;
  EXPECT_EQ(expression->tables(),
            (std::vector<std::string>{"ciphers", "codes"}));
  EXPECT_EQ(expression->names(),
            (std::vector<std::string>{"id", "table", "x"}));
}

TEST(ExpressionTest, KeepsSource) {
  ExpressionError error;
  std::optional<Expression> expression = Expression::Parse(" a + 1 ", &error);
  ASSERT_TRUE(expression.has_value()) << error.message;
  EXPECT_EQ(expression->source(), " a + 1 ");
}

TEST(ExpressionTest, CopiesDeeply) {
  std::optional<Expression> original =
      Expression::Parse("count * 2 ~ upper(name)", nullptr);
  ASSERT_TRUE(original.has_value());
  Expression copy = *original;
  std::optional<Expression> other = Expression::Parse("1", nullptr);
  ASSERT_TRUE(other.has_value());
  Expression assigned = *other;
  assigned = *original;
  original.reset();

  EXPECT_EQ(copy.Evaluate(TestScope()), Value("6CURL"));
  EXPECT_EQ(assigned.Evaluate(TestScope()), Value("6CURL"));
  EXPECT_EQ(copy.source(), "count * 2 ~ upper(name)");
  EXPECT_EQ(copy.names(), (std::vector<std::string>{"count", "name"}));
}

TEST(ExpressionTest, Moves) {
  std::optional<Expression> original = Expression::Parse("count + 1", nullptr);
  ASSERT_TRUE(original.has_value());
  Expression moved = std::move(*original);
  EXPECT_EQ(moved.Evaluate(TestScope()), Value(4));

  std::optional<Expression> other = Expression::Parse("2", nullptr);
  ASSERT_TRUE(other.has_value());
  moved = std::move(*other);
  EXPECT_EQ(moved.Evaluate(TestScope()), Value(2));
}

TEST(ExpressionTest, EvaluateToleratesNullError) {
  std::optional<Expression> expression = Expression::Parse("1 / 0", nullptr);
  ASSERT_TRUE(expression.has_value());
  EXPECT_TRUE(expression->Evaluate(TestScope()).is_null());
}

TEST(ExpressionTest, UsesEnglishLocaleByDefault) {
  TestScope scope;
  const Locale& locale = scope.GetLocale();
  EXPECT_EQ(locale.decimal_separator, ".");
  EXPECT_TRUE(locale.words.empty());
  EXPECT_EQ(&locale, &TestScope().GetLocale());
}

TEST(ExpressionTest, PicksEnglishPluralCategory) {
  Locale locale;
  EXPECT_EQ(locale.PluralCategory(1), "one");
  EXPECT_EQ(locale.PluralCategory(0), "other");
  EXPECT_EQ(locale.PluralCategory(2), "other");
  EXPECT_EQ(locale.PluralCategory(1.5), "other");
  EXPECT_EQ(locale.PluralCategory(-1), "other");
}

TEST(ExpressionTest, PicksCategoryByPluralRule) {
  Locale locale;
  locale.plural_rule = std::make_shared<const Expression>(*Expression::Parse(
      "n == 1 ? 'one' : n >= 2 and n <= 4 ? 'few' : 'other'", nullptr));
  EXPECT_EQ(locale.PluralCategory(1), "one");
  EXPECT_EQ(locale.PluralCategory(3), "few");
  EXPECT_EQ(locale.PluralCategory(5), "other");
}

TEST(ExpressionTest, FailingPluralRuleYieldsOther) {
  Locale locale;
  locale.plural_rule =
      std::make_shared<const Expression>(*Expression::Parse("n / 0", nullptr));
  EXPECT_EQ(locale.PluralCategory(1), "other");
  locale.plural_rule =
      std::make_shared<const Expression>(*Expression::Parse("''", nullptr));
  EXPECT_EQ(locale.PluralCategory(1), "other");
}

struct NumberCase {
  Value value;
  std::optional<double> number;
  std::string_view numeric;  // Describe() of ToNumericValue(), or "none"
};

TEST(ExpressionValueTest, ConvertsToNumbers) {
  const NumberCase cases[] = {
      {42, 42, "int 42"},
      {1.5, 1.5, "double 1.5"},
      {"42", 42, "int 42"},
      {" 42 ", 42, "int 42"},
      {"\t-1.5\n", -1.5, "double -1.5"},
      {"+3", 3, "int 3"},
      {"2e3", 2000, "double 2000"},
      {"99999999999999999999", 1e20, "double 1e+20"},
      {"abc", std::nullopt, "none"},
      {"", std::nullopt, "none"},
      {"0x10", std::nullopt, "none"},
      {"inf", std::nullopt, "none"},
      {"nan", std::nullopt, "none"},
      {"1.", std::nullopt, "none"},
      {".5", std::nullopt, "none"},
      {"1 2", std::nullopt, "none"},
      {"1e999", std::nullopt, "none"},
      {true, std::nullopt, "none"},
      {nullptr, std::nullopt, "none"},
  };
  for (const NumberCase& test : cases) {
    SCOPED_TRACE(Describe(test.value));
    EXPECT_EQ(test.value.ToNumber(), test.number);
    std::optional<Value> numeric = test.value.ToNumericValue();
    EXPECT_EQ(numeric ? Describe(*numeric) : "none", test.numeric);
  }
}

TEST(ExpressionValueTest, ConvertsToText) {
  const std::pair<Value, std::string_view> cases[] = {
      {nullptr, ""},   {true, "true"}, {false, "false"}, {42, "42"},
      {-7, "-7"},      {1.5, "1.5"},   {0.1, "0.1"},     {3.0, "3"},
      {1e21, "1e+21"}, {-0.0, "0"},    {"text", "text"},
  };
  for (const auto& [value, text] : cases) {
    SCOPED_TRACE(text);
    EXPECT_EQ(value.ToString(), text);
  }
}

TEST(ExpressionValueTest, DecidesTruthiness) {
  const std::pair<Value, bool> cases[] = {
      {nullptr, false}, {false, false},  {true, true}, {0, false},
      {7, true},        {0.0, false},    {0.5, true},  {"", false},
      {"0", true},      {"false", true},
  };
  for (const auto& [value, truthy] : cases) {
    SCOPED_TRACE(Describe(value));
    EXPECT_EQ(value.Truthy(), truthy);
  }
}

}  // namespace
}  // namespace curlexplain
