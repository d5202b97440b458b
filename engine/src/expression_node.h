// The syntax tree of a parsed expression, and its evaluation.
#ifndef CURLEXPLAIN_SRC_EXPRESSION_NODE_H_
#define CURLEXPLAIN_SRC_EXPRESSION_NODE_H_

#include <memory>
#include <string>
#include <vector>

#include "curlexplain/expression.h"
#include "curlexplain/value.h"
#include "functions.h"

namespace curlexplain {

using NodePtr = std::unique_ptr<ExpressionNode>;

// A node of the syntax tree. Each node keeps its source text for error
// messages, such as "'size' is null".
class ExpressionNode {
 public:
  ExpressionNode(std::string source, int height)
      : source_(std::move(source)), height_(height) {}
  virtual ~ExpressionNode() = default;

  // Returns the node's value, or throws EvaluationError.
  virtual Value Evaluate(const Scope& scope) const = 0;
  // Returns a deep copy.
  virtual NodePtr Clone() const = 0;
  virtual bool is_literal() const { return false; }

  const std::string& source() const { return source_; }
  // The number of nodes on the longest path down from this one, itself
  // included; the parser limits it so that evaluation cannot exhaust the
  // stack.
  int height() const { return height_; }
  Operand operand() const { return {source_, is_literal()}; }

 private:
  std::string source_;
  int height_;
};

class LiteralNode final : public ExpressionNode {
 public:
  LiteralNode(std::string source, Value value)
      : ExpressionNode(std::move(source), 1), value_(std::move(value)) {}

  Value Evaluate(const Scope&) const override { return value_; }
  NodePtr Clone() const override;
  bool is_literal() const override { return true; }
  const Value& value() const { return value_; }

 private:
  Value value_;
};

class NameNode final : public ExpressionNode {
 public:
  explicit NameNode(std::string name) : ExpressionNode(name, 1) {}

  // Throws "undefined name 'x'" when the scope does not bind the name.
  Value Evaluate(const Scope& scope) const override;
  NodePtr Clone() const override;
  const std::string& name() const { return source(); }
};

enum class UnaryOperator { kNegate, kNot };

class UnaryNode final : public ExpressionNode {
 public:
  UnaryNode(std::string source, UnaryOperator op, NodePtr operand);

  Value Evaluate(const Scope& scope) const override;
  NodePtr Clone() const override;

 private:
  UnaryOperator op_;
  NodePtr operand_;
};

enum class BinaryOperator {
  kAdd,
  kSubtract,
  kMultiply,
  kDivide,
  kModulo,
  kConcatenate,
  kEqual,
  kNotEqual,
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
  kAnd,  // evaluates the right side only when the left is truthy
  kOr,   // evaluates the right side only when the left is not truthy
};

class BinaryNode final : public ExpressionNode {
 public:
  BinaryNode(std::string source, BinaryOperator op, NodePtr left,
             NodePtr right);

  Value Evaluate(const Scope& scope) const override;
  NodePtr Clone() const override;

 private:
  Value EvaluateArithmetic(const Value& left, const Value& right) const;
  Value EvaluateComparison(const Value& left, const Value& right) const;

  BinaryOperator op_;
  NodePtr left_;
  NodePtr right_;
};

// `condition ? if_true : if_false`, which evaluates only the chosen branch.
class ConditionalNode final : public ExpressionNode {
 public:
  ConditionalNode(std::string source, NodePtr condition, NodePtr if_true,
                  NodePtr if_false);

  Value Evaluate(const Scope& scope) const override;
  NodePtr Clone() const override;

 private:
  NodePtr condition_;
  NodePtr if_true_;
  NodePtr if_false_;
};

class CallNode final : public ExpressionNode {
 public:
  CallNode(std::string source, const FunctionSpec* function,
           std::vector<NodePtr> arguments);

  Value Evaluate(const Scope& scope) const override;
  NodePtr Clone() const override;

 private:
  Value EvaluateArgument(const ExpressionNode& argument,
                         const Scope& scope) const;

  const FunctionSpec* function_;
  std::vector<NodePtr> arguments_;
};

}  // namespace curlexplain

#endif  // CURLEXPLAIN_SRC_EXPRESSION_NODE_H_
