// Reason codes are core types (guidelines name them too); the determination layer uses them as is.
#pragma once
#include "runtime/core/reason_code.h"

namespace mskc::determination {
using mskc::kReasonCodeCount;
using mskc::ParseReasonCode;
using mskc::ReasonCode;
using mskc::ReasonCodeName;
using mskc::ReasonCodeSet;
}  // namespace mskc::determination
