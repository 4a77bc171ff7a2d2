// The determination vocabulary and its JSON: reason-code order, status per outcome, exact text.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "runtime/case/case_reader.h"
#include "runtime/determination/json_writer.h"
#include "tests/unit/runtime_rules/test_ruleset.h"

namespace mskc::rules::testing {
namespace {

using namespace determination;  // NOLINT: the vocabulary under test
using ::testing::ElementsAre;

TEST(ReasonCodeTest, EnumFollowsTheContractTable) {
  std::vector<std::string> names;
  for (int i = 0; i < kReasonCodeCount; ++i)
    names.emplace_back(ReasonCodeName(static_cast<ReasonCode>(i)));
  EXPECT_THAT(names,
              ElementsAre("MANUAL_REVIEW", "NOT_MANAGED", "EMERGENCY_EXEMPT", "NOTIFICATION_ONLY",
                          "MEMBER_NOT_ENROLLED", "BENEFIT_NOT_COVERED",
                          "SERVICING_PROVIDER_CANNOT_ORDER", "RETRO_WINDOW_EXCEEDED",
                          "CRITERIA_NOT_MET", "MISSING_INFORMATION", "SOFT_LAUNCH_EDUCATION",
                          "SITE_OF_CARE_REVIEW", "SMOKING_CESSATION_REQUIRED", "DUPLICATE_ORDER",
                          "INFO_NOT_PROVIDED", "RECONSIDERATION_WINDOW_EXCEEDED"));
  for (const auto& n : names) EXPECT_EQ(ReasonCodeName(*ParseReasonCode(n)), n);
  EXPECT_FALSE(ParseReasonCode("NOPE").has_value());
}

TEST(ReasonCodeTest, SetIteratesInTableOrderWhateverTheInsertionOrder) {
  ReasonCodeSet set;
  set.Add(ReasonCode::kSmokingCessationRequired);
  set.Add(ReasonCode::kCriteriaNotMet);
  set.Add(ReasonCode::kManualReview);
  set.Add(ReasonCode::kCriteriaNotMet);
  EXPECT_THAT(Codes(set),
              ElementsAre("MANUAL_REVIEW", "CRITERIA_NOT_MET", "SMOKING_CESSATION_REQUIRED"));
}

TEST(OutcomeTest, StatusPerOutcome) {
  EXPECT_EQ(StatusFor(Outcome::kApproved), CaseStatus::kAuthorized);
  EXPECT_EQ(StatusFor(Outcome::kPended), CaseStatus::kInProgress);
  EXPECT_EQ(StatusFor(Outcome::kNotificationOnly), CaseStatus::kCompleted);
  EXPECT_EQ(StatusFor(Outcome::kNotRequired), CaseStatus::kCompleted);
  EXPECT_EQ(StatusFor(Outcome::kDeniedAdministrative), CaseStatus::kNonAuthorized);
  EXPECT_EQ(StatusFor(Outcome::kRejected), CaseStatus::kNotReviewedErrorEntry);
  EXPECT_EQ(CaseStatusName(CaseStatus::kNotReviewedErrorEntry), "Not Reviewed/Error Entry");
  EXPECT_EQ(CaseStatusName(CaseStatus::kMultipleDecisionsRendered),
            "Multiple Decisions Rendered");
}

Determination Sample() {
  Determination d;
  d.case_id = "C-1";
  d.outcome = Outcome::kApproved;
  d.status = CaseStatus::kAuthorized;
  d.valid_from = D("2021-03-01");
  d.expires_on = D("2021-03-12");
  LineResult line;
  line.code = "62323";
  line.outcome = Outcome::kApproved;
  line.guideline = GuidelineRef{"ipm.epidural", "2020-08-16"};
  line.valid_from = D("2021-03-01");
  line.expires_on = D("2021-03-12");
  line.criteria.push_back(CriterionResult{"radicular_pain", Tri::kTrue, "Radicular \"pain\" ≥ 6",
                                          std::nullopt});
  d.lines.push_back(line);
  LineResult other;
  other.code = "99213";
  other.outcome = Outcome::kNotRequired;
  d.lines.push_back(other);
  d.reason_codes.Add(ReasonCode::kNotManaged);
  d.notes.push_back(Note{NoteKind::kNotice, 1, "FDA"});
  d.notes.push_back(Note{NoteKind::kRecommendation, std::nullopt, "Stop\nsmoking"});
  return d;
}

TEST(JsonWriterTest, CompactOutputExactly) {
  EXPECT_EQ(
      ToJson(Sample(), JsonStyle{.pretty = false}),
      R"({"case_id":"C-1","outcome":"approved","status":"Authorized","review":"none",)"
      R"("reason_codes":["NOT_MANAGED"],"valid_from":"2021-03-01","expires_on":"2021-03-12",)"
      R"("lines":[{"code":"62323","outcome":"approved",)"
      R"("guideline":{"id":"ipm.epidural","version":"2020-08-16"},)"
      R"("valid_from":"2021-03-01","expires_on":"2021-03-12",)"
      R"("criteria":[{"id":"radicular_pain","result":"met","text":"Radicular \"pain\" ≥ 6"}],)"
      R"("unmet":[],"missing":[]},)"
      R"({"code":"99213","outcome":"not_required","guideline":null,"criteria":[],"unmet":[],)"
      R"("missing":[]}],"warnings":[],)"
      R"("notes":[{"kind":"notice","line":1,"text":"FDA"},)"
      R"({"kind":"recommendation","text":"Stop\nsmoking"}]})");
}

