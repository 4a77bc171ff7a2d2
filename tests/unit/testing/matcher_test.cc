#include "runtime/testing/matcher.h"

#include <gtest/gtest.h>

namespace mskc::testing {
namespace {

using determination::CaseStatus;
using determination::Determination;
using determination::LineResult;
using determination::Outcome;
using determination::ReasonCode;
using determination::Review;

Date D(const char* text) { return *Date::Parse(text); }

// A pended one-line epidural determination: severity unmet, duration unknown.
Determination Pended() {
  Determination d;
  d.case_id = "C";
  d.outcome = Outcome::kPended;
  d.status = CaseStatus::kInProgress;
  d.review = Review::kNurse;
  d.reason_codes = {ReasonCode::kCriteriaNotMet, ReasonCode::kMissingInformation};
  LineResult line;
  line.code = "62323";
  line.outcome = Outcome::kPended;
  line.guideline = determination::GuidelineRef{"ipm.epidural", "2020-08-16"};
  line.criteria = {{"adult", Tri::kTrue, "", std::nullopt},
                   {"severity", Tri::kFalse, "", std::nullopt},
                   {"duration", Tri::kUnknown, "", std::nullopt}};
  line.unmet = {"severity"};
  line.missing = {"pain_duration_weeks"};
  d.lines.push_back(line);
  d.notes.push_back({determination::NoteKind::kNotice, 1, "FDA Safe Use Initiative ..."});
  d.warnings = {"clinical.pain_scor: unknown fact; did you mean `pain_score`?"};
  return d;
}

std::vector<std::string> Texts(const std::vector<Mismatch>& mismatches) {
  std::vector<std::string> out;
  for (const auto& m : mismatches) out.push_back(FormatMismatch(m));
  return out;
}

TEST(Matcher, NothingExpectedMatchesAnything) {
  EXPECT_TRUE(Match(Expectation{}, Pended()).empty());
}

TEST(Matcher, CaseLevelParts) {
  Expectation e;
  e.outcome = "pended";
  e.status = "In Progress";
  e.review = "nurse";
  EXPECT_TRUE(Match(e, Pended()).empty());
  e.outcome = "approved";
  e.status = "Authorized";
  e.review = "none";
  EXPECT_EQ(Texts(Match(e, Pended())),
            (std::vector<std::string>{"outcome: expected approved / actual pended",
                                      "status: expected Authorized / actual In Progress",
                                      "review: expected none / actual nurse"}));
}

TEST(Matcher, ReasonCodesAreASetShownInTableOrder) {
  Expectation e;
  e.reason_codes = std::vector<std::string>{"MISSING_INFORMATION", "CRITERIA_NOT_MET"};
  EXPECT_TRUE(Match(e, Pended()).empty());
  e.reason_codes = std::vector<std::string>{"MISSING_INFORMATION"};
  EXPECT_EQ(Texts(Match(e, Pended())),
            std::vector<std::string>{"reason_codes: expected [MISSING_INFORMATION] / actual "
                                     "[CRITERIA_NOT_MET, MISSING_INFORMATION]"});
  e.reason_codes = std::vector<std::string>{};
  EXPECT_EQ(Match(e, Pended()).size(), 1u);
}

TEST(Matcher, DatesAndAbsentDates) {
  Determination d = Pended();
  Expectation e;
  e.valid_from = kAbsent;
  e.expires_on = kAbsent;
  EXPECT_TRUE(Match(e, d).empty());
  e.expires_on = "2021-03-12";
  EXPECT_EQ(Texts(Match(e, d)),
            std::vector<std::string>{"expires_on: expected 2021-03-12 / actual null"});
  d.valid_from = D("2021-03-01");
  d.expires_on = D("2021-03-12");
  e.valid_from = "2021-03-01";
  EXPECT_TRUE(Match(e, d).empty());
  e.expires_on = "2021-03-11";  // the day before
  EXPECT_EQ(Texts(Match(e, d)),
            std::vector<std::string>{"expires_on: expected 2021-03-11 / actual 2021-03-12"});
  e.expires_on = kAbsent;
  EXPECT_EQ(Texts(Match(e, d)),
            std::vector<std::string>{"expires_on: expected null / actual 2021-03-12"});
}

TEST(Matcher, ListedCriteriaOnly) {
  Expectation e;
  e.lines[1].criteria = {{"severity", "unmet"}, {"duration", "unknown"}};
  EXPECT_TRUE(Match(e, Pended()).empty());
  e.lines[1].criteria = {{"severity", "met"}, {"duration", "unmet"}};
  EXPECT_EQ(Texts(Match(e, Pended())),
            (std::vector<std::string>{"criteria.severity: expected met / actual unmet",
                                      "criteria.duration: expected unmet / actual unknown"}));
}

TEST(Matcher, OthersCoverEveryUnlistedCriterion) {
  Expectation e;
  e.lines[1].criteria = {{"severity", "unmet"}};
  e.lines[1].others = "met";
  EXPECT_EQ(Texts(Match(e, Pended())),
            std::vector<std::string>{"criteria.duration: expected met / actual unknown"});
  e.lines[1].criteria.push_back({"duration", "unknown"});
  EXPECT_TRUE(Match(e, Pended()).empty());
}

TEST(Matcher, AbsentCriteria) {
  Expectation e;
  e.lines[1].criteria = {{"therapy", "absent"}};
  EXPECT_TRUE(Match(e, Pended()).empty());
  e.lines[1].criteria = {{"adult", "absent"}};
  EXPECT_EQ(Texts(Match(e, Pended())),
            std::vector<std::string>{"criteria.adult: expected absent / actual met"});
  e.lines[1].criteria = {{"therapy", "met"}};  // a criterion the version does not have
  EXPECT_EQ(Texts(Match(e, Pended())),
            std::vector<std::string>{"criteria.therapy: expected met / actual absent"});
  e.lines[1].criteria.clear();
  e.lines[1].others = "absent";  // "no criteria at all"
  EXPECT_EQ(Match(e, Pended()).size(), 3u);
}

TEST(Matcher, UnmetAndMissingAreSets) {
  Determination d = Pended();
  d.lines[0].missing = {"functional_impairment", "pain_score"};
  Expectation e;
  e.lines[1].missing = std::vector<std::string>{"pain_score", "functional_impairment"};
  e.lines[1].unmet = std::vector<std::string>{"severity"};
  EXPECT_TRUE(Match(e, d).empty());
  e.lines[1].missing = std::vector<std::string>{"pain_score"};
  e.lines[1].unmet = std::vector<std::string>{};
  EXPECT_EQ(Texts(Match(e, d)),
            (std::vector<std::string>{
                "unmet: expected [] / actual [severity]",
                "missing: expected [pain_score] / actual [functional_impairment, pain_score]"}));
}

TEST(Matcher, LineIdentity) {
  Expectation e;
  e.lines[1].code = "62323";
  e.lines[1].outcome = "pended";
  e.lines[1].guideline = "ipm.epidural";
  e.lines[1].version = "2020-08-16";
  EXPECT_TRUE(Match(e, Pended()).empty());
  e.lines[1].version = "2018-01-01";
  e.lines[1].guideline = kAbsent;
  EXPECT_EQ(Texts(Match(e, Pended())),
            (std::vector<std::string>{"guideline: expected null / actual ipm.epidural",
                                      "version: expected 2018-01-01 / actual 2020-08-16"}));
  Determination no_guideline = Pended();
  no_guideline.lines[0].guideline.reset();
  EXPECT_EQ(Texts(Match(e, no_guideline)),
            std::vector<std::string>{"version: expected 2018-01-01 / actual null"});
}

TEST(Matcher, LineNumbersAndMissingLines) {
  Determination d = Pended();
  d.lines.push_back(d.lines[0]);
  d.lines[1].code = "64483";
  d.lines[1].outcome = Outcome::kApproved;
  Expectation e;
  e.lines[2].outcome = "pended";
  e.lines[1].code = "62323";
  EXPECT_EQ(Texts(Match(e, d)),
            std::vector<std::string>{"line 2 outcome: expected pended / actual approved"});
  e.lines.clear();
  e.lines[3].outcome = "approved";
  EXPECT_EQ(Texts(Match(e, d)),
            std::vector<std::string>{"line 3: expected a line / actual 2 lines"});
}

TEST(Matcher, NotesInOrderWithLineAndText) {
  Expectation e;
  e.notes = std::vector<NoteExpectation>{{"notice", 1, "FDA Safe Use"}};
  EXPECT_TRUE(Match(e, Pended()).empty());
  e.notes = std::vector<NoteExpectation>{};
  EXPECT_EQ(Texts(Match(e, Pended())),
            std::vector<std::string>{"notes: expected [] / actual [notice]"});
  e.notes = std::vector<NoteExpectation>{{"education", std::nullopt, std::nullopt}};
  EXPECT_EQ(Texts(Match(e, Pended())),
            std::vector<std::string>{"notes: expected [education] / actual [notice]"});
  e.notes = std::vector<NoteExpectation>{{"notice", 2, std::nullopt}};
  EXPECT_EQ(
      Texts(Match(e, Pended())),
      std::vector<std::string>{"notes[0]: expected notice on line 2 / actual notice on line 1"});
  e.notes = std::vector<NoteExpectation>{{"notice", std::nullopt, "smoking"}};
  EXPECT_EQ(Match(e, Pended()).size(), 1u);
}

TEST(Matcher, WarningsBySubstringInOrder) {
  Expectation e;
  e.warnings = std::vector<std::string>{"pain_scor"};
  EXPECT_TRUE(Match(e, Pended()).empty());
  e.warnings = std::vector<std::string>{};
  EXPECT_EQ(Match(e, Pended()).size(), 1u);
  e.warnings = std::vector<std::string>{"imaging"};
  EXPECT_EQ(Match(e, Pended()).size(), 1u);
}

TEST(Matcher, ExpectedRefusal) {
  Expectation e;
  e.error_path = "clinical.pain_score";
  EXPECT_EQ(Texts(Match(e, Pended())),
            std::vector<std::string>{"case: expected refused at `clinical.pain_score` / actual a "
                                     "determination (pended)"});
  cases::CaseError error{"clinical.pain_score", "expected a number from 0 to 10, found 11"};
  EXPECT_TRUE(MatchRefusal(e, error).empty());
  e.error_path = "clinical.pain_duration_weeks";
  EXPECT_EQ(MatchRefusal(e, error).size(), 1u);
  EXPECT_EQ(
      Texts(MatchRefusal(Expectation{}, error)),
      std::vector<std::string>{"case: expected a determination / actual refused: "
                               "clinical.pain_score: expected a number from 0 to 10, found 11"});
}

TEST(Matcher, FormatWithOwnLabels) {
  Mismatch m{"backends differ at lines[0].outcome", "\"approved\"", "\"pended\"", "jit", "interp"};
  EXPECT_EQ(FormatMismatch(m),
            "backends differ at lines[0].outcome: jit \"approved\" / interp \"pended\"");
  Mismatch note{"malformed test (line 4)", "", "unknown key", "", ""};
  EXPECT_EQ(FormatMismatch(note), "malformed test (line 4): unknown key");
}

}  // namespace
}  // namespace mskc::testing
