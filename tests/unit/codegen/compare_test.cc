// Comparisons and arithmetic through the JIT: thresholds below / at / above, dates, enums,
// codes, unknown operands, division by zero.
#include <gtest/gtest.h>

#include <limits>

#include "tests/unit/codegen/jit_harness.h"

namespace mskc::codegen::testing {
namespace {

using Op = ir::Op;
using VT = ir::ValueType;

class JitCompareTest : public ::testing::Test {
 protected:
  JitHarness t;
  uint32_t flag = t.AddSlot("flag", VT::kBool);  // a 1-byte slot first: later slots are padded
  uint32_t x = t.AddSlot("pain_score", VT::kNumber);
  uint32_t y = t.AddSlot("y", VT::kNumber);
  uint32_t d = t.AddSlot("imaging_date", VT::kDate);
  int32_t imaging = t.AddEnum("imaging_type", {"xray", "mri", "ct"});
  uint32_t e = t.AddSlot("imaging_type", VT::kEnum, imaging);
};

TEST_F(JitCompareTest, NumberThresholdBoundaries) {
  t.Compile({t.Cmp(Op::kGe, t.S(x), t.Num(4)), t.Cmp(Op::kGt, t.S(x), t.Num(4)),
             t.Cmp(Op::kLe, t.S(x), t.Num(4)), t.Cmp(Op::kLt, t.S(x), t.Num(4)),
             t.Cmp(Op::kEq, t.S(x), t.Num(4)), t.Cmp(Op::kNe, t.S(x), t.Num(4))});
  t.SetNumber(x, 3.999);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kF, kT, kT, kF, kT}));
  t.SetNumber(x, 4);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kF, kT, kF, kT, kF}));
  t.SetNumber(x, 4.001);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kT, kF, kF, kF, kT}));
  t.SetUnknown(x);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kU, kU, kU, kU, kU, kU}));
}

TEST_F(JitCompareTest, DecimalWeeksCompareAsDecimals) {
  t.SetNumber(x, 11.5);
  EXPECT_EQ(t.Eval(t.Cmp(Op::kGe, t.S(x), t.Num(12))), kF);
  EXPECT_EQ(t.Eval(t.Cmp(Op::kLt, t.S(x), t.Num(12))), kT);
}

TEST_F(JitCompareTest, DatesDayBeforeOfAfter) {
  t.Compile({t.Cmp(Op::kLt, t.S(d), t.DateC("2021-03-01")),
             t.Cmp(Op::kEq, t.S(d), t.DateC("2021-03-01")),
             t.Cmp(Op::kGe, t.S(d), t.DateC("2021-03-01"))});
  t.SetDate(d, "2021-02-28");
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kF, kF}));
  t.SetDate(d, "2021-03-01");
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kT, kT}));
  t.SetDate(d, "2021-03-02");
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kF, kT}));
  t.SetDate(d, "1969-12-31");  // negative day counts compare signed
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kF, kF}));
}

TEST_F(JitCompareTest, EnumEquality) {
  const ir::Node* is_mri = t.Cmp(Op::kEq, t.S(e), t.EnumC(imaging, 1));
  const ir::Node* not_mri = t.Cmp(Op::kNe, t.S(e), t.EnumC(imaging, 1));
  t.Compile({is_mri, not_mri});
  t.SetEnum(e, 1);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kF}));
  t.SetEnum(e, 2);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kT}));
  t.SetEnum(e, -1);  // a value outside the enum is known and equal to no member
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kT}));
  t.SetUnknown(e);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kU, kU}));
}

TEST_F(JitCompareTest, CodeEquality) {
  uint32_t c1 = t.AddSlot("line.code", VT::kCode);
  uint32_t c2 = t.AddSlot("other.code", VT::kCode);
  t.Compile({t.Cmp(Op::kEq, t.S(c1), t.S(c2)), t.Cmp(Op::kNe, t.S(c1), t.S(c2))});
  t.SetCode(c1, "64483");
  t.SetCode(c2, "64483");
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kF}));
  t.SetCode(c2, "64484");
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kT}));
  t.SetCode(c2, "6448");  // a prefix is not equal
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kT}));
  t.SetCode(c1, "");
  t.SetCode(c2, "");
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kF}));
  t.SetUnknown(c2);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kU, kU}));
}

