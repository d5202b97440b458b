// Layouts that applications wrap around libcurl's debug output: type words,
// Python string reprs, git's GIT_TRACE_CURL, logcat columns, test-diff line
// numbers and markdown damage in pasted logs.
#ifndef CURLEXPLAIN_LINE_READER_WRAPPERS_H_
#define CURLEXPLAIN_LINE_READER_WRAPPERS_H_

#include <optional>
#include <string>
#include <string_view>

namespace curlexplain::line_reader_internal {

// The type of the text inside a wrapper.
enum class Payload {
  kCurlLine,   // a curl line with its own prefixes: decode it as one
  kPlain,      // text of unknown type
  kText,       // CURLINFO_TEXT
  kHeaderIn,   // CURLINFO_HEADER_IN
  kHeaderOut,  // CURLINFO_HEADER_OUT
  kDataIn,     // CURLINFO_DATA_IN
  kDataOut,    // CURLINFO_DATA_OUT
  kSslIn,      // CURLINFO_SSL_DATA_IN
  kSslOut,     // CURLINFO_SSL_DATA_OUT
  kNoise,      // the wrapper's own layout text (a git dump heading)
};

// A line with its wrapper removed.
struct Unwrapped {
  Payload payload = Payload::kCurlLine;
  // The wrapped text. From a Python repr it is unescaped and may hold
  // several lines separated by '\n'.
  std::string inner;
  // The wrapper's own time stamp, when it has curl's HH:MM:SS.uuuuuu form.
  std::optional<std::string> time;
  // A note for wrappers that damaged the log (markdown), else empty.
  std::string_view note;
  // Markdown quote: text inside it without a curl prefix is plain text.
  bool quoted = false;
  // A Python repr whose string ended in a real newline: the closing quote,
  // this character, is alone on the next line.
  char open_quote = 0;
};

// Wrappers that are recognised by a curl line inside them stay in force for
// the lines that follow while those carry the same wrapper.
enum class StickyWrapper { kNone, kTestDiff, kIndent, kQuote };

struct WrapperState {
  StickyWrapper sticky = StickyWrapper::kNone;
};

// Removes an application wrapper from `line`. Returns nullopt when the line
// has none, or when it is not certain that it has one: a wrapper is taken
// only when its shape cannot be protocol text.
std::optional<Unwrapped> Unwrap(std::string_view line, WrapperState* state);

}  // namespace curlexplain::line_reader_internal

#endif  // CURLEXPLAIN_LINE_READER_WRAPPERS_H_