TEST(JsonWriterTest, PrettyOutputExactly) {
  Determination d;
  d.case_id = "C-2";
  d.outcome = Outcome::kPended;
  d.status = CaseStatus::kInProgress;
  d.review = Review::kNurse;
  d.reason_codes.Add(ReasonCode::kMissingInformation);
  LineResult line;
  line.code = "22630";
  line.outcome = Outcome::kPended;
  line.guideline = GuidelineRef{"spine.lumbar_fusion", "2018-01-01"};
  line.criteria.push_back(CriterionResult{"function", Tri::kUnknown, "F", std::nullopt});
  line.missing = {"functional_impairment"};
  d.lines.push_back(line);
  d.warnings = {"w"};
  EXPECT_EQ(ToJson(d), R"({
  "case_id": "C-2",
  "outcome": "pended",
  "status": "In Progress",
  "review": "nurse",
  "reason_codes": [
    "MISSING_INFORMATION"
  ],
  "lines": [
    {
      "code": "22630",
      "outcome": "pended",
      "guideline": {
        "id": "spine.lumbar_fusion",
        "version": "2018-01-01"
      },
      "criteria": [
        {
          "id": "function",
          "result": "unknown",
          "text": "F"
        }
      ],
      "unmet": [],
      "missing": [
        "functional_impairment"
      ]
    }
  ],
  "warnings": [
    "w"
  ],
  "notes": []
})");
}

TEST(JsonWriterTest, TraceAddsOnlyTheTraceObject) {
  Determination d = Sample();
  std::string plain = ToJson(d, JsonStyle{.pretty = false});
  d.lines[0].criteria[0].trace = CriterionTrace{
      {{"radicular_pain", "true"}, {"pain_score", "unknown"}, {"imaging_type", "\"mri\""},
       {"complementary_modalities", "[\"nsaids\"]"}, {"odd", "not json"}},
      "radicular_pain and pain_score >= 6"};
  std::string traced = ToJson(d, JsonStyle{.pretty = false});
  std::string trace =
      R"(,"trace":{"facts":{"radicular_pain":true,"pain_score":null,"imaging_type":"mri",)"
      R"("complementary_modalities":["nsaids"],"odd":"not json"},)"
      R"("decided_by":"radicular_pain and pain_score >= 6"})";
  std::string expected = plain;
  size_t at = expected.find(R"(≥ 6")") + std::string(R"(≥ 6")").size();
  expected.insert(at, trace);
  EXPECT_EQ(traced, expected);
}

TEST(JsonWriterTest, EscapesControlCharactersAndInvalidUtf8) {
  Determination d;
  d.case_id = std::string("a\x01") + "\xff" + "b\\";
  std::string json = ToJson(d, JsonStyle{.pretty = false});
  std::string expected = "{\"case_id\":\"a\\u0001\xEF\xBF\xBD" "b\\\\\",";
  EXPECT_EQ(json.substr(0, expected.size()), expected);
}

TEST(JsonWriterTest, BatchError) {
  EXPECT_EQ(BatchErrorJson(3, "procedures[0].code: expected \"x\""),
            R"({"line":3,"error":"procedures[0].code: expected \"x\""})");
}

// From case JSON to determination JSON through the real case reader.
TEST(JsonWriterTest, EndToEndFromCaseJson) {
  TestRuleset rules;
  const char* json = R"({
    "case_id": "E-1", "health_plan": "DEFAULT", "submitted_on": "2021-03-01",
    "date_of_service": "2021-03-01", "setting": "outpatient",
    "site_of_care": "ambulatory_surgery_center",
    "procedures": [{"code": "62323"}], "diagnoses": ["M54.16"],
    "member": {"id": "M", "birth_date": "1970-01-01"},
    "ordering_provider": {"npi": "1"},
    "clinical": {"functional_impairment": true, "pain_score": 7}
  })";
  cases::CaseResult read = cases::ReadCase(json, rules.program().facts);
  ASSERT_TRUE(std::holds_alternative<cases::Case>(read))
      << cases::FormatCaseError(std::get<cases::CaseError>(read));
  Determination d = Evaluate(rules, std::get<cases::Case>(read));
  EXPECT_EQ(
      ToJson(d, JsonStyle{.pretty = false}),
      R"({"case_id":"E-1","outcome":"approved","status":"Authorized","review":"none",)"
      R"("reason_codes":[],"valid_from":"2021-03-01","expires_on":"2021-03-12",)"
      R"("lines":[{"code":"62323","outcome":"approved",)"
      R"("guideline":{"id":"ipm.epidural","version":"2020-08-16"},)"
      R"("valid_from":"2021-03-01","expires_on":"2021-03-12","criteria":[)"
      R"({"id":"function","result":"met","text":"Pain limits activities of daily living or work"},)"
      R"({"id":"pain","result":"met","text":"Pain score of 7 or more"}],"unmet":[],"missing":[]}],)"
      R"("warnings":[],"notes":[{"kind":"notice","line":1,"text":"FDA safe use"}]})");
}

}  // namespace
}  // namespace mskc::rules::testing

namespace mskc::rules::testing {
namespace {

TEST(JsonWriterTest, PrettyTraceValuesFollowTheLayout) {
  determination::Determination d;
  d.case_id = "T";
  determination::LineResult line;
  line.code = "62323";
  line.criteria.push_back(determination::CriterionResult{
      "dx", Tri::kTrue, "t",
      determination::CriterionTrace{{{"diagnoses", "[\"M54.16\"]"}}, "diagnoses"}});
  d.lines.push_back(line);
  std::string json = determination::ToJson(d);
  EXPECT_NE(json.find(R"(          "trace": {
            "facts": {
              "diagnoses": [
                "M54.16"
              ]
            },
            "decided_by": "diagnoses"
          })"),
            std::string::npos)
      << json;
}

}  // namespace
}  // namespace mskc::rules::testing
