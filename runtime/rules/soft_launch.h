// P9 soft launch: inside a plan's window, for the family kinds it covers, unmet or unknown
// criteria still approve the line, with education notes.
#pragma once
#include "runtime/core/date.h"
#include "runtime/core/family_kind.h"
#include "runtime/core/plan.h"

namespace mskc::rules {

// Both ends of the window inclusive (an absent end is open); a plan without a window covers
// nothing.
bool SoftLaunchCovers(const Plan& plan, Date dos, FamilyKind kind);

}  // namespace mskc::rules
