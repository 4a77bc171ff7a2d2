// P4 ordering provider and P5 retrospective requests.
#include "runtime/rules/case_level.h"

namespace mskc::rules {

bool ServicingProviderOrdered(const cases::Case& c) {
  return c.ordering_provider.role == cases::ProviderRole::kServicing;
}

Date RetroDeadline(const BusinessCalendar& calendar, Date performed_on) {
  return calendar.NthBusinessDayAfter(performed_on, 2);
}

bool RetroWindowExceeded(const cases::Case& c, const BusinessCalendar& calendar) {
  if (!c.IsRetrospective()) return false;
  return c.submitted_on > RetroDeadline(calendar, c.RetroPerformedOn());
}

}  // namespace mskc::rules
