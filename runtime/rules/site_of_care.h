// P11 site of care: a hospital outpatient site for a procedure on the plan's site-of-care list
// needs a qualifying reason (guideline-criteria.md, site_of_care). Not a clinical criterion.
#pragma once
#include <string_view>

#include "runtime/case/case.h"
#include "runtime/core/plan.h"

namespace mskc::rules {

// Medical and access reasons pass the check; `no_asc_privileges` never does.
bool IsQualifyingSiteOfCareReason(cases::SiteOfCareReason reason);

// True when the line needs a physician's site-of-care review: `outpatient_hospital`, the code on
// the plan's list and no qualifying reason given (absent or empty reasons fail; never unknown).
bool SiteOfCareReviewNeeded(const Plan& plan, const cases::Case& c, std::string_view code);

}  // namespace mskc::rules
