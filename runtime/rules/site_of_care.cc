#include "runtime/rules/site_of_care.h"

#include <algorithm>

namespace mskc::rules {

bool IsQualifyingSiteOfCareReason(cases::SiteOfCareReason reason) {
  using R = cases::SiteOfCareReason;
  switch (reason) {
    case R::kAsaClass3OrHigher:
    case R::kBmiOver50:
    case R::kSevereCardiopulmonaryDisease:
    case R::kUncontrolledSleepApnea:
    case R::kBleedingDisorder:
    case R::kExpectedOvernightStay:
    case R::kAgeUnder18:
    case R::kNoNetworkAscInReach:
    case R::kAscLacksEquipment:
      return true;
    case R::kNoAscPrivileges:
      return false;
  }
  return false;
}

bool SiteOfCareReviewNeeded(const Plan& plan, const cases::Case& c, std::string_view code) {
  if (c.site_of_care != cases::SiteOfCare::kOutpatientHospital) return false;
  if (!plan.site_of_care_codes.Contains(code)) return false;
  return std::none_of(c.site_of_care_reasons.begin(), c.site_of_care_reasons.end(),
                      IsQualifyingSiteOfCareReason);
}

}  // namespace mskc::rules
