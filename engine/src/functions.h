// The built-in functions of the expression language, and the helpers that
// the functions and the operators share to convert values and report bad
// ones.
#ifndef CURLEXPLAIN_SRC_FUNCTIONS_H_
#define CURLEXPLAIN_SRC_FUNCTIONS_H_

#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "curlexplain/expression.h"
#include "curlexplain/value.h"

namespace curlexplain {

// A bad value met while an expression is evaluated. The evaluator throws it
// and Expression::Evaluate() turns it into the one-line error it returns.
class EvaluationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The description of an operand or argument for error messages.
struct Operand {
  std::string_view source;  // its source text, such as "size" or "a + 1"
  bool is_literal = false;  // whether it is a literal such as 'abc' or 12
};

// Returns `value` as error messages show it: strings in double quotes and
// cut after 40 bytes, null as "null", other values as ToString() does.
std::string DescribeValue(const Value& value);

// Returns "'size' is not a number: \"abc\"" for a name or "\"abc\" is not a
// number" for a literal: the subject `operand`, then `problem`, then the
// value unless the subject already shows it.
std::string DescribeProblem(const Operand& operand, const Value& value,
                            std::string_view problem);

// Returns `value` as an integer or double Value, or throws EvaluationError:
// "'size' is null" or DescribeProblem() with "is not a number".
Value RequireNumeric(const Operand& operand, const Value& value);

// The arguments of one call of a built-in function, and the conversions that
// the functions share. Each conversion throws EvaluationError with a message
// that starts with the function's name, such as "bytes: 'x' is null".
class Call {
 public:
  Call(std::string_view function, std::vector<Value> values,
       std::vector<Operand> operands, const Scope& scope)
      : function_(function),
        values_(std::move(values)),
        operands_(std::move(operands)),
        scope_(scope) {}

  size_t size() const { return values_.size(); }
  const Value& value(size_t index) const { return values_[index]; }
  const Scope& scope() const { return scope_; }
  const Locale& locale() const { return scope_.GetLocale(); }

  // Returns argument `index` as text: ToString(), so null gives "".
  std::string Text(size_t index) const;
  // Returns argument `index` as an integer or double Value.
  Value Numeric(size_t index) const;
  double Number(size_t index) const;
  // Returns argument `index` as an integer. Doubles and decimal strings are
  // accepted only when they have no fractional part.
  int64_t WholeNumber(size_t index) const;
  // Returns Text(index), or throws when it is empty. The message names the
  // argument by `description`, as in "the separator is empty".
  std::string NonEmptyText(size_t index, std::string_view description) const;

  // Throws EvaluationError("<function>: <message>").
  [[noreturn]] void Fail(std::string_view message) const;
  // Throws EvaluationError with DescribeProblem() for argument `index`.
  [[noreturn]] void FailArgument(size_t index, std::string_view problem) const;

 private:
  std::string_view function_;
  std::vector<Value> values_;
  std::vector<Operand> operands_;
  const Scope& scope_;
};

// The treatment of null arguments by a function.
enum class NullArguments {
  kReject,         // any null argument is an error: "upper: 'x' is null"
  kAccept,         // the function handles null itself
  kAcceptUnbound,  // also an unbound name counts as null, not as an error
};

// One entry of the built-in function table.
struct FunctionSpec {
  std::string_view name;
  int min_arguments;
  int max_arguments;
  NullArguments nulls;
  // Computes the result, or throws EvaluationError.
  Value (*implementation)(const Call& call);
  std::string_view signature;  // as in "round(x [, digits])"
  std::string_view summary;    // one line for --help and the docs
  // Whether a string literal as first argument names a lookup table, which
  // Expression::tables() then lists.
  bool first_argument_is_table = false;
};

// Returns the function called `name`, or nullptr.
const FunctionSpec* FindFunction(std::string_view name);

// Returns the known function name closest to `name` when it is at most two
// edits away (one for names of up to four letters), or "".
std::string SuggestFunction(std::string_view name);

// The parts of the table, one per file that implements them.
std::span<const FunctionSpec> TextFunctions();
std::span<const FunctionSpec> NumberFunctions();
std::span<const FunctionSpec> DateFunctions();
std::span<const FunctionSpec> ScopeFunctions();

// Returns the word for `key` from the locale, else the English default, else
// the key itself.
std::string LocaleWord(const Locale& locale, std::string_view key);

// Returns "<count> <word>" with the word for `unit` + "." + the plural
// category of `count`, as in "2 years" for unit "year".
std::string CountWithUnit(const Locale& locale, int64_t count,
                          std::string_view unit);

// Returns `pattern` with its first "{}" replaced by `text`, or `pattern`
// unchanged when it has none.
std::string FillPlaceholder(std::string_view pattern, std::string_view text);

// Formats `number` with at most one decimal, drops a trailing zero
// decimal, and uses the locale's decimal separator: 1.5 as "1.5", 75.0
// as "75".
std::string FormatOneDecimal(const Locale& locale, double number);

}  // namespace curlexplain

#endif  // CURLEXPLAIN_SRC_FUNCTIONS_H_
