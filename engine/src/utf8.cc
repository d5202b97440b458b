#include "utf8.h"

#include <string>

#include "curlexplain/reporter.h"

namespace curlexplain {
namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

size_t Utf8SequenceLength(std::string_view text) {
  auto c = static_cast<unsigned char>(text[0]);
  size_t length = 0;
  unsigned int minimum = 0;
  unsigned int code = 0;
  if (c < 0x80) return 1;
  if ((c & 0xE0) == 0xC0) {
    length = 2, minimum = 0x80, code = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    length = 3, minimum = 0x800, code = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    length = 4, minimum = 0x10000, code = c & 0x07;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (size_t i = 1; i < length; ++i) {
    auto next = static_cast<unsigned char>(text[i]);
    if (!IsContinuation(next)) return 0;
    code = (code << 6) | (next & 0x3F);
  }
  // Overlong forms, UTF-16 surrogates and values past U+10FFFF are invalid.
  if (code < minimum || (code >= 0xD800 && code <= 0xDFFF) ||
      code > 0x10FFFF) {
    return 0;
  }
  return length;
}

std::string Printable(std::string_view text, bool keep_newlines) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  size_t i = 0;
  while (i < text.size()) {
    size_t length = Utf8SequenceLength(text.substr(i));
    auto c = static_cast<unsigned char>(text[i]);
    bool allowed = c == '\t' || (keep_newlines && c == '\n');
    if (length == 0 || (length == 1 && c < 0x20 && !allowed) || c == 0x7F) {
      out += kReplacement;
      i += length == 0 ? 1 : length;
      continue;
    }
    out.append(text.substr(i, length));
    i += length;
  }
  return out;
}

}  // namespace curlexplain
