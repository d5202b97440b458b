#include <fmt/format.h>

#include "curlexplain/reporter.h"

namespace curlexplain {
namespace {

// Returns `text` as a JSON string literal, always valid UTF-8.
std::string Quote(std::string_view text) {
  std::string printable = Printable(text, /*keep_newlines=*/true);
  std::string out = "\"";
  for (char c : printable) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out + "\"";
}

template <typename T>
std::string OptionalNumber(const std::optional<T>& value) {
  return value ? fmt::format("{}", *value) : "null";
}

std::string StringList(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ",";
    out += Quote(items[i]);
  }
  return out + "]";
}

std::string PairObject(
    const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::string out = "{";
  for (size_t i = 0; i < pairs.size(); ++i) {
    if (i > 0) out += ",";
    out += Quote(pairs[i].first) + ":" + Quote(pairs[i].second);
  }
  return out + "}";
}

std::string ItemObject(const SummaryItem& item) {
  return fmt::format(
      R"({{"id":{},"severity":"{}","line":{},"message":{},"hint":{}}})",
      Quote(item.id), SeverityName(item.severity),
      item.line > 0 ? std::to_string(item.line) : "null", Quote(item.message),
      item.hint.empty() ? "null" : Quote(item.hint));
}

class JsonReporter : public Reporter {
 public:
  JsonReporter(std::ostream& out, bool why) : out_(out), why_(why) {}

  void BeginLog(std::string_view name) override { file_ = Quote(name); }

  void Line(const Explanation& e) override {
    std::string rule = e.rule ? Quote(e.rule->id) : "null";
    out_ << fmt::format(
        R"({{"type":"line","file":{},"line":{},"text":{},"raw":{},)"
        R"("direction":"{}","kind":"{}","time":{},"transfer":{},)"
        R"("connection":{},"tags":{},"notes":{},"rule":{},"explained":{},)"
        R"("fallback":{},"severity":"{}","message":{},"hint":{},)"
        R"("language":{},)"
        R"("fields":{},"problems":{})",
        file_, e.number, Quote(e.text), Quote(e.raw),
        DirectionName(e.direction), LineKindName(e.kind),
        e.time ? Quote(*e.time) : "null", OptionalNumber(e.transfer_id),
        OptionalNumber(e.connection_id), StringList(e.tags),
        StringList(e.notes), rule, e.explained,
        e.rule != nullptr && e.rule->fallback, SeverityName(e.severity),
        e.rule ? Quote(e.message) : "null",
        e.hint.empty() ? "null" : Quote(e.hint),
        e.rule ? Quote(e.language) : "null", PairObject(e.fields),
        StringList(e.problems));
    if (why_) out_ << ",\"candidates\":" << Candidates(e);
    out_ << "}\n";
    out_.flush();
  }

  void EndLog(const Summary& s) override {
    std::string diagnoses = "[";
    for (size_t i = 0; i < s.diagnoses.size(); ++i) {
      if (i > 0) diagnoses += ",";
      diagnoses += ItemObject(s.diagnoses[i]);
    }
    diagnoses += "]";
    out_ << fmt::format(
        R"({{"type":"summary","file":{},"lines":{},"explained":{},)"
        R"("fallback":{},"unexplained":{},"notes":{},"warnings":{},)"
        R"("errors":{},"facts":{},"diagnoses":{},"first_problem":{}}})",
        file_, s.lines, s.explained, s.fallback, s.unexplained, s.notes,
        s.warnings, s.errors, PairObject(s.facts), diagnoses,
        s.first_problem ? ItemObject(*s.first_problem) : "null")
         << "\n";
    out_.flush();
  }

 private:
  static std::string Candidates(const Explanation& e) {
    std::string out = "[";
    for (size_t i = 0; i < e.candidates.size(); ++i) {
      const Candidate& c = e.candidates[i];
      if (i > 0) out += ",";
      out += fmt::format(R"({{"rule":{},"eligible":{},"reason":{}}})",
                         Quote(c.rule->id), c.eligible, Quote(c.reason));
    }
    return out + "]";
  }

  std::ostream& out_;
  bool why_;
  std::string file_;
};

}  // namespace

std::unique_ptr<Reporter> MakeJsonReporter(std::ostream& out, bool why) {
  return std::make_unique<JsonReporter>(out, why);
}

}  // namespace curlexplain
