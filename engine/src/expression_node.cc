#include "expression_node.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace curlexplain {
namespace {

int HeightAbove(std::initializer_list<const NodePtr*> children) {
  int height = 0;
  for (const NodePtr* child : children) {
    height = std::max(height, (*child)->height());
  }
  return height + 1;
}

int HeightAbove(const std::vector<NodePtr>& children) {
  int height = 0;
  for (const NodePtr& child : children) {
    height = std::max(height, child->height());
  }
  return height + 1;
}

double ToDouble(const Value& numeric) {
  return numeric.is_int() ? static_cast<double>(numeric.as_int())
                          : numeric.as_double();
}

Value IntegerArithmetic(BinaryOperator op, int64_t a, int64_t b,
                        const std::string& source) {
  int64_t result = 0;
  bool overflow = false;
  switch (op) {
    case BinaryOperator::kAdd:
      overflow = __builtin_add_overflow(a, b, &result);
      break;
    case BinaryOperator::kSubtract:
      overflow = __builtin_sub_overflow(a, b, &result);
      break;
    case BinaryOperator::kMultiply:
      overflow = __builtin_mul_overflow(a, b, &result);
      break;
    default:
      // The remainder of INT64_MIN / -1 is 0, but computing it traps.
      result = b == -1 ? 0 : a % b;
      break;
  }
  if (overflow) {
    throw EvaluationError(fmt::format("integer overflow in '{}'", source));
  }
  return result;
}

Value DoubleArithmetic(BinaryOperator op, double a, double b,
                       const std::string& source) {
  double result = 0;
  switch (op) {
    case BinaryOperator::kAdd:
      result = a + b;
      break;
    case BinaryOperator::kSubtract:
      result = a - b;
      break;
    case BinaryOperator::kMultiply:
      result = a * b;
      break;
    case BinaryOperator::kDivide:
      result = a / b;
      break;
    default:
      result = std::fmod(a, b);
      break;
  }
  if (!std::isfinite(result)) {
    throw EvaluationError(fmt::format("number overflow in '{}'", source));
  }
  return result;
}

// Returns -1, 0 or 1 as a is less than, equal to or greater than b.
template <typename T>
int ThreeWayCompare(const T& a, const T& b) {
  if (a < b) return -1;
  if (b < a) return 1;
  return 0;
}

int CompareNumbers(const Value& a, const Value& b) {
  if (a.is_int() && b.is_int()) return ThreeWayCompare(a.as_int(), b.as_int());
  return ThreeWayCompare(ToDouble(a), ToDouble(b));
}

// Compares numerically when both values are numbers or numeric strings,
// else as text.
int CompareValues(const Value& a, const Value& b) {
  std::optional<Value> x = a.ToNumericValue();
  std::optional<Value> y = b.ToNumericValue();
  if (x && y) return CompareNumbers(*x, *y);
  return ThreeWayCompare(a.ToString(), b.ToString());
}

void RequireNotNull(const ExpressionNode& node, const Value& value) {
  if (value.is_null()) {
    throw EvaluationError(fmt::format("'{}' is null", node.source()));
  }
}

}  // namespace

NodePtr LiteralNode::Clone() const {
  return std::make_unique<LiteralNode>(*this);
}

Value NameNode::Evaluate(const Scope& scope) const {
  const Value* value = scope.Find(name());
  if (!value) {
    throw EvaluationError(fmt::format("undefined name '{}'", name()));
  }
  return *value;
}

NodePtr NameNode::Clone() const { return std::make_unique<NameNode>(*this); }

UnaryNode::UnaryNode(std::string source, UnaryOperator op, NodePtr operand)
    : ExpressionNode(std::move(source), HeightAbove({&operand})),
      op_(op),
      operand_(std::move(operand)) {}

Value UnaryNode::Evaluate(const Scope& scope) const {
  Value value = operand_->Evaluate(scope);
  if (op_ == UnaryOperator::kNot) return !value.Truthy();

  Value numeric = RequireNumeric(operand_->operand(), value);
  if (numeric.is_double()) return -numeric.as_double();
  if (numeric.as_int() == std::numeric_limits<int64_t>::min()) {
    throw EvaluationError(fmt::format("integer overflow in '{}'", source()));
  }
  return -numeric.as_int();
}

NodePtr UnaryNode::Clone() const {
  return std::make_unique<UnaryNode>(source(), op_, operand_->Clone());
}

BinaryNode::BinaryNode(std::string source, BinaryOperator op, NodePtr left,
                       NodePtr right)
    : ExpressionNode(std::move(source), HeightAbove({&left, &right})),
      op_(op),
      left_(std::move(left)),
      right_(std::move(right)) {}

