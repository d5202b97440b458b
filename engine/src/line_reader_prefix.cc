#include "line_reader_prefix.h"

#include <algorithm>
#include <array>

#include "line_reader_scan.h"

namespace curlexplain::line_reader_internal {

namespace {

// Names curl 8.x (up to 8.22) prints in brackets in front of trace
// messages: its trace features and its connection filters. A filter name
// may carry a socket index: "TCP-1".
constexpr std::array<std::string_view, 12> kFeatures = {
    "MULTI", "DNS",  "DoH",  "TIMER", "READ", "WRITE",
    "FTP",   "SMTP", "SSLS", "SSH",   "WS",   "THREADS"};
constexpr std::array<std::string_view, 20> kFilters = {
    "DNS",        "TCP",           "UDP",
    "UNIX",       "TCP-ACCEPT",    "HAPPY-EYEBALLS",
    "SETUP",      "HTTPS-CONNECT", "SSL",
    "SSL-PROXY",  "HTTP/2",        "HTTP/3",
    "H1-PROXY",   "H2-PROXY",      "H3-PROXY",
    "HTTP-PROXY", "HAPROXY",       "SOCKS",
    "RECVBUF",    "CAPSULE"};
// Transfer states, printed after [MULTI].
constexpr std::array<std::string_view, 18> kMultiStates = {
    "INIT",      "PENDING",      "SETUP",
    "CONNECT",   "RESOLVING",    "CONNECTING",
    "TUNNELING", "PROTOCONNECT", "PROTOCONNECTING",
    "DO",        "DOING",        "DOING_MORE",
    "DID",       "PERFORMING",   "RATELIMITING",
    "DONE",      "COMPLETED",    "MSGSENT"};
// First words of untagged IMAP replies.
constexpr std::array<std::string_view, 20> kImapWords = {
    "OK",   "NO",    "BAD",       "BYE",    "PREAUTH", "CAPABILITY", "FLAGS",
    "LIST", "LSUB",  "STATUS",    "SEARCH", "ESEARCH", "NAMESPACE",  "ENABLED",
    "ID",   "QUOTA", "QUOTAROOT", "SORT",   "THREAD",  "VANISHED"};

template <size_t N>
bool Contains(const std::array<std::string_view, N>& names,
              std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool IsFilterName(std::string_view name) {
  if (Contains(kFilters, name)) return true;
  size_t dash = name.rfind('-');
  if (dash == std::string_view::npos || dash + 1 == name.size()) return false;
  std::string_view index = name.substr(dash + 1);
  return std::all_of(index.begin(), index.end(), IsDigit) &&
         Contains(kFilters, name.substr(0, dash));
}

bool IsTimerName(std::string_view name) {
  return !name.empty() && IsUpper(name[0]) &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return IsUpper(c) || IsDigit(c) || c == '_';
         });
}

// Returns true when `name` is a trace tag after the tags before it.
bool IsTagName(std::string_view name, const std::vector<std::string>& tags) {
  if (Contains(kFeatures, name) || IsFilterName(name)) return true;
  if (tags.empty()) return false;
  if (tags.back() == "MULTI") return Contains(kMultiStates, name);
  return tags.back() == "TIMER" && IsTimerName(name);
}

bool IsNameChar(char c) {
  return IsUpper(c) || IsDigit(c) || (c >= 'a' && c <= 'z') || c == '/' ||
         c == '-' || c == '_' || c == '+';
}

// Reads "[NAME]" and the blank after it (or the end of the line).
bool ScanBracket(Scanner* scan, std::string_view* name) {
  size_t start = scan->pos();
  std::string_view rest = scan->Rest();
  size_t n = 1;
  while (n < rest.size() && IsNameChar(rest[n])) ++n;
  bool ok = !rest.empty() && rest[0] == '[' && n > 1 && n < rest.size() &&
            rest[n] == ']' && (n + 1 == rest.size() || rest[n + 1] == ' ');
  if (!ok) return false;
  *name = rest.substr(1, n - 1);
  scan->set_pos(start + std::min(n + 2, rest.size()));
  return true;
}

// Reads "HH:MM:SS.uuuuuu ".
std::optional<std::string> ScanTime(Scanner* scan) {
  size_t start = scan->pos();
  std::string_view rest = scan->Rest();
  bool ok = scan->Digits(2, 2) && scan->Char(':') && scan->Digits(2, 2) &&
            scan->Char(':') && scan->Digits(2, 2) && scan->Char('.') &&
            scan->Digits(6, 6) && scan->Char(' ');
  if (ok) return std::string(rest.substr(0, 15));
  scan->set_pos(start);
  return std::nullopt;
}

bool ScanId(Scanner* scan, std::optional<int64_t>* id) {
  if (scan->Char('x')) return true;
  int64_t value = 0;
  if (!scan->Digits(1, 18, &value)) return false;
  *id = value;
  return true;
}

// Reads "[X-Y] " where X and Y are numbers or "x".
bool ScanIds(Scanner* scan, Ids* ids) {
  size_t start = scan->pos();
  Ids found;
  found.present = scan->Char('[') && ScanId(scan, &found.transfer_id) &&
                  scan->Char('-') && ScanId(scan, &found.connection_id) &&
                  scan->Literal("] ");
  if (!found.present) {
    scan->set_pos(start);
    return false;
  }
  *ids = found;
  return true;
}

// Reads the rest of a dump heading after its arrow and verb.
bool ScanHeadingTail(Scanner* scan, CurlLine* out) {
  if (scan->Literal("header")) {
    out->heading_kind = LineKind::kText;
  } else if (scan->Literal("data")) {
    out->heading_kind = LineKind::kData;
  } else if (scan->Literal("SSL data")) {
    out->heading_kind = LineKind::kSslData;
  } else {
    return false;
  }
  int64_t hex = 0;
  return scan->Literal(", ") && scan->Digits(1, 18, &out->heading_size) &&
         scan->Literal(" bytes (0x") && scan->Hex(1, 16, &hex) &&
         scan->Char(')') && scan->AtEnd() && hex == out->heading_size;
}

bool ScanHeading(Scanner* scan, CurlLine* out) {
  size_t start = scan->pos();
  if (scan->Literal("=> Send ")) {
    out->direction = Direction::kOut;
  } else if (scan->Literal("<= Recv ")) {
    out->direction = Direction::kIn;
  } else {
    return false;
  }
  if (ScanHeadingTail(scan, out)) return true;
  scan->set_pos(start);
  out->direction = Direction::kUnknown;
  return false;
}

bool ScanMarker(Scanner* scan, CurlLine* out) {
  size_t start = scan->pos();
  char brace = scan->Peek();
  if (!(scan->Literal("{ [") || scan->Literal("} ["))) return false;
  bool ok = scan->Literal("data not shown]") ||
            (scan->Digits(1, 18) && scan->Literal(" bytes data]"));
  if (!ok || !scan->AtEnd()) {
    scan->set_pos(start);
    return false;
  }
  out->direction = brace == '{' ? Direction::kIn : Direction::kOut;
  scan->set_pos(start + 2);
  return true;
}

// A two-character prefix, or the bare character at the end of a line whose
// trailing blank was lost in pasting.
bool ScanTwoChar(Scanner* scan, char c) {
  std::string_view rest = scan->Rest();
  if (rest.empty() || rest[0] != c) return false;
  if (rest.size() == 1) {
    scan->set_pos(scan->pos() + 1);
    return true;
  }
  if (rest[1] != ' ') return false;
  scan->set_pos(scan->pos() + 2);
  return true;
}

Prefix ScanPrefix(Scanner* scan, CurlLine* out) {
  if (ScanHeading(scan, out)) return Prefix::kHeading;
  if (scan->Literal("== Info: ") || scan->Literal("== Info:")) {
    return Prefix::kOldInfo;
  }
  if (ScanMarker(scan, out)) return Prefix::kMarker;
  if (ScanTwoChar(scan, '*')) return Prefix::kInfo;
  if (ScanTwoChar(scan, '>')) {
    out->direction = Direction::kOut;
    return Prefix::kOut;
  }
  if (ScanTwoChar(scan, '<')) {
    out->direction = Direction::kIn;
    return Prefix::kIn;
  }
  return Prefix::kNone;
}

}  // namespace

