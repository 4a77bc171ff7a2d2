// P12 approval windows, both ends inclusive and starting on the (effective) date of service:
// pain management 10 business days whatever the setting; spine and joint 60 calendar days
// outpatient, DOS + the plan's goal length of stay inpatient; a state override sets a minimum.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "runtime/case/case.h"
#include "runtime/core/business_calendar.h"
#include "runtime/core/date.h"
#include "runtime/core/family_kind.h"
#include "runtime/core/plan.h"

namespace mskc::rules {

struct Window {
  Date valid_from;
  Date expires_on;
};

inline constexpr int kPainManagementBusinessDays = 10;
inline constexpr int kOutpatientSurgeryDays = 60;

struct WindowRequest {
  Date dos;
  FamilyKind kind = FamilyKind::kPainManagement;
  cases::Setting setting = cases::Setting::kOutpatient;
  std::string_view guideline_id;        // goal length of stay lookup (inpatient)
  std::optional<std::string> state;     // state-law overrides
};

// The largest state minimum (calendar days) that applies, or 0.
int StateMinimumDays(const Plan& plan, const WindowRequest& request);

// `calendar` is the plan's: federal holidays plus its closure dates.
Window LineWindow(const Plan& plan, const BusinessCalendar& calendar, const WindowRequest& request);

}  // namespace mskc::rules
