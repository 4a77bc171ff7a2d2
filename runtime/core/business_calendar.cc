#include "runtime/core/business_calendar.h"

#include <algorithm>
#include <limits>

namespace mskc {
namespace {

// The n-th `weekday` (0 = Sunday) of a month; n = -1 is the last one.
Date NthWeekday(int year, int month, int weekday, int n) {
  if (n > 0) {
    Date first = *Date::FromYmd(year, month, 1);
    int shift = (weekday - first.weekday() + 7) % 7;
    return first.AddDays(shift + 7 * (n - 1));
  }
  Date last = Date::FromYmd(year, month, 1)->AddMonths(1).AddDays(-1);
  int shift = (last.weekday() - weekday + 7) % 7;
  return last.AddDays(-shift);
}

// 5 U.S.C. 6103(b): a Saturday holiday is observed the Friday before, a Sunday holiday the
// Monday after.
Date Observed(Date d) {
  if (d.weekday() == 6) return d.AddDays(-1);
  if (d.weekday() == 0) return d.AddDays(1);
  return d;
}

// Observed holidays of a span of years, sorted, computed once: business-day arithmetic asks
// about single days in tight loops.
constexpr int kTableFirstYear = 1900;
constexpr int kTableLastYear = 2300;

const std::vector<int32_t>& HolidayTable() {
  static const std::vector<int32_t> table = [] {
    std::vector<int32_t> days;
    for (int y = kTableFirstYear; y <= kTableLastYear; ++y) {
      for (Date d : BusinessCalendar::FederalHolidays(y)) days.push_back(d.days());
    }
    std::sort(days.begin(), days.end());
    return days;
  }();
  return table;
}

bool IsFederalHoliday(Date d) {
  // Inside the table's years (its first and last years may lack a neighbour's observed date,
  // so they are left to the rules).
  static const int32_t table_from = Date::FromYmd(kTableFirstYear + 1, 1, 1)->days();
  static const int32_t table_to = Date::FromYmd(kTableLastYear - 1, 12, 31)->days();
  if (d.days() >= table_from && d.days() <= table_to) {
    const auto& table = HolidayTable();
    return std::binary_search(table.begin(), table.end(), d.days());
  }
  // Far-away years: ask the rules directly (Dec 31 may observe the next New Year's Day).
  int year = d.year();
  if (year < -4999990 || year > 4999990) return false;
  // Loops walk day by day, so remember the last year asked about (per thread: no locking).
  thread_local int cached_year = 0;
  thread_local std::vector<Date> cached;
  if (cached.empty() || cached_year != year) {
    cached = BusinessCalendar::FederalHolidays(year);
    for (Date h : BusinessCalendar::FederalHolidays(year + 1)) cached.push_back(h);
    cached_year = year;
  }
  return std::find(cached.begin(), cached.end(), d) != cached.end();
}

// Bounds business-day loops: a malformed rule must not spin for billions of days.
constexpr int kMaxBusinessDays = 1000000;

}  // namespace

BusinessCalendar::BusinessCalendar(std::vector<Date> extra_closures) {
  for (Date d : extra_closures) extra_.insert(d.days());
}

std::vector<Date> BusinessCalendar::FederalHolidays(int year) {
  // The observed dates of `year`'s holidays; New Year's Day on a Saturday is observed on
  // 31 December of the year before, so that date appears in the next year's list.
  std::vector<Date> out;
  auto fixed = [&](int month, int day) {
    if (auto d = Date::FromYmd(year, month, day)) out.push_back(Observed(*d));
  };
  auto floating = [&](int month, int weekday, int n) {
    if (Date::FromYmd(year, month, 1)) out.push_back(NthWeekday(year, month, weekday, n));
  };
  fixed(1, 1);                     // New Year's Day
  floating(1, 1, 3);               // Birthday of Martin Luther King, Jr.: third Monday in January
  floating(2, 1, 3);               // Washington's Birthday: third Monday in February
  floating(5, 1, -1);              // Memorial Day: last Monday in May
  if (year >= 2021) fixed(6, 19);  // Juneteenth National Independence Day
  fixed(7, 4);                     // Independence Day
  floating(9, 1, 1);               // Labor Day: first Monday in September
  floating(10, 1, 2);              // Columbus Day: second Monday in October
  fixed(11, 11);                   // Veterans Day
  floating(11, 4, 4);              // Thanksgiving Day: fourth Thursday in November
  fixed(12, 25);                   // Christmas Day
  std::sort(out.begin(), out.end());
  return out;
}

bool BusinessCalendar::IsHoliday(Date d) const {
  return (!extra_.empty() && extra_.count(d.days()) > 0) || IsFederalHoliday(d);
}

bool BusinessCalendar::IsBusinessDay(Date d) const {
  int w = d.weekday();
  return w != 0 && w != 6 && !IsHoliday(d);
}

Date BusinessCalendar::NthBusinessDayAfter(Date d, int n) const {
  if (n <= 0) return d;
  n = std::min(n, kMaxBusinessDays);
  int32_t days = d.days();
  while (n > 0 && days < std::numeric_limits<int32_t>::max()) {
    ++days;
    if (IsBusinessDay(Date::FromDays(days))) --n;
  }
  return Date::FromDays(days);
}

Date BusinessCalendar::AddBusinessDays(Date d, int n) const {
  if (n >= 0) return NthBusinessDayAfter(d, n);
  int remaining = n < -kMaxBusinessDays ? kMaxBusinessDays : -n;
  int32_t days = d.days();
  while (remaining > 0 && days > std::numeric_limits<int32_t>::min()) {
    --days;
    if (IsBusinessDay(Date::FromDays(days))) --remaining;
  }
  return Date::FromDays(days);
}

Date BusinessCalendar::WindowEnd(Date start, int n) const {
  if (n <= 0) return start;
  Date first = IsBusinessDay(start) ? start : NthBusinessDayAfter(start, 1);
  return NthBusinessDayAfter(first, n - 1);
}

const BusinessCalendar& FederalCalendar() {
  static const BusinessCalendar calendar;
  return calendar;
}

}  // namespace mskc
