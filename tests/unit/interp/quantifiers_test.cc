// Quantifiers: any / all / count / count-distinct / latest, with empty and unknown lists,
// unknown filters and predicates, history fields and nesting.
#include <gtest/gtest.h>

#include "tests/unit/common/shared_fixtures.h"
#include "tests/unit/interp/test_program.h"

namespace mskc::interp::testing {
namespace {

using Op = ir::Op;
using VT = ir::ValueType;
using HF = ir::HistoryField;

class QuantifierTest : public ir::testing::QuantifierFixture<TestProgram> {
 protected:
  Tri Count(const ir::Node* filter, double want, Op op = Op::kCount, const ir::Node* key = nullptr) {
    return t.EvalEq(t.Quant(op, t.S(history), filter, key), t.Num(want));
  }
};

TEST_F(QuantifierTest, EmptyLists) {
  t.SetHistory(history, {});
  EXPECT_EQ(t.Eval(t.Quant(Op::kAny, t.S(history), nullptr, ReliefAtLeast(50))), kF);
  EXPECT_EQ(t.Eval(t.Quant(Op::kAll, t.S(history), nullptr, ReliefAtLeast(50))), kT);
  EXPECT_EQ(t.Eval(t.Quant(Op::kLatest, t.S(history), nullptr, ReliefAtLeast(50))), kT);
  EXPECT_EQ(Count(nullptr, 0), kT);
  EXPECT_EQ(Count(IsEpidural(), 0), kT);
  EXPECT_EQ(Count(nullptr, 0, Op::kCountDistinct, t.Field(HF::kDate, VT::kDate)), kT);
}

TEST_F(QuantifierTest, UnknownListIsUnknown) {
  for (Op op : {Op::kAny, Op::kAll, Op::kLatest})
    EXPECT_EQ(t.Eval(t.Quant(op, t.S(history), nullptr, nullptr)), kU);
  EXPECT_EQ(Count(nullptr, 0), kU);
  EXPECT_EQ(Count(nullptr, 0, Op::kCountDistinct, t.Field(HF::kDate, VT::kDate)), kU);
}

TEST_F(QuantifierTest, AnyWithUnknownPredicate) {
  const ir::Node* e = t.Quant(Op::kAny, t.S(history), nullptr, ReliefAtLeast(50));
  t.SetHistory(history, {H("2021-01-01", 40)});
  EXPECT_EQ(t.Eval(e), kF);
  t.SetHistory(history, {H("2021-01-01", 40), H("2021-02-01")});
  EXPECT_EQ(t.Eval(e), kU);
  t.SetHistory(history, {H("2021-02-01"), H("2021-01-01", 50)});  // exactly at the threshold
  EXPECT_EQ(t.Eval(e), kT);
}

TEST_F(QuantifierTest, AnyWithUnknownFilter) {
  // and(filter unknown, pred false) = false; and(filter unknown, pred true) = unknown.
  const ir::Node* e = t.Quant(Op::kAny, t.S(history), WeeksAtLeast(12), ReliefAtLeast(50));
  t.SetHistory(history, {H("2021-01-01", 40)});
  EXPECT_EQ(t.Eval(e), kF);
  t.SetHistory(history, {H("2021-01-01", 60)});
  EXPECT_EQ(t.Eval(e), kU);
  t.SetHistory(history, {H("2021-01-01", 60), H("2021-02-01", 70, 12)});
  EXPECT_EQ(t.Eval(e), kT);
  // A false filter hides an unknown predicate.
  t.SetHistory(history, {H("2021-01-01", -1, 4)});
  EXPECT_EQ(t.Eval(e), kF);
}

TEST_F(QuantifierTest, AllWithUnknowns) {
  const ir::Node* e = t.Quant(Op::kAll, t.S(history), nullptr, ReliefAtLeast(50));
  t.SetHistory(history, {H("2021-01-01", 60), H("2021-02-01", 50)});
  EXPECT_EQ(t.Eval(e), kT);
  t.SetHistory(history, {H("2021-01-01", 60), H("2021-02-01")});
  EXPECT_EQ(t.Eval(e), kU);
  t.SetHistory(history, {H("2021-01-01"), H("2021-02-01", 49.5)});
  EXPECT_EQ(t.Eval(e), kF);

  // or(not filter, pred): filter false hides an unknown predicate; filter unknown needs pred true.
  const ir::Node* f = t.Quant(Op::kAll, t.S(history), WeeksAtLeast(12), ReliefAtLeast(50));
  t.SetHistory(history, {H("2021-01-01", -1, 4)});
  EXPECT_EQ(t.Eval(f), kT);
  t.SetHistory(history, {H("2021-01-01", 80)});
  EXPECT_EQ(t.Eval(f), kT);
  t.SetHistory(history, {H("2021-01-01", 20)});
  EXPECT_EQ(t.Eval(f), kU);
}

TEST_F(QuantifierTest, CountWithFilter) {
  t.SetHistory(history, {H("2021-01-01", -1, -1, "64483"), H("2021-02-01", -1, -1, "20610"),
                         H("2021-03-01", -1, -1, "64484")});
  EXPECT_EQ(Count(IsEpidural(), 2), kT);
  EXPECT_EQ(Count(nullptr, 3), kT);
  // An unknown filter on any element makes the count unknown.
  t.SetHistory(history, {H("2021-01-01", 60), H("2021-02-01")});
  EXPECT_EQ(Count(ReliefAtLeast(50), 1), kU);
  t.SetHistory(history, {H("2021-01-01", 60), H("2021-02-01", 10)});
  EXPECT_EQ(Count(ReliefAtLeast(50), 1), kT);
}

TEST_F(QuantifierTest, CountDistinctByDate) {
  const ir::Node* date_key = t.Field(HF::kDate, VT::kDate);
  // Two levels on one day count once; a non-epidural item on another day is filtered out.
  t.SetHistory(history, {H("2021-01-05", -1, -1, "64483"), H("2021-01-05", -1, -1, "64484"),
                         H("2021-03-01", -1, -1, "64483"), H("2021-04-01", -1, -1, "20610")});
  EXPECT_EQ(Count(IsEpidural(), 2, Op::kCountDistinct, date_key), kT);
  EXPECT_EQ(Count(nullptr, 3, Op::kCountDistinct, date_key), kT);
  // Distinct codes.
  EXPECT_EQ(Count(nullptr, 3, Op::kCountDistinct, t.Field(HF::kCode, VT::kCode)), kT);
}

TEST_F(QuantifierTest, CountDistinctUnknownKey) {
  const ir::Node* key = t.Field(HF::kReliefPercent, VT::kNumber);
  t.SetHistory(history, {H("2021-01-05", 50, -1, "64483"), H("2021-01-06", -1, -1, "64483")});
  EXPECT_EQ(Count(IsEpidural(), 1, Op::kCountDistinct, key), kU);
  // The unknown key belongs to a filtered-out item: it does not matter.
  t.SetHistory(history, {H("2021-01-05", 50, -1, "64483"), H("2021-01-06", 50, -1, "64483"),
                         H("2021-01-06", -1, -1, "20610")});
  EXPECT_EQ(Count(IsEpidural(), 1, Op::kCountDistinct, key), kT);
}

TEST_F(QuantifierTest, CountDistinctLongList) {
  // Longer than the inline key buffer: the rescan path.
  std::vector<Hist> items;
  const char* dates[] = {"2021-01-01", "2021-01-02", "2021-01-03", "2021-01-04", "2021-01-05",
                         "2021-01-06", "2021-01-07", "2021-01-08", "2021-01-09", "2021-01-10"};
  for (int i = 0; i < 100; ++i) items.push_back(H(dates[i % 10], -1, -1, i % 4 == 0 ? "20610" : "64483"));
  t.SetHistory(history, items);
  const ir::Node* date_key = t.Field(HF::kDate, VT::kDate);
  EXPECT_EQ(Count(nullptr, 10, Op::kCountDistinct, date_key), kT);
  // Every date keeps at least one epidural item (i % 4 != 0).
  EXPECT_EQ(Count(IsEpidural(), 10, Op::kCountDistinct, date_key), kT);
  items.clear();
  for (int i = 0; i < 70; ++i) items.push_back(H(dates[i % 10], -1, -1, i % 10 < 3 ? "20610" : "64483"));
  t.SetHistory(history, items);
  EXPECT_EQ(Count(IsEpidural(), 7, Op::kCountDistinct, date_key), kT);
  items.push_back(H("2021-01-01", -1, -1, "64483"));  // one epidural on a filtered-out day
  t.SetHistory(history, items);
  EXPECT_EQ(Count(IsEpidural(), 8, Op::kCountDistinct, date_key), kT);
}

TEST_F(QuantifierTest, LatestWithTies) {
  const ir::Node* e = t.Quant(Op::kLatest, t.S(history), IsEpidural(), ReliefAtLeast(50));
  // Two items share the latest date: each must satisfy the predicate.
  t.SetHistory(history, {H("2021-05-01", 80), H("2021-05-01", 30), H("2021-01-01", 90)});
  EXPECT_EQ(t.Eval(e), kF);
  t.SetHistory(history, {H("2021-05-01", 80), H("2021-05-01", 60), H("2021-01-01", 10)});
  EXPECT_EQ(t.Eval(e), kT);  // an older failing item does not matter
  t.SetHistory(history, {H("2021-05-01", 80), H("2021-05-01"), H("2021-01-01", 10)});
  EXPECT_EQ(t.Eval(e), kU);  // a latest item lacks the field
  t.SetHistory(history, {H("2021-05-01", 80), H("2021-01-01")});
  EXPECT_EQ(t.Eval(e), kT);  // an older item lacking it does not matter
  // The filter picks the latest among matching items only.
  t.SetHistory(history, {H("2021-06-01", 10, -1, "20610"), H("2021-05-01", 80)});
  EXPECT_EQ(t.Eval(e), kT);
  // No matching item: true.
  t.SetHistory(history, {H("2021-06-01", 10, -1, "20610")});
  EXPECT_EQ(t.Eval(e), kT);
}

TEST_F(QuantifierTest, LatestWithUnknownFilter) {
  const ir::Node* e = t.Quant(Op::kLatest, t.S(history), WeeksAtLeast(1), ReliefAtLeast(50));
  t.SetHistory(history, {H("2021-05-01", 80, 12), H("2021-01-01", 80)});
  EXPECT_EQ(t.Eval(e), kU);
  t.SetHistory(history, {H("2021-05-01", 80, 12), H("2021-01-01", 80, 0)});
  EXPECT_EQ(t.Eval(e), kT);
}

TEST_F(QuantifierTest, HistoryFieldsAbsentAreUnknown) {
  Hist h = H("2021-01-01");
  h.laterality = "left";
  h.functional_improvement = 1;
  t.SetHistory(history, {h});
  auto any = [&](const ir::Node* pred) { return t.Eval(t.Quant(Op::kAny, t.S(history), nullptr, pred)); };
  EXPECT_EQ(any(t.Field(HF::kFunctionalImprovement, VT::kBool)), kT);
  EXPECT_EQ(any(ReliefAtLeast(0)), kU);
  EXPECT_EQ(any(WeeksAtLeast(0)), kU);
  uint32_t lat = t.AddSlot("line.laterality_text", VT::kCode);
  t.SetCode(lat, "left");
  EXPECT_EQ(any(t.Cmp(Op::kEq, t.Field(HF::kLaterality, VT::kCode), t.S(lat))), kT);
  EXPECT_EQ(any(t.Cmp(Op::kEq, t.Field(HF::kLevel, VT::kCode), t.S(lat))), kU);
  EXPECT_EQ(any(t.Cmp(Op::kEq, t.Field(HF::kDate, VT::kDate), t.DateC("2021-01-01"))), kT);
  h.functional_improvement = 0;
  t.SetHistory(history, {h});
  EXPECT_EQ(any(t.Field(HF::kFunctionalImprovement, VT::kBool)), kF);
  h.functional_improvement = 2;
  t.SetHistory(history, {h});
  EXPECT_EQ(any(t.Field(HF::kFunctionalImprovement, VT::kBool)), kU);
}

TEST_F(QuantifierTest, EnumAndCodeLists) {
  const ir::Node* has_chiro =
      t.Quant(Op::kAny, t.S(mods), nullptr, t.Cmp(Op::kEq, t.Var(VT::kEnum), t.EnumC(modality, 1)));
  t.SetEnumList(mods, {0, 1}); EXPECT_EQ(t.Eval(has_chiro), kT);
  t.SetEnumList(mods, {0, -1}); EXPECT_EQ(t.Eval(has_chiro), kF);
  const ir::Node* all_known =
      t.Quant(Op::kAll, t.S(mods), nullptr, t.Cmp(Op::kGe, t.Var(VT::kEnum), t.EnumC(modality, 0)));
  EXPECT_EQ(t.Eval(all_known), kF);

  CodeSet g89;
  g89.AddPrefix("G89.1");
  int64_t id = t.AddCodeSet(g89);
  const ir::Node* any_dx = t.Quant(Op::kAny, t.S(dx), nullptr, t.InCodeSet(t.Var(VT::kCode), id));
  t.SetCodeList(dx, {"M54.16", "G89.18"}); EXPECT_EQ(t.Eval(any_dx), kT);
  t.SetCodeList(dx, {"M54.16"}); EXPECT_EQ(t.Eval(any_dx), kF);
}

TEST_F(QuantifierTest, NestedQuantifierReadsOuterVariable) {
  // any h in history: any c in diagnoses: c == h.code   (h is depth 1 inside the inner one)
  const ir::Node* inner = t.Quant(Op::kAny, t.S(dx), nullptr,
                                  t.Cmp(Op::kEq, t.Var(VT::kCode), t.Field(HF::kCode, VT::kCode, 1)));
  const ir::Node* e = t.Quant(Op::kAny, t.S(history), nullptr, inner);
  t.SetHistory(history, {H("2021-01-01", -1, -1, "64483"), H("2021-02-01", -1, -1, "20610")});
  t.SetCodeList(dx, {"99999", "20610"});
  EXPECT_EQ(t.Eval(e), kT);
  t.SetCodeList(dx, {"99999"});
  EXPECT_EQ(t.Eval(e), kF);
  // all h: any c: ...  — one history code is not in the list.
  t.SetCodeList(dx, {"64483"});
  EXPECT_EQ(t.Eval(t.Quant(Op::kAll, t.S(history), nullptr, inner)), kF);
  t.SetCodeList(dx, {"64483", "20610"});
  EXPECT_EQ(t.Eval(t.Quant(Op::kAll, t.S(history), nullptr, inner)), kT);
}

}  // namespace
}  // namespace mskc::interp::testing
