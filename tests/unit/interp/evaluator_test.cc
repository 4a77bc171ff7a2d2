// The VersionEvaluator and EvaluateCondition entry points.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "tests/unit/interp/test_program.h"

// Counts heap allocations so the test below can check that evaluation makes none.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"  // malloc/free pair by design
static std::atomic<long> g_allocations{0};
void* operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace mskc::interp::testing {
namespace {

using Op = ir::Op;
using VT = ir::ValueType;

TEST(EvaluatorTest, WritesOneTriBytePerCriterionInOrder) {
  TestProgram t;
  uint32_t pain = t.AddSlot("pain_score", VT::kNumber);
  uint32_t weeks = t.AddSlot("conservative_care_weeks", VT::kNumber);
  uint32_t infection = t.AddSlot("active_infection", VT::kBool);
  t.SetNumber(pain, 4);
  t.SetNumber(weeks, 3.5);
  ir::Version v;
  auto add = [&](const char* id, const ir::Node* e) {
    ir::Criterion c;
    c.id = id;
    c.expr = e;
    v.criteria.push_back(c);
  };
  add("severity", t.Cmp(Op::kGe, t.S(pain), t.Num(4)));
  add("conservative_care", t.Cmp(Op::kGe, t.S(weeks), t.Num(4)));
  add("no_contraindication", t.Not(t.S(infection)));
  add("empty", nullptr);
  auto eval = MakeInterpretedEvaluator(t.program(), v);
  uint8_t results[5] = {9, 9, 9, 9, 9};
  eval->Evaluate(t.frame(), results, t.Ctx());
  EXPECT_EQ(results[0], 1);
  EXPECT_EQ(results[1], 0);
  EXPECT_EQ(results[2], 2);
  EXPECT_EQ(results[3], 2);
  EXPECT_EQ(results[4], 9);  // nothing written past the criteria

  t.SetBool(infection, false);
  t.SetNumber(weeks, 4);
  eval->Evaluate(t.frame(), results, t.Ctx());
  EXPECT_EQ(results[1], 1);
  EXPECT_EQ(results[2], 1);
}

TEST(EvaluatorTest, EvaluateConditionOnANoteCondition) {
  TestProgram t;
  uint32_t smoker = t.AddSlot("smoker", VT::kBool);
  const ir::Node* cond = t.Cmp(Op::kEq, t.S(smoker), t.B(true));
  EXPECT_EQ(EvaluateCondition(t.program(), *cond, t.frame(), t.Ctx()), kU);
  t.SetBool(smoker, true);
  EXPECT_EQ(EvaluateCondition(t.program(), *cond, t.frame(), t.Ctx()), kT);
  t.SetBool(smoker, false);
  EXPECT_EQ(EvaluateCondition(t.program(), *cond, t.frame(), t.Ctx()), kF);
}

TEST(EvaluatorTest, EvaluationDoesNotAllocate) {
  TestProgram t;
  using HF = ir::HistoryField;
  uint32_t history = t.AddSlot("history", VT::kHistoryList);
  uint32_t pain = t.AddSlot("pain_score", VT::kNumber);
  uint32_t dos = t.AddSlot("date_of_service", VT::kDate);
  CodeSet set;
  set.AddRange("64479", "64484");
  int64_t id = t.AddCodeSet(set);
  Hist h1, h2;
  h1.date = "2021-01-05";
  h1.relief_percent = 60;
  h2.date = "2021-01-05";
  h2.code = "64484";
  t.SetHistory(history, {h1, h2});
  t.SetDate(dos, "2021-03-01");
  ir::Version v;
  ir::Criterion c;
  const ir::Node* within = t.Cmp(
      Op::kGe, t.Field(HF::kDate, VT::kDate),
      t.DateOp(Op::kDateAddBusinessDays, t.S(dos), t.Num(-365)));
  const ir::Node* filter = t.And({t.InCodeSet(t.Field(HF::kCode, VT::kCode), id), within});
  c.expr = t.And({
      t.Or({t.Cmp(Op::kGe, t.S(pain), t.Num(4)), t.B(false)}),
      t.Cmp(Op::kLe, t.Quant(Op::kCountDistinct, t.S(history), filter, t.Field(HF::kDate, VT::kDate)),
            t.Num(3)),
      t.Quant(Op::kLatest, t.S(history), filter,
              t.Cmp(Op::kGe, t.Field(HF::kReliefPercent, VT::kNumber), t.Num(50))),
  });
  v.criteria.push_back(c);
  auto eval = MakeInterpretedEvaluator(t.program(), v);
  abi::EvalContext ctx = t.Ctx();
  uint8_t result = 9;
  eval->Evaluate(t.frame(), &result, ctx);  // warm up: one-time tables (holiday calendar)
  long before = g_allocations.load();
  for (int i = 0; i < 100; ++i) eval->Evaluate(t.frame(), &result, ctx);
  EXPECT_EQ(g_allocations.load() - before, 0);
  EXPECT_EQ(result, 2);  // pain_score absent; the second latest item lacks relief_percent
}

}  // namespace
}  // namespace mskc::interp::testing
