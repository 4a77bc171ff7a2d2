#include "runtime/core/business_calendar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace mskc {
namespace {

Date D(const char* text) {
  auto d = Date::Parse(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d.value_or(Date());
}

std::vector<std::string> Holidays(int year) {
  std::vector<std::string> out;
  for (Date d : BusinessCalendar::FederalHolidays(year)) out.push_back(d.ToString());
  return out;
}

TEST(BusinessCalendarTest, Holidays2020HaveNoJuneteenth) {
  EXPECT_EQ(Holidays(2020),
            (std::vector<std::string>{"2020-01-01", "2020-01-20", "2020-02-17", "2020-05-25",
                                      "2020-07-03",  // July 4 was a Saturday
                                      "2020-09-07", "2020-10-12", "2020-11-11", "2020-11-26",
                                      "2020-12-25"}));
  EXPECT_FALSE(FederalCalendar().IsHoliday(D("2020-06-19")));
  EXPECT_TRUE(FederalCalendar().IsBusinessDay(D("2020-06-19")));
}

TEST(BusinessCalendarTest, Holidays2021) {
  EXPECT_EQ(Holidays(2021),
            (std::vector<std::string>{"2021-01-01", "2021-01-18", "2021-02-15", "2021-05-31",
                                      "2021-06-18",  // Juneteenth on a Saturday → Friday
                                      "2021-07-05",  // July 4 on a Sunday → Monday
                                      "2021-09-06", "2021-10-11", "2021-11-11", "2021-11-25",
                                      "2021-12-24"}));  // Christmas on a Saturday → Friday
}

TEST(BusinessCalendarTest, Holidays2022IncludeNewYearObservedInDecember) {
  EXPECT_EQ(Holidays(2022), (std::vector<std::string>{
                                "2021-12-31",  // New Year's Day 2022 was a Saturday
                                "2022-01-17", "2022-02-21", "2022-05-30",
                                "2022-06-20",  // Juneteenth on a Sunday → Monday
                                "2022-07-04", "2022-09-05", "2022-10-10", "2022-11-11",
                                "2022-11-24", "2022-12-26"}));  // Christmas on a Sunday → Monday
}

TEST(BusinessCalendarTest, Holidays2023) {
  EXPECT_EQ(Holidays(2023),
            (std::vector<std::string>{"2023-01-02",  // New Year's Day on a Sunday → Monday
                                      "2023-01-16", "2023-02-20", "2023-05-29", "2023-06-19",
                                      "2023-07-04", "2023-09-04", "2023-10-09",
                                      "2023-11-10",  // Veterans Day on a Saturday → Friday
                                      "2023-11-23", "2023-12-25"}));
}

TEST(BusinessCalendarTest, ObservedDatesAreHolidaysAndActualWeekendDatesAreNot) {
  const BusinessCalendar& cal = FederalCalendar();
  EXPECT_TRUE(cal.IsHoliday(D("2021-12-31")));
  EXPECT_FALSE(cal.IsBusinessDay(D("2021-12-31")));
  EXPECT_TRUE(cal.IsHoliday(D("2021-06-18")));
  EXPECT_TRUE(cal.IsHoliday(D("2021-07-05")));
  EXPECT_FALSE(cal.IsHoliday(D("2021-07-06")));
  EXPECT_FALSE(cal.IsHoliday(D("2021-12-30")));
  EXPECT_FALSE(cal.IsHoliday(D("2021-12-27")));  // the Monday after Christmas 2021
  EXPECT_TRUE(cal.IsHoliday(D("2022-12-26")));
  EXPECT_FALSE(cal.IsHoliday(D("2022-12-23")));
}

TEST(BusinessCalendarTest, WeekendsAreNotBusinessDays) {
  const BusinessCalendar& cal = FederalCalendar();
  EXPECT_FALSE(cal.IsBusinessDay(D("2021-03-06")));  // Saturday
  EXPECT_FALSE(cal.IsBusinessDay(D("2021-03-07")));  // Sunday
  EXPECT_TRUE(cal.IsBusinessDay(D("2021-03-05")));   // Friday
  EXPECT_TRUE(cal.IsBusinessDay(D("2021-03-08")));   // Monday
}

TEST(BusinessCalendarTest, ExtraClosures) {
  BusinessCalendar cal({D("2021-03-10")});
  EXPECT_TRUE(cal.IsHoliday(D("2021-03-10")));
  EXPECT_FALSE(cal.IsBusinessDay(D("2021-03-10")));
  EXPECT_TRUE(FederalCalendar().IsBusinessDay(D("2021-03-10")));
  EXPECT_EQ(cal.NthBusinessDayAfter(D("2021-03-09"), 1), D("2021-03-11"));
  EXPECT_TRUE(cal.IsHoliday(D("2021-01-18")));  // federal ones still count
}

TEST(BusinessCalendarTest, RetroDeadlineSecondBusinessDayAfter) {
  const BusinessCalendar& cal = FederalCalendar();
  EXPECT_EQ(cal.NthBusinessDayAfter(D("2021-03-06"), 2), D("2021-03-09"));  // Sat → Tue
  EXPECT_EQ(cal.NthBusinessDayAfter(D("2021-03-01"), 2), D("2021-03-03"));  // Mon → Wed
  EXPECT_EQ(cal.NthBusinessDayAfter(D("2021-03-04"), 2), D("2021-03-08"));  // Thu → Mon
  // Saturday before MLK Day: Monday is a holiday → Wednesday.
  EXPECT_EQ(cal.NthBusinessDayAfter(D("2021-01-16"), 2), D("2021-01-20"));
  // Wednesday before Thanksgiving → Friday (1), Monday (2).
  EXPECT_EQ(cal.NthBusinessDayAfter(D("2021-11-24"), 2), D("2021-11-29"));
  // Across the New Year observed on Friday 2021-12-31.
  EXPECT_EQ(cal.NthBusinessDayAfter(D("2021-12-30"), 1), D("2022-01-03"));
  EXPECT_EQ(cal.NthBusinessDayAfter(D("2021-12-30"), 0), D("2021-12-30"));
  EXPECT_EQ(cal.NthBusinessDayAfter(D("2021-12-30"), -3), D("2021-12-30"));
}

TEST(BusinessCalendarTest, AddBusinessDaysBothWays) {
  const BusinessCalendar& cal = FederalCalendar();
  EXPECT_EQ(cal.AddBusinessDays(D("2021-01-15"), 1), D("2021-01-19"));
  EXPECT_EQ(cal.AddBusinessDays(D("2021-01-19"), -1), D("2021-01-15"));
  EXPECT_EQ(cal.AddBusinessDays(D("2022-01-03"), -1), D("2021-12-30"));
  EXPECT_EQ(cal.AddBusinessDays(D("2021-03-08"), -5), D("2021-03-01"));
  EXPECT_EQ(cal.AddBusinessDays(D("2021-03-08"), 0), D("2021-03-08"));
}

TEST(BusinessCalendarTest, WindowEndStartsOnABusinessDay) {
  const BusinessCalendar& cal = FederalCalendar();
  EXPECT_EQ(cal.WindowEnd(D("2021-03-01"), 10), D("2021-03-12"));  // Mon → Fri of next week
  EXPECT_EQ(cal.WindowEnd(D("2021-03-01"), 1), D("2021-03-01"));
  EXPECT_EQ(cal.WindowEnd(D("2021-03-05"), 2), D("2021-03-08"));  // Fri, Mon
}

TEST(BusinessCalendarTest, WindowEndFromAWeekendDay) {
  const BusinessCalendar& cal = FederalCalendar();
  // Saturday: day 1 is Monday 2021-03-08.
  EXPECT_EQ(cal.WindowEnd(D("2021-03-06"), 10), D("2021-03-19"));
  EXPECT_EQ(cal.WindowEnd(D("2021-03-07"), 10), D("2021-03-19"));
  EXPECT_EQ(cal.WindowEnd(D("2021-03-06"), 1), D("2021-03-08"));
}

TEST(BusinessCalendarTest, WindowEndFromAHoliday) {
  const BusinessCalendar& cal = FederalCalendar();
  // MLK Day 2021: day 1 is Tuesday the 19th; 4 days that week, 5 the next, Monday Feb 1.
  EXPECT_EQ(cal.WindowEnd(D("2021-01-18"), 10), D("2021-02-01"));
}

TEST(BusinessCalendarTest, WindowEndAcrossHolidays) {
  const BusinessCalendar& cal = FederalCalendar();
  // Thanksgiving week.
  EXPECT_EQ(cal.WindowEnd(D("2021-11-22"), 10), D("2021-12-06"));
  // Christmas (observed Fri 12-24) and New Year (observed Fri 12-31).
  EXPECT_EQ(cal.WindowEnd(D("2021-12-20"), 10), D("2022-01-04"));
  // Before Juneteenth 2020 (not a holiday) vs 2021 (observed Friday 06-18).
  EXPECT_EQ(cal.WindowEnd(D("2020-06-15"), 5), D("2020-06-19"));
  EXPECT_EQ(cal.WindowEnd(D("2021-06-14"), 5), D("2021-06-21"));
}

TEST(BusinessCalendarTest, HugeCountsTerminate) {
  const BusinessCalendar& cal = FederalCalendar();
  Date far = cal.AddBusinessDays(D("2021-01-01"), 2000000000);
  EXPECT_GT(far, D("5000-01-01"));
  Date back = cal.AddBusinessDays(D("2021-01-01"), -2000000000);
  EXPECT_LT(back, D("0001-01-01"));
}

}  // namespace
}  // namespace mskc
