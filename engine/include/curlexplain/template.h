// Message templates: fmt format strings over named string values.
#ifndef CURLEXPLAIN_TEMPLATE_H_
#define CURLEXPLAIN_TEMPLATE_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace curlexplain {

// Values a template is rendered with, by name.
using TemplateValues = std::map<std::string, std::string, std::less<>>;

// A parsed fmt format string whose replacement fields are all named:
// "The limit is {limit}." Every value reaches it as a string.
class Template {
 public:
  Template() = default;

  // Parses `source`. On failure returns nullopt and stores the reason and
  // the 0-based offset of the problem in `*error` and `*offset`.
  static std::optional<Template> Parse(std::string_view source,
                                       std::string* error, size_t* offset);

  // The names the template refers to, in order of first use.
  const std::vector<std::string>& names() const { return names_; }

  // Returns the 0-based offset in the source of the first use of `name`.
  size_t OffsetOf(std::string_view name) const;

  // Renders the template. Names missing from `values` render as "".
  // Returns nullopt and sets `*error` if fmt rejects a format spec.
  std::optional<std::string> Render(const TemplateValues& values,
                                    std::string* error = nullptr) const;

  // Renders as above and returns "" when fmt rejects a format spec.
  std::string RenderOrEmpty(const TemplateValues& values) const;

  const std::string& source() const { return source_; }
  bool empty() const { return source_.empty(); }

 private:
  std::string source_;
  std::vector<std::string> names_;
  std::vector<size_t> offsets_;
};

}  // namespace curlexplain

#endif  // CURLEXPLAIN_TEMPLATE_H_
