#include "line_reader_source.h"

#include <string>

#include "line_reader_damage.h"

namespace curlexplain::line_reader_internal {

LineSource::LineSource(std::istream& in, size_t max_line_bytes)
    : buffer_(in.rdbuf()),
      max_line_bytes_(max_line_bytes == 0 ? 1 : max_line_bytes) {}

namespace {

// Drops a trailing CR from `line` and notes a cut line.
void FinishLine(size_t total, bool ended_in_cr, size_t max_line_bytes,
                SourceLine* line) {
  line->crlf = ended_in_cr;
  size_t length = ended_in_cr ? total - 1 : total;
  // When the line was cut, its CR went with the rest.
  if (ended_in_cr && line->raw.size() == total) line->raw.pop_back();
  if (length > max_line_bytes) {
    line->notes.push_back("cut to " + std::to_string(line->raw.size()) +
                          " of " + std::to_string(length) + " bytes");
  }
}

// Fills content, noise and notes from raw.
void Clean(SourceLine* line) {
  ProgressCleaned cleaned = RemoveProgress(line->raw);
  line->content = std::move(cleaned.content);
  line->noise = cleaned.noise;
  if (cleaned.removed) AddNote(kNoteProgress, &line->notes);
  if (cleaned.inner_cr) AddNote(kNoteInnerCr, &line->notes);
}

}  // namespace

bool LineSource::Read(SourceLine* line) {
  if (done_ || buffer_ == nullptr) return false;
  *line = SourceLine();
  size_t total = 0;
  bool ended_in_cr = false;
  bool saw_byte = false;
  for (;;) {
    int c = buffer_->sbumpc();
    if (c == std::char_traits<char>::eof()) {
      done_ = true;
      break;
    }
    saw_byte = true;
    if (c == '\n') break;
    // Past the limit the bytes are counted and dropped, so a 10 MB line
    // costs no more memory than a short one.
    if (line->raw.size() < max_line_bytes_) line->raw.push_back(char(c));
    ended_in_cr = c == '\r';
    ++total;
  }
  if (!saw_byte) return false;
  line->number = ++number_;
  FinishLine(total, ended_in_cr, max_line_bytes_, line);
  Clean(line);
  return true;
}

}  // namespace curlexplain::line_reader_internal
