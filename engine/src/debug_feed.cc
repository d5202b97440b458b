#include "curlexplain/debug_feed.h"

#include <fmt/format.h>

namespace curlexplain {
namespace {

constexpr size_t kMaxLineBytes = 64 * 1024;

Direction DirectionOf(DebugEventType type) {
  switch (type) {
    case DebugEventType::kText:
      return Direction::kInfo;
    case DebugEventType::kHeaderIn:
    case DebugEventType::kDataIn:
    case DebugEventType::kSslDataIn:
      return Direction::kIn;
    case DebugEventType::kHeaderOut:
    case DebugEventType::kDataOut:
    case DebugEventType::kSslDataOut:
      return Direction::kOut;
  }
  return Direction::kUnknown;
}

std::string_view Prefix(DebugEventType type) {
  switch (DirectionOf(type)) {
    case Direction::kIn:
      return type == DebugEventType::kHeaderIn ? "< " : "{ ";
    case Direction::kOut:
      return type == DebugEventType::kHeaderOut ? "> " : "} ";
    default:
      return "* ";
  }
}

}  // namespace

LogLine DebugFeed::MakeLine(DebugEventType type, std::string text) {
  LogLine line;
  line.number = next_number_++;
  line.direction = DirectionOf(type);
  if (type == DebugEventType::kDataIn || type == DebugEventType::kDataOut) {
    line.kind = LineKind::kData;
  } else if (type == DebugEventType::kSslDataIn ||
             type == DebugEventType::kSslDataOut) {
    line.kind = LineKind::kSslData;
  }
  if (type == DebugEventType::kText) {
    // curl indents some of its messages; rules see them without the spaces.
    size_t start = text.find_first_not_of(' ');
    text.erase(0, start == std::string::npos ? text.size() : start);
  }
  line.raw = std::string(Prefix(type)) + text;
  line.text = std::move(text);
  return line;
}

std::vector<LogLine> DebugFeed::Add(int type, std::string_view data) {
  auto event = static_cast<DebugEventType>(type);
  if (type < 0 || type > 6) event = DebugEventType::kText;

  std::vector<LogLine> lines;
  if (event != pending_type_ && !pending_.empty()) lines = Flush();
  bool is_data = event != DebugEventType::kText &&
                 event != DebugEventType::kHeaderIn &&
                 event != DebugEventType::kHeaderOut;
  if (is_data) {
    lines.push_back(
        MakeLine(event, fmt::format("[{} bytes data]", data.size())));
    return lines;
  }

  pending_type_ = event;
  // Only the new bytes can hold a line end, so the search starts there and
  // a line that arrives a byte at a time is not scanned again and again.
  size_t searched = pending_.size();
  pending_.append(data);
  size_t start = 0;
  for (size_t end; (end = pending_.find('\n', searched)) != std::string::npos;
       start = searched = end + 1) {
    std::string text = pending_.substr(start, end - start);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    lines.push_back(MakeLine(event, std::move(text)));
  }
  pending_.erase(0, start);

  if (pending_.size() > kMaxLineBytes) {
    // A line without end is cut, as the line reader cuts long lines.
    LogLine line = MakeLine(event, pending_.substr(0, kMaxLineBytes));
    line.notes.push_back(
        fmt::format("cut to {} bytes", kMaxLineBytes));
    lines.push_back(std::move(line));
    pending_.clear();
  }
  return lines;
}

std::vector<LogLine> DebugFeed::Flush() {
  std::vector<LogLine> lines;
  if (pending_.empty()) return lines;
  std::string text = std::move(pending_);
  pending_.clear();
  if (!text.empty() && text.back() == '\r') text.pop_back();
  lines.push_back(MakeLine(pending_type_, std::move(text)));
  return lines;
}

}  // namespace curlexplain
