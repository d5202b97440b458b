// Built-in functions on text: case, trimming, searching, splitting, base64
// and UTF-8 checks.
#include <optional>

#include "functions.h"

namespace curlexplain {
namespace {

bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
         c == '\f';
}

// Returns the length of the UTF-8 sequence that `lead` starts, or 0 when no
// valid sequence starts with it (a continuation byte, or the overlong and
// out-of-range leads 0xc0, 0xc1 and 0xf5 to 0xff).
size_t SequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead < 0xc2 || lead > 0xf4) return 0;
  if (lead < 0xe0) return 2;
  if (lead < 0xf0) return 3;
  return 4;
}

// Decodes the UTF-8 sequence at `*pos` into `*code_point` and advances
// `*pos` past it. Returns false, advancing by one byte, on an invalid,
// overlong or truncated sequence, a surrogate or a value above U+10FFFF.
bool DecodeUtf8(std::string_view text, size_t* pos, char32_t* code_point) {
  unsigned char lead = static_cast<unsigned char>(text[*pos]);
  size_t length = SequenceLength(lead);
  if (length == 0 || *pos + length > text.size()) {
    ++*pos;
    return false;
  }

  char32_t value = length == 1 ? lead : lead & (0x7f >> length);
  for (size_t i = 1; i < length; ++i) {
    unsigned char next = static_cast<unsigned char>(text[*pos + i]);
    if ((next & 0xc0) != 0x80) {
      ++*pos;
      return false;
    }
    value = (value << 6) | (next & 0x3f);
  }

  static constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
  if (value < kSmallest[length] || value > 0x10ffff ||
      (value >= 0xd800 && value <= 0xdfff)) {
    ++*pos;
    return false;
  }
  *pos += length;
  *code_point = value;
  return true;
}

int Base64Digit(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Decodes standard base64 with or without '=' padding. Returns nullopt on a
// character outside the alphabet, a wrong length or wrong padding.
std::optional<std::string> DecodeBase64(std::string_view text) {
  size_t padding = 0;
  while (padding < 2 && !text.empty() && text.back() == '=') {
    text.remove_suffix(1);
    ++padding;
  }
  if (text.size() % 4 == 1) return std::nullopt;
  if (padding > 0 && text.size() % 4 + padding != 4) return std::nullopt;

  std::string decoded;
  uint32_t bits = 0;
  int bit_count = 0;
  for (char c : text) {
    int digit = Base64Digit(c);
    if (digit < 0) return std::nullopt;
    bits = (bits << 6) | static_cast<uint32_t>(digit);
    bit_count += 6;
    if (bit_count >= 8) {
      bit_count -= 8;
      decoded += static_cast<char>((bits >> bit_count) & 0xff);
    }
  }
  return decoded;
}

std::vector<std::string_view> SplitBy(std::string_view text,
                                      std::string_view separator) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  for (size_t at; (at = text.find(separator, start)) != text.npos;
       start = at + separator.size()) {
    parts.push_back(text.substr(start, at - start));
  }
  parts.push_back(text.substr(start));
  return parts;
}

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  size_t pos = 0;
  while (pos < text.size()) {
    while (pos < text.size() && IsAsciiSpace(text[pos])) ++pos;
    size_t start = pos;
    while (pos < text.size() && !IsAsciiSpace(text[pos])) ++pos;
    if (pos > start) words.push_back(text.substr(start, pos - start));
  }
  return words;
}

// Returns parts[index], counting from the end when `index` is negative, or
// null when it is out of range.
Value PickPart(const std::vector<std::string_view>& parts, int64_t index) {
  int64_t size = static_cast<int64_t>(parts.size());
  if (index < 0) index += size;
  if (index < 0 || index >= size) return nullptr;
  return std::string(parts[static_cast<size_t>(index)]);
}

Value Str(const Call& call) { return call.Text(0); }

