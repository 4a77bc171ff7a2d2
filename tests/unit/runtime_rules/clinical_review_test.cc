// Step 7 for one line: P1 scope, P3 notification, P7 criteria, P8 versions and notes, `missing`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/runtime_rules/test_ruleset.h"

namespace mskc::rules::testing {
namespace {

using determination::CaseStatus;
using determination::NoteKind;
using determination::Outcome;
using determination::Review;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

class ClinicalReviewTest : public ::testing::Test {
 protected:
  TestRuleset rules_;
};

TEST_F(ClinicalReviewTest, AllCriteriaMetApproves) {
  cases::Case c = MakeCase({"62323"});
  c.clinical["functional_impairment"] = true;
  c.clinical["pain_score"] = 7.0;  // exactly at the threshold
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_EQ(d.status, CaseStatus::kAuthorized);
  EXPECT_EQ(d.review, Review::kNone);
  EXPECT_THAT(Codes(d), IsEmpty());
  ASSERT_EQ(d.lines.size(), 1u);
  const auto& line = d.lines[0];
  ASSERT_TRUE(line.guideline.has_value());
  EXPECT_EQ(line.guideline->id, "ipm.epidural");
  EXPECT_EQ(line.guideline->version, "2020-08-16");
  ASSERT_EQ(line.criteria.size(), 2u);
  EXPECT_EQ(line.criteria[0].id, "function");
  EXPECT_EQ(line.criteria[0].result, Tri::kTrue);
  EXPECT_EQ(line.criteria[0].text, "Pain limits activities of daily living or work");
  EXPECT_EQ(line.criteria[1].id, "pain");
  EXPECT_EQ(line.criteria[1].result, Tri::kTrue);
  EXPECT_FALSE(line.criteria[1].trace.has_value());
  EXPECT_EQ(line.valid_from, D("2021-03-01"));
  EXPECT_EQ(line.expires_on, D("2021-03-12"));
  EXPECT_EQ(d.valid_from, D("2021-03-01"));
  EXPECT_EQ(d.expires_on, D("2021-03-12"));
  // The version's unconditional notice, on line 1; the pain >= 9 note stays out.
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].kind, NoteKind::kNotice);
  EXPECT_EQ(d.notes[0].line, 1);
  EXPECT_EQ(d.notes[0].text, "FDA safe use");
}

TEST_F(ClinicalReviewTest, UnmetCriterionPendsForANurse) {
  cases::Case c = MakeCase({"62323"});
  c.clinical["functional_impairment"] = true;
  c.clinical["pain_score"] = 6.9;  // just below
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kPended);
  EXPECT_EQ(d.status, CaseStatus::kInProgress);
  EXPECT_EQ(d.review, Review::kNurse);
  EXPECT_THAT(Codes(d), ElementsAre("CRITERIA_NOT_MET"));
  EXPECT_THAT(d.lines[0].unmet, ElementsAre("pain"));
  EXPECT_THAT(d.lines[0].missing, IsEmpty());
  EXPECT_FALSE(d.lines[0].expires_on.has_value());
  EXPECT_FALSE(d.expires_on.has_value());
  ASSERT_EQ(d.notes.size(), 1u);  // notes of pended lines are kept
}

TEST_F(ClinicalReviewTest, UnknownCriteriaListMissingFacts) {
  cases::Case c = MakeCase({"62323"});
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kPended);
  EXPECT_THAT(Codes(d), ElementsAre("MISSING_INFORMATION"));
  EXPECT_EQ(d.lines[0].criteria[0].result, Tri::kUnknown);
  EXPECT_THAT(d.lines[0].unmet, IsEmpty());
  EXPECT_THAT(d.lines[0].missing, ElementsAre("functional_impairment", "pain_score"));
}

TEST_F(ClinicalReviewTest, UnmetAndUnknownTogether) {
  cases::Case c = MakeCase({"62323"});
  c.clinical["functional_impairment"] = false;
  auto d = Evaluate(rules_, c);
  EXPECT_THAT(Codes(d), ElementsAre("CRITERIA_NOT_MET", "MISSING_INFORMATION"));
  EXPECT_THAT(d.lines[0].unmet, ElementsAre("function"));
  EXPECT_THAT(d.lines[0].missing, ElementsAre("pain_score"));
}

TEST_F(ClinicalReviewTest, MissingIsTheSortedUnionOverLines) {
  // Both lines miss the same facts; each line lists its own, sorted, once.
  cases::Case c = MakeCase({"29880", "62323"});
  auto d = Evaluate(rules_, c);
  for (const auto& line : d.lines)
    EXPECT_THAT(line.missing, ElementsAre("functional_impairment", "pain_score"));
}

TEST_F(ClinicalReviewTest, VersionInEffectOnTheDateOfService) {
  cases::Case c = MakeCase({"62323"});
  c.clinical["functional_impairment"] = true;
  c.submitted_on = c.date_of_service = D("2020-08-15");
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.lines[0].guideline->version, "2018-01-01");
  EXPECT_EQ(d.lines[0].criteria.size(), 1u);
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_THAT(d.notes, IsEmpty());

  c.submitted_on = c.date_of_service = D("2020-08-16");
  d = Evaluate(rules_, c);
  EXPECT_EQ(d.lines[0].guideline->version, "2020-08-16");
  EXPECT_EQ(d.lines[0].criteria.size(), 2u);
  EXPECT_EQ(d.outcome, Outcome::kPended);
}

TEST_F(ClinicalReviewTest, FirstVersionCoversEarlierDates) {
  cases::Case c = MakeCase({"62323"});
  c.submitted_on = c.date_of_service = D("2015-06-01");
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.lines[0].guideline->version, "2018-01-01");
}

