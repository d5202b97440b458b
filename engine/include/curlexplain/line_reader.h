// Turns the bytes of a curl or libcurl log into LogLines.
#ifndef CURLEXPLAIN_LINE_READER_H_
#define CURLEXPLAIN_LINE_READER_H_

#include <cstddef>
#include <deque>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "curlexplain/log_line.h"

namespace curlexplain {

// The layouts curl and libcurl write logs in.
enum class Layout {
  kAuto,        // detect from the input, per log and per block
  kVerbose,     // curl -v, -vv: `* `, `> `, `< `, `{ [N bytes data]`
  kTraceAscii,  // --trace-ascii, -vvv
  kTraceHex,    // --trace
  kPlain,       // a debug callback that writes text without prefixes
};

// Parses a layout name as given to --layout ("auto", "verbose",
// "trace-ascii", "trace", "plain"). Returns nullopt for an unknown name.
std::optional<Layout> ParseLayout(std::string_view name);

// Reads one log and yields its lines one at a time, so that a caller can
// explain each line as soon as it has been read.
//
// The reader never fails on bad input: binary data, NUL bytes, invalid UTF-8
// and very long lines come out as lines with notes. It reads from `in` only as
// far as it needs for the next line, plus a lookahead of a few lines where
// the layout is unclear (at most 8 lines to detect it, 16 for the help text
// after a certificate error).
//
// Every input line belongs to exactly one LogLine (see LogLine::line_count).
// A --trace header block gives a kNoise line for its heading and one line
// per protocol line; a data block gives one kData or kSslData line whose
// text is "[N bytes data]", as a -v data marker does.
class LineReader {
 public:
  struct Options {
    Layout layout = Layout::kAuto;
    // Lines longer than this are cut, and the LogLine notes the cut.
    size_t max_line_bytes = 64 * 1024;
  };

  // `in` must outlive the reader.
  explicit LineReader(std::istream& in);
  LineReader(std::istream& in, Options options);
  ~LineReader();
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Stores the next line in `*line` and returns true, or returns false at
  // the end of the input.
  bool Next(LogLine* line);

  // Returns the layout in force for the most recent line: the forced one, or
  // the one detection settled on by then. Returns kAuto before the first
  // line and while nothing has settled it.
  Layout layout() const;

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace curlexplain

#endif  // CURLEXPLAIN_LINE_READER_H_
