// P12 approval windows: pain management 10 business days, spine/joint outpatient 60 days,
// inpatient DOS + goal length of stay, state minimums; and the windows a decided case carries.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "runtime/rules/validity.h"
#include "tests/unit/runtime_rules/test_ruleset.h"

namespace mskc::rules::testing {
namespace {

using determination::Outcome;

class ValidityTest : public ::testing::Test {
 protected:
  const Plan& PlanNamed(const char* code) { return *rules_.program().FindPlan(code); }
  Window For(const char* plan, const char* dos, FamilyKind kind,
             cases::Setting setting = cases::Setting::kOutpatient,
             std::string_view guideline = "x", std::optional<std::string> state = {}) {
    const Plan& p = PlanNamed(plan);
    BusinessCalendar calendar(p.closure_dates);
    return LineWindow(p, calendar, WindowRequest{D(dos), kind, setting, guideline, state});
  }
  TestRuleset rules_;
};

TEST_F(ValidityTest, PainManagementTenBusinessDaysAcrossAWeekend) {
  Window w = For("DEFAULT", "2021-03-01", FamilyKind::kPainManagement);
  EXPECT_EQ(w.valid_from, D("2021-03-01"));
  EXPECT_EQ(w.expires_on, D("2021-03-12"));
}

TEST_F(ValidityTest, PainManagementSkipsAFederalHoliday) {
  // Memorial Day 2021-05-31: Mon 05-24 is day 1, Mon 06-07 day 10.
  EXPECT_EQ(For("DEFAULT", "2021-05-24", FamilyKind::kPainManagement).expires_on,
            D("2021-06-07"));
}

TEST_F(ValidityTest, PainManagementSaturdayStartsCountingMonday) {
  Window w = For("DEFAULT", "2021-03-06", FamilyKind::kPainManagement);
  EXPECT_EQ(w.valid_from, D("2021-03-06"));  // always the date of service
  EXPECT_EQ(w.expires_on, D("2021-03-19"));
}

TEST_F(ValidityTest, PainManagementWholeWeekOfHolidaysAroundNewYear) {
  // New Year's Day 2022 (Sat) observed Fri 2021-12-31; Christmas 2021 (Sat) observed Fri 12-24.
  // Mon 12-27 .. Thu 12-30 (4), Mon 01-03 .. Fri 01-07 (9), Mon 01-10 (10).
  EXPECT_EQ(For("DEFAULT", "2021-12-27", FamilyKind::kPainManagement).expires_on,
            D("2022-01-10"));
}

TEST_F(ValidityTest, PainManagementPlanClosure) {
  EXPECT_EQ(For("CLOSED", "2021-03-01", FamilyKind::kPainManagement).expires_on,
            D("2021-03-15"));
}

TEST_F(ValidityTest, PainManagementIgnoresTheSetting) {
  EXPECT_EQ(For("DEFAULT", "2021-03-01", FamilyKind::kPainManagement,
                cases::Setting::kInpatient, "ipm.epidural")
                .expires_on,
            D("2021-03-12"));
}

TEST_F(ValidityTest, OutpatientSurgerySixtyCalendarDays) {
  EXPECT_EQ(For("DEFAULT", "2021-03-01", FamilyKind::kSpine).expires_on, D("2021-04-29"));
  EXPECT_EQ(For("DEFAULT", "2021-03-06", FamilyKind::kJoint).expires_on, D("2021-05-04"));
}

TEST_F(ValidityTest, InpatientGoalLengthOfStay) {
  EXPECT_EQ(For("DEFAULT", "2021-12-30", FamilyKind::kSpine, cases::Setting::kInpatient,
                "spine.lumbar_fusion")
                .expires_on,
            D("2022-01-02"));
  EXPECT_EQ(For("DEFAULT", "2021-12-30", FamilyKind::kJoint, cases::Setting::kInpatient,
                "joint.knee_arthroscopy")
                .expires_on,
            D("2021-12-31"));  // the plan's default goal length of stay, 1
}

TEST_F(ValidityTest, StateOverrideSetsAMinimum) {
  // PA: 90 days outpatient → DOS + 89 beats DOS + 59.
  EXPECT_EQ(For("STATEPLAN", "2021-03-01", FamilyKind::kSpine, cases::Setting::kOutpatient,
                "spine.lumbar_fusion", "PA")
                .expires_on,
            D("2021-05-29"));
  // PA pain management: max(30 days, 90 outpatient days) → DOS + 89.
  EXPECT_EQ(For("STATEPLAN", "2021-03-01", FamilyKind::kPainManagement,
                cases::Setting::kOutpatient, "ipm.epidural", "PA")
                .expires_on,
            D("2021-05-29"));
  // PA inpatient pain management: only the 30-day kind override applies.
  EXPECT_EQ(For("STATEPLAN", "2021-03-01", FamilyKind::kPainManagement,
                cases::Setting::kInpatient, "ipm.epidural", "PA")
                .expires_on,
            D("2021-03-30"));
  // PA inpatient spine: neither override applies (setting outpatient, kind pain management).
  EXPECT_EQ(For("STATEPLAN", "2021-12-30", FamilyKind::kSpine, cases::Setting::kInpatient,
                "spine.lumbar_fusion", "PA")
                .expires_on,
            D("2022-01-02"));
}

TEST_F(ValidityTest, ShorterStateMinimumKeepsTheRulesWindow) {
  // NJ: 5 days is shorter than every rule window.
  EXPECT_EQ(For("STATEPLAN", "2021-03-01", FamilyKind::kPainManagement,
                cases::Setting::kOutpatient, "ipm.epidural", "NJ")
                .expires_on,
            D("2021-03-12"));
  // NJ inpatient LOS 1: 5 days → DOS + 4.
  EXPECT_EQ(For("STATEPLAN", "2021-03-01", FamilyKind::kJoint, cases::Setting::kInpatient,
                "joint.knee_arthroscopy", "NJ")
                .expires_on,
            D("2021-03-05"));
}

TEST_F(ValidityTest, OtherStatesAndPlansIgnoreOverrides) {
  EXPECT_EQ(For("STATEPLAN", "2021-03-01", FamilyKind::kSpine, cases::Setting::kOutpatient,
                "spine.lumbar_fusion", "NY")
                .expires_on,
            D("2021-04-29"));
  EXPECT_EQ(For("STATEPLAN", "2021-03-01", FamilyKind::kSpine).expires_on, D("2021-04-29"));
  EXPECT_EQ(For("DEFAULT", "2021-03-01", FamilyKind::kSpine, cases::Setting::kOutpatient,
                "spine.lumbar_fusion", "PA")
                .expires_on,
            D("2021-04-29"));
}

TEST_F(ValidityTest, InpatientCaseWindowUsesGoalNotRequestedStay) {
  cases::Case c = MakeCase({"22630"});
  c.submitted_on = c.date_of_service = D("2021-12-30");
  c.setting = cases::Setting::kInpatient;
  c.site_of_care = cases::SiteOfCare::kInpatientHospital;
  c.requested_los_days = 7;
  c.clinical["functional_impairment"] = true;
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_EQ(d.valid_from, D("2021-12-30"));
  EXPECT_EQ(d.expires_on, D("2022-01-02"));
  EXPECT_EQ(d.lines[0].expires_on, D("2022-01-02"));
}

TEST_F(ValidityTest, StateOverrideAppliesThroughDecide) {
  cases::Case c = MakeCase({"22630"});
  c.health_plan = "STATEPLAN";
  c.state = "PA";
  c.clinical["functional_impairment"] = true;
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.expires_on, D("2021-05-29"));
}

}  // namespace
}  // namespace mskc::rules::testing