TEST_F(JitCompareTest, OrderingBeyondNumbersAndDates) {
  // Not produced by sema today, but defined as in the interpreter: enums by ordinal, bools
  // false < true, codes byte-wise with a proper prefix first.
  uint32_t c1 = t.AddSlot("line.code", VT::kCode);
  uint32_t c2 = t.AddSlot("other.code", VT::kCode);
  t.Compile({t.Cmp(Op::kLt, t.S(c1), t.S(c2)), t.Cmp(Op::kGe, t.S(c1), t.S(c2)),
             t.Cmp(Op::kGt, t.S(e), t.EnumC(imaging, 0)), t.Cmp(Op::kLt, t.S(flag), t.B(true))});
  t.SetEnum(e, 1);
  t.SetBool(flag, false);
  t.SetCode(c1, "6448");
  t.SetCode(c2, "64483");
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kF, kT, kT}));
  t.SetCode(c1, "64483");
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kT, kT, kT}));
  t.SetCode(c1, "M54");
  t.SetEnum(e, -1);
  t.SetBool(flag, true);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kT, kF, kF}));
  t.SetCode(c1, "\xC3");  // bytes compare unsigned
  t.SetCode(c2, "A");
  EXPECT_EQ(t.Run()[0], kF);
  t.SetUnknown(c1);
  EXPECT_EQ(t.Run()[1], kU);
}

TEST_F(JitCompareTest, Arithmetic) {
  t.SetNumber(x, 7);
  t.SetNumber(y, 2);
  EXPECT_EQ(t.EvalEq(t.Arith(Op::kAdd, t.S(x), t.S(y)), t.Num(9)), kT);
  EXPECT_EQ(t.EvalEq(t.Arith(Op::kSub, t.S(x), t.S(y)), t.Num(5)), kT);
  EXPECT_EQ(t.EvalEq(t.Arith(Op::kMul, t.S(x), t.S(y)), t.Num(14)), kT);
  EXPECT_EQ(t.EvalEq(t.Arith(Op::kDiv, t.S(x), t.S(y)), t.Num(3.5)), kT);
  EXPECT_EQ(t.EvalEq(t.Arith(Op::kNeg, t.S(x)), t.Num(-7)), kT);
  EXPECT_EQ(t.EvalEq(t.Arith(Op::kAdd, t.Num(0.1), t.Num(0.2)), t.Num(0.1 + 0.2)), kT);
}

TEST_F(JitCompareTest, UnknownPropagatesThroughArithmetic) {
  t.SetNumber(x, 7);
  t.SetUnknown(y);
  for (Op op : {Op::kAdd, Op::kSub, Op::kMul, Op::kDiv})
    EXPECT_EQ(t.Eval(t.Cmp(Op::kGe, t.Arith(op, t.S(x), t.S(y)), t.Num(0))), kU);
  t.SetUnknown(x);
  EXPECT_EQ(t.Eval(t.Cmp(Op::kLe, t.Arith(Op::kNeg, t.S(x)), t.Num(0))), kU);
}

TEST_F(JitCompareTest, DivisionByZeroIsUnknown) {
  t.SetNumber(x, 7);
  const ir::Node* ratio = t.Cmp(Op::kGe, t.Arith(Op::kDiv, t.S(x), t.S(y)), t.Num(0));
  t.Compile({ratio});
  t.SetNumber(y, 0.0);
  EXPECT_EQ(t.Run()[0], kU);
  t.SetNumber(y, -0.0);
  EXPECT_EQ(t.Run()[0], kU);
  t.SetNumber(y, std::numeric_limits<double>::denorm_min());
  EXPECT_EQ(t.Run()[0], kT);
  t.SetNumber(x, 0);  // 0 / 0 is unknown too, never NaN
  t.SetNumber(y, 0);
  EXPECT_EQ(t.Run()[0], kU);
}

TEST_F(JitCompareTest, BoolEqualityWithConstants) {
  t.Compile({t.Cmp(Op::kEq, t.S(flag), t.B(false)), t.Cmp(Op::kNe, t.S(flag), t.B(false))});
  t.SetBool(flag, false);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kF}));
  t.SetBool(flag, true);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kT}));
  t.SetUnknown(flag);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kU, kU}));
}

}  // namespace
}  // namespace mskc::codegen::testing
