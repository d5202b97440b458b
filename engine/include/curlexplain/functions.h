// The list of built-in functions of the expression language, for help text
// and documentation. docs/expressions.md describes each one in full.
#ifndef CURLEXPLAIN_FUNCTIONS_H_
#define CURLEXPLAIN_FUNCTIONS_H_

#include <string_view>
#include <vector>

namespace curlexplain {

// One built-in function. The views point to static storage and stay valid
// for the life of the program.
struct FunctionInfo {
  std::string_view name;       // "round"
  std::string_view signature;  // "round(x [, digits])"
  std::string_view summary;    // one line: what the function returns
};

// Returns every built-in function, sorted by name.
std::vector<FunctionInfo> BuiltinFunctions();

}  // namespace curlexplain

#endif  // CURLEXPLAIN_FUNCTIONS_H_
