// Comparisons, arithmetic and membership, with unknown propagation.
#include <gtest/gtest.h>

#include "tests/unit/interp/test_program.h"

namespace mskc::interp::testing {
namespace {

using Op = ir::Op;
using VT = ir::ValueType;

class ScalarTest : public ::testing::Test {
 protected:
  TestProgram t;
  int32_t imaging = t.AddEnum("imaging_type", {"xray", "mri", "ct"});
  uint32_t x = t.AddSlot("x", VT::kNumber);
  uint32_t y = t.AddSlot("y", VT::kNumber);
  uint32_t flag = t.AddSlot("flag", VT::kBool);
  uint32_t img = t.AddSlot("imaging", VT::kEnum, imaging);
  uint32_t img_list = t.AddSlot("imaging_list", VT::kEnumList, imaging);
  uint32_t code = t.AddSlot("line.code", VT::kCode);
  uint32_t code2 = t.AddSlot("other.code", VT::kCode);
  uint32_t dx = t.AddSlot("diagnoses", VT::kCodeList);
  uint32_t day = t.AddSlot("day", VT::kDate);

  Tri Cmp(Op op, double l, double r) { return t.Eval(t.Cmp(op, t.Num(l), t.Num(r))); }
};

TEST_F(ScalarTest, NumberComparisonsAtTheBoundary) {
  EXPECT_EQ(Cmp(Op::kLt, 11.5, 12), kT);
  EXPECT_EQ(Cmp(Op::kLt, 12, 12), kF);
  EXPECT_EQ(Cmp(Op::kLe, 12, 12), kT);
  EXPECT_EQ(Cmp(Op::kLe, 12.5, 12), kF);
  EXPECT_EQ(Cmp(Op::kGe, 12, 12), kT);
  EXPECT_EQ(Cmp(Op::kGe, 11.999, 12), kF);
  EXPECT_EQ(Cmp(Op::kGt, 12, 12), kF);
  EXPECT_EQ(Cmp(Op::kGt, 12.001, 12), kT);
  EXPECT_EQ(Cmp(Op::kEq, 4, 4), kT);
  EXPECT_EQ(Cmp(Op::kEq, 4, 4.5), kF);
  EXPECT_EQ(Cmp(Op::kNe, 4, 4.5), kT);
  EXPECT_EQ(Cmp(Op::kNe, 4, 4), kF);
}

TEST_F(ScalarTest, ComparisonWithUnknownIsUnknown) {
  t.SetNumber(y, 4);
  for (Op op : {Op::kEq, Op::kNe, Op::kLt, Op::kLe, Op::kGt, Op::kGe}) {
    EXPECT_EQ(t.Eval(t.Cmp(op, t.S(x), t.S(y))), kU);
    EXPECT_EQ(t.Eval(t.Cmp(op, t.S(y), t.S(x))), kU);
    EXPECT_EQ(t.Eval(t.Cmp(op, t.S(x), t.S(x))), kU);  // even x == x
  }
  t.SetNumber(x, 4);
  EXPECT_EQ(t.Eval(t.Cmp(Op::kGe, t.S(x), t.S(y))), kT);
}

TEST_F(ScalarTest, DateEnumBoolAndCodeComparisons) {
  t.SetDate(day, "2021-03-01");
  EXPECT_EQ(t.Eval(t.Cmp(Op::kLt, t.S(day), t.DateC("2021-03-02"))), kT);
  EXPECT_EQ(t.Eval(t.Cmp(Op::kLt, t.S(day), t.DateC("2021-03-01"))), kF);
  EXPECT_EQ(t.Eval(t.Cmp(Op::kEq, t.S(day), t.DateC("2021-03-01"))), kT);
  EXPECT_EQ(t.Eval(t.Cmp(Op::kGt, t.S(day), t.DateC("2021-02-28"))), kT);

  t.SetEnum(img, 1);
  EXPECT_EQ(t.Eval(t.Cmp(Op::kEq, t.S(img), t.EnumC(imaging, 1))), kT);
  EXPECT_EQ(t.Eval(t.Cmp(Op::kEq, t.S(img), t.EnumC(imaging, 2))), kF);
  EXPECT_EQ(t.Eval(t.Cmp(Op::kNe, t.S(img), t.EnumC(imaging, 2))), kT);
  t.SetEnum(img, -1);  // a value outside the vocabulary equals no member
  EXPECT_EQ(t.Eval(t.Cmp(Op::kEq, t.S(img), t.EnumC(imaging, 0))), kF);

  t.SetBool(flag, true);
  EXPECT_EQ(t.Eval(t.Cmp(Op::kEq, t.S(flag), t.B(true))), kT);
  EXPECT_EQ(t.Eval(t.Cmp(Op::kNe, t.S(flag), t.B(true))), kF);
  t.SetUnknown(flag);
  EXPECT_EQ(t.Eval(t.Cmp(Op::kEq, t.S(flag), t.B(true))), kU);

  t.SetCode(code, "62323");
  t.SetCode(code2, "62323");
  EXPECT_EQ(t.Eval(t.Cmp(Op::kEq, t.S(code), t.S(code2))), kT);
  t.SetCode(code2, "62321");
  EXPECT_EQ(t.Eval(t.Cmp(Op::kEq, t.S(code), t.S(code2))), kF);
}

TEST_F(ScalarTest, Arithmetic) {
  EXPECT_EQ(t.EvalEq(t.Arith(Op::kAdd, t.Num(7), t.Num(5)), t.Num(12)), kT);
  EXPECT_EQ(t.EvalEq(t.Arith(Op::kSub, t.Num(7), t.Num(5)), t.Num(2)), kT);
  EXPECT_EQ(t.EvalEq(t.Arith(Op::kMul, t.Num(7), t.Num(5)), t.Num(35)), kT);
  EXPECT_EQ(t.EvalEq(t.Arith(Op::kDiv, t.Num(7), t.Num(2)), t.Num(3.5)), kT);
  EXPECT_EQ(t.EvalEq(t.Arith(Op::kNeg, t.Num(3)), t.Num(-3)), kT);
  EXPECT_EQ(t.EvalEq(t.Arith(Op::kAdd, t.Num(0.5), t.Num(11)), t.Num(11.5)), kT);
}

TEST_F(ScalarTest, DivisionByZeroIsUnknown) {
  EXPECT_EQ(t.EvalEq(t.Arith(Op::kDiv, t.Num(7), t.Num(0)), t.Num(0)), kU);
  EXPECT_EQ(t.EvalEq(t.Arith(Op::kDiv, t.Num(0), t.Num(0)), t.Num(0)), kU);
  EXPECT_EQ(t.Eval(t.Cmp(Op::kGe, t.Arith(Op::kDiv, t.Num(1), t.Num(0)), t.Num(0))), kU);
  // Zero numerator is fine.
  EXPECT_EQ(t.EvalEq(t.Arith(Op::kDiv, t.Num(0), t.Num(4)), t.Num(0)), kT);
}

TEST_F(ScalarTest, ArithmeticPropagatesUnknown) {
  t.SetNumber(y, 2);
  for (Op op : {Op::kAdd, Op::kSub, Op::kMul, Op::kDiv}) {
    EXPECT_EQ(t.EvalEq(t.Arith(op, t.S(x), t.S(y)), t.Num(0)), kU);
    EXPECT_EQ(t.EvalEq(t.Arith(op, t.S(y), t.S(x)), t.Num(0)), kU);
  }
  EXPECT_EQ(t.EvalEq(t.Arith(Op::kNeg, t.S(x)), t.Num(0)), kU);
}

TEST_F(ScalarTest, CodeSets) {
  CodeSet set;
  set.AddExact("62323");
  set.AddPrefix("M54.1");
  set.AddRange("64490", "64495");
  int64_t id = t.AddCodeSet(set);
  const ir::Node* e = t.InCodeSet(t.S(code), id);
  t.SetCode(code, "62323"); EXPECT_EQ(t.Eval(e), kT);
  t.SetCode(code, "62322"); EXPECT_EQ(t.Eval(e), kF);
  t.SetCode(code, "M54.16"); EXPECT_EQ(t.Eval(e), kT);
  t.SetCode(code, "M54.2"); EXPECT_EQ(t.Eval(e), kF);
  t.SetCode(code, "64490"); EXPECT_EQ(t.Eval(e), kT);
  t.SetCode(code, "64495"); EXPECT_EQ(t.Eval(e), kT);
  t.SetCode(code, "64496"); EXPECT_EQ(t.Eval(e), kF);
  t.SetUnknown(code); EXPECT_EQ(t.Eval(e), kU);
  // Without a code-set table in the context the program's own sets are used.
  t.SetCode(code, "64493");
  abi::EvalContext bare{nullptr, nullptr};
  EXPECT_EQ(EvaluateCondition(t.program(), *e, t.frame(), bare), kT);
}

TEST_F(ScalarTest, EnumSets) {
  const ir::Node* e = t.InEnumSet(Op::kInEnumSet, t.S(img), {1, 2});
  t.SetEnum(img, 1); EXPECT_EQ(t.Eval(e), kT);
  t.SetEnum(img, 2); EXPECT_EQ(t.Eval(e), kT);
  t.SetEnum(img, 0); EXPECT_EQ(t.Eval(e), kF);
  t.SetEnum(img, -1); EXPECT_EQ(t.Eval(e), kF);
  t.SetUnknown(img); EXPECT_EQ(t.Eval(e), kU);
  // Ordinal 63 is the last the mask holds.
  EXPECT_EQ(t.Eval(t.InEnumSet(Op::kInEnumSet, t.EnumC(imaging, 63), {63})), kT);
}

TEST_F(ScalarTest, ListHasAny) {
  const ir::Node* e = t.InEnumSet(Op::kListHasAny, t.S(img_list), {2});
  t.SetEnumList(img_list, {0, 2}); EXPECT_EQ(t.Eval(e), kT);
  t.SetEnumList(img_list, {0, 1}); EXPECT_EQ(t.Eval(e), kF);
  t.SetEnumList(img_list, {-1, 0}); EXPECT_EQ(t.Eval(e), kF);
  t.SetEnumList(img_list, {}); EXPECT_EQ(t.Eval(e), kF);
  t.SetUnknown(img_list); EXPECT_EQ(t.Eval(e), kU);
}

TEST_F(ScalarTest, ListSize) {
  t.SetEnumList(img_list, {0, 2, -1});
  EXPECT_EQ(t.EvalEq(t.ListSize(t.S(img_list)), t.Num(3)), kT);
  t.SetEnumList(img_list, {});
  EXPECT_EQ(t.EvalEq(t.ListSize(t.S(img_list)), t.Num(0)), kT);
  t.SetUnknown(img_list);
  EXPECT_EQ(t.EvalEq(t.ListSize(t.S(img_list)), t.Num(0)), kU);
  t.SetCodeList(dx, {"M54.16", "M51.26"});
  EXPECT_EQ(t.EvalEq(t.ListSize(t.S(dx)), t.Num(2)), kT);
}

TEST_F(ScalarTest, VarOutsideAQuantifierIsUnknown) {
  EXPECT_EQ(t.EvalEq(t.Var(VT::kNumber), t.Num(0)), kU);
}

}  // namespace
}  // namespace mskc::interp::testing
