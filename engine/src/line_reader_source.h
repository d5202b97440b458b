// Physical input lines for the line reader: read lazily, cut to a size limit
// and cleaned of progress-meter redraws.
#ifndef CURLEXPLAIN_LINE_READER_SOURCE_H_
#define CURLEXPLAIN_LINE_READER_SOURCE_H_

#include <cstddef>
#include <cstdint>
#include <istream>
#include <streambuf>
#include <string>
#include <vector>

namespace curlexplain::line_reader_internal {

// One line of input, split at LF.
struct SourceLine {
  // 1-based line number.
  int64_t number = 0;
  // The bytes of the line without its LF, or CR LF, cut to the size limit.
  std::string raw;
  // True when the line ended in CR LF.
  bool crlf = false;
  // `raw` with progress-meter output removed: what the layout decoders read.
  std::string content;
  // True when the line held nothing but progress-meter output.
  bool noise = false;
  // Damage found so far: a cut, a removed progress meter.
  std::vector<std::string> notes;
};

// Splits a stream into SourceLines, reading no further than the end of the
// line asked for. Memory stays within the size limit however long a line is:
// the rest of a long line is read and dropped.
class LineSource {
 public:
  // `in` must outlive the source.
  LineSource(std::istream& in, size_t max_line_bytes);

  // Stores the next line in `*line` and returns true, or returns false at the
  // end of the input. A last line without LF is still a line; an empty input
  // has no lines.
  bool Read(SourceLine* line);

 private:
  std::streambuf* buffer_;
  size_t max_line_bytes_;
  int64_t number_ = 0;
  bool done_ = false;
};

}  // namespace curlexplain::line_reader_internal

#endif  // CURLEXPLAIN_LINE_READER_SOURCE_H_
