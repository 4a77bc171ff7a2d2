// Quantifiers through the JIT: any / all / count / count-distinct / latest on empty and unknown
// lists, unknown filters and predicates, history fields, ties, nesting.
#include <gtest/gtest.h>

#include "tests/unit/codegen/jit_harness.h"
#include "tests/unit/common/shared_fixtures.h"

namespace mskc::codegen::testing {
namespace {

using Op = ir::Op;
using VT = ir::ValueType;
using HF = ir::HistoryField;

class JitQuantifierTest : public ir::testing::QuantifierFixture<JitHarness> {
 protected:
  const ir::Node* CountIs(Op op, const ir::Node* filter, const ir::Node* key, double want) {
    return t.Cmp(Op::kEq, t.Quant(op, t.S(history), filter, key), t.Num(want));
  }
};

TEST_F(JitQuantifierTest, EmptyLists) {
  t.Compile({t.Quant(Op::kAny, t.S(history), nullptr, ReliefAtLeast(50)),
             t.Quant(Op::kAll, t.S(history), nullptr, ReliefAtLeast(50)),
             t.Quant(Op::kLatest, t.S(history), nullptr, ReliefAtLeast(50)),
             CountIs(Op::kCount, nullptr, nullptr, 0), CountIs(Op::kCount, IsEpidural(), nullptr, 0),
             CountIs(Op::kCountDistinct, nullptr, t.Field(HF::kDate, VT::kDate), 0)});
  t.SetHistory(history, {});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kT, kT, kT, kT, kT}));
  t.SetUnknown(history);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kU, kU, kU, kU, kU, kU}));
}

TEST_F(JitQuantifierTest, AnyWithUnknownPredicateAndFilter) {
  const ir::Node* any = t.Quant(Op::kAny, t.S(history), nullptr, ReliefAtLeast(50));
  const ir::Node* filtered = t.Quant(Op::kAny, t.S(history), WeeksAtLeast(12), ReliefAtLeast(50));
  t.Compile({any, filtered});
  t.SetHistory(history, {H("2021-01-01", 40)});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kF}));  // and(unknown filter, false) = false
  t.SetHistory(history, {H("2021-01-01", 40), H("2021-02-01")});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kU, kU}));
  t.SetHistory(history, {H("2021-01-01", 60)});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kU}));  // and(unknown filter, true) = unknown
  t.SetHistory(history, {H("2021-02-01"), H("2021-01-01", 50, 12)});  // exactly at thresholds
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kT}));
  t.SetHistory(history, {H("2021-01-01", -1, 4)});  // a false filter hides an unknown predicate
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kU, kF}));
}

TEST_F(JitQuantifierTest, AllWithUnknowns) {
  const ir::Node* all = t.Quant(Op::kAll, t.S(history), nullptr, ReliefAtLeast(50));
  const ir::Node* filtered = t.Quant(Op::kAll, t.S(history), WeeksAtLeast(12), ReliefAtLeast(50));
  t.Compile({all, filtered});
  t.SetHistory(history, {H("2021-01-01", 60, 12), H("2021-02-01", 50, 20)});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kT}));
  t.SetHistory(history, {H("2021-01-01", 60), H("2021-02-01")});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kU, kU}));
  t.SetHistory(history, {H("2021-01-01"), H("2021-02-01", 49.5, 12)});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kF}));
  t.SetHistory(history, {H("2021-01-01", -1, 4)});  // or(not false, unknown) = true
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kU, kT}));
  t.SetHistory(history, {H("2021-01-01", 80)});  // or(unknown, true) = true
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kT}));
  t.SetHistory(history, {H("2021-01-01", 20)});  // or(unknown, false) = unknown
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kU}));
}

TEST_F(JitQuantifierTest, CountWithFilter) {
  t.Compile({CountIs(Op::kCount, IsEpidural(), nullptr, 2), CountIs(Op::kCount, nullptr, nullptr, 3),
             CountIs(Op::kCount, ReliefAtLeast(50), nullptr, 1)});
  t.SetHistory(history, {H("2021-01-01", 60, -1, "64483"), H("2021-02-01", 10, -1, "20610"),
                         H("2021-03-01", 20, -1, "64484")});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kT, kT}));
  // An unknown filter on any element makes the count unknown.
  t.SetHistory(history, {H("2021-01-01", 60), H("2021-02-01"), H("2021-03-01", -1, -1, "20610")});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kT, kU}));
}