CurlLine ParseCurlLine(std::string_view line) {
  CurlLine out;
  Scanner scan(line);
  out.time = ScanTime(&scan);
  ScanIds(&scan, &out.ids);
  size_t prefix_start = scan.pos();
  out.prefix = ScanPrefix(&scan, &out);
  if (out.prefix == Prefix::kNone) return CurlLine();
  out.payload =
      out.prefix == Prefix::kHeading ? line.substr(prefix_start) : scan.Rest();
  return out;
}

InfoMessage ParseInfoMessage(std::string_view payload) {
  InfoMessage message;
  Scanner scan(payload);
  ScanIds(&scan, &message.ids);
  for (;;) {
    size_t start = scan.pos();
    std::string_view name;
    if (!ScanBracket(&scan, &name) || !IsTagName(name, message.tags)) {
      scan.set_pos(start);
      break;
    }
    message.tags.emplace_back(name);
  }
  message.text = TrimLeft(scan.Rest());
  return message;
}

bool LooksLikeImapUntagged(std::string_view payload) {
  size_t space = std::min(payload.find(' '), payload.size());
  std::string_view word = payload.substr(0, space);
  if (Contains(kImapWords, word)) return true;
  if (word.empty() || !std::all_of(word.begin(), word.end(), IsDigit)) {
    return false;
  }
  std::string_view rest = payload.substr(std::min(space + 1, payload.size()));
  std::string_view second = rest.substr(0, rest.find(' '));
  return second == "EXISTS" || second == "RECENT" || second == "EXPUNGE" ||
         second == "FETCH";
}

