// Explain: `missing` (program-rules.md "`missing`, exactly"), `reads` and `deciding`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/interp/test_program.h"

namespace mskc::interp::testing {
namespace {

using Op = ir::Op;
using VT = ir::ValueType;
using HF = ir::HistoryField;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

bool SameSpan(source::Span a, const ir::Node* n) {
  return a.file == n->span.file && a.begin == n->span.begin && a.end == n->span.end;
}

std::vector<std::string> Keys(const Explanation& e) {
  std::vector<std::string> out;
  for (const auto& r : e.reads) out.push_back(r.key + "=" + r.value);
  return out;
}

class ExplainTest : public ::testing::Test {
 protected:
  TestProgram t;
  int32_t modality = t.AddEnum("modality", {"nsaids", "chiropractic", "acupuncture"});
  int32_t imaging = t.AddEnum("imaging_type", {"xray", "mri", "ct"});
  uint32_t a = t.AddSlot("a", VT::kBool);
  uint32_t b = t.AddSlot("b", VT::kBool);
  uint32_t c = t.AddSlot("c", VT::kBool);
  uint32_t pain = t.AddSlot("pain_score", VT::kNumber);
  uint32_t impairment = t.AddSlot("functional_impairment", VT::kBool);
  uint32_t history = t.AddSlot("history", VT::kHistoryList);
  uint32_t mods = t.AddSlot("complementary_modalities", VT::kEnumList, modality);

