// Order of rules, steps 2–6: each case-level rule beats every later one, decides every line and
// lists its own codes only; plus the bad-case checks of step 1 that the rules layer makes.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/runtime_rules/test_ruleset.h"

namespace mskc::rules::testing {
namespace {

using determination::CaseStatus;
using determination::Outcome;
using determination::Review;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

class OrderOfRulesTest : public ::testing::Test {
 protected:
  // Every later case-level rule would also apply: emergency, retro window exceeded (performed
  // Mon 2021-03-01, submitted Thu 03-04), member not enrolled, benefit not covered.
  cases::Case Everything() {
    cases::Case c = MakeCase({"62323", "22630"});
    c.emergency = true;
    c.performed_on = D("2021-03-01");
    c.date_of_service = D("2021-03-01");
    c.submitted_on = D("2021-03-04");
    c.member.enrolled = false;
    c.member.benefit_covers_service = false;
    c.clinical["smoker"] = true;
    return c;
  }

  // A case-level result: every line has the case's outcome, no guideline, no criteria, no window.
  void ExpectCaseLevel(const determination::Determination& d, Outcome outcome) {
    EXPECT_EQ(d.outcome, outcome);
    EXPECT_EQ(d.review, Review::kNone);
    EXPECT_FALSE(d.valid_from.has_value());
    EXPECT_FALSE(d.expires_on.has_value());
    EXPECT_THAT(d.notes, IsEmpty());  // no smoking note: no line reached clinical review
    for (const auto& line : d.lines) {
      EXPECT_EQ(line.outcome, outcome);
      EXPECT_FALSE(line.guideline.has_value());
      EXPECT_THAT(line.criteria, IsEmpty());
      EXPECT_THAT(line.unmet, IsEmpty());
      EXPECT_THAT(line.missing, IsEmpty());
      EXPECT_FALSE(line.expires_on.has_value());
    }
  }

