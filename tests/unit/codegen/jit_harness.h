// The JIT suite's builder: the shared IrTestBuilder (slots packed at their natural alignment)
// plus compilation of criteria and evaluation through the JIT.
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "compiler/codegen/jit.h"
#include "tests/unit/common/ir_test_builder.h"

namespace mskc::codegen::testing {

using ir::testing::D;
using ir::testing::H;
using ir::testing::Hist;
using ir::testing::kF;
using ir::testing::kT;
using ir::testing::kU;

class JitHarness : public ir::testing::IrTestBuilder {
 public:
  // Compiles `criteria` as the only version of the only guideline; fails the test on error.
  void Compile(const Nodes& criteria, JitOptions options = {}) {
    SetCriteria(criteria);
    std::string error;
    count_ = criteria.size();
    jit_ = JitProgram::Create(program(), options, &error);
    ASSERT_NE(jit_, nullptr) << error;
  }
  // Evaluates the compiled criteria over the current frame.
  std::vector<Tri> Run() {
    if (jit_ == nullptr) {
      ADD_FAILURE() << "nothing compiled";
      return std::vector<Tri>(count_, Tri::kUnknown);
    }
    std::vector<uint8_t> out(count_ + 1, 0xEE);
    jit_->Evaluator(0, 0).Evaluate(frame(), out.data(), Ctx());
    EXPECT_EQ(out[count_], 0xEE) << "wrote past the last criterion";
    std::vector<Tri> r;
    for (size_t i = 0; i < count_; ++i) {
      EXPECT_LE(out[i], 2) << "not a Tri byte";
      r.push_back(static_cast<Tri>(out[i]));
    }
    return r;
  }
  Tri Eval(const ir::Node* n) {
    Compile({n});
    return jit_ == nullptr ? Tri::kUnknown : Run()[0];
  }
  // Evaluates a non-boolean node by comparing it: the tests read numbers and dates this way.
  Tri EvalEq(const ir::Node* n, const ir::Node* expected) {
    return Eval(Cmp(Op::kEq, n, expected));
  }
  const JitProgram& jit() const { return *jit_; }

 private:
  std::unique_ptr<JitProgram> jit_;
  size_t count_ = 0;
};

}  // namespace mskc::codegen::testing