  const ir::Node* Relief(double v) {
    return t.Cmp(Op::kGe, t.Field(HF::kReliefPercent, VT::kNumber), t.Num(v));
  }
  const ir::Node* Weeks(double v) {
    return t.Cmp(Op::kGe, t.Field(HF::kReliefWeeks, VT::kNumber), t.Num(v));
  }
};

TEST_F(ExplainTest, ContractExampleAndOr) {
  // (A and B) or C with A absent, B false, C absent lists only C.
  const ir::Node* e = t.Or({t.And({t.S(a), t.S(b)}), t.S(c)});
  t.SetBool(b, false);
  Explanation x = t.Explain(e);
  EXPECT_EQ(x.result, kU);
  EXPECT_THAT(x.missing, ElementsAre("c"));
  // B true: A's absence now matters too.
  t.SetBool(b, true);
  EXPECT_THAT(t.Explain(e).missing, ElementsAre("a", "c"));
}

TEST_F(ExplainTest, ContractExampleSeverity) {
  // pain_score >= 4 or functional_impairment.
  const ir::Node* impaired = t.S(impairment);
  const ir::Node* e = t.Or({t.Cmp(Op::kGe, t.S(pain), t.Num(4)), impaired});
  t.SetBool(impairment, true);
  Explanation x = t.Explain(e);
  EXPECT_EQ(x.result, kT);
  EXPECT_THAT(x.missing, IsEmpty());
  EXPECT_TRUE(SameSpan(x.deciding, impaired));
  EXPECT_THAT(Keys(x), ElementsAre("pain_score=unknown", "functional_impairment=true"));

  t.SetBool(impairment, false);
  x = t.Explain(e);
  EXPECT_EQ(x.result, kU);
  EXPECT_THAT(x.missing, ElementsAre("pain_score"));
  EXPECT_TRUE(SameSpan(x.deciding, e));

  t.SetUnknown(impairment);
  EXPECT_THAT(t.Explain(e).missing, ElementsAre("functional_impairment", "pain_score"));

  t.SetNumber(pain, 4);  // exactly at the threshold
  x = t.Explain(e);
  EXPECT_EQ(x.result, kT);
  EXPECT_THAT(x.missing, IsEmpty());
}

TEST_F(ExplainTest, AndNotComparisonsAndIf) {
  EXPECT_THAT(t.Explain(t.And({t.S(b), t.S(a)})).missing, ElementsAre("a", "b"));  // sorted
  EXPECT_THAT(t.Explain(t.Not(t.S(a))).missing, ElementsAre("a"));
  t.SetBool(b, false);
  Explanation x = t.Explain(t.And({t.S(a), t.S(b)}));
  EXPECT_EQ(x.result, kF);
  EXPECT_THAT(x.missing, IsEmpty());
  // Both comparison operands absent: both listed, once each.
  uint32_t y = t.AddSlot("y", VT::kNumber);
  EXPECT_THAT(t.Explain(t.And({t.Cmp(Op::kGt, t.S(pain), t.S(y)), t.Cmp(Op::kLt, t.S(pain), t.Num(9))}))
                  .missing,
              ElementsAre("pain_score", "y"));
  // An unknown condition is listed, the branches (not taken) are not.
  EXPECT_THAT(t.Explain(t.If(t.S(a), t.S(c), t.B(true))).missing, ElementsAre("a"));
  // A known condition selects a branch whose absence is listed.
  t.SetBool(a, true);
  EXPECT_THAT(t.Explain(t.If(t.S(a), t.S(c), t.B(true))).missing, ElementsAre("c"));
}

TEST_F(ExplainTest, AtLeastListsOnlyWhenUnknown) {
  const ir::Node* e = t.AtLeast(2, {t.S(a), t.S(b), t.S(c)});
  t.SetBool(a, true);
  Explanation x = t.Explain(e);
  EXPECT_EQ(x.result, kU);
  EXPECT_THAT(x.missing, ElementsAre("b", "c"));
  t.SetBool(b, true);
  EXPECT_THAT(t.Explain(e).missing, IsEmpty());
}

TEST_F(ExplainTest, HistoryFieldAbsent) {
  CodeSet set;
  set.AddRange("64479", "64484");
  int64_t id = t.AddCodeSet(set);
  const ir::Node* filter = t.InCodeSet(t.Field(HF::kCode, VT::kCode), id);
  const ir::Node* e = t.Quant(Op::kLatest, t.S(history), filter, t.And({Relief(50), Weeks(12)}));
  t.SetHistory(history, {H("2021-05-01", -1, 20), H("2021-01-01", 90, 20)});
  Explanation x = t.Explain(e);
  EXPECT_EQ(x.result, kU);
  EXPECT_THAT(x.missing, ElementsAre("history.relief_percent"));
  t.SetHistory(history, {H("2021-05-01", -1, -1)});
  EXPECT_THAT(t.Explain(e).missing, ElementsAre("history.relief_percent", "history.relief_weeks"));
  // The other field decides: nothing is listed.
  t.SetHistory(history, {H("2021-05-01", -1, 4)});
  x = t.Explain(e);
  EXPECT_EQ(x.result, kF);
  EXPECT_THAT(x.missing, IsEmpty());
  // Only an older item lacks it.
  t.SetHistory(history, {H("2021-05-01", 60, 12), H("2021-01-01", -1, -1)});
  x = t.Explain(e);
  EXPECT_EQ(x.result, kT);
  EXPECT_THAT(x.missing, IsEmpty());
}

TEST_F(ExplainTest, PerElementFilterDecides) {
  // any h: filter weeks >= 12, pred relief >= 50. Item 1: weeks absent but relief 40 → its
  // and(filter, pred) is false, so relief_weeks decided nothing; item 2 lacks relief_percent.
  const ir::Node* e = t.Quant(Op::kAny, t.S(history), Weeks(12), Relief(50));
  t.SetHistory(history, {H("2021-01-01", 40, -1), H("2021-02-01", -1, 20)});
  Explanation x = t.Explain(e);
  EXPECT_EQ(x.result, kU);
  EXPECT_THAT(x.missing, ElementsAre("history.relief_percent"));
  // all h: same, or(not filter, pred): item 1's unknown filter with a true predicate is true.
  const ir::Node* f = t.Quant(Op::kAll, t.S(history), Weeks(12), Relief(50));
  t.SetHistory(history, {H("2021-01-01", 60, -1), H("2021-02-01", -1, 20)});
  x = t.Explain(f);
  EXPECT_EQ(x.result, kU);
  EXPECT_THAT(x.missing, ElementsAre("history.relief_percent"));
}

TEST_F(ExplainTest, NestedAnyAll) {
  // any h in history: (all m in modalities: m != acupuncture) and h.relief_weeks >= 12
  const ir::Node* no_acu = t.Quant(
      Op::kAll, t.S(mods), nullptr, t.Cmp(Op::kNe, t.Var(VT::kEnum), t.EnumC(modality, 2)));
  const ir::Node* e = t.Quant(Op::kAny, t.S(history), nullptr, t.And({no_acu, Weeks(12)}));
  t.SetHistory(history, {H("2021-01-01", -1, 20)});
  Explanation x = t.Explain(e);
  EXPECT_EQ(x.result, kU);
  EXPECT_THAT(x.missing, ElementsAre("complementary_modalities"));
  t.SetHistory(history, {H("2021-01-01", -1, 4)});
  x = t.Explain(e);
  EXPECT_EQ(x.result, kF);
  EXPECT_THAT(x.missing, IsEmpty());
  t.SetHistory(history, {H("2021-01-01", -1, -1), H("2021-02-01", -1, 4)});
  EXPECT_THAT(t.Explain(e).missing, ElementsAre("complementary_modalities", "history.relief_weeks"));
  t.SetEnumList(mods, {2});
  x = t.Explain(e);
  EXPECT_EQ(x.result, kF);
  EXPECT_THAT(x.missing, IsEmpty());

  // all h: (any m: m == nsaids) or h.relief_percent >= 50
  const ir::Node* nsaids =
      t.Quant(Op::kAny, t.S(mods), nullptr, t.Cmp(Op::kEq, t.Var(VT::kEnum), t.EnumC(modality, 0)));
  const ir::Node* g = t.Quant(Op::kAll, t.S(history), nullptr, t.Or({nsaids, Relief(50)}));
  t.SetEnumList(mods, {1});
  t.SetHistory(history, {H("2021-01-01", 70, -1), H("2021-02-01", -1, -1)});
  x = t.Explain(g);
  EXPECT_EQ(x.result, kU);
  EXPECT_THAT(x.missing, ElementsAre("history.relief_percent"));
  t.SetEnumList(mods, {1, 0});
  x = t.Explain(g);
  EXPECT_EQ(x.result, kT);
  EXPECT_THAT(x.missing, IsEmpty());
}

TEST_F(ExplainTest, ReadsRenderValuesInFirstReadOrder) {
  uint32_t score = t.AddSlot("score", VT::kNumber);
  uint32_t day = t.AddSlot("imaging_date", VT::kDate);
  uint32_t img = t.AddSlot("imaging", VT::kEnum, imaging);
  uint32_t other = t.AddSlot("other_imaging", VT::kEnum, imaging);
  uint32_t code = t.AddSlot("line.code", VT::kCode);
  uint32_t dx = t.AddSlot("diagnoses", VT::kCodeList);
  t.SetNumber(pain, 6);
  t.SetNumber(score, 11.5);
  t.SetDate(day, "2021-03-01");
  t.SetEnum(img, 1);
  t.SetEnum(other, -1);
  t.SetCode(code, "62323");
  t.SetCodeList(dx, {"M54.16", "M51.26"});
  t.SetEnumList(mods, {0, 2});
  t.SetBool(a, true);
  const ir::Node* e = t.And({
      t.Cmp(Op::kGe, t.S(pain), t.Num(4)),
      t.Cmp(Op::kLt, t.S(score), t.Num(12)),
      t.Cmp(Op::kGe, t.S(pain), t.Num(5)),  // read again: no second entry
      t.Cmp(Op::kLt, t.S(day), t.DateC("2021-04-01")),
      t.Cmp(Op::kEq, t.S(img), t.EnumC(imaging, 1)),
      t.Cmp(Op::kNe, t.S(other), t.EnumC(imaging, 1)),
      t.Cmp(Op::kEq, t.ListSize(t.S(dx)), t.Num(2)),
      t.Cmp(Op::kGe, t.ListSize(t.S(mods)), t.Num(1)),
      t.Cmp(Op::kEq, t.S(code), t.S(code)),
      t.S(a),
      t.Not(t.S(b)),
  });
  Explanation x = t.Explain(e);
  EXPECT_EQ(x.result, kU);
  EXPECT_THAT(Keys(x), ElementsAre("pain_score=6", "score=11.5", "imaging_date=\"2021-03-01\"",
                                   "imaging=\"mri\"", "other_imaging=null",
                                   "diagnoses=[\"M54.16\",\"M51.26\"]",
                                   "complementary_modalities=[\"nsaids\",\"acupuncture\"]",
                                   "line.code=\"62323\"", "a=true", "b=unknown"));
  EXPECT_THAT(x.missing, ElementsAre("b"));
}

TEST_F(ExplainTest, ReadsOfHistory) {
  Hist h = H("2021-01-05", 60, 12.5);
  h.functional_improvement = 1;
  h.level = "L4-L5";
  t.SetHistory(history, {h, H("2021-02-01", 40, -1)});
  const ir::Node* e = t.Quant(Op::kAny, t.S(history), nullptr, Relief(50));
  Explanation x = t.Explain(e);
  EXPECT_EQ(x.result, kT);
  // One entry per history field key, with the value of its latest read.
  EXPECT_THAT(Keys(x),
              ElementsAre("history=[{\"code\":\"64483\",\"date\":\"2021-01-05\",\"level\":\"L4-L5\","
                          "\"relief_percent\":60,\"relief_weeks\":12.5,"
                          "\"functional_improvement\":true},"
                          "{\"code\":\"64483\",\"date\":\"2021-02-01\",\"relief_percent\":40}]",
                          "history.relief_percent=40"));
  t.SetUnknown(history);
  EXPECT_THAT(Keys(t.Explain(e)), ElementsAre("history=unknown"));
  EXPECT_THAT(t.Explain(e).missing, ElementsAre("history"));
}

TEST_F(ExplainTest, DecidingFollowsTheDecidingOperand) {
  const ir::Node* sa = t.S(a);
  const ir::Node* sb = t.S(b);
  const ir::Node* sc = t.S(c);
  const ir::Node* inner = t.And({sb, sc});
  const ir::Node* e = t.And({sa, inner});
  t.SetBool(a, true); t.SetBool(b, true); t.SetBool(c, false);
  Explanation x = t.Explain(e);
  EXPECT_EQ(x.result, kF);
  EXPECT_TRUE(SameSpan(x.deciding, sc));  // and false → first false operand, recursively
  t.SetBool(c, true);
  EXPECT_TRUE(SameSpan(t.Explain(e).deciding, e));  // and true → the whole node
  t.SetUnknown(c);
  EXPECT_TRUE(SameSpan(t.Explain(e).deciding, e));  // unknown → the whole node

  const ir::Node* o = t.Or({sa, t.Or({sb, sc})});
  t.SetBool(a, false); t.SetBool(b, false); t.SetBool(c, true);
  EXPECT_TRUE(SameSpan(t.Explain(o).deciding, sc));  // or true → first true operand
  t.SetBool(b, true);
  EXPECT_TRUE(SameSpan(t.Explain(o).deciding, sb));
  t.SetBool(c, false); t.SetBool(b, false);
  EXPECT_TRUE(SameSpan(t.Explain(o).deciding, o));  // or false → the whole node
  // A true and inside a true or: the and is where it stops.
  const ir::Node* conj = t.And({t.S(b), t.S(c)});
  const ir::Node* mixed = t.Or({t.S(a), conj});
  t.SetBool(a, false); t.SetBool(b, true); t.SetBool(c, true);
  EXPECT_TRUE(SameSpan(t.Explain(mixed).deciding, conj));
}

TEST_F(ExplainTest, DecidingFallsBackToCriterionSpan) {
  ir::Node* e = t.N(Op::kBoolConst, VT::kBool);
  e->span = source::Span{};
  ir::Criterion crit;
  crit.expr = e;
  crit.span = source::Span{3, 10, 20};
  Explanation x = Explain(t.program(), crit, t.frame(), t.Ctx());
  EXPECT_EQ(x.result, kF);
  EXPECT_EQ(x.deciding.begin, 10u);
  EXPECT_EQ(x.deciding.file, 3u);
}

}  // namespace
}  // namespace mskc::interp::testing
