#include "runtime/core/date.h"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace mskc {
namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain), in 64-bit so that any
// int32 day count and any reasonable year round-trips without overflow.
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int64_t year;
  int month;
  int day;
};

Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = yoe + era * 400;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {y + (m <= 2 ? 1 : 0), m, d};
}

int DaysInMonth(int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

// Keeps shifted dates inside the representable range instead of wrapping.
Date Saturate(int64_t days) {
  constexpr int64_t kMin = std::numeric_limits<int32_t>::min();
  constexpr int64_t kMax = std::numeric_limits<int32_t>::max();
  return Date::FromDays(static_cast<int32_t>(std::clamp(days, kMin, kMax)));
}

}  // namespace

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::optional<Date> Date::FromYmd(int year, int month, int day) {
  // ±5 million years keeps every day count inside int32.
  if (year < -5000000 || year > 5000000) return std::nullopt;
  if (month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  return FromDays(static_cast<int32_t>(DaysFromCivil(year, month, day)));
}

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](size_t from, size_t count, int* out) {
    int v = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      v = v * 10 + (text[i] - '0');
    }
    *out = v;
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (!digits(0, 4, &y) || !digits(5, 2, &m) || !digits(8, 2, &d)) return std::nullopt;
  if (y == 0) return std::nullopt;  // there is no year 0000 on a real form
  return FromYmd(y, m, d);
}

int Date::year() const { return static_cast<int>(CivilFromDays(days_).year); }
int Date::month() const { return CivilFromDays(days_).month; }
int Date::day() const { return CivilFromDays(days_).day; }

int Date::weekday() const {
  // 1970-01-01 was a Thursday (4).
  int64_t w = (static_cast<int64_t>(days_) + 4) % 7;
  return static_cast<int>(w < 0 ? w + 7 : w);
}

std::string Date::ToString() const {
  Civil c = CivilFromDays(days_);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(c.year), c.month,
                c.day);
  return buf;
}

Date Date::AddMonths(int32_t n) const {
  Civil c = CivilFromDays(days_);
  int64_t months = c.year * 12 + (c.month - 1) + n;
  int64_t y = months >= 0 ? months / 12 : (months - 11) / 12;
  int m = static_cast<int>(months - y * 12) + 1;
  int d = std::min(c.day, DaysInMonth(y, m));
  return Saturate(DaysFromCivil(y, m, d));
}

int AgeInYears(Date birth, Date on) {
  Civil b = CivilFromDays(birth.days());
  Civil o = CivilFromDays(on.days());
  int64_t years = o.year - b.year;
  int bm = b.month, bd = b.day;
  // A 29 February birthday is reached on 1 March in a non-leap year.
  if (bm == 2 && bd == 29 && DaysInMonth(o.year, 2) == 28) {
    bm = 3;
    bd = 1;
  }
  if (o.month < bm || (o.month == bm && o.day < bd)) --years;
  return static_cast<int>(years);
}

}  // namespace mskc
