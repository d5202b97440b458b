// The expression language of computed fields, conditions and diagnoses.
//
// Literals: integers, decimals, 'single' or "double" quoted strings (with
// backslash escapes), true, false, null. Names refer to captures, fields
// computed earlier, or facts. Operators, loosest first:
//   c ? a : b        conditional, evaluating only the chosen branch
//   or   and   not   logic on Truthy(), short-circuit, yielding a bool
//   == != < <= > >=  comparison: numeric when both sides are numbers or
//                    numeric strings, else as strings; null equals only
//                    null, and ordering a null is an error
//   ~                string concatenation of ToString() of both sides
//   + -              arithmetic (numeric strings count as numbers)
//   * / %            arithmetic; `/` always yields a double
//   -x               negation
//   f(a, b)          a call of a built-in function (see functions.h)
// Integer arithmetic stays in int64 and reports overflow as an error.
// Comparisons cannot be chained. An expression cannot loop, define anything
// or reach outside its Scope. docs/expressions.md is the full reference.
#ifndef CURLEXPLAIN_EXPRESSION_H_
#define CURLEXPLAIN_EXPRESSION_H_

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "curlexplain/value.h"

namespace curlexplain {

class Expression;

// A lookup table from a rule pack: key to text.
using Table = std::map<std::string, std::string, std::less<>>;

// Words and number formats that functions such as bytes(), age() and
// duration() use, so that a translation pack can change them.
struct Locale {
  // Decimal separator in formatted numbers: "." in English, "," in German.
  std::string decimal_separator = ".";
  // Words by key, for example "year.one" = "year", "year.other" = "years",
  // "ago" = "{} ago", "in" = "in {}". Missing keys fall back to English.
  std::map<std::string, std::string, std::less<>> words;
  // A pack's plural rule: an expression over `n` that returns a CLDR
  // plural category name. Without one, the English and German rule holds:
  // "one" for exactly 1, else "other".
  std::shared_ptr<const Expression> plural_rule;
  // Returns the plural category ("one", "other", or any other CLDR name the
  // rule returns) of `n`. A rule that fails or returns "" yields "other".
  std::string PluralCategory(double n) const;
};

// The names, state, tables and time an expression can read while it is
// evaluated.
class Scope {
 public:
  virtual ~Scope() = default;
  // Returns the value bound to `name`, or nullptr when it is unbound.
  virtual const Value* Find(std::string_view name) const = 0;
  // Returns the session state value under `key`, or nullopt when unset.
  virtual std::optional<std::string> State(std::string_view /*key*/) const {
    return std::nullopt;
  }
  // Returns the lookup table `name`, or nullptr when no pack defines it.
  virtual const Table* FindTable(std::string_view /*name*/) const {
    return nullptr;
  }
  // The reference time, in seconds since the epoch (UTC), that dates are
  // compared with: now, or what --now or SOURCE_DATE_EPOCH set.
  virtual int64_t ReferenceTime() const = 0;
  // Returns the locale for formatted words and numbers. The default is a
  // static English Locale that lives for the whole program.
  virtual const Locale& GetLocale() const;
};

// An error in an expression's source, at a 1-based column of that source.
// Columns count UTF-8 code points, so that a caret lines up under the text.
struct ExpressionError {
  int column = 1;
  std::string message;
};

class ExpressionNode;

// A parsed expression. Parsing checks the syntax and every function's name
// and number of arguments; evaluation cannot fail in any other way than by
// returning an error for a bad value.
class Expression {
 public:
  // Parses `source`. On failure returns nullopt and fills `*error` unless
  // `error` is null. Expressions nested deeper than 200 levels are
  // rejected, so that evaluation cannot exhaust the stack.
  static std::optional<Expression> Parse(std::string_view source,
                                         ExpressionError* error);

  Expression(Expression&&) noexcept;
  Expression& operator=(Expression&&) noexcept;
  Expression(const Expression&);
  Expression& operator=(const Expression&);
  ~Expression();

  // Evaluates the expression. On a bad value (an undefined name, a number
  // that is not one, a failed decoding) returns null and, when `error` is
  // not null, stores a one-line reason in it. It leaves `*error` unchanged
  // on success and never throws.
  Value Evaluate(const Scope& scope, std::string* error = nullptr) const;

  // The variable names the expression reads, in order of first use, so that
  // a loader can check them against what a rule provides.
  const std::vector<std::string>& names() const { return names_; }

  // The table names given as literal first argument to lookup(), so that a
  // loader can check that each table exists.
  const std::vector<std::string>& tables() const { return tables_; }

  const std::string& source() const { return source_; }

 private:
  Expression();
  std::string source_;
  std::unique_ptr<ExpressionNode> root_;
  std::vector<std::string> names_;
  std::vector<std::string> tables_;
};

}  // namespace curlexplain

#endif  // CURLEXPLAIN_EXPRESSION_H_