TEST_F(JitQuantifierTest, CountDistinctByDate) {
  const ir::Node* date_key = t.Field(HF::kDate, VT::kDate);
  t.Compile({CountIs(Op::kCountDistinct, IsEpidural(), date_key, 2),
             CountIs(Op::kCountDistinct, nullptr, date_key, 3),
             CountIs(Op::kCountDistinct, nullptr, t.Field(HF::kCode, VT::kCode), 3),
             CountIs(Op::kCountDistinct, IsEpidural(), nullptr, 1)});
  // Two levels on one day count once; a non-epidural item on another day is filtered out.
  t.SetHistory(history, {H("2021-01-05", -1, -1, "64483"), H("2021-01-05", -1, -1, "64484"),
                         H("2021-03-01", -1, -1, "64483"), H("2021-04-01", -1, -1, "20610")});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kT, kT, kT}));
}

TEST_F(JitQuantifierTest, CountDistinctUnknownKeyOrFilter) {
  const ir::Node* key = t.Field(HF::kReliefPercent, VT::kNumber);
  t.Compile({CountIs(Op::kCountDistinct, IsEpidural(), key, 1),
             CountIs(Op::kCountDistinct, WeeksAtLeast(1), t.Field(HF::kDate, VT::kDate), 1)});
  t.SetHistory(history, {H("2021-01-05", 50, 2, "64483"), H("2021-01-06", -1, 2, "64483")});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kU, kF}));
  // The unknown key belongs to a filtered-out item: it does not matter.
  t.SetHistory(history, {H("2021-01-05", 50, 2, "64483"), H("2021-01-06", 50, 0, "64483"),
                         H("2021-01-06", -1, -1, "20610")});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kU}));
}

TEST_F(JitQuantifierTest, CountDistinctLongList) {
  std::vector<Hist> items;
  const char* dates[] = {"2021-01-01", "2021-01-02", "2021-01-03", "2021-01-04", "2021-01-05",
                         "2021-01-06", "2021-01-07", "2021-01-08", "2021-01-09", "2021-01-10"};
  for (int i = 0; i < 70; ++i)
    items.push_back(H(dates[i % 10], -1, -1, i % 10 < 3 ? "20610" : "64483"));
  const ir::Node* date_key = t.Field(HF::kDate, VT::kDate);
  t.Compile({CountIs(Op::kCountDistinct, IsEpidural(), date_key, 7),
             CountIs(Op::kCountDistinct, nullptr, date_key, 10)});
  t.SetHistory(history, items);
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kT}));
}

TEST_F(JitQuantifierTest, LatestWithTies) {
  t.Compile({t.Quant(Op::kLatest, t.S(history), IsEpidural(), ReliefAtLeast(50))});
  auto run = [&](std::vector<Hist> items) {
    t.SetHistory(history, items);
    return t.Run()[0];
  };
  // Two items share the latest date: each must satisfy the predicate, in either order.
  EXPECT_EQ(run({H("2021-05-01", 80), H("2021-05-01", 30), H("2021-01-01", 90)}), kF);
  EXPECT_EQ(run({H("2021-05-01", 30), H("2021-05-01", 80), H("2021-01-01", 90)}), kF);
  EXPECT_EQ(run({H("2021-05-01", 80), H("2021-05-01", 60), H("2021-01-01", 10)}), kT);
  EXPECT_EQ(run({H("2021-05-01", 80), H("2021-05-01"), H("2021-01-01", 10)}), kU);
  EXPECT_EQ(run({H("2021-05-01", 80), H("2021-05-01"), H("2021-05-01", 10)}), kF);
  EXPECT_EQ(run({H("2021-01-01"), H("2021-05-01", 80)}), kT);  // an older unknown is ignored
  // The filter picks the latest among matching items only; none matching → true.
  EXPECT_EQ(run({H("2021-06-01", 10, -1, "20610"), H("2021-05-01", 80)}), kT);
  EXPECT_EQ(run({H("2021-06-01", 10, -1, "20610")}), kT);
  // Dates before 1970 are negative day counts.
  EXPECT_EQ(run({H("1969-01-01", 80), H("1968-01-01", 10)}), kT);
}

