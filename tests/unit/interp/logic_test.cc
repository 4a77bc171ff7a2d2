// Kleene logic: not / and / or truth tables, n-ary and/or, at-least-N, if-then-else.
#include <gtest/gtest.h>

#include "tests/unit/interp/test_program.h"

namespace mskc::interp::testing {
namespace {

using Op = ir::Op;
using VT = ir::ValueType;

class LogicTest : public ::testing::Test {
 protected:
  TestProgram t;
  uint32_t a = t.AddSlot("a", VT::kBool);
  uint32_t b = t.AddSlot("b", VT::kBool);
  uint32_t c = t.AddSlot("c", VT::kBool);
  const Tri kAll[3] = {kF, kT, kU};
};

TEST_F(LogicTest, NotTruthTable) {
  const ir::Node* e = t.Not(t.S(a));
  t.SetTri(a, kT); EXPECT_EQ(t.Eval(e), kF);
  t.SetTri(a, kF); EXPECT_EQ(t.Eval(e), kT);
  t.SetTri(a, kU); EXPECT_EQ(t.Eval(e), kU);
}

TEST_F(LogicTest, AndTruthTable) {
  // Rows: a = F, T, U; columns: b = F, T, U.
  const Tri expected[3][3] = {{kF, kF, kF}, {kF, kT, kU}, {kF, kU, kU}};
  const ir::Node* e = t.And({t.S(a), t.S(b)});
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) {
      t.SetTri(a, kAll[i]);
      t.SetTri(b, kAll[j]);
      EXPECT_EQ(t.Eval(e), expected[i][j]) << "row " << i << " col " << j;
      // Explain evaluates every operand but must agree.
      EXPECT_EQ(t.Explain(e).result, expected[i][j]) << "row " << i << " col " << j;
    }
  }
}

TEST_F(LogicTest, OrTruthTable) {
  const Tri expected[3][3] = {{kF, kT, kU}, {kT, kT, kT}, {kU, kT, kU}};
  const ir::Node* e = t.Or({t.S(a), t.S(b)});
  for (int i = 0; i < 3; ++i) {
    for (int j = 0; j < 3; ++j) {
      t.SetTri(a, kAll[i]);
      t.SetTri(b, kAll[j]);
      EXPECT_EQ(t.Eval(e), expected[i][j]) << "row " << i << " col " << j;
      EXPECT_EQ(t.Explain(e).result, expected[i][j]) << "row " << i << " col " << j;
    }
  }
}

TEST_F(LogicTest, NaryAndOrOrderDoesNotMatter) {
  const ir::Node* conj = t.And({t.S(a), t.S(b), t.S(c)});
  const ir::Node* disj = t.Or({t.S(a), t.S(b), t.S(c)});
  t.SetTri(a, kU); t.SetTri(b, kT); t.SetTri(c, kF);
  EXPECT_EQ(t.Eval(conj), kF);  // a false operand after an unknown still decides
  EXPECT_EQ(t.Eval(disj), kT);
  t.SetTri(a, kT); t.SetTri(b, kT); t.SetTri(c, kU);
  EXPECT_EQ(t.Eval(conj), kU);
  EXPECT_EQ(t.Eval(disj), kT);
  t.SetTri(a, kF); t.SetTri(b, kF); t.SetTri(c, kU);
  EXPECT_EQ(t.Eval(disj), kU);
  t.SetTri(c, kF);
  EXPECT_EQ(t.Eval(disj), kF);
  t.SetTri(a, kT); t.SetTri(b, kT); t.SetTri(c, kT);
  EXPECT_EQ(t.Eval(conj), kT);
}

TEST_F(LogicTest, EmptyAndIsTrueEmptyOrIsFalse) {
  EXPECT_EQ(t.Eval(t.And({})), kT);
  EXPECT_EQ(t.Eval(t.Or({})), kF);
}

