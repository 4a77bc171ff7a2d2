// P11 site of care: hospital outpatient site for a listed code needs a qualifying reason.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "runtime/rules/site_of_care.h"
#include "tests/unit/runtime_rules/test_ruleset.h"

namespace mskc::rules::testing {
namespace {

using cases::SiteOfCareReason;
using determination::Outcome;
using determination::Review;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

class SiteOfCareTest : public ::testing::Test {
 protected:
  cases::Case Hopd(const char* code, std::vector<SiteOfCareReason> reasons) {
    cases::Case c = MakeCase({code});
    c.site_of_care = cases::SiteOfCare::kOutpatientHospital;
    c.site_of_care_reasons = std::move(reasons);
    c.clinical["functional_impairment"] = true;
    c.clinical["pain_score"] = 8.0;
    return c;
  }
  TestRuleset rules_;
};

TEST_F(SiteOfCareTest, EveryMedicalAndAccessReasonQualifies) {
  for (auto r : {SiteOfCareReason::kAsaClass3OrHigher, SiteOfCareReason::kBmiOver50,
                 SiteOfCareReason::kSevereCardiopulmonaryDisease,
                 SiteOfCareReason::kUncontrolledSleepApnea, SiteOfCareReason::kBleedingDisorder,
                 SiteOfCareReason::kExpectedOvernightStay, SiteOfCareReason::kAgeUnder18,
                 SiteOfCareReason::kNoNetworkAscInReach, SiteOfCareReason::kAscLacksEquipment}) {
    EXPECT_TRUE(IsQualifyingSiteOfCareReason(r)) << cases::ToString(r);
    auto d = Evaluate(rules_, Hopd("29880", {r}));
    EXPECT_EQ(d.outcome, Outcome::kApproved) << cases::ToString(r);
  }
  EXPECT_FALSE(IsQualifyingSiteOfCareReason(SiteOfCareReason::kNoAscPrivileges));
}

TEST_F(SiteOfCareTest, NoReasonPendsForAPhysician) {
  auto d = Evaluate(rules_, Hopd("29880", {}));
  EXPECT_EQ(d.outcome, Outcome::kPended);
  EXPECT_EQ(d.review, Review::kPhysician);
  EXPECT_EQ(d.lines[0].review, Review::kPhysician);
  EXPECT_THAT(Codes(d), ElementsAre("SITE_OF_CARE_REVIEW"));
  // Not a criterion: the clinical criteria are all there and met, nothing missing.
  ASSERT_EQ(d.lines[0].criteria.size(), 2u);
  EXPECT_THAT(d.lines[0].unmet, IsEmpty());
  EXPECT_THAT(d.lines[0].missing, IsEmpty());
  EXPECT_FALSE(d.expires_on.has_value());
}

TEST_F(SiteOfCareTest, NoAscPrivilegesAloneFails) {
  auto d = Evaluate(rules_, Hopd("29827", {SiteOfCareReason::kNoAscPrivileges}));
  EXPECT_EQ(d.outcome, Outcome::kPended);
  EXPECT_EQ(d.review, Review::kPhysician);
  EXPECT_THAT(Codes(d), ElementsAre("SITE_OF_CARE_REVIEW"));
}

TEST_F(SiteOfCareTest, NoAscPrivilegesDoesNotSpoilAQualifyingReason) {
  auto d = Evaluate(rules_, Hopd("29880", {SiteOfCareReason::kNoAscPrivileges,
                                      SiteOfCareReason::kBmiOver50}));
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_THAT(Codes(d), IsEmpty());
}

TEST_F(SiteOfCareTest, OtherSitesAndUnlistedCodesNeedNoReview) {
  for (auto site : {cases::SiteOfCare::kAmbulatorySurgeryCenter, cases::SiteOfCare::kOffice}) {
    cases::Case c = Hopd("29880", {});
    c.site_of_care = site;
    EXPECT_EQ(Evaluate(rules_, c).outcome, Outcome::kApproved);
  }
  cases::Case inpatient = Hopd("29880", {});
  inpatient.setting = cases::Setting::kInpatient;
  inpatient.site_of_care = cases::SiteOfCare::kInpatientHospital;
  EXPECT_EQ(Evaluate(rules_, inpatient).outcome, Outcome::kApproved);
  // 22630 is not on the site-of-care list.
  EXPECT_EQ(Evaluate(rules_, Hopd("22630", {})).outcome, Outcome::kApproved);
}

TEST_F(SiteOfCareTest, CriteriaStillEvaluatedAndReported) {
  cases::Case c = Hopd("62323", {});
  c.clinical["pain_score"] = 3.0;
  c.clinical.erase("functional_impairment");
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.review, Review::kPhysician);
  EXPECT_THAT(Codes(d),
              ElementsAre("CRITERIA_NOT_MET", "MISSING_INFORMATION", "SITE_OF_CARE_REVIEW"));
  EXPECT_THAT(d.lines[0].unmet, ElementsAre("pain"));
  EXPECT_THAT(d.lines[0].missing, ElementsAre("functional_impairment"));
}

TEST_F(SiteOfCareTest, NotCheckedForCaseLevelResults) {
  cases::Case c = Hopd("29880", {});
  c.emergency = true;
  auto d = Evaluate(rules_, c);
  EXPECT_THAT(Codes(d), ElementsAre("EMERGENCY_EXEMPT"));
}

TEST_F(SiteOfCareTest, PhysicianReviewWinsOverNurseForTheCase) {
  cases::Case c = Hopd("29880", {});
  c.procedures.push_back(MakeCase({"27279"}).procedures[0]);  // manual review: nurse
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.review, Review::kPhysician);
  EXPECT_EQ(d.lines[1].review, Review::kNurse);
  EXPECT_THAT(Codes(d), ElementsAre("MANUAL_REVIEW", "SITE_OF_CARE_REVIEW"));
}

}  // namespace
}  // namespace mskc::rules::testing