TEST_F(JitQuantifierTest, LatestWithUnknownFilter) {
  t.Compile({t.Quant(Op::kLatest, t.S(history), WeeksAtLeast(1), ReliefAtLeast(50))});
  t.SetHistory(history, {H("2021-05-01", 80, 12), H("2021-01-01", 80)});
  EXPECT_EQ(t.Run()[0], kU);
  t.SetHistory(history, {H("2021-05-01", 80, 12), H("2021-01-01", 80, 0)});
  EXPECT_EQ(t.Run()[0], kT);
}

TEST_F(JitQuantifierTest, HistoryFieldsAbsentAreUnknown) {
  uint32_t lat = t.AddSlot("line.laterality_text", VT::kCode);
  t.SetCode(lat, "left");
  auto any = [&](const ir::Node* pred) { return t.Quant(Op::kAny, t.S(history), nullptr, pred); };
  t.Compile({any(t.Field(HF::kFunctionalImprovement, VT::kBool)), any(ReliefAtLeast(0)),
             any(WeeksAtLeast(0)), any(t.Cmp(Op::kEq, t.Field(HF::kLaterality, VT::kCode), t.S(lat))),
             any(t.Cmp(Op::kEq, t.Field(HF::kLevel, VT::kCode), t.S(lat))),
             any(t.Cmp(Op::kEq, t.Field(HF::kDate, VT::kDate), t.DateC("2021-01-01")))});
  Hist h = H("2021-01-01");
  h.laterality = "left";
  h.functional_improvement = 1;
  t.SetHistory(history, {h});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kU, kU, kT, kU, kT}));
  h.functional_improvement = 0;
  h.level = "L4-L5";
  h.relief_percent = 0;
  h.relief_weeks = 0;
  t.SetHistory(history, {h});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kT, kT, kT, kF, kT}));
}

TEST_F(JitQuantifierTest, EnumAndCodeLists) {
  CodeSet g89;
  g89.AddPrefix("G89.1");
  int64_t id = t.AddCodeSet(g89);
  t.Compile({t.Quant(Op::kAny, t.S(mods), nullptr,
                     t.Cmp(Op::kEq, t.Var(VT::kEnum), t.EnumC(modality, 1))),
             t.Quant(Op::kAll, t.S(mods), nullptr,
                     t.Cmp(Op::kGe, t.Var(VT::kEnum), t.EnumC(modality, 0))),
             t.Quant(Op::kAny, t.S(dx), nullptr, t.InCodeSet(t.Var(VT::kCode), id)),
             t.Cmp(Op::kEq, t.Quant(Op::kCount, t.S(dx), t.InCodeSet(t.Var(VT::kCode), id), nullptr),
                   t.Num(1))});
  t.SetEnumList(mods, {0, 1});
  t.SetCodeList(dx, {"M54.16", "G89.18"});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kT, kT, kT}));
  t.SetEnumList(mods, {0, -1});
  t.SetCodeList(dx, {"M54.16"});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kF, kF, kF}));
}

TEST_F(JitQuantifierTest, NestedQuantifierReadsOuterVariable) {
  // any h in history: any c in diagnoses: c == h.code   (h is depth 1 inside the inner one)
  const ir::Node* inner = t.Quant(Op::kAny, t.S(dx), nullptr,
                                  t.Cmp(Op::kEq, t.Var(VT::kCode), t.Field(HF::kCode, VT::kCode, 1)));
  // count-distinct over history keyed by date, filtered by an inner quantifier: the rescan must
  // keep the outer binding intact.
  const ir::Node* distinct = t.Quant(Op::kCountDistinct, t.S(history), inner,
                                     t.Field(HF::kDate, VT::kDate));
  t.Compile({t.Quant(Op::kAny, t.S(history), nullptr, inner),
             t.Quant(Op::kAll, t.S(history), nullptr, inner), t.Cmp(Op::kEq, distinct, t.Num(1))});
  t.SetHistory(history, {H("2021-01-01", -1, -1, "64483"), H("2021-02-01", -1, -1, "20610"),
                         H("2021-02-01", -1, -1, "20611")});
  t.SetCodeList(dx, {"99999", "20610", "20611"});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kF, kT}));
  t.SetCodeList(dx, {"99999"});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kF, kF, kF}));
  t.SetCodeList(dx, {"64483", "20610", "20611"});
  EXPECT_EQ(t.Run(), (std::vector<Tri>{kT, kT, kF}));
}

}  // namespace
}  // namespace mskc::codegen::testing