Value Lower(const Call& call) {
  std::string text = call.Text(0);
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

Value Upper(const Call& call) {
  std::string text = call.Text(0);
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return text;
}

Value Trim(const Call& call) {
  std::string text = call.Text(0);
  size_t start = 0;
  size_t end = text.size();
  while (start < end && IsAsciiSpace(text[start])) ++start;
  while (end > start && IsAsciiSpace(text[end - 1])) --end;
  return text.substr(start, end - start);
}

Value Len(const Call& call) {
  std::string text = call.Text(0);
  int64_t count = 0;
  char32_t ignored;
  for (size_t pos = 0; pos < text.size(); ++count) {
    DecodeUtf8(text, &pos, &ignored);
  }
  return count;
}

Value Contains(const Call& call) {
  return call.Text(0).find(call.Text(1)) != std::string::npos;
}

Value StartsWith(const Call& call) {
  return call.Text(0).starts_with(call.Text(1));
}

Value EndsWith(const Call& call) {
  return call.Text(0).ends_with(call.Text(1));
}

Value Replace(const Call& call) {
  std::string text = call.Text(0);
  std::string from = call.NonEmptyText(1, "the text to replace");
  std::string to = call.Text(2);

  std::string result;
  size_t start = 0;
  for (size_t at; (at = text.find(from, start)) != std::string::npos;
       start = at + from.size()) {
    result.append(text, start, at - start);
    result += to;
  }
  result.append(text, start);
  return result;
}

Value Split(const Call& call) {
  std::string text = call.Text(0);
  std::string separator = call.NonEmptyText(1, "the separator");
  return PickPart(SplitBy(text, separator), call.WholeNumber(2));
}

Value Word(const Call& call) {
  std::string text = call.Text(0);
  return PickPart(SplitWords(text), call.WholeNumber(1));
}

Value Count(const Call& call) {
  std::string text = call.Text(0);
  std::string part = call.NonEmptyText(1, "the text to count");
  return static_cast<int64_t>(SplitBy(text, part).size() - 1);
}

Value Base64Decode(const Call& call) {
  std::optional<std::string> decoded = DecodeBase64(call.Text(0));
  if (!decoded) call.FailArgument(0, "is invalid base64");
  return *decoded;
}

Value Base64Valid(const Call& call) {
  return DecodeBase64(call.Text(0)).has_value();
}

Value IsText(const Call& call) {
  std::string text = call.Text(0);
  for (size_t pos = 0; pos < text.size();) {
    char32_t c;
    if (!DecodeUtf8(text, &pos, &c)) return false;
    bool allowed_control = c == '\t' || c == '\r' || c == '\n';
    bool control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
    if (control && !allowed_control) return false;
  }
  return true;
}

constexpr NullArguments kReject = NullArguments::kReject;

constexpr FunctionSpec kTextFunctions[] = {
    {"str", 1, 1, NullArguments::kAccept, Str, "str(x)",
     "x as text; null gives \"\""},
    {"lower", 1, 1, kReject, Lower, "lower(s)",
     "s with ASCII letters in lower case"},
    {"upper", 1, 1, kReject, Upper, "upper(s)",
     "s with ASCII letters in upper case"},
    {"trim", 1, 1, kReject, Trim, "trim(s)",
     "s without leading and trailing whitespace"},
    {"len", 1, 1, kReject, Len, "len(s)",
     "the number of UTF-8 code points in s"},
    {"contains", 2, 2, kReject, Contains, "contains(s, part)",
     "whether s contains part"},
    {"starts_with", 2, 2, kReject, StartsWith, "starts_with(s, prefix)",
     "whether s starts with prefix"},
    {"ends_with", 2, 2, kReject, EndsWith, "ends_with(s, suffix)",
     "whether s ends with suffix"},
    {"replace", 3, 3, kReject, Replace, "replace(s, from, to)",
     "s with every occurrence of from replaced by to"},
    {"split", 3, 3, kReject, Split, "split(s, separator, index)",
     "the index-th part of s split at separator, or null"},
    {"word", 2, 2, kReject, Word, "word(s, index)",
     "the index-th whitespace-separated word of s, or null"},
    {"count", 2, 2, kReject, Count, "count(s, part)",
     "the number of non-overlapping occurrences of part in s"},
    {"base64_decode", 1, 1, kReject, Base64Decode, "base64_decode(s)",
     "the bytes that base64 text s encodes"},
    {"base64_valid", 1, 1, kReject, Base64Valid, "base64_valid(s)",
     "whether s is valid base64"},
    {"is_text", 1, 1, kReject, IsText, "is_text(s)",
     "whether s is valid UTF-8 without control characters"},
};

}  // namespace

std::span<const FunctionSpec> TextFunctions() { return kTextFunctions; }

}  // namespace curlexplain
