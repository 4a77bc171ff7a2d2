// Fixtures both backend suites run the same kind of tests on. `Harness` is a suite's
// IrTestBuilder wrapper with Eval / EvalEq (interp::testing::TestProgram,
// codegen::testing::JitHarness).
#pragma once
#include <gtest/gtest.h>

#include "tests/unit/common/ir_test_builder.h"

namespace mskc::ir::testing {

// Date arithmetic on constants, plus a date and a number slot for unknown operands.
template <typename Harness>
class DatesFixture : public ::testing::Test {
 protected:
  using Op = ir::Op;
  using VT = ir::ValueType;

  Harness t;
  uint32_t dos = t.AddSlot("date_of_service", VT::kDate);
  uint32_t n = t.AddSlot("n", VT::kNumber);

  // True when `op(date, count)` is `want`.
  Tri Shift(Op op, const char* date, double count, const char* want) {
    return t.EvalEq(t.DateOp(op, t.DateC(date), t.Num(count)), t.DateC(want));
  }
  // True when the completed years from `birth` to `on` are `want`.
  Tri Age(const char* birth, const char* on, double want) {
    return t.EvalEq(t.DateOp(Op::kAgeYears, t.DateC(birth), t.DateC(on)), t.Num(want));
  }
};

// Quantifiers: a history list, an enum list of modalities, a diagnoses code list, the epidural
// code set and the history predicates the tests combine.
template <typename Harness>
class QuantifierFixture : public ::testing::Test {
 protected:
  using Op = ir::Op;
  using VT = ir::ValueType;
  using HF = ir::HistoryField;

  Harness t;
  int32_t modality = t.AddEnum("modality", {"nsaids", "chiropractic", "acupuncture"});
  uint32_t history = t.AddSlot("history", VT::kHistoryList);
  uint32_t mods = t.AddSlot("complementary_modalities", VT::kEnumList, modality);
  uint32_t dx = t.AddSlot("diagnoses", VT::kCodeList);
  int64_t epidural = [this] {
    CodeSet s;
    s.AddRange("64479", "64484");
    return t.AddCodeSet(s);
  }();

  const ir::Node* ReliefAtLeast(double v) {
    return t.Cmp(Op::kGe, t.Field(HF::kReliefPercent, VT::kNumber), t.Num(v));
  }
  const ir::Node* WeeksAtLeast(double v) {
    return t.Cmp(Op::kGe, t.Field(HF::kReliefWeeks, VT::kNumber), t.Num(v));
  }
  const ir::Node* IsEpidural() { return t.InCodeSet(t.Field(HF::kCode, VT::kCode), epidural); }
};

}  // namespace mskc::ir::testing
