#include "line_reader_wrappers.h"

#include <array>
#include <cctype>

#include "line_reader_prefix.h"
#include "line_reader_scan.h"

namespace curlexplain::line_reader_internal {

namespace {

constexpr std::string_view kNoteQuote = "markdown quote removed";
constexpr std::string_view kNoteBullet = "markdown bullet read as '* '";
constexpr std::string_view kNoteIndent = "markdown indentation removed";

std::optional<Payload> PayloadFromNumber(int64_t type) {
  static constexpr std::array<Payload, 7> kByInfoType = {
      Payload::kText,   Payload::kHeaderIn, Payload::kHeaderOut,
      Payload::kDataIn, Payload::kDataOut,  Payload::kSslIn,
      Payload::kSslOut};
  if (type < 0 || type >= int64_t(kByInfoType.size())) return std::nullopt;
  return kByInfoType[type];
}

std::string ToUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = char(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// Maps a curl_infotype name, with or without CURLINFO_, to its payload.
// Without CURLINFO_ only the upper-case spelling counts.
std::optional<Payload> PayloadFromWord(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "TEXT",     "HEADER_IN",   "HEADER_OUT",  "DATA_IN",
      "DATA_OUT", "SSL_DATA_IN", "SSL_DATA_OUT"};
  std::string upper = ToUpper(word);
  std::string_view name = upper;
  bool qualified = false;
  for (std::string_view lead : {"CURLINFO_", "CURL_INFO_"}) {
    if (name.substr(0, lead.size()) == lead) {
      name.remove_prefix(lead.size());
      qualified = true;
    }
  }
  if (!qualified && upper != word) return std::nullopt;
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return PayloadFromNumber(int64_t(i));
  }
  return std::nullopt;
}

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// "TEXT: ...", "HEADER_OUT: ...", "CURL_INFO_TEXT: ...", "[CURLINFO_TEXT] ".
std::optional<Unwrapped> UnwrapTypeWord(std::string_view line) {
  Scanner scan(line);
  bool bracket = scan.Char('[');
  size_t start = scan.pos();
  while (!scan.AtEnd() && IsWordChar(scan.Peek())) scan.set_pos(scan.pos() + 1);
  std::optional<Payload> payload =
      PayloadFromWord(line.substr(start, scan.pos() - start));
  if (!payload) return std::nullopt;
  if (bracket ? !scan.Char(']') : !scan.Char(':')) return std::nullopt;
  if (bracket) scan.Char(':');
  if (!scan.AtEnd() && !scan.Char(' ')) return std::nullopt;
  Unwrapped out;
  out.payload = *payload;
  out.inner = std::string(scan.Rest());
  return out;
}

// "cURL:type[0]-text": a callback printing the raw curl_infotype number.
std::optional<Unwrapped> UnwrapTypeNumber(std::string_view line) {
  size_t at = line.find("type[");
  if (at == std::string_view::npos || at > 24) return std::nullopt;
  for (size_t i = 0; i < at; ++i) {
    if (IsBlank(line[i])) return std::nullopt;
  }
  Scanner scan(line.substr(at + 5));
  int64_t type = -1;
  if (!scan.Digits(1, 1, &type) || !scan.Char(']')) return std::nullopt;
  if (!scan.Char('-') && !scan.Char(':') && !scan.Char(' ')) {
    return std::nullopt;
  }
  std::optional<Payload> payload = PayloadFromNumber(type);
  if (!payload) return std::nullopt;
  Unwrapped out;
  out.payload = *payload;
  out.inner = std::string(scan.Rest());
  return out;
}

// Classifies what git's GIT_TRACE_CURL wrote after its file:line column.
void ClassifyGitText(std::string_view text, Unwrapped* out) {
  struct Label {
    std::string_view lead;
    Payload payload;
  };
  static constexpr std::array<Label, 7> kLabels = {{
      {"== Info: ", Payload::kText},
      {"=> Send header: ", Payload::kHeaderOut},
      {"<= Recv header: ", Payload::kHeaderIn},
      {"=> Send data: ", Payload::kDataOut},
      {"<= Recv data: ", Payload::kDataIn},
      {"=> Send SSL data: ", Payload::kSslOut},
      {"<= Recv SSL data: ", Payload::kSslIn},
  }};
  for (const Label& label : kLabels) {
    if (text.substr(0, label.lead.size()) == label.lead) {
      out->payload = label.payload;
      out->inner = std::string(text.substr(label.lead.size()));
      return;
    }
  }
  out->inner = std::string(text);
  bool heading =
      text.substr(0, 8) == "=> Send " || text.substr(0, 8) == "<= Recv ";
  out->payload = heading ? Payload::kNoise : Payload::kPlain;
}

// GIT_TRACE_PACKET: "packet:          git< 0065want ...".
bool ClassifyGitPacket(std::string_view text, Unwrapped* out) {
  Scanner scan(text);
  if (!scan.Literal("packet:") || !scan.Blanks(1)) return false;
  std::string_view rest = scan.Rest();
  size_t arrow = rest.find_first_of("<>");
  if (arrow == std::string_view::npos || arrow + 1 >= rest.size() ||
      rest[arrow + 1] != ' ' ||
      rest.substr(0, arrow).find(' ') != std::string_view::npos) {
    return false;
  }
  out->payload = rest[arrow] == '<' ? Payload::kDataIn : Payload::kDataOut;
  out->inner = std::string(rest.substr(arrow + 2));
  return true;
}

// git: "10:40:56.061521 http.c:868              == Info: ...".
std::optional<Unwrapped> UnwrapGit(std::string_view line) {
  Scanner scan(line);
  bool time = scan.Digits(2, 2) && scan.Char(':') && scan.Digits(2, 2) &&
              scan.Char(':') && scan.Digits(2, 2) && scan.Char('.') &&
              scan.Digits(6, 6) && scan.Char(' ');
  if (!time) return std::nullopt;
  std::string_view rest = scan.Rest();
  size_t colon = rest.find(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  std::string_view file = rest.substr(0, colon);
  if (file.find('.') == std::string_view::npos) return std::nullopt;
  for (char c : file) {
    if (!IsWordChar(c) && c != '.' && c != '/' && c != '-') return std::nullopt;
  }
  scan.set_pos(scan.pos() + colon + 1);
  if (!scan.Digits(1, 6) || !scan.Blanks(1)) return std::nullopt;
  Unwrapped out;
  out.time = std::string(line.substr(0, 15));
  if (!ClassifyGitPacket(scan.Rest(), &out)) ClassifyGitText(scan.Rest(), &out);
  return out;
}

bool LogcatLevel(Scanner* scan) {
  char c = scan->Peek();
  if (std::string_view("VDIWEF").find(c) == std::string_view::npos ||
      scan->AtEnd()) {
    return false;
  }
  scan->set_pos(scan->pos() + 1);
  return true;
}

// "D/libcurl( 1234): " after the level letter's position.
bool LogcatBriefTag(Scanner* scan) {
  if (!LogcatLevel(scan) || !scan->Char('/')) return false;
  std::string_view rest = scan->Rest();
  size_t open = rest.find('(');
  if (open == std::string_view::npos) return false;
  scan->set_pos(scan->pos() + open + 1);
  scan->Blanks(0);
  return scan->Digits(1, 7) && scan->Literal("): ");
}

bool LogcatDate(Scanner* scan) {
  return scan->Digits(2, 2) && scan->Char('-') && scan->Digits(2, 2) &&
         scan->Char(' ') && scan->Digits(2, 2) && scan->Char(':') &&
         scan->Digits(2, 2) && scan->Char(':') && scan->Digits(2, 2) &&
         scan->Char('.') && scan->Digits(3, 3) && scan->Blanks(1);
}

// "12-31 23:59:59.999  1234  5678 D libcurl : " (threadtime).
bool LogcatThreadTag(Scanner* scan) {
  if (!scan->Digits(1, 7) || !scan->Blanks(1) || !scan->Digits(1, 7) ||
      !scan->Blanks(1) || !LogcatLevel(scan) || !scan->Char(' ')) {
    return false;
  }
  size_t colon = scan->Rest().find(": ");
  if (colon == std::string_view::npos) return false;
  scan->set_pos(scan->pos() + colon + 2);
  return true;
}

std::optional<Unwrapped> UnwrapLogcat(std::string_view line) {
  Scanner scan(line);
  bool ok = LogcatBriefTag(&scan);
  if (!ok) {
    scan.set_pos(0);
    ok = LogcatDate(&scan);
    size_t after_date = scan.pos();
    ok = ok && (LogcatThreadTag(&scan) ||
                (scan.set_pos(after_date), LogcatBriefTag(&scan)));
  }
  if (!ok) return std::nullopt;
  Unwrapped out;
  out.inner = std::string(scan.Rest());
  return out;
}

// Appends the escape sequence at `s[i]` (a backslash) to `value` and returns
// its length.
size_t AppendEscape(std::string_view s, size_t i, std::string* value) {
  char e = s[i + 1];
  switch (e) {
    case 'n':
      *value += '\n';
      return 2;
    case 'r':
      *value += '\r';
      return 2;
    case 't':
      *value += '\t';
      return 2;
    case '\\':
    case '\'':
    case '"':
      *value += e;
      return 2;
    case 'x': {
      Scanner scan(s.substr(i + 2, 2));
      int64_t byte = 0;
      if (!scan.Hex(2, 2, &byte)) break;
      *value += char(byte);
      return 4;
    }
    default:
      break;
  }
  *value += '\\';
  return 1;
}

// Reads a Python string literal from just after its opening quote. Returns
// the index of the closing quote, or npos when the line ends first.
size_t ReadPythonString(std::string_view s, size_t i, char quote,
                        std::string* value) {
  while (i < s.size()) {
    if (s[i] == quote) return i;
    if (s[i] == '\\' && i + 1 < s.size()) {
      i += AppendEscape(s, i, value);
    } else {
      value->push_back(s[i++]);
    }
  }
  return std::string_view::npos;
}

// The debug type an application printed in front of a repr: "pycurl *:",
// "debug(0):", "[1]", "HEADER_OUT:". A lone curl prefix character counts
// only with a colon after it, so that curl's own "* " is not taken for one.
std::optional<Payload> PayloadFromPrefix(std::string_view prefix) {
  std::string_view p = TrimRight(prefix);
  size_t blank = p.find_last_of(" \t");
  std::string_view token =
      blank == std::string_view::npos ? p : p.substr(blank + 1);
  if (token.size() == 2 && token[1] == ':') {
    size_t at = std::string_view("*<>{}").find(token[0]);
    static constexpr std::array<Payload, 5> kByMarker = {
        Payload::kText, Payload::kHeaderIn, Payload::kHeaderOut,
        Payload::kDataIn, Payload::kDataOut};
    if (at != std::string_view::npos) return kByMarker[at];
  }
  while (!token.empty() && std::string_view(":-=)]").find(token.back()) !=
                               std::string_view::npos) {
    token.remove_suffix(1);
  }
  if (!token.empty() && IsDigit(token.back()) &&
      (token.size() == 1 ||
       std::string_view("([=").find(token[token.size() - 2]) !=
           std::string_view::npos)) {
    return PayloadFromNumber(token.back() - '0');
  }
  if (!token.empty() && token[0] == '[') token.remove_prefix(1);
  return PayloadFromWord(token);
}

// Tries the literal whose opening quote is at `quote_at`; `lead` is where
// the literal (with its b) starts.
std::optional<Unwrapped> TryPythonLiteral(std::string_view line, size_t lead,
                                          size_t quote_at, bool bytes) {
  std::string value;
  size_t end = ReadPythonString(line, quote_at + 1, line[quote_at], &value);
  bool closed = end != std::string_view::npos;
  if (closed && !TrimRight(line.substr(end + 1)).empty()) return std::nullopt;
  std::optional<Payload> payload = PayloadFromPrefix(line.substr(0, lead));
  bool certain = payload.has_value() ||
                 (closed && bytes && !value.empty() && value.back() == '\n');
  if (!certain) return std::nullopt;
  Unwrapped out;
  out.payload = payload.value_or(Payload::kPlain);
  out.inner = std::move(value);
  if (!closed) out.open_quote = line[quote_at];
  return out;
}

// A Python repr of a debug callback's bytes: "debug(0): b'  Trying ...\n'".
std::optional<Unwrapped> UnwrapPython(std::string_view line) {
  int tried = 0;
  for (size_t i = 0; i < line.size() && tried < 4; ++i) {
    if (line[i] != '\'' && line[i] != '"') continue;
    bool bytes =
        i >= 1 && line[i - 1] == 'b' && (i == 1 || !IsWordChar(line[i - 2]));
    size_t lead = bytes ? i - 1 : i;
    if (lead > 0 && !IsBlank(line[lead - 1])) continue;
    ++tried;
    if (auto out = TryPythonLiteral(line, lead, i, bytes)) return out;
  }
  return std::nullopt;
}

bool StartsWithCurlPrefix(std::string_view inner) {
  return ParseCurlLine(inner).prefix != Prefix::kNone ||
         ClassifyTool(inner) != ToolKind::kNone;
}

// "006+ * Trying ...": line numbers of a test's expected-output diff.
std::optional<Unwrapped> UnwrapTestDiff(std::string_view line, bool sticky,
                                        WrapperState* state) {
  Scanner scan(line);
  if (!scan.Digits(3, 3) || !(scan.Char('+') || scan.Char('-')) ||
      !scan.Char(' ')) {
    return std::nullopt;
  }
  if (!sticky && !StartsWithCurlPrefix(scan.Rest())) return std::nullopt;
  state->sticky = StickyWrapper::kTestDiff;
  Unwrapped out;
  out.inner = std::string(scan.Rest());
  return out;
}

// A log pasted into a markdown quote: "> * Trying", or "> - Trying" once
// markdown has turned curl's "* " into a list bullet.
std::optional<Unwrapped> UnwrapQuote(std::string_view line, bool sticky,
                                     WrapperState* state) {
  if (line.empty() || line[0] != '>') return std::nullopt;
  if (line.size() > 1 && line[1] != ' ') return std::nullopt;
  std::string_view inner = line.substr(std::min<size_t>(2, line.size()));
  bool bullet = inner.substr(0, 2) == "- ";
  bool curl = inner.substr(0, 2) == "* " || inner.substr(0, 2) == "> " ||
              inner.substr(0, 2) == "< " || inner.substr(0, 3) == "{ [" ||
              inner.substr(0, 3) == "} [";
  if (!sticky && !bullet && !curl) return std::nullopt;
  state->sticky = StickyWrapper::kQuote;
  Unwrapped out;
  out.quoted = true;
  out.note = bullet ? kNoteBullet : kNoteQuote;
  out.inner = bullet ? "* " + std::string(inner.substr(2)) : std::string(inner);
  return out;
}

// A log pasted as a markdown code block: four spaces or a tab in front.
std::optional<Unwrapped> UnwrapIndent(std::string_view line, bool sticky,
                                      WrapperState* state) {
  size_t indent = line.substr(0, 4) == "    " ? 4 : line.substr(0, 1) == "\t";
  if (indent == 0) return std::nullopt;
  std::string_view inner = line.substr(indent);
  if (!sticky && !StartsWithCurlPrefix(inner)) return std::nullopt;
  state->sticky = StickyWrapper::kIndent;
  Unwrapped out;
  out.note = kNoteIndent;
  out.inner = std::string(inner);
  return out;
}

}  // namespace

std::optional<Unwrapped> Unwrap(std::string_view line, WrapperState* state) {
  if (auto out = UnwrapGit(line)) return out;
  if (auto out = UnwrapLogcat(line)) return out;
  if (auto out = UnwrapTypeNumber(line)) return out;
  if (auto out = UnwrapTypeWord(line)) return out;
  if (auto out = UnwrapPython(line)) return out;
  StickyWrapper was = state->sticky;
  state->sticky = StickyWrapper::kNone;
  if (auto out = UnwrapTestDiff(line, was == StickyWrapper::kTestDiff, state)) {
    return out;
  }
  if (auto out = UnwrapQuote(line, was == StickyWrapper::kQuote, state)) {
    return out;
  }
  return UnwrapIndent(line, was == StickyWrapper::kIndent, state);
}

}  // namespace curlexplain::line_reader_internal
