#include "curlexplain/expression.h"

#include <exception>

#include "expression_lexer.h"
#include "expression_node.h"
#include "expression_parser.h"
#include "functions.h"

namespace curlexplain {

namespace {

// The scope of a plural rule: only the number `n`.
class PluralScope : public Scope {
 public:
  explicit PluralScope(double n) : n_(n) {}
  const Value* Find(std::string_view name) const override {
    return name == "n" ? &n_ : nullptr;
  }
  int64_t ReferenceTime() const override { return 0; }

 private:
  Value n_;
};

}  // namespace

std::string Locale::PluralCategory(double n) const {
  if (!plural_rule) return n == 1 ? "one" : "other";
  std::string category = plural_rule->Evaluate(PluralScope(n)).ToString();
  return category.empty() ? "other" : category;
}

const Locale& Scope::GetLocale() const {
  static const Locale* english = new Locale;
  return *english;
}

Expression::Expression() = default;
Expression::Expression(Expression&&) noexcept = default;
Expression& Expression::operator=(Expression&&) noexcept = default;
Expression::~Expression() = default;

Expression::Expression(const Expression& other)
    : source_(other.source_),
      root_(other.root_ ? other.root_->Clone() : nullptr),
      names_(other.names_),
      tables_(other.tables_) {}

Expression& Expression::operator=(const Expression& other) {
  if (this != &other) *this = Expression(other);
  return *this;
}

std::optional<Expression> Expression::Parse(std::string_view source,
                                            ExpressionError* error) {
  try {
    ParsedExpression parsed = ParseExpression(source);
    Expression expression;
    expression.source_ = std::string(source);
    expression.root_ = std::move(parsed.root);
    expression.names_ = std::move(parsed.names);
    expression.tables_ = std::move(parsed.tables);
    return expression;
  } catch (const SyntaxError& syntax_error) {
    if (error) {
      error->column = ColumnAt(source, syntax_error.offset);
      error->message = syntax_error.message;
    }
    return std::nullopt;
  }
}

Value Expression::Evaluate(const Scope& scope, std::string* error) const {
  std::string reason;
  try {
    if (root_) return root_->Evaluate(scope);
    reason = "the expression is empty";
  } catch (const EvaluationError& evaluation_error) {
    reason = evaluation_error.what();
  } catch (const std::exception& exception) {
    // Such as std::bad_alloc. The API promises not to throw.
    reason = std::string("evaluation failed: ") + exception.what();
  }
  if (error) *error = std::move(reason);
  return Value();
}

}  // namespace curlexplain
