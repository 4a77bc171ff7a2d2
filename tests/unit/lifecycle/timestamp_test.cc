// Timestamp: the `--at` and store text form (ISO 8601, UTC), parse boundaries, offsets, and
// dates of pre-1970 instants.
#include "runtime/lifecycle/timestamp.h"

#include <gtest/gtest.h>

#include "tests/unit/lifecycle/record_builder.h"

namespace mskc::lifecycle {
namespace {

using testing::D;

constexpr int64_t kMar1 = 18687LL * 86400;  // 2021-03-01T00:00:00Z

int64_t Secs(std::string_view text) {
  std::optional<Timestamp> t = Timestamp::Parse(text);
  EXPECT_TRUE(t.has_value()) << text;
  return t ? t->seconds() : INT64_MIN;
}

TEST(TimestampParse, DateAloneIsMidnightUtc) {
  ASSERT_EQ(D("2021-03-01").days(), 18687);
  EXPECT_EQ(Secs("2021-03-01"), kMar1);
  EXPECT_EQ(Secs("1970-01-01"), 0);
  EXPECT_EQ(Timestamp::Parse("2021-03-01")->ToString(), "2021-03-01T00:00:00Z");
}

TEST(TimestampParse, HoursAndMinutesWithoutZoneAreUtc) {
  EXPECT_EQ(Secs("2021-03-01T09:30"), kMar1 + 9 * 3600 + 30 * 60);
  EXPECT_EQ(Secs("2021-03-01T00:00"), kMar1);
  EXPECT_EQ(Secs("2021-03-01T23:59"), kMar1 + 86400 - 60);
}

TEST(TimestampParse, SecondsAndZ) {
  EXPECT_EQ(Secs("2021-03-01T09:30:15Z"), kMar1 + 9 * 3600 + 30 * 60 + 15);
  EXPECT_EQ(Secs("2021-03-01T09:30:15"), kMar1 + 9 * 3600 + 30 * 60 + 15);
  EXPECT_EQ(Secs("2021-03-01T09:30Z"), kMar1 + 9 * 3600 + 30 * 60);
  EXPECT_EQ(Secs("2021-03-01T23:59:59Z"), kMar1 + 86399);
}

TEST(TimestampParse, FractionsAreDroppedNotRounded) {
  EXPECT_EQ(Secs("2021-03-01T09:30:15.999Z"), kMar1 + 9 * 3600 + 30 * 60 + 15);
  EXPECT_EQ(Secs("2021-03-01T09:30:15.5"), kMar1 + 9 * 3600 + 30 * 60 + 15);
  EXPECT_EQ(Secs("2021-03-01T09:30:15,25Z"), kMar1 + 9 * 3600 + 30 * 60 + 15);
  EXPECT_FALSE(Timestamp::Parse("2021-03-01T09:30:15.Z"));  // a dot without digits
}

TEST(TimestampParse, OffsetsAreConvertedToUtc) {
  // 09:30 at +02:00 is 07:30 UTC; 09:30 at -05:00 is 14:30 UTC.
  EXPECT_EQ(Secs("2021-03-01T09:30:00+02:00"), kMar1 + 7 * 3600 + 30 * 60);
  EXPECT_EQ(Secs("2021-03-01T09:30-0500"), kMar1 + 14 * 3600 + 30 * 60);
  EXPECT_EQ(Secs("2021-03-01T09:30:00-05:00"), kMar1 + 14 * 3600 + 30 * 60);
  EXPECT_EQ(Secs("2021-03-01T09:30:00+0000"), kMar1 + 9 * 3600 + 30 * 60);
  EXPECT_EQ(Secs("2021-03-01T09:30:00+05:45"), kMar1 + 3 * 3600 + 45 * 60);
}

TEST(TimestampParse, OffsetsMoveTheUtcDate) {
  Timestamp early = *Timestamp::Parse("2021-03-01T01:00+02:00");
  EXPECT_EQ(early.ToString(), "2021-02-28T23:00:00Z");
  EXPECT_EQ(early.date(), D("2021-02-28"));
  Timestamp late = *Timestamp::Parse("2021-02-28T22:00-05:00");
  EXPECT_EQ(late.ToString(), "2021-03-01T03:00:00Z");
  EXPECT_EQ(late.date(), D("2021-03-01"));
}

TEST(TimestampParse, LowercaseTAndZAndSpaceSeparator) {
  int64_t expected = kMar1 + 9 * 3600 + 30 * 60 + 15;
  EXPECT_EQ(Secs("2021-03-01t09:30:15z"), expected);
  EXPECT_EQ(Secs("2021-03-01 09:30:15Z"), expected);
  EXPECT_EQ(Secs("2021-03-01 09:30:15"), expected);
}

TEST(TimestampParse, RejectsImpossibleDates) {
  EXPECT_FALSE(Timestamp::Parse("2021-02-30"));
  EXPECT_FALSE(Timestamp::Parse("2021-02-29T10:00Z"));  // 2021 is not a leap year
  EXPECT_TRUE(Timestamp::Parse("2020-02-29T10:00Z"));
  EXPECT_FALSE(Timestamp::Parse("2021-13-01"));
  EXPECT_FALSE(Timestamp::Parse("2021-04-31"));
}

TEST(TimestampParse, RejectsOutOfRangeTimes) {
  EXPECT_FALSE(Timestamp::Parse("2021-03-01T24:00"));
  EXPECT_FALSE(Timestamp::Parse("2021-03-01T24:00:00Z"));
  EXPECT_TRUE(Timestamp::Parse("2021-03-01T23:59:59Z"));
  EXPECT_FALSE(Timestamp::Parse("2021-03-01T09:60"));
  EXPECT_FALSE(Timestamp::Parse("2021-03-01T09:30:61Z"));
  EXPECT_FALSE(Timestamp::Parse("2021-03-01T09:30+24:00"));
  EXPECT_FALSE(Timestamp::Parse("2021-03-01T09:30+02:60"));
}

TEST(TimestampParse, RejectsGarbage) {
  for (std::string_view text :
       {"", "yesterday", "2021", "2021-03", "2021/03/01", "21-03-01", "2021-3-1", "2021-03-01T",
        "2021-03-01T9:30", "2021-03-01T09", "2021-03-01T09:3", "2021-03-01T0930", "T09:30",
        "2021-03-01X09:30", "2021-03-01T09:30:1", "2021-03-01T09:30+2", "2021-03-01T09:30+02:0"}) {
    EXPECT_FALSE(Timestamp::Parse(text)) << "accepted `" << text << "`";
  }
}

TEST(TimestampParse, RejectsTrailingText) {
  for (std::string_view text :
       {"2021-03-01 ", "2021-03-01x", "2021-03-01T09:30Zx", "2021-03-01T09:30:15ZZ",
        "2021-03-01T09:30:15 ", "2021-03-01T09:30+02:00x", "2021-03-01T09:30+02:000",
        "2021-03-01T09:30:15.5 UTC", "2021-03-01T09:30:15Z+02:00"}) {
    EXPECT_FALSE(Timestamp::Parse(text)) << "accepted `" << text << "`";
  }
}

TEST(TimestampToString, FixedWidthUtc) {
  EXPECT_EQ(Timestamp::FromSeconds(0).ToString(), "1970-01-01T00:00:00Z");
  EXPECT_EQ(Timestamp::FromSeconds(kMar1 + 9 * 3600 + 5 * 60 + 7).ToString(),
            "2021-03-01T09:05:07Z");
  EXPECT_EQ(Timestamp::FromSeconds(kMar1 - 1).ToString(), "2021-02-28T23:59:59Z");
}

TEST(TimestampToString, RoundTripsThroughParse) {
  for (int64_t s : {int64_t{0}, int64_t{1}, int64_t{-1}, int64_t{-86400}, int64_t{-86401},
                    kMar1, kMar1 + 86399, int64_t{951782400} /* 2000-02-29 */,
                    int64_t{-2208988800} /* 1900-01-01 */, int64_t{4102444799}}) {
    Timestamp t = Timestamp::FromSeconds(s);
    std::optional<Timestamp> back = Timestamp::Parse(t.ToString());
    ASSERT_TRUE(back.has_value()) << t.ToString();
    EXPECT_EQ(back->seconds(), s) << t.ToString();
  }
  EXPECT_EQ(Timestamp::Parse("1900-01-01T00:00:00Z")->seconds(), -2208988800);
}

TEST(TimestampDate, NegativeInstantsFloorToThePreviousDay) {
  EXPECT_EQ(Timestamp::FromSeconds(-1).date(), D("1969-12-31"));
  EXPECT_EQ(Timestamp::FromSeconds(-1).ToString(), "1969-12-31T23:59:59Z");
  EXPECT_EQ(Timestamp::FromSeconds(-86400).date(), D("1969-12-31"));
  EXPECT_EQ(Timestamp::FromSeconds(-86400).ToString(), "1969-12-31T00:00:00Z");
  EXPECT_EQ(Timestamp::FromSeconds(-86401).date(), D("1969-12-30"));
  EXPECT_EQ(Timestamp::FromSeconds(-86401).ToString(), "1969-12-30T23:59:59Z");
  EXPECT_EQ(Timestamp::Parse("1969-07-20T20:17:40Z")->date(), D("1969-07-20"));
  EXPECT_EQ(Timestamp::Parse("1969-07-20T20:17:40Z")->ToString(), "1969-07-20T20:17:40Z");
}

TEST(TimestampDate, PositiveInstantsAndDayEdges) {
  EXPECT_EQ(Timestamp::FromSeconds(0).date(), D("1970-01-01"));
  EXPECT_EQ(Timestamp::FromSeconds(86399).date(), D("1970-01-01"));
  EXPECT_EQ(Timestamp::FromSeconds(86400).date(), D("1970-01-02"));
  EXPECT_EQ(Timestamp::FromDate(D("2021-03-01")).seconds(), kMar1);
  EXPECT_EQ(Timestamp::FromDate(D("1969-12-31")).seconds(), -86400);
}

TEST(TimestampArithmetic, AddHoursAddDaysAndOrder) {
  Timestamp t = *Timestamp::Parse("2021-03-01T09:00:00Z");
  EXPECT_EQ(t.AddHours(72).ToString(), "2021-03-04T09:00:00Z");
  EXPECT_EQ(t.AddDays(14).ToString(), "2021-03-15T09:00:00Z");
  EXPECT_EQ(t.AddDays(-1).ToString(), "2021-02-28T09:00:00Z");
  EXPECT_LT(t, t.AddHours(1));
  EXPECT_EQ(t, Timestamp::FromSeconds(t.seconds()));
  // Text order is time order (fixed width).
  EXPECT_LT(t.ToString(), t.AddHours(1).ToString());
}

}  // namespace
}  // namespace mskc::lifecycle