  TestRuleset rules_;
};

TEST_F(OrderOfRulesTest, ServicingProviderBeatsEverything) {
  cases::Case c = Everything();
  c.ordering_provider.role = cases::ProviderRole::kServicing;
  auto d = Evaluate(rules_, c);
  ExpectCaseLevel(d, Outcome::kRejected);
  EXPECT_EQ(d.status, CaseStatus::kNotReviewedErrorEntry);
  EXPECT_THAT(Codes(d), ElementsAre("SERVICING_PROVIDER_CANNOT_ORDER"));
  ASSERT_EQ(d.lines.size(), 2u);
  EXPECT_EQ(d.lines[0].code, "62323");
  EXPECT_EQ(d.lines[1].code, "22630");
}

TEST_F(OrderOfRulesTest, ServicingProviderBeatsProgramStart) {
  cases::Case c = MakeCase({"22630"});
  c.health_plan = "IBX";
  c.date_of_service = c.submitted_on = D("2018-01-01");
  c.ordering_provider.role = cases::ProviderRole::kServicing;
  auto d = Evaluate(rules_, c);
  ExpectCaseLevel(d, Outcome::kRejected);
  EXPECT_THAT(Codes(d), ElementsAre("SERVICING_PROVIDER_CANNOT_ORDER"));
}

TEST_F(OrderOfRulesTest, BeforeProgramStartBeatsEmergencyAndAdministrative) {
  cases::Case c = Everything();
  c.health_plan = "IBX";
  c.submitted_on = c.date_of_service = D("2018-01-01");
  c.performed_on.reset();
  auto d = Evaluate(rules_, c);
  ExpectCaseLevel(d, Outcome::kNotRequired);
  EXPECT_EQ(d.status, CaseStatus::kCompleted);
  EXPECT_THAT(Codes(d), ElementsAre("NOT_MANAGED"));
}

TEST_F(OrderOfRulesTest, ProgramStartDayItselfIsManaged) {
  cases::Case c = MakeCase({"62323"});
  c.health_plan = "IBX";
  c.submitted_on = c.date_of_service = D("2018-01-02");
  c.clinical["functional_impairment"] = true;
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_THAT(Codes(d), IsEmpty());
}

TEST_F(OrderOfRulesTest, RetroPerformedOnDecidesProgramStart) {
  // DOS as given is after the start, but the service was performed the day before it.
  cases::Case c = MakeCase({"62323"});
  c.health_plan = "IBX";
  c.date_of_service = D("2018-01-03");
  c.performed_on = D("2018-01-01");
  c.submitted_on = D("2018-01-02");
  auto d = Evaluate(rules_, c);
  ExpectCaseLevel(d, Outcome::kNotRequired);
  EXPECT_THAT(Codes(d), ElementsAre("NOT_MANAGED"));
}

TEST_F(OrderOfRulesTest, EveryLineNotManagedBeatsEmergency) {
  cases::Case c = Everything();
  c.procedures[0].code = "99213";
  c.procedures[1].code = "12345";
  auto d = Evaluate(rules_, c);
  ExpectCaseLevel(d, Outcome::kNotRequired);
  EXPECT_THAT(Codes(d), ElementsAre("NOT_MANAGED"));
}

TEST_F(OrderOfRulesTest, OneManualReviewLineMakesTheCaseManaged) {
  cases::Case c = Everything();
  c.procedures[0].code = "99213";
  c.procedures[1].code = "22856";
  auto d = Evaluate(rules_, c);
  ExpectCaseLevel(d, Outcome::kNotRequired);
  EXPECT_THAT(Codes(d), ElementsAre("EMERGENCY_EXEMPT"));
}

TEST_F(OrderOfRulesTest, EmergencyBeatsRetroAndAdministrative) {
  auto d = Evaluate(rules_, Everything());
  ExpectCaseLevel(d, Outcome::kNotRequired);
  EXPECT_EQ(d.status, CaseStatus::kCompleted);
  EXPECT_THAT(Codes(d), ElementsAre("EMERGENCY_EXEMPT"));
}

TEST_F(OrderOfRulesTest, RetroWindowBeatsAdministrative) {
  cases::Case c = Everything();
  c.emergency = false;
  auto d = Evaluate(rules_, c);
  ExpectCaseLevel(d, Outcome::kDeniedAdministrative);
  EXPECT_EQ(d.status, CaseStatus::kNonAuthorized);
  EXPECT_THAT(Codes(d), ElementsAre("RETRO_WINDOW_EXCEEDED"));
}

TEST_F(OrderOfRulesTest, AdministrativeListsBothCodes) {
  cases::Case c = Everything();
  c.emergency = false;
  c.submitted_on = D("2021-03-03");  // inside the retro window
  auto d = Evaluate(rules_, c);
  ExpectCaseLevel(d, Outcome::kDeniedAdministrative);
  EXPECT_THAT(Codes(d), ElementsAre("MEMBER_NOT_ENROLLED", "BENEFIT_NOT_COVERED"));
}

TEST_F(OrderOfRulesTest, AdministrativeEachCodeAlone) {
  cases::Case c = MakeCase({"62323"});
  c.member.enrolled = false;
  EXPECT_THAT(Codes(Evaluate(rules_, c)), ElementsAre("MEMBER_NOT_ENROLLED"));
  c.member.enrolled = true;
  c.member.benefit_covers_service = false;
  EXPECT_THAT(Codes(Evaluate(rules_, c)), ElementsAre("BENEFIT_NOT_COVERED"));
}

TEST_F(OrderOfRulesTest, AdministrativeDenialAppliesInSoftLaunch) {
  cases::Case c = MakeCase({"22630"});
  c.health_plan = "IBX";
  c.submitted_on = c.date_of_service = D("2018-01-10");
  c.member.enrolled = false;
  auto d = Evaluate(rules_, c);
  ExpectCaseLevel(d, Outcome::kDeniedAdministrative);
  EXPECT_THAT(Codes(d), ElementsAre("MEMBER_NOT_ENROLLED"));
}

TEST_F(OrderOfRulesTest, UnknownPlanIsABadCaseNamingTheKnownPlans) {
  cases::Case c = MakeCase({"62323"});
  c.health_plan = "NOPE";
  DecideResult r = Decide(rules_, c);
  auto* error = std::get_if<cases::CaseError>(&r);
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->path, "health_plan");
  EXPECT_THAT(error->message, HasSubstr("\"NOPE\""));
  EXPECT_THAT(error->message, HasSubstr("CLOSED, DEFAULT, IBX, PAINONLY, STATEPLAN"));
  EXPECT_EQ(cases::FormatCaseError(*error),
            "health_plan: expected one of the known plans (CLOSED, DEFAULT, IBX, PAINONLY, "
            "STATEPLAN), found \"NOPE\"");
}

TEST_F(OrderOfRulesTest, PerformedAfterSubmittedIsABadCase) {
  cases::Case c = MakeCase({"62323"});
  c.performed_on = D("2021-03-02");
  DecideResult r = Decide(rules_, c);
  auto* error = std::get_if<cases::CaseError>(&r);
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->path, "performed_on");
}

TEST_F(OrderOfRulesTest, WarningsAreCarriedOver) {
  cases::Case c = MakeCase({"62323"});
  c.warnings = {"clinical.pain_scor: unknown clinical fact (did you mean `pain_score`?)"};
  c.emergency = true;
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.warnings, c.warnings);
  EXPECT_EQ(d.case_id, "C-1");
}

}  // namespace
}  // namespace mskc::rules::testing
