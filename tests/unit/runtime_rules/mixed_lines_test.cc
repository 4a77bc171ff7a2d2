// Mixed lines (whole-case outcome, case window, reason-code union) and the P10 smoking rules.
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

class MixedLinesTest : public ::testing::Test {
 protected:
  cases::Case Met(const std::vector<std::string>& codes) {
    cases::Case c = MakeCase(codes);
    c.clinical["functional_impairment"] = true;
    c.clinical["pain_score"] = 8.0;
    return c;
  }
  TestRuleset rules_;
};

TEST_F(MixedLinesTest, CaseWindowIsTheLineWindowThatEndsFirst) {
  auto d = Evaluate(rules_, Met({"22630", "62323"}));
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_EQ(d.lines[0].expires_on, D("2021-04-29"));
  EXPECT_EQ(d.lines[1].expires_on, D("2021-03-12"));
  EXPECT_EQ(d.valid_from, D("2021-03-01"));
  EXPECT_EQ(d.expires_on, D("2021-03-12"));
}

TEST_F(MixedLinesTest, AnyPendedLinePendsTheCase) {
  cases::Case c = Met({"62323", "22630"});
  c.clinical["pain_score"] = 2.0;
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kPended);
  EXPECT_EQ(d.status, CaseStatus::kInProgress);
  EXPECT_EQ(d.review, Review::kNurse);
  EXPECT_EQ(d.lines[0].outcome, Outcome::kPended);
  EXPECT_EQ(d.lines[1].outcome, Outcome::kApproved);
  EXPECT_EQ(d.lines[1].expires_on, D("2021-04-29"));  // the approved line keeps its window
  EXPECT_FALSE(d.valid_from.has_value());
  EXPECT_FALSE(d.expires_on.has_value());
}

TEST_F(MixedLinesTest, ApprovedBeatsNotificationOnly) {
  cases::Case c = Met({"62322", "22630"});
  c.diagnoses = {"G89.12"};
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_THAT(Codes(d), ElementsAre("NOTIFICATION_ONLY"));
  EXPECT_EQ(d.expires_on, D("2021-03-12"));  // the notification line's window ends first
}

TEST_F(MixedLinesTest, NotificationOnlyBeatsNotRequired) {
  cases::Case c = Met({"99213", "62320"});
  c.diagnoses = {"G89.11"};
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kNotificationOnly);
  EXPECT_EQ(d.status, CaseStatus::kCompleted);
  EXPECT_THAT(Codes(d), ElementsAre("NOT_MANAGED", "NOTIFICATION_ONLY"));
  EXPECT_EQ(d.expires_on, D("2021-03-12"));
}

TEST_F(MixedLinesTest, ReasonCodesAreTheUnionInTableOrder) {
  cases::Case c = Met({"29827", "99213", "27279", "62323"});
  c.procedures[0].revision = true;
  c.clinical["smoker"] = true;
  c.clinical["nicotine_test_negative"] = false;
  c.clinical.erase("pain_score");
  auto d = Evaluate(rules_, c);
  EXPECT_THAT(Codes(d), ElementsAre("MANUAL_REVIEW", "NOT_MANAGED", "CRITERIA_NOT_MET",
                                    "MISSING_INFORMATION", "SMOKING_CESSATION_REQUIRED"));
}

TEST_F(MixedLinesTest, SmokerGetsOneRecommendationForSpineOrJoint) {
  cases::Case c = Met({"22630", "29880"});
  c.clinical["smoker"] = true;
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  EXPECT_THAT(Codes(d), IsEmpty());
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].kind, NoteKind::kRecommendation);
  EXPECT_FALSE(d.notes[0].line.has_value());
}

TEST_F(MixedLinesTest, SmokingNoteAlsoForPendedLines) {
  cases::Case c = MakeCase({"22630"});
  c.clinical["smoker"] = true;
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kPended);
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].kind, NoteKind::kRecommendation);
}

TEST_F(MixedLinesTest, NoSmokingNoteForPainOnlyNonSmokersOrCaseLevel) {
  cases::Case pain = Met({"62323"});
  pain.clinical["smoker"] = true;
  EXPECT_EQ(Evaluate(rules_, pain).notes.size(), 1u);  // only the version's notice
  EXPECT_EQ(Evaluate(rules_, pain).notes[0].kind, NoteKind::kNotice);

  cases::Case nonsmoker = Met({"22630"});
  nonsmoker.clinical["smoker"] = false;
  EXPECT_THAT(Evaluate(rules_, nonsmoker).notes, IsEmpty());
  nonsmoker.clinical.erase("smoker");
  EXPECT_THAT(Evaluate(rules_, nonsmoker).notes, IsEmpty());

  cases::Case emergency = Met({"22630"});
  emergency.clinical["smoker"] = true;
  emergency.emergency = true;
  EXPECT_THAT(Evaluate(rules_, emergency).notes, IsEmpty());

  cases::Case manual = Met({"27279"});
  manual.clinical["smoker"] = true;
  EXPECT_THAT(Evaluate(rules_, manual).notes, IsEmpty());
}

TEST_F(MixedLinesTest, RevisionRotatorCuffSmoker) {
  cases::Case c = MakeCase({"29827"});
  c.procedures[0].revision = true;
  c.clinical["smoker"] = true;
  // Test absent: unknown, MISSING_INFORMATION, no SMOKING_CESSATION_REQUIRED.
  auto d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kPended);
  EXPECT_THAT(Codes(d), ElementsAre("MISSING_INFORMATION"));
  EXPECT_THAT(d.lines[0].missing, ElementsAre("nicotine_test_negative"));
  // Positive test: unmet.
  c.clinical["nicotine_test_negative"] = false;
  d = Evaluate(rules_, c);
  EXPECT_THAT(Codes(d), ElementsAre("CRITERIA_NOT_MET", "SMOKING_CESSATION_REQUIRED"));
  EXPECT_THAT(d.lines[0].unmet, ElementsAre("nonsmoker_or_negative_test"));
  // Negative test: met.
  c.clinical["nicotine_test_negative"] = true;
  EXPECT_EQ(Evaluate(rules_, c).outcome, Outcome::kApproved);
  // Primary repair: met whatever the smoking status; only the note remains.
  c.procedures[0].revision = false;
  c.clinical["nicotine_test_negative"] = false;
  d = Evaluate(rules_, c);
  EXPECT_EQ(d.outcome, Outcome::kApproved);
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_EQ(d.notes[0].kind, NoteKind::kRecommendation);
}

}  // namespace
}  // namespace mskc::rules::testing
