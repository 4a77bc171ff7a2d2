#include "runtime/core/date.h"

#include <gtest/gtest.h>

namespace mskc {
namespace {

Date D(const char* text) {
  auto d = Date::Parse(text);
  EXPECT_TRUE(d.has_value()) << text;
  return d.value_or(Date());
}

TEST(DateTest, ParsesRealDates) {
  EXPECT_EQ(D("1970-01-01").days(), 0);
  EXPECT_EQ(D("1970-01-02").days(), 1);
  EXPECT_EQ(D("1969-12-31").days(), -1);
  EXPECT_EQ(D("2000-01-01").days(), 10957);
  Date d = D("2021-12-31");
  EXPECT_EQ(d.year(), 2021);
  EXPECT_EQ(d.month(), 12);
  EXPECT_EQ(d.day(), 31);
}

TEST(DateTest, RejectsImpossibleDates) {
  EXPECT_FALSE(Date::Parse("2021-02-30"));
  EXPECT_FALSE(Date::Parse("2021-02-29"));  // 2021 is not a leap year
  EXPECT_FALSE(Date::Parse("1900-02-29"));  // century, not divisible by 400
  EXPECT_FALSE(Date::Parse("2021-04-31"));
  EXPECT_FALSE(Date::Parse("2021-13-01"));
  EXPECT_FALSE(Date::Parse("2021-00-10"));
  EXPECT_FALSE(Date::Parse("2021-01-00"));
  EXPECT_FALSE(Date::Parse("2021-01-32"));
  EXPECT_FALSE(Date::Parse("0000-01-01"));
}

TEST(DateTest, RejectsMalformedText) {
  EXPECT_FALSE(Date::Parse(""));
  EXPECT_FALSE(Date::Parse("2021-1-01"));
  EXPECT_FALSE(Date::Parse("2021-01-1"));
  EXPECT_FALSE(Date::Parse(" 2021-01-01"));
  EXPECT_FALSE(Date::Parse("2021-01-01 "));
  EXPECT_FALSE(Date::Parse("2021/01/01"));
  EXPECT_FALSE(Date::Parse("abcd-ef-gh"));
  EXPECT_FALSE(Date::Parse("+021-01-01"));
  EXPECT_FALSE(Date::Parse("2021-01-01T00:00:00"));
}

TEST(DateTest, LeapYears) {
  EXPECT_TRUE(IsLeapYear(2020));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_FALSE(IsLeapYear(2021));
  EXPECT_TRUE(Date::Parse("2020-02-29"));
  EXPECT_TRUE(Date::Parse("2000-02-29"));
  EXPECT_EQ(DaysBetween(D("2020-02-28"), D("2020-03-01")), 2);
  EXPECT_EQ(DaysBetween(D("2021-02-28"), D("2021-03-01")), 1);
}

TEST(DateTest, FromYmdValidates) {
  EXPECT_EQ(Date::FromYmd(2021, 12, 31), D("2021-12-31"));
  EXPECT_FALSE(Date::FromYmd(2021, 2, 29));
  EXPECT_FALSE(Date::FromYmd(2021, 0, 1));
  EXPECT_FALSE(Date::FromYmd(2021, 12, 32));
}

TEST(DateTest, ToStringRoundTrips) {
  for (const char* text : {"1970-01-01", "1969-12-31", "2000-02-29", "2021-12-31", "1899-03-01",
                           "9999-12-31", "0001-01-01"}) {
    EXPECT_EQ(D(text).ToString(), text);
  }
}

TEST(DateTest, Weekday) {
  EXPECT_EQ(D("1970-01-01").weekday(), 4);  // Thursday
  EXPECT_EQ(D("1969-12-28").weekday(), 0);  // Sunday, before the epoch
  EXPECT_EQ(D("2021-12-31").weekday(), 5);  // Friday
  EXPECT_EQ(D("2022-01-01").weekday(), 6);  // Saturday
  EXPECT_EQ(D("2022-01-03").weekday(), 1);  // Monday
}

TEST(DateTest, AddDaysAndDaysBetween) {
  EXPECT_EQ(D("2021-12-30").AddDays(3), D("2022-01-02"));
  EXPECT_EQ(D("2021-03-01").AddDays(-1), D("2021-02-28"));
  EXPECT_EQ(DaysBetween(D("2021-01-01"), D("2021-01-11")), 10);
  EXPECT_EQ(DaysBetween(D("2021-01-11"), D("2021-01-01")), -10);
}

TEST(DateTest, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(D("2021-01-31").AddMonths(1), D("2021-02-28"));
  EXPECT_EQ(D("2020-01-31").AddMonths(1), D("2020-02-29"));
  EXPECT_EQ(D("2021-03-31").AddMonths(-1), D("2021-02-28"));
  EXPECT_EQ(D("2021-03-31").AddMonths(1), D("2021-04-30"));
  EXPECT_EQ(D("2021-12-15").AddMonths(1), D("2022-01-15"));
  EXPECT_EQ(D("2021-01-15").AddMonths(-1), D("2020-12-15"));
  EXPECT_EQ(D("2021-01-15").AddMonths(-13), D("2019-12-15"));
  EXPECT_EQ(D("2021-06-30").AddMonths(0), D("2021-06-30"));
  EXPECT_EQ(D("2021-06-30").AddMonths(24), D("2023-06-30"));
}

TEST(DateTest, AddYearsFromLeapDay) {
  EXPECT_EQ(D("2020-02-29").AddYears(1), D("2021-02-28"));
  EXPECT_EQ(D("2020-02-29").AddYears(4), D("2024-02-29"));
  EXPECT_EQ(D("2020-02-29").AddYears(-1), D("2019-02-28"));
}

TEST(DateTest, AgeAroundBirthday) {
  Date birth = D("2000-06-15");
  EXPECT_EQ(AgeInYears(birth, D("2021-06-14")), 20);  // day before
  EXPECT_EQ(AgeInYears(birth, D("2021-06-15")), 21);  // the birthday
  EXPECT_EQ(AgeInYears(birth, D("2021-06-16")), 21);  // day after
  EXPECT_EQ(AgeInYears(birth, birth), 0);
  EXPECT_EQ(AgeInYears(birth, D("2001-06-14")), 0);
  EXPECT_EQ(AgeInYears(birth, D("2000-06-14")), -1);  // before birth
}

TEST(DateTest, AgeWithLeapDayBirthday) {
  Date birth = D("2000-02-29");
  // Non-leap years: the birthday falls on 1 March.
  EXPECT_EQ(AgeInYears(birth, D("2021-02-28")), 20);
  EXPECT_EQ(AgeInYears(birth, D("2021-03-01")), 21);
  // Leap years: the birthday is 29 February itself.
  EXPECT_EQ(AgeInYears(birth, D("2024-02-28")), 23);
  EXPECT_EQ(AgeInYears(birth, D("2024-02-29")), 24);
  EXPECT_EQ(AgeInYears(birth, D("2024-03-01")), 24);
}

TEST(DateTest, AgeWithFirstOfMarchBirthday) {
  Date birth = D("2003-03-01");
  EXPECT_EQ(AgeInYears(birth, D("2021-02-28")), 17);
  EXPECT_EQ(AgeInYears(birth, D("2021-03-01")), 18);
  EXPECT_EQ(AgeInYears(birth, D("2024-02-29")), 20);
}

TEST(DateTest, Ordering) {
  EXPECT_LT(D("2021-12-31"), D("2022-01-01"));
  EXPECT_EQ(D("2021-12-31"), Date::FromDays(D("2021-12-31").days()));
}

}  // namespace
}  // namespace mskc
