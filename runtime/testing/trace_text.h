// The `--trace` text of a failing test: per line, each criterion with its result, the facts it
// read and the sub-expression that decided it (from a determination decided with traces).
#pragma once
#include <string>

#include "runtime/determination/determination.h"

namespace mskc::testing {

// Lines are indented by `indent`; criteria without a trace show their result only.
std::string FormatTrace(const determination::Determination& d, const std::string& indent);

}  // namespace mskc::testing
