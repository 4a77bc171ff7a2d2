#include "runtime/testing/coverage.h"

#include <gtest/gtest.h>

namespace mskc::testing {
namespace {

using determination::Determination;
using determination::LineResult;

// A hand-built program: guideline g.one (two versions) and g.two (one version), with criteria
// that read a clinical fact, builtins, `requested_los_days` and history fields.
class CoverageTest : public ::testing::Test {
 protected:
  void SetUp() override {
    uint32_t pain = AddSlot("pain_score", ir::ValueType::kNumber, false);
    uint32_t age = AddSlot("member.age", ir::ValueType::kNumber, true);
    uint32_t los = AddSlot("requested_los_days", ir::ValueType::kNumber, true);
    uint32_t history = AddSlot("history", ir::ValueType::kHistoryList, true);
    uint32_t dos = AddSlot("date_of_service", ir::ValueType::kDate, true);

    adult_ = Ge(Slot(age), 18);
    pain_ = Ge(Slot(pain), 4);
    los_ = Ge(Slot(los), 3);
    // any h in history: h.relief_percent >= 50
    relief_ =
        Quantifier(ir::Op::kAny, Slot(history), Ge(Field(ir::HistoryField::kReliefPercent), 50));
    // all h in history: days_between(h.date, date_of_service) >= 14 — code and date are always
    // there
    ir::Node* days = program_.arena.New();
    days->op = ir::Op::kDaysBetween;
    days->type = ir::ValueType::kNumber;
    days->a = {Field(ir::HistoryField::kDate), Slot(dos)};
    interval_ = Quantifier(ir::Op::kAll, Slot(history), Ge(days, 14));
    // A let shared by two operands is visited once and still seen.
    ir::Node* both = program_.arena.New();
    both->op = ir::Op::kAnd;
    both->a = {adult_, adult_, nullptr};
    shared_ = both;

    ir::Guideline one;
    one.id = "g.one";
    one.versions.push_back(Version("2018-01-01", {{"adult", adult_}, {"pain", pain_}}));
    one.versions.push_back(Version("2020-08-16", {{"adult", adult_},
                                                  {"pain", pain_},
                                                  {"los", los_},
                                                  {"relief", relief_},
                                                  {"interval", interval_}}));
    ir::Guideline two;
    two.id = "g.two";
    two.versions.push_back(Version("2018-01-01", {{"adult", shared_}}));
    program_.guidelines.push_back(std::move(one));
    program_.guidelines.push_back(std::move(two));
  }

  uint32_t AddSlot(std::string key, ir::ValueType type, bool builtin) {
    ir::Slot s;
    s.key = std::move(key);
    s.type = type;
    s.builtin = builtin;
    program_.layout.slots.push_back(s);
    return static_cast<uint32_t>(program_.layout.slots.size() - 1);
  }
  const ir::Node* Slot(uint32_t slot) {
    ir::Node* n = program_.arena.New();
    n->op = ir::Op::kSlot;
    n->slot = slot;
    n->type = program_.layout.slots[slot].type;
    return n;
  }
  const ir::Node* Field(ir::HistoryField field) {
    ir::Node* n = program_.arena.New();
    n->op = ir::Op::kField;
    n->field = field;
    ir::Node* var = program_.arena.New();
    var->op = ir::Op::kVar;
    var->type = ir::ValueType::kHistoryItem;
    n->a = {var};
    return n;
  }
  const ir::Node* Ge(const ir::Node* lhs, double bound) {
    ir::Node* c = program_.arena.New();
    c->op = ir::Op::kNumberConst;
    c->type = ir::ValueType::kNumber;
    c->number_value = bound;
    ir::Node* n = program_.arena.New();
    n->op = ir::Op::kGe;
    n->a = {lhs, c};
    return n;
  }
  const ir::Node* Quantifier(ir::Op op, const ir::Node* list, const ir::Node* pred) {
    ir::Node* n = program_.arena.New();
    n->op = op;
    n->a = {list, nullptr, pred};
    return n;
  }
  static ir::Version Version(const std::string& label,
                             std::vector<std::pair<std::string, const ir::Node*>> criteria) {
    ir::Version v;
    v.label = label;
    v.start = *Date::Parse(label);
    for (auto& [id, expr] : criteria) {
      ir::Criterion c;
      c.id = id;
      c.expr = expr;
      v.criteria.push_back(std::move(c));
    }
    return v;
  }

  static LineResult Line(const std::string& guideline, const std::string& version,
                         std::vector<std::pair<std::string, Tri>> results) {
    LineResult line;
    line.code = "00000";
    line.guideline = determination::GuidelineRef{guideline, version};
    for (auto& [id, result] : results) line.criteria.push_back({id, result, "", std::nullopt});
    return line;
  }

