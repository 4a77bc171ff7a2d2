// The case reader as a whole: a full case, defaults, JSON errors and hostile input.
#include "runtime/case/case_reader.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "tests/unit/runtime_case/test_case.h"

namespace mskc::cases {
namespace {

using nlohmann::json;
using testing::BaseCase;
using testing::MustFail;
using testing::MustFailText;
using testing::MustRead;
using testing::With;

Date D(const char* text) { return *Date::Parse(text); }

TEST(CaseReaderTest, MinimalCaseGetsDefaults) {
  Case c = MustRead(BaseCase());
  EXPECT_EQ(c.case_id, "C-1");
  EXPECT_EQ(c.health_plan, "IBX");
  EXPECT_EQ(c.line_of_business, LineOfBusiness::kCommercial);
  EXPECT_FALSE(c.state.has_value());
  EXPECT_EQ(c.submitted_on, D("2021-03-01"));
  EXPECT_EQ(c.date_of_service, D("2021-03-10"));
  EXPECT_FALSE(c.performed_on.has_value());
  EXPECT_FALSE(c.urgent);
  EXPECT_FALSE(c.emergency);
  EXPECT_EQ(c.setting, Setting::kOutpatient);
  EXPECT_EQ(c.site_of_care, SiteOfCare::kAmbulatorySurgeryCenter);
  EXPECT_TRUE(c.site_of_care_reasons.empty());
  EXPECT_FALSE(c.requested_los_days.has_value());
  ASSERT_EQ(c.procedures.size(), 1u);
  EXPECT_EQ(c.procedures[0].code, "62323");
  EXPECT_EQ(c.procedures[0].units, 1);
  EXPECT_EQ(c.procedures[0].level, "");
  EXPECT_EQ(c.procedures[0].laterality, Laterality::kNone);
  EXPECT_FALSE(c.procedures[0].revision);
  EXPECT_TRUE(c.procedures[0].modifiers.empty());
  EXPECT_EQ(c.diagnoses, std::vector<std::string>{"M54.16"});
  EXPECT_EQ(c.member.id, "M-1");
  EXPECT_EQ(c.member.birth_date, D("1970-05-20"));
  EXPECT_EQ(c.member.sex, Sex::kU);
  EXPECT_TRUE(c.member.enrolled);
  EXPECT_TRUE(c.member.benefit_covers_service);
  EXPECT_EQ(c.ordering_provider.npi, "1234567890");
  EXPECT_EQ(c.ordering_provider.role, ProviderRole::kOrdering);
  EXPECT_TRUE(c.ordering_provider.in_network);
  EXPECT_FALSE(c.servicing_facility.has_value());
  EXPECT_TRUE(c.clinical.empty());
  EXPECT_TRUE(c.history.empty());
  EXPECT_TRUE(c.warnings.empty());
  EXPECT_FALSE(c.IsRetrospective());
  EXPECT_EQ(c.EffectiveDateOfService(), D("2021-03-10"));
}

TEST(CaseReaderTest, FullCase) {
  Case c = MustRead(json::parse(R"({
    "case_id": "C-2", "health_plan": "ANTHEM-ME", "line_of_business": "medicare",
    "state": "PA", "submitted_on": "2021-03-12", "date_of_service": "2021-03-10",
    "performed_on": "2021-03-09", "urgent": true, "emergency": false,
    "setting": "inpatient", "site_of_care": "inpatient_hospital",
    "site_of_care_reasons": ["bmi_over_50", "age_under_18"], "requested_los_days": 3,
    "procedures": [
      {"code": "22630", "units": 2, "level": "L4-L5", "laterality": "bilateral",
       "revision": true, "modifiers": ["50", "RT"]},
      {"code": "G0260"}],
    "diagnoses": ["M43.16", "M48.062", "Z98.1"],
    "member": {"id": "M-2", "birth_date": "2000-02-29", "sex": "F", "enrolled": false,
               "benefit_covers_service": false},
    "ordering_provider": {"npi": "1", "role": "servicing", "in_network": false},
    "servicing_facility": {"npi": "2", "in_network": true},
    "clinical": {"pain_score": 7, "smoker": false, "imaging_type": "mri",
                 "imaging_date": "2021-01-05", "imaging_findings": ["spondylolisthesis"]},
    "history": [{"code": "64483", "date": "2020-11-02", "level": "L4-L5",
                 "laterality": "left", "relief_percent": 80, "relief_weeks": 6.5,
                 "functional_improvement": true},
                {"code": "64483", "date": "2020-06-01"}]
  })"));
  EXPECT_EQ(c.line_of_business, LineOfBusiness::kMedicare);
  EXPECT_EQ(c.state, "PA");
  EXPECT_EQ(c.performed_on, D("2021-03-09"));
  EXPECT_TRUE(c.IsRetrospective());
  EXPECT_EQ(c.EffectiveDateOfService(), D("2021-03-09"));
  EXPECT_TRUE(c.urgent);
  EXPECT_EQ(c.setting, Setting::kInpatient);
  EXPECT_EQ(c.site_of_care, SiteOfCare::kInpatientHospital);
  EXPECT_EQ(c.site_of_care_reasons, (std::vector<SiteOfCareReason>{SiteOfCareReason::kBmiOver50,
                                                                   SiteOfCareReason::kAgeUnder18}));
  EXPECT_EQ(c.requested_los_days, 3);
  ASSERT_EQ(c.procedures.size(), 2u);
  EXPECT_EQ(c.procedures[0].units, 2);
  EXPECT_EQ(c.procedures[0].level, "L4-L5");
  EXPECT_EQ(c.procedures[0].laterality, Laterality::kBilateral);
  EXPECT_TRUE(c.procedures[0].revision);
  EXPECT_EQ(c.procedures[0].modifiers, (std::vector<std::string>{"50", "RT"}));
  EXPECT_EQ(c.procedures[1].code, "G0260");
  EXPECT_EQ(c.diagnoses.size(), 3u);
  EXPECT_EQ(c.member.sex, Sex::kF);
  EXPECT_FALSE(c.member.enrolled);
  EXPECT_FALSE(c.member.benefit_covers_service);
  EXPECT_EQ(c.ordering_provider.role, ProviderRole::kServicing);
  EXPECT_FALSE(c.ordering_provider.in_network);
  ASSERT_TRUE(c.servicing_facility.has_value());
  EXPECT_EQ(c.servicing_facility->npi, "2");
  EXPECT_EQ(c.servicing_facility->in_network, true);
  EXPECT_EQ(std::get<double>(c.clinical.at("pain_score")), 7.0);
  EXPECT_EQ(std::get<bool>(c.clinical.at("smoker")), false);
  EXPECT_EQ(std::get<std::string>(c.clinical.at("imaging_type")), "mri");
  EXPECT_EQ(std::get<Date>(c.clinical.at("imaging_date")), D("2021-01-05"));
  ASSERT_EQ(c.history.size(), 2u);
  const HistoryRecord& h = c.history[0];
  EXPECT_EQ(h.code, "64483");
  EXPECT_EQ(h.date, D("2020-11-02"));
  EXPECT_EQ(h.level, "L4-L5");
  EXPECT_EQ(h.laterality, "left");
  EXPECT_EQ(h.relief_percent, 80.0);
  EXPECT_EQ(h.relief_weeks, 6.5);
  EXPECT_EQ(h.functional_improvement, true);
  const HistoryRecord& bare = c.history[1];
  EXPECT_FALSE(bare.level || bare.laterality || bare.relief_percent || bare.relief_weeks ||
               bare.functional_improvement);
  EXPECT_TRUE(c.warnings.empty());
}

TEST(CaseReaderTest, DosBeforeSubmissionIsRetrospective) {
  Case c = MustRead(With(BaseCase(), "/date_of_service", "2021-02-26"));
  EXPECT_TRUE(c.IsRetrospective());
  EXPECT_EQ(c.RetroPerformedOn(), D("2021-02-26"));
  EXPECT_EQ(c.EffectiveDateOfService(), D("2021-02-26"));
}

TEST(CaseReaderTest, FormatsErrorsWithTheirPath) {
  CaseError e = MustFail(With(BaseCase(), "/procedures/0/code", "6232"));
  EXPECT_EQ(FormatCaseError(e),
            "procedures[0].code: expected a procedure code of 5 digits or capital letters, "
            "found \"6232\"");
  EXPECT_EQ(FormatCaseError(CaseError{"", "the case is empty; expected a JSON object"}),
            "the case is empty; expected a JSON object");
}

TEST(CaseReaderTest, MalformedJson) {
  for (const char* text :
       {"{", "}", "{\"case_id\": }", "{\"case_id\" \"x\"}", "[1, 2", "{\"a\": tru}", "{\"a\": nul}",
        "{\"a\": \"unterminated}", "{} {}", "{\"a\": 01}", "{'a': 1}", "{\"a\": 1,}"}) {
    CaseError e = MustFailText(text);
    EXPECT_EQ(e.path, "") << text;
    EXPECT_TRUE(e.message.starts_with("the case is not valid JSON")) << text << ": " << e.message;
  }
}

TEST(CaseReaderTest, EmptyAndNonObjectDocuments) {
  EXPECT_EQ(MustFailText("").message, "the case is empty; expected a JSON object");
  EXPECT_EQ(MustFailText("   \n").message, "the case is empty; expected a JSON object");
  EXPECT_EQ(MustFailText("[]").message, "expected a JSON object for the case, found a list");
  EXPECT_EQ(MustFailText("42").message, "expected a JSON object for the case, found 42");
  EXPECT_EQ(MustFailText("null").message, "expected a JSON object for the case, found null");
  EXPECT_EQ(MustFailText("{}").path, "case_id");
}

TEST(CaseReaderTest, HostileInputNeverCrashes) {
  std::string deep(100000, '[');
  EXPECT_FALSE(MustFailText(deep).message.empty());
  std::string deep_object;
  for (int i = 0; i < 5000; ++i) deep_object += "{\"a\":";
  deep_object += "1";
  for (int i = 0; i < 5000; ++i) deep_object += "}";
  EXPECT_FALSE(MustFailText(deep_object).message.empty());
  EXPECT_FALSE(MustFailText("{\"case_id\": \"\xff\xfe\"}").message.empty());
  EXPECT_FALSE(MustFailText(std::string("{\"case_id\"\0: 1}", 15)).message.empty());
  EXPECT_FALSE(MustFailText("{\"pain\": 1e999}").message.empty());
  EXPECT_FALSE(MustFailText("{\"pain\": 123456789012345678901234567890}").message.empty());
}

TEST(CaseReaderTest, MutatedCasesNeverCrash) {
  // Seeded byte mutations of a full case: every outcome is a case or an error with a message.
  std::string base = json::parse(R"({"case_id": "C", "health_plan": "IBX",
    "submitted_on": "2021-03-01", "date_of_service": "2021-03-10", "setting": "outpatient",
    "site_of_care": "office", "procedures": [{"code": "64483", "units": 2}],
    "diagnoses": ["M54.16"], "member": {"id": "M", "birth_date": "2000-02-29"},
    "ordering_provider": {"npi": "1"}, "clinical": {"pain_score": 7, "pain_scor": 1,
    "imaging_findings": ["disc_hernation"]},
    "history": [{"code": "64483", "date": "2020-01-01", "relief_percent": 50}]})")
                         .dump();
  std::mt19937 rng(12345);
  const std::string alphabet = "{}[]\",:0123456789.-eEtruefalsnl \\\x01\xff";
  for (int round = 0; round < 3000; ++round) {
    std::string text = base;
    int edits = 1 + static_cast<int>(rng() % 4);
    for (int i = 0; i < edits && !text.empty(); ++i) {
      size_t at = rng() % text.size();
      switch (rng() % 3) {
        case 0: text[at] = alphabet[rng() % alphabet.size()]; break;
        case 1: text.erase(at, 1 + rng() % 8); break;
        default: text.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
      }
    }
    CaseResult r = ReadCase(text, testing::TestFacts());
    if (const auto* e = std::get_if<CaseError>(&r)) {
      EXPECT_FALSE(e->message.empty()) << text;
    }
  }
}

TEST(CaseReaderTest, HugeNumbersInFieldsAreRangeErrors) {
  CaseError e = MustFail(With(BaseCase(), "/procedures/0/units", 1e300));
  EXPECT_EQ(e.path, "procedures[0].units");
  e = MustFail(With(BaseCase(), "/procedures/0/units", 18446744073709551615ull));
  EXPECT_EQ(e.path, "procedures[0].units");
  EXPECT_EQ(e.message, "expected a whole number of at least 1, found 18446744073709551615");
}

TEST(CaseReaderTest, DeeplyNestedUnknownFieldWithinLimitsIsIgnored) {
  json j = BaseCase();
  json nested = 1;
  for (int i = 0; i < 200; ++i) nested = json{{"x", nested}};
  j["extension"] = nested;
  MustRead(j);
}

TEST(CaseReaderTest, ReusableReader) {
  CaseReader reader(testing::TestFacts());
  for (int i = 0; i < 3; ++i) {
    json j = With(BaseCase(), "/case_id", "C-" + std::to_string(i));
    CaseResult r = reader.Read(j.dump());
    ASSERT_TRUE(std::holds_alternative<Case>(r));
    EXPECT_EQ(std::get<Case>(r).case_id, "C-" + std::to_string(i));
    CaseResult bad = reader.Read("{");
    EXPECT_TRUE(std::holds_alternative<CaseError>(bad));
  }
}

TEST(CaseReaderTest, ErrorStringsAreQuotedAndShortened) {
  std::string long_code(200, 'x');
  CaseError e = MustFail(With(BaseCase(), "/diagnoses/0", long_code));
  EXPECT_EQ(e.path, "diagnoses[0]");
  EXPECT_LT(e.message.size(), 150u);
  EXPECT_NE(e.message.find("...\""), std::string::npos);
  e = MustFail(With(BaseCase(), "/diagnoses/0", "M5\"4\n"));
  EXPECT_NE(e.message.find("found \"M5\\\"4\\n\""), std::string::npos) << e.message;
}

}  // namespace
}  // namespace mskc::cases
