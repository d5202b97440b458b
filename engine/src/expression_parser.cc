#include "expression_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <utility>

#include "expression_lexer.h"

namespace curlexplain {
namespace {

using OperatorTable =
    std::initializer_list<std::pair<TokenKind, BinaryOperator>>;

constexpr OperatorTable kComparisonOperators = {
    {TokenKind::kEqual, BinaryOperator::kEqual},
    {TokenKind::kNotEqual, BinaryOperator::kNotEqual},
    {TokenKind::kLess, BinaryOperator::kLess},
    {TokenKind::kLessEqual, BinaryOperator::kLessEqual},
    {TokenKind::kGreater, BinaryOperator::kGreater},
    {TokenKind::kGreaterEqual, BinaryOperator::kGreaterEqual},
};

std::optional<BinaryOperator> FindOperator(OperatorTable operators,
                                           TokenKind kind) {
  for (const auto& [token, op] : operators) {
    if (token == kind) return op;
  }
  return std::nullopt;
}

// Returns "'x'" for most tokens, a string literal as written, and "the end
// of the expression" for the end.
std::string DescribeToken(const Token& token) {
  if (token.kind == TokenKind::kEnd) return "the end of the expression";
  if (token.kind == TokenKind::kString) return std::string(token.text);
  return fmt::format("'{}'", token.text);
}

// Returns "takes 1 argument", "takes 2 or 3 arguments" and the like.
std::string DescribeArity(const FunctionSpec& spec) {
  int min = spec.min_arguments;
  int max = spec.max_arguments;
  if (max == 0) return "takes no arguments";
  if (min == max) {
    return fmt::format("takes {} argument{}", min, min == 1 ? "" : "s");
  }
  std::string_view joint = max == min + 1 ? "or" : "to";
  return fmt::format("takes {} {} {} arguments", min, joint, max);
}

// Returns "-5" as a literal when `operand` is the number literal 5, so that
// messages show "-5 is negative" rather than "'-5' is negative: -5".
// Returns nullptr for other operands.
NodePtr NegateLiteral(const ExpressionNode& operand, std::string source) {
  auto* literal = dynamic_cast<const LiteralNode*>(&operand);
  if (!literal) return nullptr;
  const Value& value = literal->value();
  if (value.is_double()) {
    return std::make_unique<LiteralNode>(std::move(source), -value.as_double());
  }
  // The lexer limits integer literals to INT64_MAX, so negating cannot
  // overflow; `- -5` gets here with -5, which negates to 5.
  if (value.is_int()) {
    return std::make_unique<LiteralNode>(std::move(source), -value.as_int());
  }
  return nullptr;
}

void AddUnique(std::string_view text, std::vector<std::string>* list) {
  if (std::find(list->begin(), list->end(), text) == list->end()) {
    list->emplace_back(text);
  }
}

class Parser {
 public:
  explicit Parser(std::string_view source)
      : source_(source), tokens_(Tokenize(source)) {}

  ParsedExpression Run();

 private:
  // Counts the nesting of the recursive descent while it lives.
  class DepthGuard {
   public:
    explicit DepthGuard(Parser* parser) : parser_(parser) {
      if (++parser_->depth_ > kMaxExpressionDepth) parser_->FailTooDeep();
    }
    ~DepthGuard() { --parser_->depth_; }

   private:
    Parser* parser_;
  };

  using Level = NodePtr (Parser::*)();

  const Token& Peek(size_t ahead = 0) const {
    return tokens_[std::min(index_ + ahead, tokens_.size() - 1)];
  }
  const Token& Advance() {
    const Token& token = tokens_[index_];
    if (token.kind != TokenKind::kEnd) ++index_;
    return token;
  }
  bool Accept(TokenKind kind) {
    if (Peek().kind != kind) return false;
    Advance();
    return true;
  }

  // Returns the source from byte `start` to the end of the last token read.
  std::string SourceFrom(size_t start) const;
  // Returns `node` after checking the height of the tree below it.
  NodePtr Finish(NodePtr node, size_t start) const;
  [[noreturn]] void Fail(size_t offset, std::string message) const {
    throw SyntaxError{offset, std::move(message)};
  }
  [[noreturn]] void FailTooDeep() const;
  [[noreturn]] void FailExpectedValue() const;

  NodePtr ParseConditional();
  NodePtr ParseLeftAssociative(Level next, OperatorTable operators);
  NodePtr ParseOr();
  NodePtr ParseAnd();
  NodePtr ParseNot();
  NodePtr ParseComparison();
  NodePtr ParseConcatenation();
  NodePtr ParseAdditive();
  NodePtr ParseMultiplicative();
  NodePtr ParseUnary();
  NodePtr ParsePrimary();
  NodePtr ParseLiteral();
  NodePtr ParseName();
  NodePtr ParseParenthesized();
  NodePtr ParseCall();
  const FunctionSpec& FindCalledFunction(const Token& name) const;

