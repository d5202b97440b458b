// Problems found in rule packs, reported like compiler errors.
#ifndef CURLEXPLAIN_DIAGNOSTIC_H_
#define CURLEXPLAIN_DIAGNOSTIC_H_

#include <string>
#include <vector>

namespace curlexplain {

// A place in a rule file. Line and column are 1-based; 0 means unknown.
struct SourcePosition {
  std::string file;
  int line = 0;
  int column = 0;
};

enum class DiagnosticLevel { kError, kWarning };

// One problem in a rule pack.
struct Diagnostic {
  DiagnosticLevel level = DiagnosticLevel::kError;
  SourcePosition position;
  std::string rule_id;      // empty when the problem is not in one rule
  std::string message;
  std::string source_line;  // the offending line of the file, when known

  // Formats the diagnostic as
  //   file:line:column: error: [rule id] message
  //     source line
  //     ^
  // leaving out the parts that are unknown.
  std::string Format() const;
};

// Returns whether any diagnostic in `diagnostics` is an error.
bool HasErrors(const std::vector<Diagnostic>& diagnostics);

}  // namespace curlexplain

#endif  // CURLEXPLAIN_DIAGNOSTIC_H_
