// Date arithmetic through the runtime helpers: calendar days, months, business days, ages.
#include <gtest/gtest.h>

#include "tests/unit/common/shared_fixtures.h"
#include "tests/unit/interp/test_program.h"

namespace mskc::interp::testing {
namespace {

using Op = ir::Op;
using VT = ir::ValueType;

class DatesTest : public ir::testing::DatesFixture<TestProgram> {};

TEST_F(DatesTest, AddDays) {
  EXPECT_EQ(Shift(Op::kDateAddDays, "2021-12-30", 3, "2022-01-02"), kT);
  EXPECT_EQ(Shift(Op::kDateAddDays, "2021-03-01", -1, "2021-02-28"), kT);
  EXPECT_EQ(Shift(Op::kDateAddDays, "2020-03-01", -1, "2020-02-29"), kT);
  EXPECT_EQ(Shift(Op::kDateAddDays, "2021-03-01", 0, "2021-03-01"), kT);
}

TEST_F(DatesTest, CountsTruncateTowardZero) {
  EXPECT_EQ(Shift(Op::kDateAddDays, "2021-12-30", 2.9, "2022-01-01"), kT);
  EXPECT_EQ(Shift(Op::kDateAddDays, "2021-12-30", -2.9, "2021-12-28"), kT);
  EXPECT_EQ(Shift(Op::kDateAddMonths, "2021-01-15", 1.9, "2021-02-15"), kT);
  EXPECT_EQ(Shift(Op::kDateAddMonths, "2021-01-15", -1.9, "2020-12-15"), kT);
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-03-05", 1.9, "2021-03-08"), kT);
  EXPECT_EQ(Shift(Op::kDateAddDays, "2021-03-05", 0.9, "2021-03-05"), kT);
}

TEST_F(DatesTest, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(Shift(Op::kDateAddMonths, "2021-01-31", 1, "2021-02-28"), kT);
  EXPECT_EQ(Shift(Op::kDateAddMonths, "2020-01-31", 1, "2020-02-29"), kT);
  EXPECT_EQ(Shift(Op::kDateAddMonths, "2021-03-31", -1, "2021-02-28"), kT);
  EXPECT_EQ(Shift(Op::kDateAddMonths, "2021-11-15", 2, "2022-01-15"), kT);
  EXPECT_EQ(Shift(Op::kDateAddMonths, "2021-05-31", 12, "2022-05-31"), kT);
}

TEST_F(DatesTest, BusinessDaysSkipWeekendsAndFederalHolidays) {
  // Friday → Monday across a weekend.
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-03-05", 1, "2021-03-08"), kT);
  // Saturday → Monday (the first business day after).
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-03-06", 1, "2021-03-08"), kT);
  // Fri 2021-07-02 + 1: Independence Day (Sunday) is observed Monday 07-05 → Tuesday.
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-07-02", 1, "2021-07-06"), kT);
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-07-01", 2, "2021-07-06"), kT);
  // Backwards over the same holiday weekend.
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-07-06", -1, "2021-07-02"), kT);
  // Zero moves nothing.
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-07-03", 0, "2021-07-03"), kT);
  // New Year's Day 2022 (Saturday) is observed Friday 2021-12-31.
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-12-30", 1, "2022-01-03"), kT);
}

TEST_F(DatesTest, BusinessDaysUseTheContextCalendar) {
  // A plan closure on Monday 2021-03-08 pushes Friday + 1 to Tuesday.
  t.calendar() = BusinessCalendar({Date::FromDays(D("2021-03-08"))});
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-03-05", 1, "2021-03-09"), kT);
}

TEST_F(DatesTest, DaysBetweenIsSecondMinusFirst) {
  EXPECT_EQ(t.EvalEq(t.DateOp(Op::kDaysBetween, t.DateC("2021-01-01"), t.DateC("2021-03-01")),
                     t.Num(59)),
            kT);
  EXPECT_EQ(t.EvalEq(t.DateOp(Op::kDaysBetween, t.DateC("2021-03-01"), t.DateC("2021-01-01")),
                     t.Num(-59)),
            kT);
  EXPECT_EQ(t.EvalEq(t.DateOp(Op::kDaysBetween, t.DateC("2020-02-28"), t.DateC("2020-03-01")),
                     t.Num(2)),
            kT);
}

TEST_F(DatesTest, AgeInCompletedYears) {
  EXPECT_EQ(Age("1990-05-10", "2008-05-09", 17), kT);  // day before the 18th birthday
  EXPECT_EQ(Age("1990-05-10", "2008-05-10", 18), kT);  // on it
  EXPECT_EQ(Age("1990-05-10", "2008-05-11", 18), kT);  // day after
  EXPECT_EQ(Age("2000-02-29", "2021-02-28", 20), kT);  // 29 Feb birthday: 1 Mar in 2021
  EXPECT_EQ(Age("2000-02-29", "2021-03-01", 21), kT);
  EXPECT_EQ(Age("2000-02-29", "2024-02-29", 24), kT);
}

TEST_F(DatesTest, UnknownOperandsGiveUnknown) {
  t.SetDate(dos, "2021-03-01");
  for (Op op : {Op::kDateAddDays, Op::kDateAddMonths, Op::kDateAddBusinessDays}) {
    EXPECT_EQ(t.EvalEq(t.DateOp(op, t.S(dos), t.S(n)), t.DateC("2021-03-01")), kU);
  }
  t.SetNumber(n, 1);
  t.SetUnknown(dos);
  for (Op op : {Op::kDateAddDays, Op::kDateAddMonths, Op::kDateAddBusinessDays}) {
    EXPECT_EQ(t.EvalEq(t.DateOp(op, t.S(dos), t.S(n)), t.DateC("2021-03-01")), kU);
  }
  EXPECT_EQ(t.EvalEq(t.DateOp(Op::kDaysBetween, t.S(dos), t.DateC("2021-03-01")), t.Num(0)), kU);
  EXPECT_EQ(t.EvalEq(t.DateOp(Op::kAgeYears, t.DateC("2000-01-01"), t.S(dos)), t.Num(0)), kU);
  // A date slot compared with a shifted date, known again.
  t.SetDate(dos, "2021-03-01");
  EXPECT_EQ(t.Eval(t.Cmp(Op::kLe, t.S(dos),
                         t.DateOp(Op::kDateAddDays, t.DateC("2021-02-28"), t.S(n)))),
            kT);
}

}  // namespace
}  // namespace mskc::interp::testing
