// The line reader's state machine. Its members are defined in
// line_reader.cc (input, output, detection, curl's -v layout),
// line_reader_trace.cc (--trace and --trace-ascii dumps) and
// line_reader_messages.cc (tool messages and application wrappers).
#ifndef CURLEXPLAIN_LINE_READER_IMPL_H_
#define CURLEXPLAIN_LINE_READER_IMPL_H_

#include <cstddef>
#include <cstdint>
#include <deque>
#include <istream>
#include <string>
#include <string_view>
#include <utility>

#include "curlexplain/line_reader.h"
#include "curlexplain/log_line.h"
#include "line_reader_prefix.h"
#include "line_reader_source.h"
#include "line_reader_wrappers.h"

namespace curlexplain {

namespace line_reader_internal {

// A line's content after any wrapper came off, with the wrapper's findings.
struct Context {
  std::string_view content;
  std::string_view note;  // a note from the wrapper, or empty
  bool quoted = false;    // inside a markdown quote
};

// The rows of one --trace or --trace-ascii dump block, reassembled.
struct DumpBlock {
  int64_t size = 0;      // byte count from the heading
  int hex = -1;          // -1 undecided, 0 --trace-ascii rows, 1 hex rows
  std::string bytes;     // the block's bytes; CR LF put back for ascii rows
  int64_t received = 0;  // bytes the rows have accounted for
  size_t last_row_length = 0;
  std::deque<SourceLine> rows;      // rows kept, up to the size limit
  size_t kept_raw_bytes = 0;        // size of the kept rows
  std::deque<int64_t> row_offsets;  // byte offset of each kept row
  int64_t dropped_rows = 0;         // rows read past the size limit
  bool complete = false;
};

}  // namespace line_reader_internal

class LineReader::Impl {
 public:
  Impl(std::istream& in, Options options);

  bool Next(LogLine* line);
  Layout layout() const { return current_layout_; }

 private:
  using SourceLine = line_reader_internal::SourceLine;
  using Context = line_reader_internal::Context;
  using CurlLine = line_reader_internal::CurlLine;
  using DumpBlock = line_reader_internal::DumpBlock;
  using Unwrapped = line_reader_internal::Unwrapped;

  // Input, through a bounded lookahead.
  const SourceLine* Peek(size_t index);
  bool Take(SourceLine* line);

  // Output.
  LogLine Start(const SourceLine& source, std::string_view note = {}) const;
  void Join(const SourceLine& more, LogLine* line) const;
  void Emit(LogLine line);
  void Emit(LogLine line, Layout layout);

  // Layout detection.
  bool Forced() const { return options_.layout != Layout::kAuto; }
  bool CurlLayout() const;
  void NoteCue(Layout cue);
  enum class Cue { kNone, kPlain, kStar, kVerbose, kTrace };
  Cue CueOf(const SourceLine& line) const;
  void SettleByLookahead(Cue current);

  // curl's -v layout and lines without prefix (line_reader.cc).
  void Decode(SourceLine source);
  void DecodeContent(const SourceLine& source, const Context& context);
  void DecodeNoise(const SourceLine& source);
  void DecodeInfo(const SourceLine& source, const Context& context,
                  const CurlLine& curl);
  void DecodeUnclearStar(const SourceLine& source, const Context& context);
  void DecodeHeader(const SourceLine& source, const Context& context,
                    const CurlLine& curl);
  void DecodeMarker(const SourceLine& source, const Context& context,
                    const CurlLine& curl);
  bool NextIsTlsRecord();
  void DecodeUnprefixed(const SourceLine& source, const Context& context);
  void DecodePlain(const SourceLine& source, const Context& context);
  void DecodeContinuation(const SourceLine& source, const Context& context,
                          Direction direction);
  void DecodeStray(const SourceLine& source, const Context& context);

  // Dumps (line_reader_trace.cc).
  void DecodeDump(const SourceLine& heading, const CurlLine& curl);
  void ReadDumpRows(DumpBlock* block);
  bool AcceptRow(const SourceLine& line, DumpBlock* block) const;
  bool DumpComplete(DumpBlock* block);
  void EmitDataBlock(const SourceLine& heading, const CurlLine& curl,
                     const DumpBlock& block, Layout layout);
  void EmitHeaderBlock(const SourceLine& heading, const CurlLine& curl,
                       const DumpBlock& block, Layout layout);
  void DecodeOrphanRow(const SourceLine& source, const Context& context,
                       std::string_view body);

  // Tool messages and application wrappers (line_reader_messages.cc).
  void DecodeTool(const SourceLine& source, const Context& context,
                  line_reader_internal::ToolKind kind);
  void DecodeHelpText(const SourceLine& source, const Context& context);
  bool DecodeWrapped(const SourceLine& source, const Unwrapped& wrapped);

  Options options_;
  line_reader_internal::LineSource source_;
  std::deque<SourceLine> lookahead_;
  std::deque<std::pair<LogLine, Layout>> pending_;
  line_reader_internal::WrapperState wrappers_;
  // The layout detection settled on, or kAuto until it has.
  Layout settled_;
  Layout current_layout_;
  // A "> " line opened a request head that later lines may continue
  // without prefix (libcurl's own printer).
  bool out_block_open_ = false;
  // The last line that was not a data marker was a TLS record line.
  bool after_tls_record_ = false;
  // The last line was the tool's "curl: (N)" error.
  bool after_exit_error_ = false;
  Direction last_direction_ = Direction::kUnknown;
};

}  // namespace curlexplain

#endif  // CURLEXPLAIN_LINE_READER_IMPL_H_
