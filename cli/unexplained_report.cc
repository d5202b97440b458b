#include "unexplained_report.h"

#include <fmt/format.h>
#include <re2/re2.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <vector>

#include "curlexplain/words.h"

namespace curlexplain {
namespace {

struct Fold {
  const char* pattern;
  const char* placeholder;
};

// Order matters: quoted text and addresses go before the numbers in them,
// and no placeholder contains a digit.
const std::vector<Fold>& Folds() {
  static const std::vector<Fold> kFolds = {
      {R"("[^"]*")", "\"<text>\""},
      {R"('[^']*')", "'<text>'"},
      {R"(\b(?:\d{1,3}\.){3}\d{1,3}\b)", "<address>"},
      {R"(\b[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}\b)", "<address>"},
      {R"(\b[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b)", "<host>"},
      {R"(\b0x[0-9A-Fa-f]+\b)", "<hex>"},
      {R"(\b[0-9A-Fa-f]{16,}\b)", "<hex>"},
      {R"(\d+)", "<n>"},
  };
  return kFolds;
}

constexpr size_t kMaxShapes = 10000;

struct Group {
  int64_t count = 0;
  std::string example;
  std::string where;
};

class UnexplainedReporter : public Reporter {
 public:
  UnexplainedReporter(std::ostream& out, const RuleSet& rules)
      : out_(out), rules_(rules) {}

  void BeginLog(std::string_view name) override { file_ = name; }

  void Line(const Explanation& e) override {
    if (e.explained) return;
    std::string shape = LineShape(e.text);
    // Past a limit, new shapes are counted but not kept, so memory stays
    // bounded on huge logs of unknown lines.
    if (groups_.size() >= kMaxShapes && groups_.count(shape) == 0) {
      ++total_;
      return;
    }
    auto [it, inserted] = groups_.try_emplace(shape);
    if (inserted) {
      it->second.example = Printable(e.text);
      it->second.where = fmt::format("{}:{}", file_, e.number);
      order_.push_back(shape);
    }
    ++it->second.count;
    ++total_;
  }

  void EndLog(const Summary&) override {}

  void Finish() override {
    std::stable_sort(order_.begin(), order_.end(),
                     [&](const std::string& a, const std::string& b) {
                       return groups_[a].count > groups_[b].count;
                     });
    Words words(rules_);
    out_ << words.Count("unexplained.lines", total_) << " "
         << words.Count("unexplained.shapes",
                        static_cast<int64_t>(order_.size()))
         << "\n";
    for (const std::string& shape : order_) {
      const Group& group = groups_[shape];
      out_ << fmt::format("{:>6}  {}\n        {}  {}\n", group.count,
                          Printable(shape), group.where, group.example);
    }
  }

 private:
  std::ostream& out_;
  const RuleSet& rules_;
  std::string file_;
  std::map<std::string, Group> groups_;
  std::vector<std::string> order_;
  int64_t total_ = 0;
};

// Replaces each run of base64 characters that is long and looks encoded (a
// digit, a lower-case and an upper-case letter) by "<encoded>", so that
// long words such as SENDPROTOCONNECT stay as they are.
std::string FoldEncoded(std::string_view text) {
  auto in_alphabet = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' ||
           c == '/' || c == '=';
  };
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = i;
    while (end < text.size() && in_alphabet(text[end])) ++end;
    if (end == i) {
      out += text[i++];
      continue;
    }
    std::string_view run = text.substr(i, end - i);
    auto has = [&](int (*test)(int)) {
      return std::any_of(run.begin(), run.end(), [&](char c) {
        return test(static_cast<unsigned char>(c)) != 0;
      });
    };
    bool encoded = run.size() >= 16 && has(std::isdigit) &&
                   has(std::islower) && has(std::isupper);
    out += encoded ? std::string("<encoded>") : std::string(run);
    i = end;
  }
  return out;
}

}  // namespace

std::string LineShape(std::string_view text) {
  static const auto* kCompiled = [] {
    auto* compiled = new std::vector<std::unique_ptr<RE2>>;
    for (const Fold& fold : Folds()) {
      compiled->push_back(std::make_unique<RE2>(fold.pattern));
    }
    return compiled;
  }();
  std::string shape = FoldEncoded(text);
  for (size_t i = 0; i < Folds().size(); ++i) {
    RE2::GlobalReplace(&shape, *(*kCompiled)[i], Folds()[i].placeholder);
  }
  return shape;
}

std::unique_ptr<Reporter> MakeUnexplainedReporter(std::ostream& out,
                                                  const RuleSet& rules) {
  return std::make_unique<UnexplainedReporter>(out, rules);
}

}  // namespace curlexplain
