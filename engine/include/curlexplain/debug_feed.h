// Turns the events of a libcurl debug callback (CURLOPT_DEBUGFUNCTION) into
// LogLines, so that an application can explain its transfers while they run.
//
//   curlexplain::DebugFeed feed;
//   int OnDebug(CURL*, curl_infotype type, char* data, size_t size, void*) {
//     for (const curlexplain::LogLine& line :
//          feed.Add(type, std::string_view(data, size))) {
//       Log(explainer.Explain(line).message);
//     }
//     return 0;
//   }
#ifndef CURLEXPLAIN_DEBUG_FEED_H_
#define CURLEXPLAIN_DEBUG_FEED_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "curlexplain/log_line.h"

namespace curlexplain {

// The values of libcurl's curl_infotype, which this header does not include.
enum class DebugEventType {
  kText = 0,        // CURLINFO_TEXT
  kHeaderIn = 1,    // CURLINFO_HEADER_IN
  kHeaderOut = 2,   // CURLINFO_HEADER_OUT
  kDataIn = 3,      // CURLINFO_DATA_IN
  kDataOut = 4,     // CURLINFO_DATA_OUT
  kSslDataIn = 5,   // CURLINFO_SSL_DATA_IN
  kSslDataOut = 6,  // CURLINFO_SSL_DATA_OUT
};

// Collects debug callback events and returns complete lines. Text and
// headers are split into lines at LF (a CR before it is dropped); a payload
// that does not end in LF is kept until the next event of the same type
// completes it, as curl's own printer does. Body and TLS bytes become one
// `[N bytes data]` line per event, the text a -v log shows for them.
class DebugFeed {
 public:
  // Adds one event. `type` is the callback's curl_infotype as an int; an
  // unknown type is read as text. Returns the lines the event completes,
  // numbered from 1 in the order they were completed.
  std::vector<LogLine> Add(int type, std::string_view data);

  // Returns the line still waiting for its end, if any, and clears it.
  std::vector<LogLine> Flush();

 private:
  LogLine MakeLine(DebugEventType type, std::string text);

  DebugEventType pending_type_ = DebugEventType::kText;
  std::string pending_;
  int64_t next_number_ = 1;
};

}  // namespace curlexplain

#endif  // CURLEXPLAIN_DEBUG_FEED_H_
