// P6 administrative denials: they need no clinical review and apply in a soft launch too.
#include "runtime/rules/case_level.h"

namespace mskc::rules {

determination::ReasonCodeSet AdministrativeDenials(const cases::Case& c) {
  using determination::ReasonCode;
  determination::ReasonCodeSet codes;
  if (!c.member.enrolled) codes.Add(ReasonCode::kMemberNotEnrolled);
  if (!c.member.benefit_covers_service) codes.Add(ReasonCode::kBenefitNotCovered);
  return codes;
}

}  // namespace mskc::rules