bool IsTlsRecordLine(std::string_view text) {
  Scanner scan(text);
  if (!scan.Literal("TLSv") && !scan.Literal("SSLv")) return false;
  if (!scan.Digits(1, 1)) return false;
  if (scan.Char('.') && !scan.Digits(1, 1)) return false;
  return scan.Literal(" (IN), ") || scan.Literal(" (OUT), ");
}

std::optional<DumpRow> ParseDumpRow(std::string_view line) {
  Scanner scan(line);
  DumpRow row;
  if (!scan.Hex(4, 16, &row.offset) || !scan.Char(':')) return std::nullopt;
  if (!scan.AtEnd() && !scan.Char(' ')) return std::nullopt;
  row.body = scan.Rest();
  return row;
}

ToolKind ClassifyTool(std::string_view line) {
  if (line.substr(0, 6) == "curl: ") {
    Scanner scan(line.substr(6));
    bool exit = scan.Char('(') && scan.Digits(1, 3) && scan.Literal(") ");
    return exit ? ToolKind::kExitError : ToolKind::kCurl;
  }
  if (line.substr(0, 6) == "Note: ") return ToolKind::kNote;
  if (line.substr(0, 9) != "Warning: ") return ToolKind::kNone;
  // An HTTP Warning header starts with a three-digit warn-code.
  Scanner scan(line.substr(9));
  bool header = scan.Digits(3, 3) && scan.Char(' ');
  return header ? ToolKind::kNone : ToolKind::kWarning;
}

std::string_view ToolPrefix(ToolKind kind) {
  switch (kind) {
    case ToolKind::kExitError:
    case ToolKind::kCurl:
      return "curl: ";
    case ToolKind::kWarning:
      return "Warning: ";
    case ToolKind::kNote:
      return "Note: ";
    case ToolKind::kNone:
      break;
  }
  return "";
}

bool ToolLineWraps(std::string_view line) {
  // curl wraps its messages at 79 columns, cutting after a blank; with no
  // blank to cut at, the line is exactly 79 columns long.
  return !line.empty() && (IsBlank(line.back()) || line.size() == 79);
}

bool IsHelpParagraphStart(std::string_view line) {
  return line.substr(0, 19) == "More details here: ";
}

}  // namespace curlexplain::line_reader_internal
