#include "expression_lexer.h"

#include <fmt/format.h>

#include <charconv>
#include <cstdint>
#include <system_error>

namespace curlexplain {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool IsNameStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool IsNameChar(char c) { return IsNameStart(c) || IsDigit(c); }

struct Keyword {
  std::string_view text;
  TokenKind kind;
};

constexpr Keyword kKeywords[] = {
    {"true", TokenKind::kTrue}, {"false", TokenKind::kFalse},
    {"null", TokenKind::kNull}, {"and", TokenKind::kAnd},
    {"or", TokenKind::kOr},     {"not", TokenKind::kNot},
};

struct Symbol {
  std::string_view text;
  TokenKind kind;
};

// Two-character symbols come first so that "<=" is not read as "<".
constexpr Symbol kSymbols[] = {
    {"==", TokenKind::kEqual},     {"!=", TokenKind::kNotEqual},
    {"<=", TokenKind::kLessEqual}, {">=", TokenKind::kGreaterEqual},
    {"(", TokenKind::kLeftParen},  {")", TokenKind::kRightParen},
    {",", TokenKind::kComma},      {"?", TokenKind::kQuestion},
    {":", TokenKind::kColon},      {"+", TokenKind::kPlus},
    {"-", TokenKind::kMinus},      {"*", TokenKind::kStar},
    {"/", TokenKind::kSlash},      {"%", TokenKind::kPercent},
    {"~", TokenKind::kTilde},      {"<", TokenKind::kLess},
    {">", TokenKind::kGreater},
};

struct ForeignSymbol {
  std::string_view text;
  std::string_view replacement;
};

// Operators of other languages, with what to write instead.
constexpr ForeignSymbol kForeignSymbols[] = {
    {"&&", "and"}, {"||", "or"}, {"&", "and"},
    {"|", "or"},   {"!", "not"}, {"=", "=="},
};

class Lexer {
 public:
  explicit Lexer(std::string_view source) : source_(source) {}

  std::vector<Token> Run() {
    std::vector<Token> tokens;
    while (true) {
      while (pos_ < source_.size() && IsSpace(source_[pos_])) ++pos_;
      if (pos_ == source_.size()) break;
      tokens.push_back(Next());
    }
    tokens.push_back({TokenKind::kEnd, source_.size(), "", Value()});
    return tokens;
  }

 private:
  static bool IsSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }

  Token Next() {
    char c = source_[pos_];
    if (IsDigit(c)) return LexNumber();
    if (c == '\'' || c == '"') return LexString();
    if (IsNameStart(c)) return LexName();
    return LexSymbol();
  }

  Token MakeToken(TokenKind kind, size_t start, Value value = Value()) {
    return {kind, start, source_.substr(start, pos_ - start), std::move(value)};
  }

  bool At(char c) const { return pos_ < source_.size() && source_[pos_] == c; }
  bool AtDigit() const {
    return pos_ < source_.size() && IsDigit(source_[pos_]);
  }

  void SkipDigits() {
    while (AtDigit()) ++pos_;
  }

  Token LexNumber();
  Token LexString();
  Token LexName();
  Token LexSymbol();

  std::string_view source_;
  size_t pos_ = 0;
};

