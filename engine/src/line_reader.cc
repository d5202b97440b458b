// The line reader: input, output, layout detection, and curl's -v layout.
//
// Decisions, in brief (details at each decoder):
// - Every input line belongs to exactly one LogLine (LogLine::line_count),
//   and the tests check this on every corpus log and on random input. So
//   trace dump headings of header blocks and progress meter lines come out
//   as kNoise lines instead of vanishing.
// - Detection is lazy. A line with a curl prefix decides for itself. Only a
//   line without one, or a "* " line that may be an IMAP reply, looks ahead
//   for the layout, and then at most kDetectWindow lines. Besides that, data
//   markers and wrapped tool messages look one line ahead, and the help text
//   after a certificate error up to 16 lines.
// - A line without prefix in a -v or trace log is kData with direction
//   unknown, because it is mostly the response body written to the same
//   terminal.
#include "curlexplain/line_reader.h"

#include <utility>

#include "line_reader_damage.h"
#include "line_reader_impl.h"
#include "line_reader_scan.h"

namespace curlexplain {

using line_reader_internal::AddNote;
using line_reader_internal::Context;
using line_reader_internal::CurlLine;
using line_reader_internal::InfoMessage;
using line_reader_internal::Prefix;
using line_reader_internal::SourceLine;

namespace {

// How many lines detection may look ahead.
constexpr size_t kDetectWindow = 8;

constexpr std::string_view kNoteNoPrefix = "line without curl prefix";
constexpr std::string_view kNoteContinues = "continues the line before";
constexpr std::string_view kNoteUnclearStar =
    "unclear: IMAP reply or curl info line";

bool IsTrace(Layout layout) {
  return layout == Layout::kTraceAscii || layout == Layout::kTraceHex;
}

}  // namespace

std::optional<Layout> ParseLayout(std::string_view name) {
  if (name == "auto") return Layout::kAuto;
  if (name == "verbose") return Layout::kVerbose;
  if (name == "trace-ascii") return Layout::kTraceAscii;
  if (name == "trace") return Layout::kTraceHex;
  if (name == "plain") return Layout::kPlain;
  return std::nullopt;
}

std::string_view DirectionName(Direction direction) {
  switch (direction) {
    case Direction::kInfo:
      return "info";
    case Direction::kIn:
      return "in";
    case Direction::kOut:
      return "out";
    case Direction::kUnknown:
      break;
  }
  return "unknown";
}

std::string_view LineKindName(LineKind kind) {
  switch (kind) {
    case LineKind::kData:
      return "data";
    case LineKind::kSslData:
      return "ssl-data";
    case LineKind::kToolMessage:
      return "tool";
    case LineKind::kNoise:
      return "noise";
    case LineKind::kText:
      break;
  }
  return "text";
}

LineReader::LineReader(std::istream& in) : LineReader(in, Options()) {}

LineReader::LineReader(std::istream& in, Options options)
    : impl_(std::make_unique<Impl>(in, options)) {}

LineReader::~LineReader() = default;

bool LineReader::Next(LogLine* line) { return impl_->Next(line); }

Layout LineReader::layout() const { return impl_->layout(); }

LineReader::Impl::Impl(std::istream& in, Options options)
    : options_(options),
      source_(in, options.max_line_bytes),
      settled_(options.layout),
      current_layout_(options.layout) {}

bool LineReader::Impl::Next(LogLine* line) {
  while (pending_.empty()) {
    SourceLine source;
    if (!Take(&source)) return false;
    Decode(std::move(source));
  }
  *line = std::move(pending_.front().first);
  current_layout_ = pending_.front().second;
  pending_.pop_front();
  return true;
}

const SourceLine* LineReader::Impl::Peek(size_t index) {
  while (lookahead_.size() <= index) {
    SourceLine line;
    if (!source_.Read(&line)) return nullptr;
    lookahead_.push_back(std::move(line));
  }
  return &lookahead_[index];
}

bool LineReader::Impl::Take(SourceLine* line) {
  if (Peek(0) == nullptr) return false;
  *line = std::move(lookahead_.front());
  lookahead_.pop_front();
  return true;
}

LogLine LineReader::Impl::Start(const SourceLine& source,
                                std::string_view note) const {
  LogLine line;
  line.number = source.number;
  line.raw = source.raw;
  line.notes = source.notes;
  if (!note.empty()) AddNote(note, &line.notes);
  return line;
}

void LineReader::Impl::Join(const SourceLine& more, LogLine* line) const {
  ++line->line_count;
  for (const std::string& note : more.notes) AddNote(note, &line->notes);
  // A joined line keeps within the size limit too: a long dump block's raw
  // text is shortened, its line count stays exact.
  if (line->raw.size() + 1 + more.raw.size() > options_.max_line_bytes) {
    AddNote("raw text shortened", &line->notes);
    return;
  }
  line->raw += '\n';
  line->raw += more.raw;
}

void LineReader::Impl::Emit(LogLine line) { Emit(std::move(line), settled_); }

void LineReader::Impl::Emit(LogLine line, Layout layout) {
  line.text = line_reader_internal::SanitizeText(line.text, &line.notes);
  bool data = line.kind == LineKind::kData || line.kind == LineKind::kSslData;
  if (!data && line.kind != LineKind::kNoise) {
    after_tls_record_ = line.direction == Direction::kInfo &&
                        line_reader_internal::IsTlsRecordLine(line.text);
  }
  if (line.kind != LineKind::kNoise) last_direction_ = line.direction;
  // Some TLS backends end their error text in a newline, so a blank line
  // may come between "curl: (60) ..." and the help text after it.
  bool blank = line.kind == LineKind::kNoise || line.text.empty();
  if (!blank) {
    after_exit_error_ = line.kind == LineKind::kToolMessage &&
                        line.text.compare(0, 7, "curl: (") == 0;
  }
  out_block_open_ = false;
  pending_.emplace_back(std::move(line), layout);
}

bool LineReader::Impl::CurlLayout() const {
  return settled_ == Layout::kVerbose || IsTrace(settled_);
}

// Settles the layout on a cue from a line. Trace dumps win over -v cues,
// because -vvv writes "* " lines among its dumps. Any curl cue wins over
// plain text, which is only taken while nothing else is known.
void LineReader::Impl::NoteCue(Layout cue) {
  if (Forced() || cue == Layout::kAuto) return;
  if (cue == Layout::kPlain) {
    if (settled_ == Layout::kAuto) settled_ = cue;
    return;
  }
  if (cue == Layout::kVerbose && IsTrace(settled_)) return;
  settled_ = cue;
}

// Returns the layout cue that `line` gives.
LineReader::Impl::Cue LineReader::Impl::CueOf(const SourceLine& line) const {
  if (line.noise || line.content.empty()) return Cue::kNone;
  line_reader_internal::WrapperState scratch;
  auto wrapped = line_reader_internal::Unwrap(line.content, &scratch);
  if (wrapped && wrapped->payload != line_reader_internal::Payload::kCurlLine) {
    return Cue::kPlain;
  }
  std::string_view content = wrapped ? wrapped->inner : line.content;
  if (line_reader_internal::ClassifyTool(content) !=
      line_reader_internal::ToolKind::kNone) {
    return Cue::kNone;
  }
  CurlLine curl = line_reader_internal::ParseCurlLine(content);
  switch (curl.prefix) {
    case Prefix::kHeading:
    case Prefix::kOldInfo:
      return Cue::kTrace;
    case Prefix::kInfo:
      if (curl.time || curl.ids.present) return Cue::kVerbose;
      return line_reader_internal::LooksLikeImapUntagged(curl.payload)
                 ? Cue::kNone
                 : Cue::kStar;
    case Prefix::kNone:
      return line_reader_internal::ParseDumpRow(content) ? Cue::kTrace
                                                         : Cue::kPlain;
    default:
      return Cue::kVerbose;
  }
}

// Settles the layout from the current line's cue and the lines ahead. A
// prefix only curl writes decides at once. Otherwise "* " lines, which an
// IMAP server's replies may also start with, and lines without prefix are
// counted, and the more frequent kind wins.
void LineReader::Impl::SettleByLookahead(Cue current) {
  int plain = 0;
  int stars = 0;
  // Returns true when `cue` decides the layout by itself.
  auto count = [&](Cue cue) {
    if (cue == Cue::kVerbose || cue == Cue::kTrace) {
      NoteCue(cue == Cue::kVerbose ? Layout::kVerbose : Layout::kTraceAscii);
      return true;
    }
    plain += cue == Cue::kPlain;
    stars += cue == Cue::kStar;
    return false;
  };
  if (count(current)) return;
  for (size_t i = 0; i < kDetectWindow; ++i) {
    const SourceLine* line = Peek(i);
    if (line == nullptr) break;
    if (count(CueOf(*line))) return;
  }
  if (stars > plain) {
    NoteCue(Layout::kVerbose);
  } else if (plain > 0) {
    NoteCue(Layout::kPlain);
  }
}

void LineReader::Impl::Decode(SourceLine source) {
  if (source.noise) return DecodeNoise(source);
  auto wrapped = line_reader_internal::Unwrap(source.content, &wrappers_);
  if (wrapped && wrapped->payload == line_reader_internal::Payload::kCurlLine) {
    return DecodeContent(source,
                         {wrapped->inner, wrapped->note, wrapped->quoted});
  }
  if (wrapped && DecodeWrapped(source, *wrapped)) return;
  DecodeContent(source, {source.content, {}, false});
}

void LineReader::Impl::DecodeContent(const SourceLine& source,
                                     const Context& context) {
  if (after_exit_error_ &&
      line_reader_internal::IsHelpParagraphStart(context.content)) {
    return DecodeHelpText(source, context);
  }
  auto tool = line_reader_internal::ClassifyTool(context.content);
  if (tool != line_reader_internal::ToolKind::kNone) {
    return DecodeTool(source, context, tool);
  }
  CurlLine curl;
  if (options_.layout != Layout::kPlain) {
    curl = line_reader_internal::ParseCurlLine(context.content);
  }
  switch (curl.prefix) {
    case Prefix::kHeading:
      return DecodeDump(source, curl);
    case Prefix::kInfo:
    case Prefix::kOldInfo:
      return DecodeInfo(source, context, curl);
    case Prefix::kIn:
    case Prefix::kOut:
      return DecodeHeader(source, context, curl);
    case Prefix::kMarker:
      return DecodeMarker(source, context, curl);
    case Prefix::kNone:
      break;
  }
  DecodeUnprefixed(source, context);
}

// Progress meter output and its headings.
void LineReader::Impl::DecodeNoise(const SourceLine& source) {
  LogLine line = Start(source);
  line.kind = LineKind::kNoise;
  line.text = source.content;
  Emit(std::move(line));
}

// "* message", "== Info: message". The text loses the prefix, ids, trace
// tags and the blanks curl indents some messages with ("*   Trying").
void LineReader::Impl::DecodeInfo(const SourceLine& source,
                                  const Context& context,
                                  const CurlLine& curl) {
  // An untagged IMAP reply from a callback without prefixes looks exactly
  // like a "* " info line. In a plain log such a line stays whole; before
  // the layout is known, one that reads like IMAP waits for a cue.
  bool bare = curl.prefix == Prefix::kInfo && !curl.time && !curl.ids.present;
  if (bare && settled_ == Layout::kAuto &&
      line_reader_internal::LooksLikeImapUntagged(curl.payload)) {
    SettleByLookahead(Cue::kNone);
    if (settled_ == Layout::kAuto) return DecodeUnclearStar(source, context);
  }
  if (bare && settled_ == Layout::kPlain) {
    return DecodeUnclearStar(source, context);
  }
  NoteCue(curl.prefix == Prefix::kOldInfo ? Layout::kTraceAscii
                                          : Layout::kVerbose);
  LogLine line = Start(source, context.note);
  line.direction = Direction::kInfo;
  line.time = curl.time;
  InfoMessage message = line_reader_internal::ParseInfoMessage(curl.payload);
  const auto& ids = curl.ids.present ? curl.ids : message.ids;
  line.transfer_id = ids.transfer_id;
  line.connection_id = ids.connection_id;
  line.tags = std::move(message.tags);
  line.text = message.text;
  if (line_reader_internal::LooksCutByCurl(curl.payload)) {
    AddNote(line_reader_internal::kNoteCurlCut, &line.notes);
  }
  Emit(std::move(line));
}

void LineReader::Impl::DecodeUnclearStar(const SourceLine& source,
                                         const Context& context) {
  LogLine line = Start(source, context.note);
  line.text = context.content;
  if (settled_ == Layout::kAuto) AddNote(kNoteUnclearStar, &line.notes);
  Emit(std::move(line));
}

// "< header", "> header": the text is kept exactly, trailing blanks too.
void LineReader::Impl::DecodeHeader(const SourceLine& source,
                                    const Context& context,
                                    const CurlLine& curl) {
  NoteCue(Layout::kVerbose);
  LogLine line = Start(source, context.note);
  line.direction = curl.direction;
  line.time = curl.time;
  line.transfer_id = curl.ids.transfer_id;
  line.connection_id = curl.ids.connection_id;
  line.text = curl.payload;
  bool binary = line_reader_internal::LooksBinary(curl.payload);
  if (binary) {
    // MQTT and other binary protocols show their packets as header lines.
    line.kind = LineKind::kData;
    AddNote(line_reader_internal::kNoteBinary, &line.notes);
  }
  Emit(std::move(line));
  out_block_open_ =
      curl.direction == Direction::kOut && !binary && !curl.payload.empty();
}

// "{ [N bytes data]": the text is the bracket, "[N bytes data]", which is
// also what a --trace data block becomes. The tool does not mark TLS
// records. So a marker next to a TLS record line ("TLSv1.3 (OUT), ...") is
// taken for TLS data, and any other marker for data.
void LineReader::Impl::DecodeMarker(const SourceLine& source,
                                    const Context& context,
                                    const CurlLine& curl) {
  NoteCue(Layout::kVerbose);
  LogLine line = Start(source, context.note);
  line.direction = curl.direction;
  line.time = curl.time;
  line.transfer_id = curl.ids.transfer_id;
  line.connection_id = curl.ids.connection_id;
  line.text = curl.payload;
  bool tls = after_tls_record_ || NextIsTlsRecord();
  line.kind = tls ? LineKind::kSslData : LineKind::kData;
  Emit(std::move(line));
}

bool LineReader::Impl::NextIsTlsRecord() {
  const SourceLine* next = Peek(0);
  if (next == nullptr || next->noise) return false;
  CurlLine curl = line_reader_internal::ParseCurlLine(next->content);
  if (curl.prefix != Prefix::kInfo && curl.prefix != Prefix::kOldInfo) {
    return false;
  }
  InfoMessage message = line_reader_internal::ParseInfoMessage(curl.payload);
  return line_reader_internal::IsTlsRecordLine(message.text);
}

void LineReader::Impl::DecodeUnprefixed(const SourceLine& source,
                                        const Context& context) {
  if (context.quoted || options_.layout == Layout::kPlain) {
    return DecodePlain(source, context);
  }
  if (settled_ == Layout::kAuto) {
    bool row = line_reader_internal::ParseDumpRow(context.content).has_value();
    SettleByLookahead(row                       ? Cue::kTrace
                      : context.content.empty() ? Cue::kNone
                                                : Cue::kPlain);
  }
  if (!CurlLayout()) return DecodePlain(source, context);
  if (IsTrace(settled_)) {
    auto row = line_reader_internal::ParseDumpRow(context.content);
    if (row) return DecodeOrphanRow(source, context, row->body);
  }
  // libcurl's own printer puts "> " only in front of a request head's first
  // line. The rest of the head follows without prefix up to its blank line.
  if (out_block_open_ && settled_ == Layout::kVerbose) {
    return DecodeContinuation(source, context, Direction::kOut);
  }
  // Before 7.78.0 some messages held a newline: "* CAfile: ..." was
  // followed by "  CApath: none" without prefix.
  std::string_view c = context.content;
  if (last_direction_ == Direction::kInfo && c.size() > 2 && c[0] == ' ' &&
      c[1] == ' ' && !line_reader_internal::IsBlank(c[2])) {
    return DecodeContinuation(source, context, Direction::kInfo);
  }
  DecodeStray(source, context);
}

// Text from a debug callback that prints no prefixes, so direction unknown.
// Header lines end in CR LF and stay exact. Lines that end in LF only are
// taken for curl's own messages, whose leading blanks are cosmetic.
void LineReader::Impl::DecodePlain(const SourceLine& source,
                                   const Context& context) {
  NoteCue(Layout::kPlain);
  LogLine line = Start(source, context.note);
  line.text = source.crlf ? context.content
                          : line_reader_internal::TrimLeft(context.content);
  if (line_reader_internal::LooksBinary(context.content)) {
    line.kind = LineKind::kData;
    AddNote(line_reader_internal::kNoteBinary, &line.notes);
  }
  Emit(std::move(line));
}

void LineReader::Impl::DecodeContinuation(const SourceLine& source,
                                          const Context& context,
                                          Direction direction) {
  LogLine line = Start(source, context.note);
  line.direction = direction;
  if (direction == Direction::kInfo) {
    line.text = line_reader_internal::TrimLeft(context.content);
    AddNote(kNoteContinues, &line.notes);
  } else {
    line.text = context.content;
  }
  Emit(std::move(line));
  out_block_open_ = direction == Direction::kOut && !context.content.empty();
}

// A line without prefix in a curl log: the response body or other output
// that shared the terminal, a note a person typed in. Empty lines are noise.
void LineReader::Impl::DecodeStray(const SourceLine& source,
                                   const Context& context) {
  LogLine line = Start(source, context.note);
  line.text = context.content;
  if (context.content.empty()) {
    line.kind = LineKind::kNoise;
  } else {
    line.kind = LineKind::kData;
    AddNote(kNoteNoPrefix, &line.notes);
    if (line_reader_internal::LooksBinary(context.content)) {
      AddNote(line_reader_internal::kNoteBinary, &line.notes);
    }
  }
  Emit(std::move(line));
}

}  // namespace curlexplain
