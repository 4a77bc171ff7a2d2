// P9 soft launch (IBX: 2018-01-02 .. 2018-01-16, spine and joint only): the day before, the first
// and last day, the day after; covered and uncovered families; unmet and unknown criteria.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "runtime/rules/soft_launch.h"
#include "tests/unit/runtime_rules/test_ruleset.h"

namespace mskc::rules::testing {
namespace {

using determination::NoteKind;
using determination::Outcome;
using determination::Review;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class SoftLaunchTest : public ::testing::Test {
 protected:
  cases::Case Ibx(const std::vector<std::string>& codes, const char* dos) {
    cases::Case c = MakeCase(codes);
    c.health_plan = "IBX";
    c.submitted_on = c.date_of_service = D(dos);
    c.clinical["functional_impairment"] = false;
    return c;
  }
  TestRuleset rules_;
};

TEST_F(SoftLaunchTest, CoversOnlyItsWindowAndKinds) {
  const Plan& ibx = *rules_.program().FindPlan("IBX");
  EXPECT_FALSE(SoftLaunchCovers(ibx, D("2018-01-01"), FamilyKind::kSpine));
  EXPECT_TRUE(SoftLaunchCovers(ibx, D("2018-01-02"), FamilyKind::kSpine));
  EXPECT_TRUE(SoftLaunchCovers(ibx, D("2018-01-16"), FamilyKind::kJoint));
  EXPECT_FALSE(SoftLaunchCovers(ibx, D("2018-01-17"), FamilyKind::kSpine));
  EXPECT_FALSE(SoftLaunchCovers(ibx, D("2018-01-10"), FamilyKind::kPainManagement));
  const Plan& plain = *rules_.program().FindPlan("DEFAULT");
  EXPECT_FALSE(SoftLaunchCovers(plain, D("2018-01-10"), FamilyKind::kSpine));
}

TEST_F(SoftLaunchTest, DayBeforeIsBeforeTheProgramStart) {
  auto d = Evaluate(rules_, Ibx({"22630"}, "2018-01-01"));
  EXPECT_EQ(d.outcome, Outcome::kNotRequired);
  EXPECT_THAT(Codes(d), ElementsAre("NOT_MANAGED"));
}

TEST_F(SoftLaunchTest, FirstDayApprovesUnmetCriteriaWithEducation) {
  auto d = Evaluate(rules_, Ibx({"22630"}, "2018-01-02"));
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_EQ(d.review, Review::kNone);
  EXPECT_THAT(Codes(d), ElementsAre("CRITERIA_NOT_MET", "SOFT_LAUNCH_EDUCATION"));
  EXPECT_THAT(d.lines[0].unmet, ElementsAre("function"));
  EXPECT_EQ(d.lines[0].expires_on, D("2018-03-02"));  // approved lines get their window
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].kind, NoteKind::kEducation);
  EXPECT_EQ(d.notes[0].line, 1);
  EXPECT_THAT(d.notes[0].text, HasSubstr("function"));
  EXPECT_THAT(d.notes[0].text, HasSubstr("Pain limits activities of daily living or work"));
}

TEST_F(SoftLaunchTest, LastDayStillSoftLaunch) {
  auto d = Evaluate(rules_, Ibx({"22630"}, "2018-01-16"));
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_THAT(Codes(d), ElementsAre("CRITERIA_NOT_MET", "SOFT_LAUNCH_EDUCATION"));
}

TEST_F(SoftLaunchTest, DayAfterIsFullReview) {
  auto d = Evaluate(rules_, Ibx({"22630"}, "2018-01-17"));
  EXPECT_EQ(d.outcome, Outcome::kPended);
  EXPECT_EQ(d.review, Review::kNurse);
  EXPECT_THAT(Codes(d), ElementsAre("CRITERIA_NOT_MET"));
  EXPECT_THAT(d.notes, IsEmpty());
}

TEST_F(SoftLaunchTest, UnknownCriteriaGetOneNoteEach) {
  cases::Case c = Ibx({"29881"}, "2018-01-10");
  c.clinical.erase("functional_impairment");
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_THAT(Codes(d), ElementsAre("MISSING_INFORMATION", "SOFT_LAUNCH_EDUCATION"));
  EXPECT_THAT(d.lines[0].missing, ElementsAre("functional_impairment", "pain_score"));
  ASSERT_EQ(d.notes.size(), 2u);
  EXPECT_THAT(d.notes[0].text, HasSubstr("function"));
  EXPECT_THAT(d.notes[0].text, HasSubstr("functional_impairment"));
  EXPECT_THAT(d.notes[1].text, HasSubstr("pain"));
}

TEST_F(SoftLaunchTest, MetCriteriaNeedNoEducation) {
  cases::Case c = Ibx({"22630"}, "2018-01-10");
  c.clinical["functional_impairment"] = true;
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_THAT(Codes(d), IsEmpty());
  EXPECT_THAT(d.notes, IsEmpty());
}

TEST_F(SoftLaunchTest, PainManagementIsReviewedNormally) {
  auto d = Evaluate(rules_, Ibx({"22630", "62323"}, "2018-01-10"));
  EXPECT_EQ(d.outcome, Outcome::kPended);
  EXPECT_EQ(d.lines[0].outcome, Outcome::kApproved);
  EXPECT_EQ(d.lines[1].outcome, Outcome::kPended);
  EXPECT_EQ(d.lines[1].review, Review::kNurse);
  EXPECT_THAT(Codes(d), ElementsAre("CRITERIA_NOT_MET", "SOFT_LAUNCH_EDUCATION"));
  ASSERT_EQ(d.notes.size(), 1u);  // only the soft-launched line gets education
  EXPECT_EQ(d.notes[0].line, 1);
}

TEST_F(SoftLaunchTest, DoesNotWaiveSiteOfCare) {
  cases::Case c = Ibx({"29881"}, "2018-01-10");
  c.site_of_care = cases::SiteOfCare::kOutpatientHospital;
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kPended);
  EXPECT_EQ(d.review, Review::kPhysician);
  // Reviewed as usual: criteria codes, no soft-launch code, no education notes.
  EXPECT_THAT(Codes(d),
              ElementsAre("CRITERIA_NOT_MET", "MISSING_INFORMATION", "SITE_OF_CARE_REVIEW"));
  EXPECT_THAT(d.notes, IsEmpty());
}

TEST_F(SoftLaunchTest, SmokingCriterionUnmetInSoftLaunchKeepsBothCodes) {
  cases::Case c = Ibx({"29827"}, "2018-01-10");
  c.procedures[0].revision = true;
  c.clinical["smoker"] = true;
  c.clinical["nicotine_test_negative"] = false;
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_THAT(Codes(d), ElementsAre("CRITERIA_NOT_MET", "SOFT_LAUNCH_EDUCATION",
                                    "SMOKING_CESSATION_REQUIRED"));
}

}  // namespace
}  // namespace mskc::rules::testing
