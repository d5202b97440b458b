// One line of a curl or libcurl log, as the line reader hands it on.
#ifndef CURLEXPLAIN_LOG_LINE_H_
#define CURLEXPLAIN_LOG_LINE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace curlexplain {

// The direction a line's text travelled, as far as the log shows it.
enum class Direction {
  kUnknown,  // no prefix shows it: a debug callback's text without prefixes
  kInfo,     // curl's own informational text (`* `, `== Info:`)
  kIn,       // received from the peer (`< `, `<= Recv header`)
  kOut,      // sent to the peer (`> `, `=> Send header`)
};

// The kind of payload a line carries.
enum class LineKind {
  kText,         // an info line or a protocol line (header, command, reply)
  kData,         // body bytes, or a `{ [N bytes data]` marker standing for them
  kSslData,      // TLS record bytes, or a marker standing for them
  kToolMessage,  // the curl tool's own `curl: (N)`, `Warning:` or `Note:` text
  kNoise,        // progress meter, trace dump headings and other layout text
};

// Returns the lower-case JSON name of `direction`: "unknown", "info", "in",
// "out".
std::string_view DirectionName(Direction direction);

// Returns the lower-case JSON name of `kind`: "text", "data", "ssl-data",
// "tool", "noise".
std::string_view LineKindName(LineKind kind);

// A line after the reader has removed curl's layout: prefixes, time stamps,
// transfer ids, trace dump columns, line endings.
struct LogLine {
  // 1-based number of the input line this line starts on.
  int64_t number = 0;
  // The input line as read, without its line ending. Invalid UTF-8 is kept
  // byte for byte; reporters make it printable. When the line spans several
  // input lines (see line_count), they are joined with '\n'.
  std::string raw;
  // The protocol or message text that rules match against.
  std::string text;
  Direction direction = Direction::kUnknown;
  LineKind kind = LineKind::kText;
  // `HH:MM:SS.uuuuuu` from --trace-time or -vv, when the log has it.
  std::optional<std::string> time;
  // Transfer and connection ids from --trace-ids, -vv or `[N-M]` tags.
  std::optional<int64_t> transfer_id;
  std::optional<int64_t> connection_id;
  // Trace tags in front of the text, without brackets: "HTTP/2", "MULTI".
  std::vector<std::string> tags;
  // Damage the reader found and repaired or marked, as short phrases:
  // "progress meter removed", "cut at 2048 bytes by curl", "invalid UTF-8".
  std::vector<std::string> notes;
  // The number of input lines, from `number` on, that belong to this line.
  // It is more than 1 when the reader joined lines (a wrapped warning, a
  // trace dump block), and 0 when the line before it already owns its input
  // line (two header lines
  // starting in one --trace hex row, or in one application record). Every
  // input line belongs to exactly one LogLine, so the counts add up to the
  // number of input lines.
  int64_t line_count = 1;
};

}  // namespace curlexplain

#endif  // CURLEXPLAIN_LOG_LINE_H_