TEST_F(LogicTest, AtLeastTwoOfThree) {
  const ir::Node* e = t.AtLeast(2, {t.S(a), t.S(b), t.S(c)});
  struct Row { Tri a, b, c, want; };
  const Row rows[] = {
      {kT, kT, kU, kT}, {kT, kU, kT, kT}, {kT, kT, kF, kT}, {kT, kU, kU, kU},
      {kT, kF, kU, kU}, {kT, kF, kF, kF}, {kF, kF, kU, kF}, {kU, kU, kU, kU},
      {kF, kF, kF, kF}, {kU, kF, kU, kU}, {kT, kT, kT, kT},
  };
  for (const Row& r : rows) {
    t.SetTri(a, r.a); t.SetTri(b, r.b); t.SetTri(c, r.c);
    EXPECT_EQ(t.Eval(e), r.want) << int(r.a) << int(r.b) << int(r.c);
    EXPECT_EQ(t.Explain(e).result, r.want) << int(r.a) << int(r.b) << int(r.c);
  }
}

TEST_F(LogicTest, AtLeastBounds) {
  t.SetTri(a, kU); t.SetTri(b, kF);
  EXPECT_EQ(t.Eval(t.AtLeast(0, {t.S(a), t.S(b)})), kT);  // nothing needed
  EXPECT_EQ(t.Eval(t.AtLeast(0, {})), kT);
  EXPECT_EQ(t.Eval(t.AtLeast(1, {})), kF);
  t.SetTri(a, kT); t.SetTri(b, kT);
  EXPECT_EQ(t.Eval(t.AtLeast(3, {t.S(a), t.S(b)})), kF);  // more than there are operands
  EXPECT_EQ(t.Eval(t.AtLeast(2, {t.S(a), t.S(b)})), kT);  // exactly N
  EXPECT_EQ(t.Eval(t.AtLeast(1, {t.S(a), t.S(b)})), kT);
}

TEST_F(LogicTest, IfSelectsBranchAndUnknownConditionIsUnknown) {
  const ir::Node* e = t.If(t.S(a), t.S(b), t.S(c));
  t.SetTri(b, kT); t.SetTri(c, kF);
  t.SetTri(a, kT); EXPECT_EQ(t.Eval(e), kT);
  t.SetTri(a, kF); EXPECT_EQ(t.Eval(e), kF);
  t.SetTri(a, kU); EXPECT_EQ(t.Eval(e), kU);
  // Both branches equal: still unknown (the condition is not known).
  t.SetTri(b, kT); t.SetTri(c, kT);
  EXPECT_EQ(t.Eval(e), kU);
  // The untaken branch may be unknown.
  t.SetTri(a, kT); t.SetTri(c, kU);
  EXPECT_EQ(t.Eval(e), kT);
}

TEST_F(LogicTest, IfOfNumbers) {
  const ir::Node* e = t.If(t.S(a), t.Num(3), t.Num(4));
  t.SetTri(a, kT); EXPECT_EQ(t.EvalEq(e, t.Num(3)), kT);
  t.SetTri(a, kF); EXPECT_EQ(t.EvalEq(e, t.Num(4)), kT);
  t.SetTri(a, kU); EXPECT_EQ(t.EvalEq(e, t.Num(4)), kU);
}

TEST_F(LogicTest, ConstantsAndNestedNot) {
  EXPECT_EQ(t.Eval(t.B(true)), kT);
  EXPECT_EQ(t.Eval(t.B(false)), kF);
  t.SetTri(a, kU);
  EXPECT_EQ(t.Eval(t.Not(t.Not(t.S(a)))), kU);
  // De Morgan holds in Kleene logic.
  t.SetTri(b, kF);
  EXPECT_EQ(t.Eval(t.Not(t.And({t.S(a), t.S(b)}))), t.Eval(t.Or({t.Not(t.S(a)), t.Not(t.S(b))})));
}

}  // namespace
}  // namespace mskc::interp::testing
