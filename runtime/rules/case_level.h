// The rules that decide a whole case before any line is reviewed (order of rules, steps 2–6):
// P4 who may order, P2 emergency, P5 retrospective window, P6 administrative denials.
#pragma once
#include "runtime/case/case.h"
#include "runtime/core/business_calendar.h"
#include "runtime/determination/reason_code.h"

namespace mskc::rules {

// P4: a servicing (rendering) provider may not order.
bool ServicingProviderOrdered(const cases::Case& c);

// P2: emergency presentations need no preauthorization.
bool EmergencyExempt(const cases::Case& c);

// P5: the last day a retrospective request may be submitted: the 2nd business day strictly after
// the service (a Saturday service → the Tuesday after, when no holiday intervenes).
Date RetroDeadline(const BusinessCalendar& calendar, Date performed_on);
// True for a retrospective case submitted after its deadline.
bool RetroWindowExceeded(const cases::Case& c, const BusinessCalendar& calendar);

// P6: MEMBER_NOT_ENROLLED and/or BENEFIT_NOT_COVERED (both when both apply); empty when neither.
determination::ReasonCodeSet AdministrativeDenials(const cases::Case& c);

}  // namespace mskc::rules
