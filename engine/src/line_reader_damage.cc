#include "line_reader_damage.h"

#include <algorithm>
#include <array>
#include <string>

#include "line_reader_scan.h"

namespace curlexplain::line_reader_internal {

namespace {

// The progress meter is a fixed-width row: eight right-aligned number
// columns, three time columns and a 5-wide speed column. curl glues the next
// verbose line straight after it, so the width shows where the log text
// starts even when that text begins with a digit (a -vv time stamp).
struct MeterTemplate {
  std::array<size_t, 8> number_ends;  // right edges of the number columns
  size_t width;
};

// curl 7.x and 8.x before the meter was redrawn: 78 columns.
constexpr MeterTemplate kClassicMeter{{3, 9, 14, 20, 25, 31, 38, 45}, 78};
// Newer curl (seen in 8.22): 77 columns, times as "00:01" or blank.
constexpr MeterTemplate kCompactMeter{{3, 10, 14, 21, 25, 32, 39, 46}, 77};

// A size or speed value: "0", "270", "23.6M", "7910k".
bool IsSizeValue(std::string_view value) {
  Scanner scan(value);
  if (!scan.Digits(1, 20)) return false;
  if (scan.Char('.') && !scan.Digits(1, 20)) return false;
  if (!scan.AtEnd() &&
      std::string_view("kMGTPE").find(scan.Peek()) != std::string_view::npos) {
    scan.set_pos(scan.pos() + 1);
  }
  return scan.AtEnd();
}

// A right-aligned number column; all but the first start with a blank.
bool NumberColumnOk(std::string_view column, bool first) {
  std::string_view value = TrimLeft(column);
  if (!first && value.size() == column.size()) return false;
  return IsSizeValue(value);
}

bool IsTimeChar(char c) {
  return std::string_view("0123456789:-dhmsy ").find(c) !=
         std::string_view::npos;
}

bool MatchesMeter(std::string_view s, const MeterTemplate& meter) {
  if (s.size() < meter.width) return false;
  size_t start = 0;
  for (size_t i = 0; i < meter.number_ends.size(); ++i) {
    size_t end = meter.number_ends[i];
    if (!NumberColumnOk(s.substr(start, end - start), i == 0)) return false;
    start = end;
  }
  size_t speed_start = meter.width - 5;
  std::string_view times = s.substr(start, speed_start - start);
  if (times.front() != ' ' || times.back() != ' ') return false;
  if (!std::all_of(times.begin(), times.end(), IsTimeChar)) return false;
  return IsSizeValue(TrimLeft(s.substr(speed_start, 5)));
}

bool SizeToken(Scanner* scan) {
  size_t start = scan->pos();
  std::string_view rest = scan->Rest();
  size_t n = 0;
  while (n < rest.size() && !IsBlank(rest[n])) ++n;
  if (!IsSizeValue(rest.substr(0, n))) return false;
  scan->set_pos(start + n);
  return true;
}

// A time column: "--:--:--", "0:00:02", "00:01".
bool TimeToken(Scanner* scan) {
  if (scan->Literal("--:--:--")) return true;
  size_t start = scan->pos();
  int groups = 0;
  if (scan->Digits(1, 4)) {
    while (scan->Char(':') && scan->Digits(2, 2)) ++groups;
  }
  if (groups > 0 && (scan->AtEnd() || IsBlank(scan->Peek()))) return true;
  scan->set_pos(start);
  return false;
}

// The meter of parallel transfers (-Z), which pads its speed column with
// blanks, so glued text starts after them.
size_t ParallelMeterLength(std::string_view s) {
  Scanner scan(s);
  for (int i = 0; i < 2; ++i) {
    if (!scan.Literal("--") && !scan.Digits(1, 3)) return 0;
    if (!scan.Blanks(1)) return 0;
  }
  for (int i = 0; i < 4; ++i) {
    if (!SizeToken(&scan) || !scan.Blanks(1)) return 0;
  }
  for (int i = 0; i < 3; ++i) {
    if (!TimeToken(&scan) || !scan.Blanks(1)) return 0;
  }
  if (!SizeToken(&scan)) return 0;
  if (!scan.AtEnd() && !scan.Blanks(1)) return 0;
  return scan.pos();
}

// The -# bar: "#####      50.0%", at least 20 columns of bar.
size_t BarLength(std::string_view s) {
  size_t i = 0;
  while (i < s.size() && (s[i] == '#' || s[i] == ' ')) ++i;
  if (i < 20) return 0;
  Scanner scan(s.substr(i));
  if (!scan.Digits(1, 3) || !scan.Char('.') || !scan.Digits(1, 1) ||
      !scan.Char('%')) {
    return 0;
  }
  return i + scan.pos();
}

// The -# animation drawn while the size is unknown: "-=O=-  #   #  #".
size_t FlyLength(std::string_view s) {
  if (s.size() < 20 || s.find('#') == std::string_view::npos) return 0;
  for (char c : s) {
    if (std::string_view("#=O- ").find(c) == std::string_view::npos) return 0;
  }
  return s.size();
}

}  // namespace

size_t ProgressPrefixLength(std::string_view segment) {
  if (MatchesMeter(segment, kClassicMeter)) return kClassicMeter.width;
  if (MatchesMeter(segment, kCompactMeter)) return kCompactMeter.width;
  size_t n = ParallelMeterLength(segment);
  if (n == 0) n = BarLength(segment);
  if (n == 0) n = FlyLength(segment);
  return n;
}

bool IsProgressHeading(std::string_view segment) {
  std::string_view s = TrimLeft(segment);
  auto has = [s](std::string_view part) {
    return s.find(part) != std::string_view::npos;
  };
  if (s.substr(0, 7) == "% Total") return has("% Received");
  if (s.substr(0, 5) == "Dload") return has("Upload") && has("Speed");
  return s.substr(0, 7) == "DL% UL%";
}

ProgressCleaned RemoveProgress(std::string_view line) {
  ProgressCleaned out;
  std::vector<std::string_view> texts;
  std::string_view last_progress;
  bool any_progress = false;
  size_t start = 0;
  while (start <= line.size()) {
    size_t end = std::min(line.find('\r', start), line.size());
    std::string_view segment = line.substr(start, end - start);
    start = end + 1;
    if (segment.empty()) continue;
    size_t n = IsProgressHeading(segment) ? segment.size()
                                          : ProgressPrefixLength(segment);
    if (n > 0) {
      any_progress = true;
      last_progress = segment.substr(0, n);
      segment.remove_prefix(n);
    }
    if (!segment.empty()) texts.push_back(segment);
  }
  if (texts.empty()) {
    out.noise = any_progress;
    // A line of CRs alone shows as an empty line.
    out.content = std::string(last_progress);
    return out;
  }
  out.removed = any_progress;
  out.inner_cr = texts.size() > 1;
  for (size_t i = 0; i < texts.size(); ++i) {
    if (i > 0) out.content += '\r';
    out.content += texts[i];
  }
  return out;
}

namespace {

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Returns the length of the valid UTF-8 sequence starting at `i` (which is
// not ASCII), or 0.
size_t Utf8Length(std::string_view s, size_t i) {
  unsigned char c = s[i];
  size_t n = c >= 0xC2 && c <= 0xDF   ? 2
             : c >= 0xE0 && c <= 0xEF ? 3
             : c >= 0xF0 && c <= 0xF4 ? 4
                                      : 0;
  if (n == 0 || i + n > s.size()) return 0;
  unsigned char second = s[i + 1];
  if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second > 0x9F) ||
      (c == 0xF0 && second < 0x90) || (c == 0xF4 && second > 0x8F)) {
    return 0;
  }
  for (size_t k = 1; k < n; ++k) {
    if (!IsContinuation(s[i + k])) return 0;
  }
  return n;
}

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

}  // namespace

