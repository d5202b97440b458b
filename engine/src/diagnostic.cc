#include "curlexplain/diagnostic.h"

#include <fmt/format.h>

#include <algorithm>

namespace curlexplain {

std::string Diagnostic::Format() const {
  std::string out;
  if (!position.file.empty()) {
    out += position.file + ":";
    if (position.line > 0) {
      out += fmt::format("{}:", position.line);
      if (position.column > 0) out += fmt::format("{}:", position.column);
    }
    out += " ";
  }
  out += level == DiagnosticLevel::kError ? "error: " : "warning: ";
  if (!rule_id.empty()) out += "[" + rule_id + "] ";
  out += message;
  if (!source_line.empty()) {
    out += "\n  " + source_line;
    if (position.column > 0) {
      // Tabs keep their width so the caret lines up under the column.
      std::string pad;
      for (int i = 0; i + 1 < position.column &&
                      i < static_cast<int>(source_line.size());
           ++i) {
        pad += source_line[i] == '\t' ? '\t' : ' ';
      }
      out += "\n  " + pad + "^";
    }
  }
  return out;
}

bool HasErrors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) {
                       return d.level == DiagnosticLevel::kError;
                     });
}

}  // namespace curlexplain
