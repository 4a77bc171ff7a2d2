// Date arithmetic (calendar days, months, business days, ages) and membership tests (code sets,
// enum sets, enum lists, list sizes) through the JIT and the runtime helpers.
#include <gtest/gtest.h>

#include "tests/unit/codegen/jit_harness.h"
#include "tests/unit/common/shared_fixtures.h"

namespace mskc::codegen::testing {
namespace {

using Op = ir::Op;
using VT = ir::ValueType;

class JitDatesTest : public ir::testing::DatesFixture<JitHarness> {};

TEST_F(JitDatesTest, AddDays) {
  EXPECT_EQ(Shift(Op::kDateAddDays, "2021-12-30", 3, "2022-01-02"), kT);
  EXPECT_EQ(Shift(Op::kDateAddDays, "2020-03-01", -1, "2020-02-29"), kT);
  EXPECT_EQ(Shift(Op::kDateAddDays, "2021-03-01", 0, "2021-03-01"), kT);
}

TEST_F(JitDatesTest, CountsTruncateTowardZero) {
  EXPECT_EQ(Shift(Op::kDateAddDays, "2021-12-30", 2.9, "2022-01-01"), kT);
  EXPECT_EQ(Shift(Op::kDateAddDays, "2021-12-30", -2.9, "2021-12-28"), kT);
  EXPECT_EQ(Shift(Op::kDateAddDays, "2021-03-05", 0.9, "2021-03-05"), kT);
  EXPECT_EQ(Shift(Op::kDateAddMonths, "2021-01-15", 1.9, "2021-02-15"), kT);
  EXPECT_EQ(Shift(Op::kDateAddMonths, "2021-01-15", -1.9, "2020-12-15"), kT);
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-03-05", 1.9, "2021-03-08"), kT);
}

TEST_F(JitDatesTest, AddMonthsClampsToMonthEnd) {
  EXPECT_EQ(Shift(Op::kDateAddMonths, "2021-01-31", 1, "2021-02-28"), kT);
  EXPECT_EQ(Shift(Op::kDateAddMonths, "2020-01-31", 1, "2020-02-29"), kT);
  EXPECT_EQ(Shift(Op::kDateAddMonths, "2021-03-31", -1, "2021-02-28"), kT);
  EXPECT_EQ(Shift(Op::kDateAddMonths, "2021-11-15", 2, "2022-01-15"), kT);
}

TEST_F(JitDatesTest, BusinessDaysAcrossWeekendAndFederalHoliday) {
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-03-04", 1, "2021-03-05"), kT);  // Thu → Fri
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-03-05", 1, "2021-03-08"), kT);  // Fri → Mon
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-03-06", 1, "2021-03-08"), kT);  // Sat → Mon
  // Independence Day 2021 (Sunday) is observed Monday 07-05: Fri 07-02 + 1 → Tue 07-06.
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-07-02", 1, "2021-07-06"), kT);
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-07-06", -1, "2021-07-02"), kT);
  // Thanksgiving 2021-11-25: Wed + 1 → Fri.
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-11-24", 1, "2021-11-26"), kT);
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-07-03", 0, "2021-07-03"), kT);
}

TEST_F(JitDatesTest, BusinessDaysUseTheContextCalendar) {
  t.calendar() = BusinessCalendar({Date::FromDays(D("2021-03-08"))});  // a plan closure
  EXPECT_EQ(Shift(Op::kDateAddBusinessDays, "2021-03-05", 1, "2021-03-09"), kT);
}

TEST_F(JitDatesTest, UnknownOperandsSkipTheHelpers) {
  // An absent count must not reach the helper (a garbage count could loop for years).
  t.SetUnknown(n);
  t.SetDate(dos, "2021-03-05");
  for (Op op : {Op::kDateAddDays, Op::kDateAddMonths, Op::kDateAddBusinessDays})
    EXPECT_EQ(t.Eval(t.Cmp(Op::kGe, t.DateOp(op, t.S(dos), t.S(n)), t.S(dos))), kU);
  t.SetNumber(n, 1);
  t.SetUnknown(dos);
  for (Op op : {Op::kDateAddDays, Op::kDateAddMonths, Op::kDateAddBusinessDays})
    EXPECT_EQ(t.Eval(t.Cmp(Op::kGe, t.DateOp(op, t.S(dos), t.S(n)), t.DateC("2000-01-01"))), kU);
  EXPECT_EQ(t.Eval(t.Cmp(Op::kGe, t.DateOp(Op::kAgeYears, t.S(dos), t.DateC("2021-01-01")),
                         t.Num(0))),
            kU);
  EXPECT_EQ(t.Eval(t.Cmp(Op::kGe, t.DateOp(Op::kDaysBetween, t.DateC("2021-01-01"), t.S(dos)),
                         t.Num(0))),
            kU);
}

TEST_F(JitDatesTest, DaysBetweenIsSecondMinusFirst) {
  EXPECT_EQ(t.EvalEq(t.DateOp(Op::kDaysBetween, t.DateC("2021-01-01"), t.DateC("2021-03-01")),
                     t.Num(59)),
            kT);
  EXPECT_EQ(t.EvalEq(t.DateOp(Op::kDaysBetween, t.DateC("2021-03-01"), t.DateC("2021-01-01")),
                     t.Num(-59)),
            kT);
}

TEST_F(JitDatesTest, AgeInCompletedYears) {
  EXPECT_EQ(Age("2003-03-01", "2021-02-28", 17), kT);  // day before the 18th birthday
  EXPECT_EQ(Age("2003-03-01", "2021-03-01", 18), kT);  // the birthday
  EXPECT_EQ(Age("2003-03-01", "2021-03-02", 18), kT);  // day after
  // 29 February birthdays fall on 1 March in non-leap years.
  EXPECT_EQ(Age("2000-02-29", "2018-02-28", 17), kT);
  EXPECT_EQ(Age("2000-02-29", "2018-03-01", 18), kT);
  EXPECT_EQ(Age("2000-02-29", "2020-02-29", 20), kT);
}

class JitSetsTest : public ::testing::Test {
 protected:
  JitHarness t;
  uint32_t code = t.AddSlot("line.code", VT::kCode);
  int32_t soc = t.AddEnum("site_of_care", {"office", "asc", "hopd", "inpatient"});
  uint32_t site = t.AddSlot("site_of_care", VT::kEnum, soc);
  uint32_t reasons = t.AddSlot("site_of_care_reasons", VT::kEnumList, soc);
  uint32_t dx = t.AddSlot("diagnoses", VT::kCodeList);
  uint32_t history = t.AddSlot("history", VT::kHistoryList);
};

TEST_F(JitSetsTest, CodeSetPrefixRangeAndExact) {
  CodeSet s;
  s.AddPrefix("M54.1");
  s.AddRange("64490", "64495");
  s.AddExact("27096");
  int64_t id = t.AddCodeSet(s);
  t.Compile({t.InCodeSet(t.S(code), id)});
  auto in = [&](const char* c) {
    t.SetCode(code, c);
    return t.Run()[0];
  };
  EXPECT_EQ(in("M54.16"), kT);
  EXPECT_EQ(in("M54.50"), kF);
  EXPECT_EQ(in("64489"), kF);
  EXPECT_EQ(in("64490"), kT);
  EXPECT_EQ(in("64493"), kT);
  EXPECT_EQ(in("64495"), kT);
  EXPECT_EQ(in("64496"), kF);
  EXPECT_EQ(in("27096"), kT);
  EXPECT_EQ(in("27097"), kF);
  t.SetUnknown(code);
  EXPECT_EQ(t.Run()[0], kU);
}

TEST_F(JitSetsTest, CodeSetIdSelectsTheTableEntry) {
  CodeSet a, b;
  a.AddExact("11111");
  b.AddExact("22222");
  int64_t ia = t.AddCodeSet(a);
  int64_t ib = t.AddCodeSet(b);
  t.SetCode(code, "22222");
  t.Compile({t.InCodeSet(t.S(code), ia), t.InCodeSet(t.S(code), ib)});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kT}));
  // Without a table in the context the program's own sets are used, as in the interpreter.
  uint8_t out[2] = {9, 9};
  abi::EvalContext bare{nullptr, nullptr};
  t.jit().Evaluator(0, 0).Evaluate(t.frame(), out, bare);
  EXPECT_EQ(out[0], 0);
  EXPECT_EQ(out[1], 1);
}

