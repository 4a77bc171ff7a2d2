// P10 smoking: a recommendation for spine and joint surgery, never a reason to deny — except
// the revision rotator cuff criterion, whose unmet result carries SMOKING_CESSATION_REQUIRED
// (declared in the guideline: `unmet reason SMOKING_CESSATION_REQUIRED`).
#pragma once
#include <string_view>

#include "runtime/case/case.h"

namespace mskc::rules {

inline constexpr std::string_view kSmokingRecommendation =
    "Smoking cessation is recommended before spine or joint surgery, with a confirmatory blood or "
    "urine nicotine test; this recommendation does not affect the determination.";

// `smoker` given and true in the case's clinical facts.
bool IsSmoker(const cases::Case& c);

}  // namespace mskc::rules
