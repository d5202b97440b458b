// Builds the syntax tree of an expression from its tokens.
#ifndef CURLEXPLAIN_SRC_EXPRESSION_PARSER_H_
#define CURLEXPLAIN_SRC_EXPRESSION_PARSER_H_

#include <string>
#include <string_view>
#include <vector>

#include "expression_node.h"

namespace curlexplain {

// The limit on nesting and on the height of the syntax tree, so that
// neither parsing nor evaluation can exhaust the stack.
inline constexpr int kMaxExpressionDepth = 200;

struct ParsedExpression {
  NodePtr root;
  std::vector<std::string> names;   // variable names, in order of first use
  std::vector<std::string> tables;  // literal table names given to lookup()
};

// Parses `source`, checking the syntax and every call's function name and
// number of arguments. Throws SyntaxError on failure.
ParsedExpression ParseExpression(std::string_view source);

}  // namespace curlexplain

#endif  // CURLEXPLAIN_SRC_EXPRESSION_PARSER_H_