  ir::Program program_;
  const ir::Node *adult_, *pain_, *los_, *relief_, *interval_, *shared_;
};

TEST_F(CoverageTest, UnknownIsReachableOnlyThroughAbsentableReads) {
  const ir::FrameLayout& layout = program_.layout;
  EXPECT_FALSE(CanBeUnknown(adult_, layout));     // builtin member.age
  EXPECT_TRUE(CanBeUnknown(pain_, layout));       // a clinical fact
  EXPECT_TRUE(CanBeUnknown(los_, layout));        // requested_los_days: optional builtin
  EXPECT_TRUE(CanBeUnknown(relief_, layout));     // an optional history field
  EXPECT_FALSE(CanBeUnknown(interval_, layout));  // history code/date are always there
  EXPECT_FALSE(CanBeUnknown(shared_, layout));
  EXPECT_FALSE(CanBeUnknown(nullptr, layout));
}

TEST_F(CoverageTest, TargetsPerVersion) {
  Coverage coverage(program_);
  auto report = coverage.Report(CoverageScope::kAll);
  ASSERT_EQ(report.size(), 3u);
  EXPECT_EQ(report[0].guideline, "g.one");
  EXPECT_EQ(report[0].version, "2018-01-01");
  EXPECT_EQ(report[0].Targets(), 2 + 3);
  EXPECT_EQ(report[1].Targets(), 2 + 3 + 3 + 3 + 2);
  EXPECT_EQ(report[2].Targets(), 2);
  EXPECT_EQ(report[0].Reached(), 0);
  EXPECT_EQ(report[0].criteria[1].targets, kMetBit | kUnmetBit | kUnknownBit);
}

TEST_F(CoverageTest, RecordsReviewedLinesOnly) {
  Coverage coverage(program_);
  Determination d;
  d.lines.push_back(Line("g.one", "2018-01-01", {{"adult", Tri::kTrue}, {"pain", Tri::kUnknown}}));
  LineResult case_level = Line("g.one", "2018-01-01", {});  // no criteria evaluated
  d.lines.push_back(case_level);
  LineResult unmanaged;  // no guideline
  unmanaged.code = "99999";
  d.lines.push_back(unmanaged);
  d.lines.push_back(Line("g.one", "2019-01-01", {{"adult", Tri::kFalse}}));  // not a version
  d.lines.push_back(Line("g.nine", "2018-01-01", {{"adult", Tri::kFalse}}));
  coverage.Record(d);
  auto report = coverage.Report(CoverageScope::kAll);
  EXPECT_EQ(report[0].criteria[0].reached, kMetBit);
  EXPECT_EQ(report[0].criteria[1].reached, kUnknownBit);
  EXPECT_EQ(report[0].Reached(), 2);
  EXPECT_EQ(report[1].Reached(), 0);
  EXPECT_EQ(report[2].Reached(), 0);
}

TEST_F(CoverageTest, TestedScopeKeepsEveryVersionOfAReachedGuideline) {
  Coverage coverage(program_);
  Determination d;
  d.lines.push_back(Line("g.one", "2020-08-16", {{"adult", Tri::kFalse}}));
  coverage.Record(d);
  auto report = coverage.Report(CoverageScope::kTested);
  ASSERT_EQ(report.size(), 2u);
  EXPECT_EQ(report[0].version, "2018-01-01");
  EXPECT_EQ(report[1].version, "2020-08-16");
  EXPECT_EQ(coverage.Report(CoverageScope::kAll).size(), 3u);
  EXPECT_TRUE(Coverage(program_).Report(CoverageScope::kTested).empty());
}

TEST(CoverageTotal, ThresholdIsExact) {
  CoverageTotal forty{2, 5};
  EXPECT_TRUE(forty.AtLeast(39.9));
  EXPECT_TRUE(forty.AtLeast(40));
  EXPECT_FALSE(forty.AtLeast(40.1));
  EXPECT_EQ(forty.Percent(), "40.0%");
  CoverageTotal all{61, 61};
  EXPECT_TRUE(all.AtLeast(100));
  CoverageTotal almost{9999, 10000};
  EXPECT_FALSE(almost.AtLeast(100));
  EXPECT_EQ(almost.Percent(), "99.9%");  // rounded down, never shown as 100.0%
  EXPECT_EQ((CoverageTotal{2, 3}).Percent(), "66.6%");
  EXPECT_TRUE((CoverageTotal{0, 0}).AtLeast(100));
}

TEST_F(CoverageTest, FormatsATablePerVersion) {
  Coverage coverage(program_);
  Determination d;
  d.lines.push_back(Line("g.two", "2018-01-01", {{"adult", Tri::kTrue}}));
  coverage.Record(d);
  EXPECT_EQ(FormatCoverage(coverage.Report(CoverageScope::kTested)),
            "coverage g.two 2018-01-01: 1/2 outcomes (50.0%)\n"
            "  criterion  reached            missing\n"
            "  adult      met                unmet\n"
            "coverage total: 1/2 criterion outcomes in 1 guideline version (50.0%)\n");
}

}  // namespace
}  // namespace mskc::testing
