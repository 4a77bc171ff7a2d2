#include "runtime/rules/validity.h"

#include <algorithm>

namespace mskc::rules {

int StateMinimumDays(const Plan& plan, const WindowRequest& request) {
  if (!request.state) return 0;
  int minimum = 0;
  for (const StateOverride& o : plan.state_overrides) {
    if (o.state != *request.state) continue;
    if (o.setting && *o.setting != cases::ToString(request.setting)) continue;
    if (o.kind && *o.kind != request.kind) continue;
    minimum = std::max(minimum, o.min_days);
  }
  return minimum;
}

Window LineWindow(const Plan& plan, const BusinessCalendar& calendar,
                  const WindowRequest& request) {
  Window w{request.dos, request.dos};
  if (request.kind == FamilyKind::kPainManagement) {
    w.expires_on = calendar.WindowEnd(request.dos, kPainManagementBusinessDays);
  } else if (request.setting == cases::Setting::kInpatient) {
    w.expires_on = request.dos.AddDays(plan.GoalLosDays(std::string(request.guideline_id)));
  } else {
    w.expires_on = request.dos.AddDays(kOutpatientSurgeryDays - 1);
  }
  if (int minimum = StateMinimumDays(plan, request); minimum > 0)
    w.expires_on = std::max(w.expires_on, request.dos.AddDays(minimum - 1));
  return w;
}

}  // namespace mskc::rules
