// Damage that curl logs suffer on their way to the reader, and its repair:
// progress-meter redraws, NUL bytes, invalid UTF-8, binary junk, cut lines.
#ifndef CURLEXPLAIN_LINE_READER_DAMAGE_H_
#define CURLEXPLAIN_LINE_READER_DAMAGE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace curlexplain::line_reader_internal {

// Notes the reader attaches to lines.
inline constexpr std::string_view kNoteProgress = "progress meter removed";
inline constexpr std::string_view kNoteCurlCut = "cut at 2048 bytes by curl";
inline constexpr std::string_view kNoteInvalidUtf8 = "invalid UTF-8";
inline constexpr std::string_view kNoteNul = "NUL bytes replaced";
inline constexpr std::string_view kNoteBinary = "binary data";
inline constexpr std::string_view kNoteInnerCr = "carriage return inside line";

// The rest of a line once progress-meter output is removed.
struct ProgressCleaned {
  // The log text of the line; for a noise line the last meter drawn.
  std::string content;
  // True when the line held progress output only.
  bool noise = false;
  // True when meter output was cut away from log text.
  bool removed = false;
  // True when log text remained on both sides of a CR.
  bool inner_cr = false;
};

// Splits `line` (without its line ending) at CR, drops progress-meter rows,
// progress bars and the meter's column headings, and keeps the log text that
// curl glued after a meter row. A line with only progress output is noise.
ProgressCleaned RemoveProgress(std::string_view line);

// Returns the length of the progress-meter row or bar that `segment` starts
// with, or 0 when it does not start with one.
size_t ProgressPrefixLength(std::string_view segment);

// Returns true for the progress meter's column headings.
bool IsProgressHeading(std::string_view segment);

// Returns `text` made safe for rules: NUL bytes and invalid UTF-8 sequences
// become U+FFFD. Adds kNoteNul or kNoteInvalidUtf8 to `notes` when it does.
std::string SanitizeText(std::string_view text,
                         std::vector<std::string>* notes);

// Returns true when `text` looks like binary bytes rather than text: it has
// a control character, which no text protocol curl speaks puts in a line,
// or is a quarter or more invalid UTF-8. Tabs and the ESC of terminal colour
// codes do not count.
bool LooksBinary(std::string_view text);

// Returns true when an informational message looks cut by curl's 2048-byte
// message buffer: it ends in "..." and has about that length.
bool LooksCutByCurl(std::string_view message);

// Appends `note` to `notes` unless it is there already.
void AddNote(std::string_view note, std::vector<std::string>* notes);

}  // namespace curlexplain::line_reader_internal

#endif  // CURLEXPLAIN_LINE_READER_DAMAGE_H_