  std::string_view source_;
  std::vector<Token> tokens_;
  size_t index_ = 0;
  int depth_ = 0;
  std::vector<std::string> names_;
  std::vector<std::string> tables_;
};

ParsedExpression Parser::Run() {
  if (Peek().kind == TokenKind::kEnd) Fail(0, "empty expression");
  NodePtr root = ParseConditional();
  if (Peek().kind == TokenKind::kRightParen) {
    Fail(Peek().offset, "unmatched ')'");
  }
  if (Peek().kind != TokenKind::kEnd) {
    Fail(Peek().offset,
         fmt::format("expected an operator, found {}", DescribeToken(Peek())));
  }
  return {std::move(root), std::move(names_), std::move(tables_)};
}

std::string Parser::SourceFrom(size_t start) const {
  const Token& last = tokens_[index_ - 1];
  size_t end = last.offset + last.text.size();
  return std::string(source_.substr(start, end - start));
}

NodePtr Parser::Finish(NodePtr node, size_t start) const {
  if (node->height() > kMaxExpressionDepth) {
    throw SyntaxError{start, fmt::format("expression is nested too deeply; "
                                         "the limit is {} levels",
                                         kMaxExpressionDepth)};
  }
  return node;
}

void Parser::FailTooDeep() const {
  Fail(Peek().offset, fmt::format("expression is nested too deeply; the "
                                  "limit is {} levels",
                                  kMaxExpressionDepth));
}

void Parser::FailExpectedValue() const {
  const Token& token = Peek();
  if (token.kind == TokenKind::kEnd) {
    Fail(token.offset,
         fmt::format("expected a value after '{}'", tokens_[index_ - 1].text));
  }
  Fail(token.offset,
       fmt::format("expected a value, found {}", DescribeToken(token)));
}

NodePtr Parser::ParseConditional() {
  DepthGuard guard(this);
  size_t start = Peek().offset;
  NodePtr condition = ParseOr();
  if (Peek().kind != TokenKind::kQuestion) return condition;

  size_t question = Advance().offset;
  NodePtr if_true = ParseConditional();
  if (!Accept(TokenKind::kColon)) {
    Fail(Peek().offset, fmt::format("expected ':' for the '?' at column {}",
                                    ColumnAt(source_, question)));
  }
  NodePtr if_false = ParseConditional();
  return Finish(std::make_unique<ConditionalNode>(
                    SourceFrom(start), std::move(condition), std::move(if_true),
                    std::move(if_false)),
                start);
}

NodePtr Parser::ParseLeftAssociative(Level next, OperatorTable operators) {
  size_t start = Peek().offset;
  NodePtr left = (this->*next)();
  while (std::optional<BinaryOperator> op =
             FindOperator(operators, Peek().kind)) {
    Advance();
    NodePtr right = (this->*next)();
    left =
        Finish(std::make_unique<BinaryNode>(SourceFrom(start), *op,
                                            std::move(left), std::move(right)),
               start);
  }
  return left;
}

NodePtr Parser::ParseOr() {
  return ParseLeftAssociative(&Parser::ParseAnd,
                              {{TokenKind::kOr, BinaryOperator::kOr}});
}

NodePtr Parser::ParseAnd() {
  return ParseLeftAssociative(&Parser::ParseNot,
                              {{TokenKind::kAnd, BinaryOperator::kAnd}});
}

NodePtr Parser::ParseNot() {
  if (Peek().kind != TokenKind::kNot) return ParseComparison();
  DepthGuard guard(this);
  size_t start = Advance().offset;
  NodePtr operand = ParseNot();
  return Finish(std::make_unique<UnaryNode>(
                    SourceFrom(start), UnaryOperator::kNot, std::move(operand)),
                start);
}

NodePtr Parser::ParseComparison() {
  size_t start = Peek().offset;
  NodePtr left = ParseConcatenation();
  std::optional<BinaryOperator> op =
      FindOperator(kComparisonOperators, Peek().kind);
  if (!op) return left;

  Advance();
  NodePtr right = ParseConcatenation();
  if (FindOperator(kComparisonOperators, Peek().kind)) {
    Fail(Peek().offset,
         "comparisons cannot be chained; combine them with 'and'");
  }
  return Finish(std::make_unique<BinaryNode>(SourceFrom(start), *op,
                                             std::move(left), std::move(right)),
                start);
}

NodePtr Parser::ParseConcatenation() {
  return ParseLeftAssociative(
      &Parser::ParseAdditive,
      {{TokenKind::kTilde, BinaryOperator::kConcatenate}});
}

NodePtr Parser::ParseAdditive() {
  return ParseLeftAssociative(&Parser::ParseMultiplicative,
                              {{TokenKind::kPlus, BinaryOperator::kAdd},
                               {TokenKind::kMinus, BinaryOperator::kSubtract}});
}

NodePtr Parser::ParseMultiplicative() {
  return ParseLeftAssociative(&Parser::ParseUnary,
                              {{TokenKind::kStar, BinaryOperator::kMultiply},
                               {TokenKind::kSlash, BinaryOperator::kDivide},
                               {TokenKind::kPercent, BinaryOperator::kModulo}});
}

NodePtr Parser::ParseUnary() {
  if (Peek().kind != TokenKind::kMinus) return ParsePrimary();
  DepthGuard guard(this);
  size_t start = Advance().offset;
  NodePtr operand = ParseUnary();
  if (NodePtr literal = NegateLiteral(*operand, SourceFrom(start))) {
    return literal;
  }
  return Finish(
      std::make_unique<UnaryNode>(SourceFrom(start), UnaryOperator::kNegate,
                                  std::move(operand)),
      start);
}

NodePtr Parser::ParsePrimary() {
  switch (Peek().kind) {
    case TokenKind::kInteger:
    case TokenKind::kDecimal:
    case TokenKind::kString:
    case TokenKind::kTrue:
    case TokenKind::kFalse:
    case TokenKind::kNull:
      return ParseLiteral();
    case TokenKind::kName:
      if (Peek(1).kind == TokenKind::kLeftParen) return ParseCall();
      return ParseName();
    case TokenKind::kLeftParen:
      return ParseParenthesized();
    default:
      FailExpectedValue();
  }
}

NodePtr Parser::ParseLiteral() {
  const Token& token = Advance();
  Value value = token.value;
  if (token.kind == TokenKind::kTrue) value = true;
  if (token.kind == TokenKind::kFalse) value = false;
  return std::make_unique<LiteralNode>(std::string(token.text),
                                       std::move(value));
}

NodePtr Parser::ParseName() {
  const Token& token = Advance();
  AddUnique(token.text, &names_);
  return std::make_unique<NameNode>(std::string(token.text));
}

NodePtr Parser::ParseParenthesized() {
  size_t open = Advance().offset;
  NodePtr inner = ParseConditional();
  if (!Accept(TokenKind::kRightParen)) {
    Fail(Peek().offset, fmt::format("expected ')' to close the '(' at "
                                    "column {}",
                                    ColumnAt(source_, open)));
  }
  return inner;
}

NodePtr Parser::ParseCall() {
  const Token& name = Advance();
  Advance();  // the '('
  const FunctionSpec& spec = FindCalledFunction(name);

  std::vector<NodePtr> arguments;
  if (!Accept(TokenKind::kRightParen)) {
    do {
      arguments.push_back(ParseConditional());
    } while (Accept(TokenKind::kComma));
    if (!Accept(TokenKind::kRightParen)) {
      Fail(Peek().offset,
           fmt::format("expected ')' after arguments of '{}'", name.text));
    }
  }

  int argument_count = static_cast<int>(arguments.size());
  if (argument_count < spec.min_arguments ||
      argument_count > spec.max_arguments) {
    Fail(name.offset, fmt::format("'{}' {}, {} given", name.text,
                                  DescribeArity(spec), argument_count));
  }
  if (spec.first_argument_is_table) {
    auto* literal = dynamic_cast<const LiteralNode*>(arguments[0].get());
    if (literal && literal->value().is_string()) {
      AddUnique(literal->value().as_string(), &tables_);
    }
  }
  return Finish(std::make_unique<CallNode>(SourceFrom(name.offset), &spec,
                                           std::move(arguments)),
                name.offset);
}

const FunctionSpec& Parser::FindCalledFunction(const Token& name) const {
  if (const FunctionSpec* spec = FindFunction(name.text)) return *spec;
  std::string suggestion = SuggestFunction(name.text);
  if (suggestion.empty()) {
    Fail(name.offset, fmt::format("unknown function '{}'", name.text));
  }
  Fail(name.offset, fmt::format("unknown function '{}' (did you mean '{}'?)",
                                name.text, suggestion));
}

}  // namespace

ParsedExpression ParseExpression(std::string_view source) {
  return Parser(source).Run();
}

}  // namespace curlexplain