Token Lexer::LexNumber() {
  size_t start = pos_;
  bool is_decimal = false;
  SkipDigits();
  if (At('.')) {
    ++pos_;
    if (!AtDigit()) {
      throw SyntaxError{pos_, "expected a digit after the decimal point"};
    }
    SkipDigits();
    is_decimal = true;
  }
  if (At('e') || At('E')) {
    size_t exponent = pos_++;
    if (At('+') || At('-')) ++pos_;
    if (!AtDigit()) {
      throw SyntaxError{exponent, "expected digits after the exponent 'e'"};
    }
    SkipDigits();
    is_decimal = true;
  }
  if (pos_ < source_.size() && IsNameChar(source_[pos_])) {
    while (pos_ < source_.size() && IsNameChar(source_[pos_])) ++pos_;
    throw SyntaxError{start, fmt::format("invalid number '{}'",
                                         source_.substr(start, pos_ - start))};
  }

  std::string_view text = source_.substr(start, pos_ - start);
  if (is_decimal) {
    double value = 0;
    auto [end, error] = std::from_chars(text.begin(), text.end(), value);
    if (error != std::errc()) {
      throw SyntaxError{start, fmt::format("number {} is out of range", text)};
    }
    return MakeToken(TokenKind::kDecimal, start, value);
  }

  int64_t value = 0;
  auto [end, error] = std::from_chars(text.begin(), text.end(), value);
  if (error != std::errc()) {
    throw SyntaxError{start, fmt::format("integer {} is out of range; the "
                                         "maximum is 9223372036854775807",
                                         text)};
  }
  return MakeToken(TokenKind::kInteger, start, value);
}

Token Lexer::LexString() {
  size_t start = pos_;
  char quote = source_[pos_++];
  std::string value;
  while (pos_ < source_.size()) {
    // A doubled quote stands for one quote, as in YAML and SQL, so that
    // 'the server''s' reads as rule authors write it in YAML.
    if (source_[pos_] == quote) {
      if (pos_ + 1 < source_.size() && source_[pos_ + 1] == quote) {
        value += quote;
        pos_ += 2;
        continue;
      }
      break;
    }
    char c = source_[pos_++];
    if (c != '\\') {
      value += c;
      continue;
    }
    if (pos_ == source_.size()) break;
    char escaped = source_[pos_++];
    switch (escaped) {
      case '\\':
      case '\'':
      case '"':
        value += escaped;
        break;
      case 'n':
        value += '\n';
        break;
      case 't':
        value += '\t';
        break;
      default:
        throw SyntaxError{
            pos_ - 2,
            fmt::format(
                "unknown escape '\\{}' in string; write '\\\\' for a backslash",
                escaped)};
    }
  }
  if (pos_ == source_.size()) {
    throw SyntaxError{start, "unterminated string"};
  }
  ++pos_;
  return MakeToken(TokenKind::kString, start, std::move(value));
}

Token Lexer::LexName() {
  size_t start = pos_;
  while (pos_ < source_.size() && IsNameChar(source_[pos_])) ++pos_;
  std::string_view text = source_.substr(start, pos_ - start);
  for (const Keyword& keyword : kKeywords) {
    if (keyword.text == text) return MakeToken(keyword.kind, start);
  }
  return MakeToken(TokenKind::kName, start);
}

Token Lexer::LexSymbol() {
  size_t start = pos_;
  std::string_view rest = source_.substr(pos_);
  for (const Symbol& symbol : kSymbols) {
    if (rest.starts_with(symbol.text)) {
      pos_ += symbol.text.size();
      return MakeToken(symbol.kind, start);
    }
  }

  for (const ForeignSymbol& symbol : kForeignSymbols) {
    if (rest.starts_with(symbol.text)) {
      throw SyntaxError{start, fmt::format("unknown operator '{}'; use '{}'",
                                           symbol.text, symbol.replacement)};
    }
  }

  // Show a whole UTF-8 sequence, not its first byte.
  size_t length = 1;
  while (length < rest.size() && length < 4 &&
         (static_cast<unsigned char>(rest[length]) & 0xc0) == 0x80) {
    ++length;
  }
  throw SyntaxError{
      start, fmt::format("unexpected character '{}'", rest.substr(0, length))};
}

}  // namespace

int ColumnAt(std::string_view source, size_t offset) {
  int column = 1;
  for (size_t i = 0; i < offset && i < source.size(); ++i) {
    if ((static_cast<unsigned char>(source[i]) & 0xc0) != 0x80) ++column;
  }
  return column;
}

std::vector<Token> Tokenize(std::string_view source) {
  return Lexer(source).Run();
}

}  // namespace curlexplain
