// A byte range in one source file; rendered as line:col only when printed.
#pragma once
#include <cstdint>

namespace mskc::source {

using FileId = uint32_t;
inline constexpr FileId kNoFile = UINT32_MAX;

struct Span {
  FileId file = kNoFile;
  uint32_t begin = 0;  // byte offset of the first character
  uint32_t end = 0;    // byte offset one past the last character
  bool valid() const { return file != kNoFile; }
};

}  // namespace mskc::source
