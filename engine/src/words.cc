#include "curlexplain/words.h"

#include <map>

namespace curlexplain {
namespace {

// English defaults; rules/en/strings.yaml ships the same entries so that
// translators see every key.
const std::map<std::string, std::string, std::less<>>& Defaults() {
  static const auto* kDefaults =
      new std::map<std::string, std::string, std::less<>>{
          {"not_explained", "? not explained"},
          {"generic", "(generic explanation)"},
          {"hint", "Hint:"},
          {"fell_back", "[no translation: {language}]"},
          {"severity.note", "note"},
          {"severity.warning", "warning"},
          {"severity.error", "error"},
          {"summary.heading", "Summary"},
          {"summary.lines.one", "{n} line"},
          {"summary.lines.other", "{n} lines"},
          {"summary.explained.other", "{n} explained"},
          {"summary.fallback.other", "{n} only generally"},
          {"summary.unexplained.other", "{n} not explained"},
          {"summary.errors.one", "{n} error"},
          {"summary.errors.other", "{n} errors"},
          {"summary.warnings.one", "{n} warning"},
          {"summary.warnings.other", "{n} warnings"},
          {"summary.notes.one", "{n} note"},
          {"summary.notes.other", "{n} notes"},
          {"summary.first_problem", "The first problem is on line {line}:"},
          {"unexplained.lines.one", "{n} line not explained"},
          {"unexplained.lines.other", "{n} lines not explained"},
          {"unexplained.shapes.one", "in {n} shape"},
          {"unexplained.shapes.other", "in {n} shapes"},
      };
  return *kDefaults;
}

}  // namespace

std::string Words::Get(std::string_view key) const {
  auto it = rules_.strings.find(key);
  if (it != rules_.strings.end()) return it->second;
  auto fallback = Defaults().find(key);
  return fallback == Defaults().end() ? std::string(key) : fallback->second;
}

std::string Words::Format(std::string_view key,
                          const TemplateValues& values) const {
  std::string error;
  size_t offset = 0;
  std::optional<Template> tmpl = Template::Parse(Get(key), &error, &offset);
  if (!tmpl) {
    auto fallback = Defaults().find(key);
    if (fallback == Defaults().end()) return Get(key);
    tmpl = Template::Parse(fallback->second, &error, &offset);
  }
  return tmpl ? tmpl->RenderOrEmpty(values) : std::string(key);
}

std::string Words::Count(std::string_view key, int64_t n) const {
  std::string category =
      rules_.locale.PluralCategory(static_cast<double>(n));
  std::string chosen = std::string(key) + "." + category;
  bool known = rules_.strings.count(chosen) != 0 ||
               Defaults().count(chosen) != 0;
  if (!known) chosen = std::string(key) + ".other";
  return Format(chosen, {{"n", std::to_string(n)}});
}

}  // namespace curlexplain
