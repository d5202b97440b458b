// The curl tool's own messages, and lines inside application wrappers.
//
// Tool messages ("curl: (N) ...", "Warning: ...", "Note: ...") are kind
// kToolMessage with direction kInfo: curl's own words, not the peer's. The
// text keeps the prefix, which names the kind of message. A message that
// curl wrapped over several lines becomes one line. The help text after a
// certificate error becomes one line too, its input lines joined by blanks.
#include <string>
#include <vector>

#include "line_reader_damage.h"
#include "line_reader_impl.h"
#include "line_reader_scan.h"

namespace curlexplain {

using line_reader_internal::AddNote;
using line_reader_internal::Context;
using line_reader_internal::Payload;
using line_reader_internal::SourceLine;
using line_reader_internal::ToolKind;
using line_reader_internal::Unwrapped;

namespace {

// Bounds on joining, so that a damaged log cannot make one line of
// everything.
constexpr int kMaxWrappedLines = 32;
constexpr int kMaxHelpLines = 16;

bool IsCurlShaped(std::string_view content) {
  return line_reader_internal::ParseCurlLine(content).prefix !=
             line_reader_internal::Prefix::kNone ||
         line_reader_internal::ClassifyTool(content) != ToolKind::kNone;
}

// Fills direction, kind and text of a line that a wrapper typed.
void FillTyped(Payload payload, std::string_view text, bool had_cr,
               LogLine* line) {
  switch (payload) {
    case Payload::kText: {
      auto message = line_reader_internal::ParseInfoMessage(text);
      line->direction = Direction::kInfo;
      line->transfer_id = message.ids.transfer_id;
      line->connection_id = message.ids.connection_id;
      line->tags = std::move(message.tags);
      line->text = message.text;
      if (line_reader_internal::LooksCutByCurl(text)) {
        AddNote(line_reader_internal::kNoteCurlCut, &line->notes);
      }
      return;
    }
    case Payload::kHeaderIn:
    case Payload::kHeaderOut:
      line->direction =
          payload == Payload::kHeaderIn ? Direction::kIn : Direction::kOut;
      line->text = text;
      if (line_reader_internal::LooksBinary(text)) {
        line->kind = LineKind::kData;
        AddNote(line_reader_internal::kNoteBinary, &line->notes);
      }
      return;
    case Payload::kDataIn:
    case Payload::kSslIn:
    case Payload::kDataOut:
    case Payload::kSslOut:
      line->direction =
          payload == Payload::kDataIn || payload == Payload::kSslIn
              ? Direction::kIn
              : Direction::kOut;
      line->kind = payload == Payload::kDataIn || payload == Payload::kDataOut
                       ? LineKind::kData
                       : LineKind::kSslData;
      line->text = text;
      return;
    case Payload::kNoise:
      line->kind = LineKind::kNoise;
      line->text = text;
      return;
    case Payload::kPlain:
    case Payload::kCurlLine:
      line->text = had_cr ? text : line_reader_internal::TrimLeft(text);
      return;
  }
}

}  // namespace

void LineReader::Impl::DecodeTool(const SourceLine& source,
                                  const Context& context, ToolKind kind) {
  LogLine line = Start(source, context.note);
  line.kind = LineKind::kToolMessage;
  line.direction = Direction::kInfo;
  line.text = context.content;
  // The final "curl: (N)" line is printed whole; the others are wrapped at
  // 79 columns, each piece with the prefix again.
  std::string last(context.content);
  std::string_view prefix = line_reader_internal::ToolPrefix(kind);
  int joined = 0;
  while (kind != ToolKind::kExitError && joined < kMaxWrappedLines &&
         line_reader_internal::ToolLineWraps(last)) {
    const SourceLine* next = Peek(0);
    if (next == nullptr || next->noise ||
        line_reader_internal::ClassifyTool(next->content) != kind) {
      break;
    }
    SourceLine more;
    Take(&more);
    line.text += more.content.substr(prefix.size());
    Join(more, &line);
    last = more.content;
    ++joined;
  }
  if (joined > 0) AddNote("wrapped lines joined", &line.notes);
  Emit(std::move(line));
}

// "More details here: ..." and the paragraph after it: prose lines up to
// the next curl line, with one blank line allowed right after the first.
void LineReader::Impl::DecodeHelpText(const SourceLine& source,
                                      const Context& context) {
  LogLine line = Start(source, context.note);
  line.kind = LineKind::kToolMessage;
  line.direction = Direction::kInfo;
  line.text = context.content;
  for (int taken = 1; taken < kMaxHelpLines; ++taken) {
    const SourceLine* next = Peek(0);
    if (next == nullptr || next->noise) break;
    std::string_view content = next->content;
    if (content.empty() ? taken != 1 : IsCurlShaped(content)) break;
    if (!content.empty()) {
      line.text += ' ';
      line.text += line_reader_internal::TrimLeft(content);
    }
    SourceLine more;
    Take(&more);
    Join(more, &line);
  }
  Emit(std::move(line));
}

// A line whose wrapper typed its payload. Returns false, decoding nothing,
// when a Python repr left open is not closed on the next line after all.
bool LineReader::Impl::DecodeWrapped(const SourceLine& source,
                                     const Unwrapped& wrapped) {
  if (wrapped.open_quote != 0) {
    const SourceLine* next = Peek(0);
    if (next == nullptr ||
        next->content != std::string(1, wrapped.open_quote)) {
      return false;
    }
  }
  NoteCue(Layout::kPlain);
  LogLine base = Start(source, wrapped.note);
  base.time = wrapped.time;
  if (wrapped.open_quote != 0) {
    SourceLine closing;
    Take(&closing);
    Join(closing, &base);
  }
  // A repr may hold several lines: a whole request head in one callback.
  std::string_view inner = wrapped.inner;
  std::vector<std::string_view> pieces;
  size_t start = 0;
  do {
    size_t end = std::min(inner.find('\n', start), inner.size());
    pieces.push_back(inner.substr(start, end - start));
    start = end + 1;
  } while (start < inner.size());
  for (size_t i = 0; i < pieces.size(); ++i) {
    LogLine line = base;
    if (i > 0) {
      line.line_count = 0;
      line.notes.clear();
    }
    std::string_view piece = pieces[i];
    bool had_cr = !piece.empty() && piece.back() == '\r';
    if (had_cr) piece.remove_suffix(1);
    FillTyped(wrapped.payload, piece, had_cr, &line);
    Emit(std::move(line));
  }
  return true;
}

}  // namespace curlexplain
