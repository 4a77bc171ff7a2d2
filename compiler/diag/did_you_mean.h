// Diagnostics use the project-wide did-you-mean rule of runtime/core.
#pragma once
#include "runtime/core/did_you_mean.h"

namespace mskc::diag {
using mskc::ClosestMatch;
using mskc::EditDistance;
}  // namespace mskc::diag
