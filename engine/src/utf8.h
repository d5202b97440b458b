// UTF-8 checks shared by the reporters.
#ifndef CURLEXPLAIN_UTF8_H_
#define CURLEXPLAIN_UTF8_H_

#include <cstddef>
#include <string_view>

namespace curlexplain {

// Returns the length of the valid UTF-8 sequence at the start of `text`, or
// 0 when it does not start with one. `text` must not be empty.
size_t Utf8SequenceLength(std::string_view text);

}  // namespace curlexplain

#endif  // CURLEXPLAIN_UTF8_H_
