// Recognisers for curl's own line layout: time stamps, transfer ids, the
// two-character prefixes, trace tags, dump headings and rows, tool messages.
#ifndef CURLEXPLAIN_LINE_READER_PREFIX_H_
#define CURLEXPLAIN_LINE_READER_PREFIX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "curlexplain/log_line.h"

namespace curlexplain::line_reader_internal {

// The prefix a curl line starts with, after its time stamp and ids.
enum class Prefix {
  kNone,     // none: not a curl line, or protocol text without prefix
  kInfo,     // "* "
  kOldInfo,  // "== Info: " (--trace before curl 8.17)
  kIn,       // "< "
  kOut,      // "> "
  kMarker,   // "{ [N bytes data]", "} [N bytes data]"
  kHeading,  // "=> Send header, N bytes (0xN)" and the like
};

// Transfer and connection ids from "[X-Y] "; "x" leaves one unset.
struct Ids {
  bool present = false;
  std::optional<int64_t> transfer_id;
  std::optional<int64_t> connection_id;
};

// A line split into curl's layout and its payload.
struct CurlLine {
  Prefix prefix = Prefix::kNone;
  std::optional<std::string> time;
  Ids ids;
  // The text after the prefix; for a marker "[N bytes data]", for a heading
  // the heading itself ("=> Send header, 26 bytes (0x1a)").
  std::string_view payload;
  // kIn, kOut, markers and headings: which way the bytes went.
  Direction direction = Direction::kUnknown;
  // Headings: kText for headers, kData or kSslData, and the byte count.
  LineKind heading_kind = LineKind::kText;
  int64_t heading_size = 0;
};

// Splits `line` into its curl layout. A time stamp or ids not followed by
// one of curl's prefixes are not taken: the result is then Prefix::kNone
// with no time and no ids.
CurlLine ParseCurlLine(std::string_view line);

// An informational message split into lib-ids, trace tags and text.
struct InfoMessage {
  Ids ids;
  // Trace tags in front of the text, without brackets: "MULTI",
  // "PERFORMING", "HTTP/2".
  std::vector<std::string> tags;
  // The message without tags and without leading blanks.
  std::string_view text;
};

// Splits the payload of a "* " line. Only names of curl's trace features and
// connection filters become tags, plus the transfer state after [MULTI] and
// the timer name after [TIMER]; any other bracketed text is part of the
// message. So "[HTTP/2] [1] OPENED stream" gives the tag HTTP/2 and the text
// "[1] OPENED stream": the stream number belongs to the message, which curl
// writes with it in its format string.
InfoMessage ParseInfoMessage(std::string_view payload);

// Returns true when the payload of a "* " line reads like an untagged IMAP
// reply ("OK ...", "CAPABILITY ...", "2 EXISTS"), which an application's
// debug callback without prefixes prints just like curl's "* " info lines.
bool LooksLikeImapUntagged(std::string_view payload);

// Returns true for OpenSSL's TLS record lines: "TLSv1.3 (OUT), ...".
bool IsTlsRecordLine(std::string_view text);

// A row of a --trace or --trace-ascii dump: "0040: ...".
struct DumpRow {
  int64_t offset = 0;
  std::string_view body;
};

// Returns the row, or nullopt when `line` is not shaped like one.
std::optional<DumpRow> ParseDumpRow(std::string_view line);

// The curl tool's own messages, written outside the debug stream.
enum class ToolKind {
  kNone,
  kExitError,  // "curl: (N) message", the final error
  kCurl,       // other "curl: " lines: option errors and hints
  kWarning,    // "Warning: "
  kNote,       // "Note: "
};

// Classifies `line`. An HTTP Warning header ("Warning: 110 ...") is not a
// tool message.
ToolKind ClassifyTool(std::string_view line);

// Returns the prefix of a tool message kind: "curl: ", "Warning: ", "Note: ".
std::string_view ToolPrefix(ToolKind kind);

// Returns true when a tool message line was wrapped and continues on the
// next line: curl wraps at a blank and keeps the blank at the line's end.
bool ToolLineWraps(std::string_view line);

// Returns true for the first line of the help text curl prints after a
// certificate error: "More details here: https://curl.se/docs/sslcerts.html".
bool IsHelpParagraphStart(std::string_view line);

}  // namespace curlexplain::line_reader_internal

#endif  // CURLEXPLAIN_LINE_READER_PREFIX_H_
