// --trace and --trace-ascii dumps (and -vvv, which writes the same layout).
//
// A heading ("=> Send header, 26 bytes (0x1a)") is followed by dump rows
// without time stamp. The reader reassembles each block's bytes, then:
// - a header block is split into protocol lines at LF, each numbered by the
//   dump row it starts on. Its heading becomes a kNoise line that carries
//   the block's time and ids, so that no input line goes missing.
// - a data or SSL data block becomes one kData or kSslData line whose text
//   is "[N bytes data]", the same text a -v data marker has, so rules match
//   both layouts alike.
// Whether rows are hex (--trace) or ASCII is decided per block from its
// first row, unless Options::layout forces one.
#include <algorithm>
#include <string>

#include "line_reader_damage.h"
#include "line_reader_impl.h"
#include "line_reader_scan.h"

namespace curlexplain {

using line_reader_internal::AddNote;
using line_reader_internal::CurlLine;
using line_reader_internal::DumpBlock;
using line_reader_internal::SourceLine;

namespace {

// --trace-ascii shows 64 bytes a row, --trace 16.
constexpr size_t kAsciiRowBytes = 64;
constexpr size_t kHexRowBytes = 16;

char Printable(unsigned char c) { return c >= 0x20 && c < 0x7F ? c : '.'; }

int HexValue(char c) {
  return line_reader_internal::IsDigit(c) ? c - '0' : c - 'a' + 10;
}

// Decodes a --trace row body holding `count` bytes: count "hh " groups,
// blank groups up to 16, then the bytes as text. The text column must match
// the bytes; blanks at its end may have been lost in pasting.
bool DecodeHexRow(std::string_view body, size_t count, std::string* bytes) {
  if (body.size() < 3 * kHexRowBytes) return false;
  std::string decoded;
  for (size_t i = 0; i < kHexRowBytes; ++i) {
    std::string_view group = body.substr(3 * i, 3);
    if (i >= count) {
      if (group != "   ") return false;
      continue;
    }
    if (!line_reader_internal::IsLowerHex(group[0]) ||
        !line_reader_internal::IsLowerHex(group[1]) || group[2] != ' ') {
      return false;
    }
    decoded += char(HexValue(group[0]) * 16 + HexValue(group[1]));
  }
  std::string_view text = body.substr(3 * kHexRowBytes);
  if (text.size() > count) return false;
  for (size_t i = 0; i < count; ++i) {
    char column_char = i < text.size() ? text[i] : ' ';
    if (Printable(decoded[i]) != column_char) return false;
  }
  *bytes += decoded;
  return true;
}

// A protocol line inside a header block.
struct Piece {
  int64_t offset;
  std::string_view text;
};

// Splits at LF, dropping the CR before it and the empty rest after a final
// LF.
std::vector<Piece> SplitLines(std::string_view bytes) {
  std::vector<Piece> pieces;
  size_t start = 0;
  while (start < bytes.size()) {
    size_t end = std::min(bytes.find('\n', start), bytes.size());
    std::string_view text = bytes.substr(start, end - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    pieces.push_back({int64_t(start), text});
    start = end + 1;
  }
  return pieces;
}

// The index of the last kept row that starts at or before `offset`.
size_t RowOf(const DumpBlock& block, int64_t offset) {
  auto it = std::upper_bound(block.row_offsets.begin(), block.row_offsets.end(),
                             offset);
  size_t index = size_t(it - block.row_offsets.begin());
  return index == 0 ? 0 : index - 1;
}

}  // namespace

void LineReader::Impl::DecodeDump(const SourceLine& heading,
                                  const CurlLine& curl) {
  DumpBlock block;
  block.size = curl.heading_size;
  if (options_.layout == Layout::kTraceHex) block.hex = 1;
  if (options_.layout == Layout::kTraceAscii) block.hex = 0;
  ReadDumpRows(&block);
  Layout layout = block.hex == 1 ? Layout::kTraceHex : Layout::kTraceAscii;
  NoteCue(layout);
  if (curl.heading_kind == LineKind::kText) {
    EmitHeaderBlock(heading, curl, block, layout);
  } else {
    EmitDataBlock(heading, curl, block, layout);
  }
}

void LineReader::Impl::ReadDumpRows(DumpBlock* block) {
  while (!DumpComplete(block)) {
    const SourceLine* next = Peek(0);
    if (next == nullptr || next->noise || !AcceptRow(*next, block)) return;
    SourceLine row;
    Take(&row);
    // Rows past the size limit are counted, not kept.
    if (block->kept_raw_bytes + row.raw.size() > options_.max_line_bytes) {
      ++block->dropped_rows;
      continue;
    }
    block->kept_raw_bytes += row.raw.size();
    block->row_offsets.push_back(
        line_reader_internal::ParseDumpRow(row.content)->offset);
    block->rows.push_back(std::move(row));
  }
}

// Appends the row's bytes to the block when the row continues it.
bool LineReader::Impl::AcceptRow(const SourceLine& line,
                                 DumpBlock* block) const {
  auto row = line_reader_internal::ParseDumpRow(line.content);
  if (!row) return false;
  int64_t left = block->size - row->offset;
  if (block->hex == -1) {
    std::string scratch;
    size_t count = size_t(std::min<int64_t>(left, kHexRowBytes));
    block->hex = left > 0 && DecodeHexRow(row->body, count, &scratch);
  }
  bool room = block->bytes.size() < options_.max_line_bytes;
  if (block->hex == 1) {
    if (row->offset != block->received || left <= 0) return false;
    size_t count = size_t(std::min<int64_t>(left, kHexRowBytes));
    std::string bytes;
    if (!DecodeHexRow(row->body, count, &bytes)) return false;
    if (room) block->bytes += bytes;
    block->received += int64_t(count);
    return true;
  }
  // In ASCII rows a CR LF ends the row and is not shown: the offsets jump
  // by two where one was.
  int64_t gap = row->offset - block->received;
  if ((gap != 0 && gap != 2) || row->body.size() > kAsciiRowBytes ||
      int64_t(row->body.size()) > left) {
    return false;
  }
  if (room && gap == 2) block->bytes += "\r\n";
  if (room) block->bytes += row->body;
  block->received = row->offset + int64_t(row->body.size());
  block->last_row_length = row->body.size();
  return true;
}

bool LineReader::Impl::DumpComplete(DumpBlock* block) {
  if (block->complete || block->received >= block->size) {
    return block->complete = true;
  }
  if (block->hex == 1 || block->received + 2 != block->size) return false;
  // Two bytes left after an ASCII row: the CR LF that ended it, unless the
  // row was full and another row of two bytes follows.
  if (block->rows.empty() && block->dropped_rows == 0) return false;
  if (block->last_row_length == kAsciiRowBytes) {
    const SourceLine* next = Peek(0);
    auto row =
        next ? line_reader_internal::ParseDumpRow(next->content) : std::nullopt;
    if (row && row->offset == block->received) return false;
  }
  if (block->bytes.size() < options_.max_line_bytes) block->bytes += "\r\n";
  block->received = block->size;
  return block->complete = true;
}

void LineReader::Impl::EmitDataBlock(const SourceLine& heading,
                                     const CurlLine& curl,
                                     const DumpBlock& block, Layout layout) {
  LogLine line = Start(heading);
  line.direction = curl.direction;
  line.kind = curl.heading_kind;
  line.time = curl.time;
  line.transfer_id = curl.ids.transfer_id;
  line.connection_id = curl.ids.connection_id;
  line.text = "[" + std::to_string(block.size) + " bytes data]";
  for (const SourceLine& row : block.rows) Join(row, &line);
  line.line_count += block.dropped_rows;
  if (block.dropped_rows > 0) AddNote("raw text shortened", &line.notes);
  if (!block.complete) {
    AddNote("dump ends early: " + std::to_string(block.received) + " of " +
                std::to_string(block.size) + " bytes",
            &line.notes);
  }
  Emit(std::move(line), layout);
}

void LineReader::Impl::EmitHeaderBlock(const SourceLine& heading,
                                       const CurlLine& curl,
                                       const DumpBlock& block, Layout layout) {
  LogLine head = Start(heading);
  head.kind = LineKind::kNoise;
  head.direction = curl.direction;
  head.time = curl.time;
  head.transfer_id = curl.ids.transfer_id;
  head.connection_id = curl.ids.connection_id;
  head.text = curl.payload;
  if (!block.complete) {
    AddNote("dump ends early: " + std::to_string(block.received) + " of " +
                std::to_string(block.size) + " bytes",
            &head.notes);
  }
  LogLine model = head;
  model.kind = LineKind::kText;
  model.notes.clear();
  Emit(std::move(head), layout);
  if (block.rows.empty()) return;

  std::vector<Piece> pieces = SplitLines(block.bytes);
  std::vector<size_t> rows;
  for (const Piece& piece : pieces) rows.push_back(RowOf(block, piece.offset));
  for (size_t i = 0; i < pieces.size(); ++i) {
    LogLine line = model;
    const SourceLine& first = block.rows[rows[i]];
    line.number = first.number;
    line.raw = first.raw;
    line.notes = first.notes;
    // The first line starting on a row owns it and the rows up to the next
    // line's start. Later lines starting on the same row own none.
    bool shared = i > 0 && rows[i - 1] == rows[i];
    line.line_count = shared ? 0 : 1;
    size_t end = block.rows.size();
    for (size_t j = i + 1; j < pieces.size(); ++j) {
      if (rows[j] != rows[i]) {
        end = rows[j];
        break;
      }
    }
    for (size_t r = rows[i] + 1; !shared && r < end; ++r) {
      Join(block.rows[r], &line);
    }
    if (!shared && end == block.rows.size() && block.dropped_rows > 0) {
      line.line_count += block.dropped_rows;
      AddNote("raw text shortened", &line.notes);
    }
    line.text = pieces[i].text;
    if (line_reader_internal::LooksBinary(pieces[i].text)) {
      line.kind = LineKind::kData;
      AddNote(line_reader_internal::kNoteBinary, &line.notes);
    }
    Emit(std::move(line), layout);
  }
}

// A dump row with no heading before it: the log starts mid-block.
void LineReader::Impl::DecodeOrphanRow(const SourceLine& source,
                                       const Context& context,
                                       std::string_view body) {
  LogLine line = Start(source, context.note);
  line.kind = LineKind::kData;
  line.text = body;
  AddNote("dump row without heading", &line.notes);
  Emit(std::move(line));
}

}  // namespace curlexplain
