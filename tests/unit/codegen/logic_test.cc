// Kleene logic through the JIT: full truth tables of not / and / or (binary and n-ary) against
// runtime/core/tri.h, at-least-N at every count, and if-then-else with an unknown condition.
#include <gtest/gtest.h>

#include "tests/unit/codegen/jit_harness.h"

namespace mskc::codegen::testing {
namespace {

using Op = ir::Op;
using VT = ir::ValueType;

constexpr Tri kAll[] = {kF, kT, kU};

class JitLogicTest : public ::testing::Test {
 protected:
  JitHarness t;
  uint32_t a = t.AddSlot("a", VT::kBool);
  uint32_t b = t.AddSlot("b", VT::kBool);
  uint32_t c = t.AddSlot("c", VT::kBool);
};

TEST_F(JitLogicTest, BinaryTruthTables) {
  t.Compile({t.And({t.S(a), t.S(b)}), t.Or({t.S(a), t.S(b)}), t.Not(t.S(a)),
             t.Cmp(Op::kEq, t.S(a), t.S(b)), t.Cmp(Op::kNe, t.S(a), t.S(b))});
  for (Tri x : kAll) {
    for (Tri y : kAll) {
      t.SetTri(a, x);
      t.SetTri(b, y);
      std::vector<Tri> r = t.Run();
      SCOPED_TRACE(::testing::Message() << "a=" << CriterionResultName(x)
                                      << " b=" << CriterionResultName(y));
      EXPECT_EQ(r[0], And(x, y));
      EXPECT_EQ(r[1], Or(x, y));
      EXPECT_EQ(r[2], Not(x));
      const bool known = x != kU && y != kU;
      EXPECT_EQ(r[3], known ? TriOf(x == y) : kU);
      EXPECT_EQ(r[4], known ? TriOf(x != y) : kU);
    }
  }
}

TEST_F(JitLogicTest, TernaryAndOrAtLeast) {
  t.Compile({t.And({t.S(a), t.S(b), t.S(c)}), t.Or({t.S(a), t.S(b), t.S(c)}),
             t.AtLeast(2, {t.S(a), t.S(b), t.S(c)}), t.AtLeast(1, {t.S(a), t.S(b), t.S(c)}),
             t.AtLeast(3, {t.S(a), t.S(b), t.S(c)})});
  for (Tri x : kAll) {
    for (Tri y : kAll) {
      for (Tri z : kAll) {
        t.SetTri(a, x);
        t.SetTri(b, y);
        t.SetTri(c, z);
        std::vector<Tri> r = t.Run();
        int trues = (x == kT) + (y == kT) + (z == kT);
        int unknowns = (x == kU) + (y == kU) + (z == kU);
        auto at_least = [&](int n) {
          return trues >= n ? kT : (trues + unknowns < n ? kF : kU);
        };
        SCOPED_TRACE(::testing::Message() << CriterionResultName(x) << " " << CriterionResultName(y)
                                        << " " << CriterionResultName(z));
        EXPECT_EQ(r[0], And(And(x, y), z));
        EXPECT_EQ(r[1], Or(Or(x, y), z));
        EXPECT_EQ(r[2], at_least(2));
        EXPECT_EQ(r[3], at_least(1));
        EXPECT_EQ(r[4], at_least(3));
      }
    }
  }
}

TEST_F(JitLogicTest, DecidingOperandWinsOverUnknownInAnyPosition) {
  t.SetUnknown(a);
  t.SetBool(b, false);
  EXPECT_EQ(t.Eval(t.And({t.S(a), t.S(b)})), kF);
  EXPECT_EQ(t.Eval(t.And({t.S(b), t.S(a)})), kF);
  t.SetBool(b, true);
  EXPECT_EQ(t.Eval(t.Or({t.S(a), t.S(b)})), kT);
  EXPECT_EQ(t.Eval(t.Or({t.S(b), t.S(a)})), kT);
  EXPECT_EQ(t.Eval(t.And({t.S(a), t.S(b)})), kU);
  EXPECT_EQ(t.Eval(t.Or({t.S(a), t.B(false)})), kU);
}

TEST_F(JitLogicTest, EmptyAndOr) {
  EXPECT_EQ(t.Eval(t.And({})), kT);
  EXPECT_EQ(t.Eval(t.Or({})), kF);
}

TEST_F(JitLogicTest, AtLeastEdgeCounts) {
  t.SetUnknown(a);
  t.SetUnknown(b);
  // N = 0 is always met; N above the operand count can never be.
  EXPECT_EQ(t.Eval(t.AtLeast(0, {t.S(a), t.S(b)})), kT);
  EXPECT_EQ(t.Eval(t.AtLeast(3, {t.S(a), t.S(b)})), kF);
  EXPECT_EQ(t.Eval(t.AtLeast(2, {t.S(a), t.S(b)})), kU);
  t.SetBool(a, true);
  t.SetBool(b, true);
  EXPECT_EQ(t.Eval(t.AtLeast(2, {t.S(a), t.S(b)})), kT);  // exactly N
  EXPECT_EQ(t.Eval(t.AtLeast(int64_t{1} << 40, {t.S(a), t.S(b)})), kF);
}

TEST_F(JitLogicTest, IfWithUnknownCondition) {
  uint32_t x = t.AddSlot("x", VT::kNumber);
  t.SetNumber(x, 5);
  const ir::Node* pick = t.If(t.S(a), t.S(x), t.Num(7));
  t.Compile({t.Cmp(Op::kEq, pick, t.Num(5)), t.Cmp(Op::kEq, pick, t.Num(7)),
             t.If(t.S(a), t.S(b), t.B(true))});
  t.SetBool(b, false);
  t.SetBool(a, true);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kF, kF}));
  t.SetBool(a, false);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kT, kT}));
  t.SetUnknown(a);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kU, kU, kU}));
  // The chosen branch may itself be unknown.
  t.SetBool(a, true);
  t.SetUnknown(x);
  t.SetUnknown(b);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kU, kU, kU}));
}

TEST_F(JitLogicTest, IfOverDatesAndCodes) {
  uint32_t d = t.AddSlot("d", VT::kDate);
  uint32_t code = t.AddSlot("line.code", VT::kCode);
  uint32_t other = t.AddSlot("other", VT::kCode);
  t.SetDate(d, "2021-03-01");
  t.SetCode(code, "64483");
  t.SetCode(other, "20610");
  const ir::Node* date = t.If(t.S(a), t.S(d), t.DateC("2020-01-01"));
  const ir::Node* which = t.If(t.S(a), t.S(code), t.S(other));
  t.Compile({t.Cmp(Op::kEq, date, t.DateC("2021-03-01")), t.Cmp(Op::kEq, which, t.S(code))});
  t.SetBool(a, true);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kT}));
  t.SetBool(a, false);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kF}));
}

}  // namespace
}  // namespace mskc::codegen::testing