std::string SanitizeText(std::string_view text,
                         std::vector<std::string>* notes) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    if (c == 0) {
      out += kReplacement;
      AddNote(kNoteNul, notes);
      ++i;
    } else if (c < 0x80) {
      out += char(c);
      ++i;
    } else if (size_t n = Utf8Length(text, i); n > 0) {
      out.append(text.substr(i, n));
      i += n;
    } else {
      out += kReplacement;
      AddNote(kNoteInvalidUtf8, notes);
      ++i;
    }
  }
  return out;
}

bool LooksBinary(std::string_view text) {
  size_t controls = 0;
  size_t invalid = 0;
  for (size_t i = 0; i < text.size();) {
    unsigned char c = text[i];
    if (c == 0) return true;
    bool colour = c == 0x1B && i + 1 < text.size() && text[i + 1] == '[';
    if ((c < 0x20 && c != '\t' && !colour) || c == 0x7F) ++controls;
    if (c < 0x80) {
      ++i;
    } else if (size_t n = Utf8Length(text, i); n > 0) {
      i += n;
    } else {
      ++invalid;
      ++i;
    }
  }
  return controls >= 1 || (text.size() >= 4 && invalid * 4 >= text.size());
}

bool LooksCutByCurl(std::string_view message) {
  // The buffer is 2048 bytes with its NUL; ids and tags share it, and the
  // cut message ends in "...".
  return message.size() >= 2030 && message.size() <= 2050 &&
         message.substr(message.size() - 3) == "...";
}

void AddNote(std::string_view note, std::vector<std::string>* notes) {
  if (std::find(notes->begin(), notes->end(), note) == notes->end()) {
    notes->emplace_back(note);
  }
}

}  // namespace curlexplain::line_reader_internal
