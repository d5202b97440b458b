// Positioned error reporting while reading one YAML rule file.
#ifndef CURLEXPLAIN_YAML_CONTEXT_H_
#define CURLEXPLAIN_YAML_CONTEXT_H_

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "curlexplain/diagnostic.h"
#include "suggest.h"

namespace curlexplain {

// One rule file being read: its name and lines, and the list that problems
// go to. Every check reports its own error and returns whether it passed, so
// that loading goes on and finds every problem in one run.
class YamlContext {
 public:
  YamlContext(std::string file, std::string_view content,
              std::vector<Diagnostic>* diagnostics);

  const std::string& file() const { return file_; }

  // Returns the position of `node` (or of its parent, for a missing key).
  SourcePosition PositionOf(const YAML::Node& node) const;
  SourcePosition PositionAt(int line, int column) const;

  // Returns the position of `offset` (0-based) inside the scalar `node`:
  // exact for a scalar on one line, else the position of the node.
  SourcePosition PositionInScalar(const YAML::Node& node, size_t offset) const;

  void Error(const SourcePosition& position, std::string_view rule_id,
             std::string message);
  void Error(const YAML::Node& node, std::string_view rule_id,
             std::string message);

  // Reports each key of the mapping `node` that is not in `allowed` (with a
  // suggestion for a near miss) and each key that appears twice, which
  // yaml-cpp 0.7 accepts without a word. Returns whether all keys passed.
  bool CheckKeys(const YAML::Node& node, std::string_view rule_id,
                 std::initializer_list<std::string_view> allowed,
                 std::string_view what);

  // Reports each key of the mapping `node` that appears twice or is not a
  // scalar. Returns whether all keys passed.
  bool CheckUniqueKeys(const YAML::Node& node, std::string_view rule_id,
                       std::string_view what);

  // Reads a scalar as text. Reports an error and returns nullopt when
  // `node` is not a scalar.
  std::optional<std::string> Scalar(const YAML::Node& node,
                                    std::string_view rule_id,
                                    std::string_view what);

  // Reads a scalar or a sequence of scalars as a list of texts.
  std::optional<std::vector<std::string>> ScalarList(
      const YAML::Node& node, std::string_view rule_id, std::string_view what);

  // Reads an integer scalar.
  std::optional<int> Integer(const YAML::Node& node, std::string_view rule_id,
                             std::string_view what);

  // Reads true or false.
  std::optional<bool> Boolean(const YAML::Node& node, std::string_view rule_id,
                              std::string_view what);

  // Returns the 1-based source line `line`, or "".
  std::string Line(int line) const;

 private:
  std::string file_;
  std::vector<std::string> lines_;
  std::vector<Diagnostic>* diagnostics_;
};

}  // namespace curlexplain

#endif  // CURLEXPLAIN_YAML_CONTEXT_H_