TEST_F(JitSetsTest, EnumSetBitTests) {
  t.Compile({t.InEnumSet(Op::kInEnumSet, t.S(site), {1, 2}),
             t.InEnumSet(Op::kInEnumSet, t.S(site), {0, 63})});
  t.SetEnum(site, 0);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kT}));
  t.SetEnum(site, 1);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kF}));
  t.SetEnum(site, 63);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kT}));
  t.SetEnum(site, 64);  // beyond the mask
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kF}));
  t.SetEnum(site, -1);  // not a member of the enum
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kF}));
  t.SetUnknown(site);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kU, kU}));
}

TEST_F(JitSetsTest, ListHasAny) {
  t.Compile({t.InEnumSet(Op::kListHasAny, t.S(reasons), {2, 3})});
  t.SetEnumList(reasons, {});
  EXPECT_EQ(t.Run()[0], kF);
  t.SetEnumList(reasons, {0, 1, -1});
  EXPECT_EQ(t.Run()[0], kF);
  t.SetEnumList(reasons, {0, 3});
  EXPECT_EQ(t.Run()[0], kT);
  t.SetEnumList(reasons, {2});
  EXPECT_EQ(t.Run()[0], kT);
  t.SetUnknown(reasons);
  EXPECT_EQ(t.Run()[0], kU);
}

TEST_F(JitSetsTest, ListSize) {
  t.Compile({t.Cmp(Op::kEq, t.ListSize(t.S(reasons)), t.Num(3)),
             t.Cmp(Op::kEq, t.ListSize(t.S(dx)), t.Num(0)),
             t.Cmp(Op::kGe, t.ListSize(t.S(history)), t.Num(2))});
  t.SetEnumList(reasons, {0, 1, 2});
  t.SetCodeList(dx, {});
  t.SetHistory(history, {H("2021-01-01"), H("2021-02-01")});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kT, kT}));
  t.SetHistory(history, {H("2021-01-01")});
  t.SetUnknown(dx);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kU, kF}));
}

}  // namespace
}  // namespace mskc::codegen::testing
