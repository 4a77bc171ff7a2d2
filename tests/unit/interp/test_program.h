// The interpreter suite's builder: the shared IrTestBuilder (frame laid out in fixed 24-byte
// slots) plus evaluation and explanation through the reference interpreter.
#pragma once
#include "compiler/interp/interpreter.h"
#include "tests/unit/common/ir_test_builder.h"

namespace mskc::interp::testing {

using ir::testing::D;
using ir::testing::H;
using ir::testing::Hist;
using ir::testing::kF;
using ir::testing::kT;
using ir::testing::kU;

class TestProgram : public ir::testing::IrTestBuilder {
 public:
  TestProgram() : IrTestBuilder(ir::testing::SlotLayout::kFixedStride) {}

  Tri Eval(const ir::Node* n) { return EvaluateCondition(program(), *n, frame(), Ctx()); }
  // Evaluates a non-boolean node by comparing it: the tests read numbers and dates this way.
  Tri EvalEq(const ir::Node* n, const ir::Node* expected) {
    return Eval(Cmp(Op::kEq, n, expected));
  }
  Explanation Explain(const ir::Node* n) {
    ir::Criterion c;
    c.id = "c";
    c.expr = n;
    return interp::Explain(program(), c, frame(), Ctx());
  }
};

}  // namespace mskc::interp::testing
