// Writes a determination as the JSON of determination-format.md: exactly the contract's fields,
// in its order; `trace` objects appear only on criteria that carry one (`--trace`).
#pragma once
#include <string>

#include "runtime/determination/determination.h"

namespace mskc::determination {

struct JsonStyle {
  bool pretty = true;  // two-space indented (eval); false = one line (batch NDJSON)
};

// Never throws; invalid UTF-8 in strings is replaced by U+FFFD.
std::string ToJson(const Determination& d, const JsonStyle& style = {});

// `{"line": N, "error": "..."}`: a bad NDJSON line in `mskc batch`.
std::string BatchErrorJson(long line, const std::string& message);

}  // namespace mskc::determination