TEST_F(ClinicalReviewTest, ConditionalNoteShownWhenItsConditionHolds) {
  cases::Case c = MakeCase({"62323"});
  c.clinical["functional_impairment"] = true;
  c.clinical["pain_score"] = 9.0;
  auto d = Evaluate(rules_, c);
  ASSERT_EQ(d.notes.size(), 2u);
  EXPECT_EQ(d.notes[1].kind, NoteKind::kEducation);
  EXPECT_EQ(d.notes[1].text, "high pain");
  EXPECT_EQ(d.notes[1].line, 1);
}

TEST_F(ClinicalReviewTest, NotesCarryTheirLineNumber) {
  cases::Case c = MakeCase({"22630", "62323"});
  c.clinical["functional_impairment"] = true;
  c.clinical["pain_score"] = 8.0;
  auto d = Evaluate(rules_, c);
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].line, 2);
}

TEST_F(ClinicalReviewTest, NotManagedLine) {
  cases::Case c = MakeCase({"99213", "22630"});
  c.clinical["functional_impairment"] = true;
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_THAT(Codes(d), ElementsAre("NOT_MANAGED"));
  EXPECT_EQ(d.lines[0].outcome, Outcome::kNotRequired);
  EXPECT_FALSE(d.lines[0].guideline.has_value());
  EXPECT_FALSE(d.lines[0].expires_on.has_value());
  EXPECT_EQ(d.lines[1].outcome, Outcome::kApproved);
}

TEST_F(ClinicalReviewTest, FamilyThePlanDoesNotManageIsNotManaged) {
  cases::Case c = MakeCase({"22630", "62323"});
  c.health_plan = "PAINONLY";
  c.clinical["functional_impairment"] = true;
  c.clinical["pain_score"] = 8.0;
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.lines[0].outcome, Outcome::kNotRequired);
  EXPECT_EQ(d.lines[1].outcome, Outcome::kApproved);
  EXPECT_THAT(Codes(d), ElementsAre("NOT_MANAGED"));
}

TEST_F(ClinicalReviewTest, ManualReviewLine) {
  cases::Case c = MakeCase({"27279"});
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kPended);
  EXPECT_EQ(d.review, Review::kNurse);
  EXPECT_THAT(Codes(d), ElementsAre("MANUAL_REVIEW"));
  EXPECT_FALSE(d.lines[0].guideline.has_value());
  EXPECT_THAT(d.lines[0].criteria, IsEmpty());
  EXPECT_FALSE(d.lines[0].expires_on.has_value());
}

TEST_F(ClinicalReviewTest, NotificationOnlyWithDiagnosisInAnyPosition) {
  for (const char* code : {"62320", "62322"}) {
    for (const char* dx : {"G89.11", "G89.12", "G89.18"}) {
      cases::Case c = MakeCase({code});
      c.diagnoses = {"M54.16", dx};
      c.date_of_service = D("2021-05-24");
      auto d = Evaluate(rules_, c);
      EXPECT_EQ(d.outcome, Outcome::kNotificationOnly) << code << " " << dx;
      EXPECT_EQ(d.status, CaseStatus::kCompleted);
      EXPECT_EQ(d.review, Review::kNone);
      EXPECT_THAT(Codes(d), ElementsAre("NOTIFICATION_ONLY"));
      EXPECT_THAT(d.lines[0].criteria, IsEmpty());
      EXPECT_EQ(d.lines[0].valid_from, D("2021-05-24"));
      EXPECT_EQ(d.lines[0].expires_on, D("2021-06-07"));  // pain management window
      EXPECT_EQ(d.expires_on, D("2021-06-07"));
      EXPECT_THAT(d.notes, IsEmpty());
    }
  }
}

TEST_F(ClinicalReviewTest, NotNotificationOnlyForOtherCodesOrDiagnoses) {
  cases::Case c = MakeCase({"62321"});
  c.diagnoses = {"G89.11"};
  EXPECT_EQ(Evaluate(rules_, c).outcome, Outcome::kPended);
  c = MakeCase({"62322"});
  c.diagnoses = {"G89.19", "G89.1", "G89.29"};
  EXPECT_EQ(Evaluate(rules_, c).outcome, Outcome::kPended);
}

TEST_F(ClinicalReviewTest, NotificationLineSkipsSiteOfCare) {
  cases::Case c = MakeCase({"62322"});
  c.diagnoses = {"G89.18"};
  c.site_of_care = cases::SiteOfCare::kOutpatientHospital;
  EXPECT_EQ(Evaluate(rules_, c).outcome, Outcome::kNotificationOnly);
}

TEST_F(ClinicalReviewTest, TraceListsReadsAndTheDecidingExpression) {
  cases::Case c = MakeCase({"62323"});
  c.clinical["functional_impairment"] = true;
  DecideOptions options;
  options.trace = true;
  options.sources = &rules_.sources();
  auto d = Evaluate(rules_, c, options);
  const auto& criteria = d.lines[0].criteria;
  ASSERT_TRUE(criteria[0].trace.has_value());
  ASSERT_EQ(criteria[0].trace->facts.size(), 1u);
  EXPECT_EQ(criteria[0].trace->facts[0].first, "functional_impairment");
  EXPECT_EQ(criteria[0].trace->facts[0].second, "true");
  EXPECT_EQ(criteria[0].trace->decided_by, "functional_impairment");
  ASSERT_TRUE(criteria[1].trace.has_value());
  EXPECT_EQ(criteria[1].trace->facts[0].first, "pain_score");
  EXPECT_EQ(criteria[1].trace->facts[0].second, "unknown");
  EXPECT_FALSE(criteria[1].trace->decided_by.empty());
}

}  // namespace
}  // namespace mskc::rules::testing
