// The whole case from its lines ("Mixed lines"): outcome, status, review, reason codes and the
// case window (the line window that ends first, for approved or notification-only cases).
#pragma once
#include "runtime/determination/determination.h"

namespace mskc::rules {

// Fills d's outcome, status, review, reason codes (adds the lines' to those already there) and
// window from d.lines.
void SummarizeLines(determination::Determination& d);

}  // namespace mskc::rules
