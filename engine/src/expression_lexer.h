// Splits the source of an expression into tokens.
#ifndef CURLEXPLAIN_SRC_EXPRESSION_LEXER_H_
#define CURLEXPLAIN_SRC_EXPRESSION_LEXER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "curlexplain/value.h"

namespace curlexplain {

enum class TokenKind {
  kEnd,
  kInteger,
  kDecimal,
  kString,
  kName,
  kTrue,
  kFalse,
  kNull,
  kAnd,
  kOr,
  kNot,
  kLeftParen,
  kRightParen,
  kComma,
  kQuestion,
  kColon,
  kPlus,
  kMinus,
  kStar,
  kSlash,
  kPercent,
  kTilde,
  kEqual,
  kNotEqual,
  kLess,
  kLessEqual,
  kGreater,
  kGreaterEqual,
};

struct Token {
  TokenKind kind = TokenKind::kEnd;
  size_t offset = 0;      // byte offset of the token in the source
  std::string_view text;  // the token as written, quotes included
  Value value;            // the value of an integer, decimal or string literal
};

// A syntax error at a byte offset of the source. The lexer and the parser
// throw it, and Expression::Parse() turns it into an ExpressionError.
struct SyntaxError {
  size_t offset;
  std::string message;
};

// Returns the 1-based column of byte `offset` in `source`, counting UTF-8
// code points, so that a caret lines up under the source line.
int ColumnAt(std::string_view source, size_t offset);

// Splits `source` into tokens that end with one of kind kEnd, or throws
// SyntaxError. The tokens' text points into `source`.
std::vector<Token> Tokenize(std::string_view source);

}  // namespace curlexplain

#endif  // CURLEXPLAIN_SRC_EXPRESSION_LEXER_H_
