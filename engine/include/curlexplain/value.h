// The values that computed fields, captures and state hold.
#ifndef CURLEXPLAIN_VALUE_H_
#define CURLEXPLAIN_VALUE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

namespace curlexplain {

// A dynamically typed value of the expression language: null, a boolean, an
// integer, a floating-point number or a string.
class Value {
 public:
  Value() = default;
  Value(std::nullptr_t) {}
  Value(bool b) : data_(b) {}
  Value(int64_t i) : data_(i) {}
  Value(int i) : data_(static_cast<int64_t>(i)) {}
  Value(double d) : data_(d) {}
  Value(std::string s) : data_(std::move(s)) {}
  Value(const char* s) : data_(std::string(s)) {}

  bool is_null() const { return data_.index() == 0; }
  bool is_bool() const { return data_.index() == 1; }
  bool is_int() const { return data_.index() == 2; }
  bool is_double() const { return data_.index() == 3; }
  bool is_string() const { return data_.index() == 4; }
  bool is_number() const { return is_int() || is_double(); }

  // Accessors; each requires the matching is_*() to be true.
  bool as_bool() const { return std::get<bool>(data_); }
  int64_t as_int() const { return std::get<int64_t>(data_); }
  double as_double() const { return std::get<double>(data_); }
  const std::string& as_string() const { return std::get<std::string>(data_); }

  // Returns the value as a number. Integers and doubles stay as they are.
  // A string converts when, after trimming spaces, it is one decimal number
  // such as "42", "-1.5" or "2e3". Anything else gives nullopt, including
  // null, booleans, hexadecimal, "inf" and "nan".
  std::optional<double> ToNumber() const;

  // Returns the value as an integer or double Value, for arithmetic that
  // keeps integers exact. Strings such as "42" become integers, or doubles
  // beyond the int64 range, and strings such as "1.5" or "2e3" become
  // doubles. Gives nullopt where ToNumber() does.
  std::optional<Value> ToNumericValue() const;

  // Returns the text a template shows for the value: "" for null, "true" or
  // "false", integers in decimal, doubles in their shortest exact form (and
  // negative zero as "0").
  std::string ToString() const;

  // Returns whether the value counts as true in a condition: null, false, 0,
  // and "" are false, everything else is true.
  bool Truthy() const;

  friend bool operator==(const Value& a, const Value& b) {
    return a.data_ == b.data_;
  }

 private:
  std::variant<std::monostate, bool, int64_t, double, std::string> data_;
};

}  // namespace curlexplain

#endif  // CURLEXPLAIN_VALUE_H_
