#include "curlexplain/template.h"

#include <fmt/args.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace curlexplain {
namespace {

// The widest field a template may ask for; fmt would otherwise allocate
// whatever width a rule names.
constexpr size_t kMaxWidth = 1000;

bool IsNameStart(char c) {
  return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}

bool IsNameChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// Reads the replacement field that starts at `source[*pos]` (a '{'), stores
// its name and advances `*pos` past the closing '}'. Returns an error text,
// or "" on success.
std::string ReadField(std::string_view source, size_t* pos,
                      std::string* name) {
  size_t i = *pos + 1;
  size_t start = i;
  while (i < source.size() && IsNameChar(source[i])) ++i;
  *name = std::string(source.substr(start, i - start));
  if (name->empty() || !IsNameStart((*name)[0])) {
    return "a replacement field must start with a name, as in {size}; "
           "write {{ for a literal brace";
  }
  if (i < source.size() && source[i] == ':') {
    size_t number = 0;
    while (i < source.size() && source[i] != '}') {
      if (source[i] == '{') {
        return "nested replacement fields are not supported in a format spec";
      }
      if (source[i] == '.') {
        return "a precision would cut a value short, and a cut secret escapes "
               "masking; shorten values in a field instead";
      }
      number = std::isdigit(static_cast<unsigned char>(source[i]))
                   ? number * 10 + static_cast<size_t>(source[i] - '0')
                   : 0;
      if (number > kMaxWidth) {
        return fmt::format("a width over {} is not supported", kMaxWidth);
      }
      ++i;
    }
  }
  if (i >= source.size() || source[i] != '}') {
    return "'{' without a matching '}'; write {{ for a literal brace";
  }
  *pos = i + 1;
  return "";
}

}  // namespace

std::optional<Template> Template::Parse(std::string_view source,
                                        std::string* error, size_t* offset) {
  Template result;
  result.source_ = std::string(source);
  for (size_t i = 0; i < source.size();) {
    char c = source[i];
    bool doubled = i + 1 < source.size() && source[i + 1] == c;
    if ((c == '{' || c == '}') && doubled) {
      i += 2;
      continue;
    }
    if (c == '}') {
      *error = "single '}' in template; write }} for a literal brace";
      *offset = i;
      return std::nullopt;
    }
    if (c != '{') {
      ++i;
      continue;
    }
    std::string name;
    size_t start = i;
    std::string problem = ReadField(source, &i, &name);
    if (!problem.empty()) {
      *error = problem;
      *offset = start;
      return std::nullopt;
    }
    if (std::find(result.names_.begin(), result.names_.end(), name) ==
        result.names_.end()) {
      result.names_.push_back(name);
      result.offsets_.push_back(start + 1);
    }
  }

  // fmt checks the format specs; every value is a string when rendered.
  std::string render_error;
  if (!result.Render({}, &render_error)) {
    *error = "invalid format spec: " + render_error;
    *offset = 0;
    return std::nullopt;
  }
  return result;
}

size_t Template::OffsetOf(std::string_view name) const {
  for (size_t i = 0; i < names_.size(); ++i) {
    if (names_[i] == name) return offsets_[i];
  }
  return 0;
}

std::optional<std::string> Template::Render(const TemplateValues& values,
                                            std::string* error) const {
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  static const std::string kEmpty;
  for (const std::string& name : names_) {
    auto it = values.find(name);
    const std::string& value = it == values.end() ? kEmpty : it->second;
    args.push_back(fmt::arg(name.c_str(), value));
  }
  try {
    return fmt::vformat(source_, args);
  } catch (const std::exception& e) {
    if (error != nullptr) *error = e.what();
    return std::nullopt;
  }
}

std::string Template::RenderOrEmpty(const TemplateValues& values) const {
  return Render(values).value_or("");
}

}  // namespace curlexplain
