// P5 retrospective requests: the deadline is the 2nd business day strictly after the service,
// and a retro case is reviewed as of `performed_on`.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "runtime/rules/case_level.h"
#include "tests/unit/runtime_rules/test_ruleset.h"

namespace mskc::rules::testing {
namespace {

using determination::Outcome;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(RetroDeadlineTest, SaturdayServiceGivesTheTuesdayAfter) {
  EXPECT_EQ(RetroDeadline(FederalCalendar(), D("2021-03-06")), D("2021-03-09"));
}

TEST(RetroDeadlineTest, WeekdayServiceCountsStrictlyAfter) {
  EXPECT_EQ(RetroDeadline(FederalCalendar(), D("2021-03-01")), D("2021-03-03"));  // Mon → Wed
  EXPECT_EQ(RetroDeadline(FederalCalendar(), D("2021-03-04")), D("2021-03-08"));  // Thu → Mon
}

TEST(RetroDeadlineTest, ObservedHolidayIsSkipped) {
  // Independence Day 2021 fell on a Sunday, observed Monday 2021-07-05.
  EXPECT_EQ(RetroDeadline(FederalCalendar(), D("2021-07-02")), D("2021-07-07"));
  // Saturday 2021-07-03 → Tue 07-06 would be the 1st business day, Wed 07-07 the 2nd.
  EXPECT_EQ(RetroDeadline(FederalCalendar(), D("2021-07-03")), D("2021-07-07"));
}

TEST(RetroDeadlineTest, PlanClosureIsSkipped) {
  BusinessCalendar closed({D("2021-03-02")});
  EXPECT_EQ(RetroDeadline(closed, D("2021-03-01")), D("2021-03-04"));
}

class RetroTest : public ::testing::Test {
 protected:
  cases::Case Retro(const char* performed, const char* submitted) {
    cases::Case c = MakeCase({"62323"});
    c.performed_on = D(performed);
    c.date_of_service = D(performed);
    c.submitted_on = D(submitted);
    c.clinical["functional_impairment"] = true;
    c.clinical["pain_score"] = 8.0;
    return c;
  }
  TestRuleset rules_;
};

TEST_F(RetroTest, SaturdayServiceSubmittedOnTheDeadlineIsReviewed) {
  auto d = Evaluate(rules_, Retro("2021-03-06", "2021-03-09"));
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_THAT(Codes(d), IsEmpty());
}

TEST_F(RetroTest, SaturdayServiceSubmittedTheDayAfterTheDeadlineIsDenied) {
  auto d = Evaluate(rules_, Retro("2021-03-06", "2021-03-10"));
  EXPECT_EQ(d.outcome, Outcome::kDeniedAdministrative);
  EXPECT_THAT(Codes(d), ElementsAre("RETRO_WINDOW_EXCEEDED"));
}

TEST_F(RetroTest, HolidayExtendsTheDeadline) {
  EXPECT_EQ(Evaluate(rules_, Retro("2021-07-02", "2021-07-07")).outcome, Outcome::kApproved);
  EXPECT_EQ(Evaluate(rules_, Retro("2021-07-02", "2021-07-08")).outcome,
            Outcome::kDeniedAdministrative);
}

TEST_F(RetroTest, PlanClosureExtendsTheDeadline) {
  cases::Case c = Retro("2021-03-09", "2021-03-12");  // Tue; Wed 03-10 is a CLOSED closure
  EXPECT_EQ(Evaluate(rules_, c).outcome, Outcome::kDeniedAdministrative);
  c.health_plan = "CLOSED";
  EXPECT_EQ(Evaluate(rules_, c).outcome, Outcome::kApproved);
}

TEST_F(RetroTest, DateOfServiceBeforeSubmissionIsRetrospective) {
  cases::Case c = Retro("2021-03-01", "2021-03-04");
  c.performed_on.reset();
  auto d = Evaluate(rules_, c);
  EXPECT_THAT(Codes(d), ElementsAre("RETRO_WINDOW_EXCEEDED"));
  c.submitted_on = D("2021-03-03");
  EXPECT_EQ(Evaluate(rules_, c).outcome, Outcome::kApproved);
}

TEST_F(RetroTest, PerformedOnSelectsTheVersionAndTheWindow) {
  // Planned for 2020-08-14 (first version), performed 2020-08-17 (second version).
  cases::Case c = Retro("2020-08-17", "2020-08-18");
  c.date_of_service = D("2020-08-14");
  auto d = Evaluate(rules_, c);
  ASSERT_EQ(d.lines.size(), 1u);
  ASSERT_TRUE(d.lines[0].guideline.has_value());
  EXPECT_EQ(d.lines[0].guideline->version, "2020-08-16");
  EXPECT_EQ(d.lines[0].criteria.size(), 2u);
  EXPECT_EQ(d.valid_from, D("2020-08-17"));
  EXPECT_EQ(d.expires_on, D("2020-08-28"));  // 10 business days from Mon 08-17
}

}  // namespace
}  // namespace mskc::rules::testing
