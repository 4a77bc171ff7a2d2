// Business days: Monday to Friday minus US federal holidays (5 U.S.C. 6103) on their observed
// dates, plus any extra closure dates a plan lists.
#pragma once
#include <set>
#include <vector>

#include "runtime/core/date.h"

namespace mskc {

class BusinessCalendar {
 public:
  BusinessCalendar() = default;
  explicit BusinessCalendar(std::vector<Date> extra_closures);

  // Federal holidays (observed dates) of `year`: New Year's Day, MLK Day, Washington's Birthday,
  // Memorial Day, Juneteenth (from 2021), Independence Day, Labor Day, Columbus Day,
  // Veterans Day, Thanksgiving, Christmas. Saturday → Friday before, Sunday → Monday after.
  static std::vector<Date> FederalHolidays(int year);

  bool IsHoliday(Date d) const;
  bool IsBusinessDay(Date d) const;
  // The n-th business day strictly after `d` (n ≥ 1); n ≤ 0 returns `d`.
  Date NthBusinessDayAfter(Date d, int n) const;
  // Shifts by n business days: positive → NthBusinessDayAfter, negative → backwards.
  Date AddBusinessDays(Date d, int n) const;
  // Last day of a window of `n` business days starting on `start`: `start` is day 1 when it is a
  // business day, else day 1 is the next business day (P12 pain-management windows).
  Date WindowEnd(Date start, int n) const;

 private:
  std::set<int32_t> extra_;
};

// The calendar with no plan-specific closures.
const BusinessCalendar& FederalCalendar();

}  // namespace mskc