Value BinaryNode::Evaluate(const Scope& scope) const {
  Value left = left_->Evaluate(scope);
  if (op_ == BinaryOperator::kAnd && !left.Truthy()) return false;
  if (op_ == BinaryOperator::kOr && left.Truthy()) return true;

  Value right = right_->Evaluate(scope);
  switch (op_) {
    case BinaryOperator::kAnd:
    case BinaryOperator::kOr:
      return right.Truthy();
    case BinaryOperator::kConcatenate:
      return left.ToString() + right.ToString();
    case BinaryOperator::kAdd:
    case BinaryOperator::kSubtract:
    case BinaryOperator::kMultiply:
    case BinaryOperator::kDivide:
    case BinaryOperator::kModulo:
      return EvaluateArithmetic(left, right);
    default:
      return EvaluateComparison(left, right);
  }
}

Value BinaryNode::EvaluateArithmetic(const Value& left,
                                     const Value& right) const {
  Value a = RequireNumeric(left_->operand(), left);
  Value b = RequireNumeric(right_->operand(), right);

  bool divides =
      op_ == BinaryOperator::kDivide || op_ == BinaryOperator::kModulo;
  if (divides && ToDouble(b) == 0) {
    std::string_view what =
        op_ == BinaryOperator::kDivide ? "division" : "modulo";
    throw EvaluationError(fmt::format("{} by zero in '{}'", what, source()));
  }

  if (a.is_int() && b.is_int() && op_ != BinaryOperator::kDivide) {
    return IntegerArithmetic(op_, a.as_int(), b.as_int(), source());
  }
  return DoubleArithmetic(op_, ToDouble(a), ToDouble(b), source());
}

Value BinaryNode::EvaluateComparison(const Value& left,
                                     const Value& right) const {
  if (op_ == BinaryOperator::kEqual || op_ == BinaryOperator::kNotEqual) {
    bool equal = left.is_null() || right.is_null()
                     ? left.is_null() && right.is_null()
                     : CompareValues(left, right) == 0;
    return equal == (op_ == BinaryOperator::kEqual);
  }

  RequireNotNull(*left_, left);
  RequireNotNull(*right_, right);
  int order = CompareValues(left, right);
  switch (op_) {
    case BinaryOperator::kLess:
      return order < 0;
    case BinaryOperator::kLessEqual:
      return order <= 0;
    case BinaryOperator::kGreater:
      return order > 0;
    default:
      return order >= 0;
  }
}

NodePtr BinaryNode::Clone() const {
  return std::make_unique<BinaryNode>(source(), op_, left_->Clone(),
                                      right_->Clone());
}

ConditionalNode::ConditionalNode(std::string source, NodePtr condition,
                                 NodePtr if_true, NodePtr if_false)
    : ExpressionNode(std::move(source),
                     HeightAbove({&condition, &if_true, &if_false})),
      condition_(std::move(condition)),
      if_true_(std::move(if_true)),
      if_false_(std::move(if_false)) {}

Value ConditionalNode::Evaluate(const Scope& scope) const {
  bool condition = condition_->Evaluate(scope).Truthy();
  return condition ? if_true_->Evaluate(scope) : if_false_->Evaluate(scope);
}

NodePtr ConditionalNode::Clone() const {
  return std::make_unique<ConditionalNode>(
      source(), condition_->Clone(), if_true_->Clone(), if_false_->Clone());
}

CallNode::CallNode(std::string source, const FunctionSpec* function,
                   std::vector<NodePtr> arguments)
    : ExpressionNode(std::move(source), HeightAbove(arguments)),
      function_(function),
      arguments_(std::move(arguments)) {}

Value CallNode::Evaluate(const Scope& scope) const {
  std::vector<Value> values;
  std::vector<Operand> operands;
  for (const NodePtr& argument : arguments_) {
    values.push_back(EvaluateArgument(*argument, scope));
    operands.push_back(argument->operand());
  }
  return function_->implementation(
      Call(function_->name, std::move(values), std::move(operands), scope));
}

Value CallNode::EvaluateArgument(const ExpressionNode& argument,
                                 const Scope& scope) const {
  if (function_->nulls == NullArguments::kAcceptUnbound) {
    if (auto* name = dynamic_cast<const NameNode*>(&argument)) {
      const Value* value = scope.Find(name->name());
      return value ? *value : Value();
    }
  }

  Value value = argument.Evaluate(scope);
  if (value.is_null() && function_->nulls == NullArguments::kReject) {
    throw EvaluationError(
        fmt::format("{}: '{}' is null", function_->name, argument.source()));
  }
  return value;
}

NodePtr CallNode::Clone() const {
  std::vector<NodePtr> arguments;
  for (const NodePtr& argument : arguments_) {
    arguments.push_back(argument->Clone());
  }
  return std::make_unique<CallNode>(source(), function_, std::move(arguments));
}

}  // namespace curlexplain
