// Calendar dates as a day count: parsed once at the edge, compared and shifted as integers.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mskc {

// A proleptic Gregorian calendar date, stored as days since 1970-01-01.
class Date {
 public:
  constexpr Date() = default;
  static constexpr Date FromDays(int32_t days) { Date d; d.days_ = days; return d; }
  // Returns nullopt for anything but a real `YYYY-MM-DD` date (2021-02-30 is rejected).
  static std::optional<Date> Parse(std::string_view text);
  static std::optional<Date> FromYmd(int year, int month, int day);

  constexpr int32_t days() const { return days_; }
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  int weekday() const;  // 0 = Sunday .. 6 = Saturday
  std::string ToString() const;  // YYYY-MM-DD

  Date AddDays(int32_t n) const { return FromDays(days_ + n); }
  // Calendar months; the day is clamped to the target month's length (Jan 31 + 1 month = Feb 28/29).
  Date AddMonths(int32_t n) const;
  Date AddYears(int32_t n) const { return AddMonths(12 * n); }

  friend constexpr auto operator<=>(Date, Date) = default;

 private:
  int32_t days_ = 0;
};

// Calendar days from `from` to `to` (positive when `to` is later).
inline int32_t DaysBetween(Date from, Date to) { return to.days() - from.days(); }

// Completed years on `on` for someone born on `birth`; a 29 February birthday falls on
// 1 March in non-leap years. Negative if `on` precedes `birth`.
int AgeInYears(Date birth, Date on);

bool IsLeapYear(int year);

}  // namespace mskc
