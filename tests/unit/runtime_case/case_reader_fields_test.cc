// Field-by-field validation: required fields, types, enumerations, shapes, ranges, dates, nulls.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "runtime/case/case_reader.h"
#include "tests/unit/runtime_case/test_case.h"

namespace mskc::cases {
namespace {

using nlohmann::json;
using testing::BaseCase;
using testing::MustFail;
using testing::MustRead;
using testing::With;
using testing::Without;

json WithHistory(json item) { return With(BaseCase(), "/history", json::array({std::move(item)})); }

TEST(CaseReaderFieldsTest, EveryRequiredFieldMissing) {
  struct Row {
    const char* pointer;
    const char* path;
  };
  for (const Row& row : std::vector<Row>{
           {"/case_id", "case_id"},
           {"/health_plan", "health_plan"},
           {"/submitted_on", "submitted_on"},
           {"/date_of_service", "date_of_service"},
           {"/setting", "setting"},
           {"/site_of_care", "site_of_care"},
           {"/procedures", "procedures"},
           {"/diagnoses", "diagnoses"},
           {"/member", "member"},
           {"/ordering_provider", "ordering_provider"},
           {"/member/id", "member.id"},
           {"/member/birth_date", "member.birth_date"},
           {"/ordering_provider/npi", "ordering_provider.npi"},
           {"/procedures/0/code", "procedures[0].code"},
       }) {
    CaseError e = MustFail(Without(BaseCase(), row.pointer));
    EXPECT_EQ(e.path, row.path) << row.pointer;
    EXPECT_EQ(e.message, "missing required field") << row.pointer;
    // null is the same as absent.
    CaseError n = MustFail(With(BaseCase(), row.pointer, nullptr));
    EXPECT_EQ(n.path, row.path) << row.pointer;
    EXPECT_EQ(n.message, "missing required field") << row.pointer;
  }
}

TEST(CaseReaderFieldsTest, HistoryItemNeedsCodeAndDate) {
  CaseError e = MustFail(WithHistory({{"date", "2020-01-01"}}));
  EXPECT_EQ(e.path, "history[0].code");
  EXPECT_EQ(e.message, "missing required field");
  e = MustFail(WithHistory({{"code", "64483"}}));
  EXPECT_EQ(e.path, "history[0].date");
  EXPECT_EQ(e.message, "missing required field");
}

TEST(CaseReaderFieldsTest, EveryWrongType) {
  struct Row {
    const char* pointer;
    json value;
    const char* path;
    const char* message;
  };
  const char* kSettings = "expected one of `outpatient`, `inpatient`, found ";
  for (const Row& row : std::vector<Row>{
           {"/case_id", 12, "case_id", "expected a string, found 12"},
           {"/health_plan", true, "health_plan", "expected a string, found true"},
           {"/line_of_business", "private", "line_of_business",
            "expected one of `commercial`, `medicare`, `medicaid`, found \"private\""},
           {"/state", "Pennsylvania", "state",
            "expected a 2-letter US state code such as `PA`, found \"Pennsylvania\""},
           {"/state", "XX", "state",
            "expected a 2-letter US state code such as `PA`, found \"XX\""},
           {"/submitted_on", 20210301, "submitted_on",
            "expected a date YYYY-MM-DD, found 20210301"},
           {"/date_of_service", "2021-02-30", "date_of_service",
            "expected a date YYYY-MM-DD, found \"2021-02-30\""},
           {"/performed_on", "03/01/2021", "performed_on",
            "expected a date YYYY-MM-DD, found \"03/01/2021\""},
           {"/urgent", "yes", "urgent", "expected true or false, found \"yes\""},
           {"/emergency", 1, "emergency", "expected true or false, found 1"},
           {"/setting", "ambulatory", "setting", ""},
           {"/setting", json::array(), "setting", ""},
           {"/site_of_care", "home", "site_of_care",
            "expected one of `outpatient_hospital`, `ambulatory_surgery_center`, `office`, "
            "`inpatient_hospital`, found \"home\""},
           {"/site_of_care_reasons", "bmi_over_50", "site_of_care_reasons",
            "expected a list, found \"bmi_over_50\""},
           {"/site_of_care_reasons", json::array({"bmi_over_50", "tired"}),
            "site_of_care_reasons[1]", nullptr},
           {"/requested_los_days", "3", "requested_los_days",
            "expected a whole number of at least 0, found \"3\""},
           {"/requested_los_days", 2.5, "requested_los_days",
            "expected a whole number of at least 0, found 2.5"},
           {"/procedures", json::object(), "procedures", "expected a list, found an object"},
           {"/procedures/0", "62323", "procedures[0]", "expected an object, found \"62323\""},
           {"/procedures/0/code", 62323, "procedures[0].code", "expected a string, found 62323"},
           {"/procedures/0/units", "2", "procedures[0].units",
            "expected a whole number of at least 1, found \"2\""},
           {"/procedures/0/level", 4, "procedures[0].level", "expected a string, found 4"},
           {"/procedures/0/laterality", "both", "procedures[0].laterality",
            "expected one of `left`, `right`, `bilateral`, `none`, found \"both\""},
           {"/procedures/0/revision", "false", "procedures[0].revision",
            "expected true or false, found \"false\""},
           {"/procedures/0/modifiers", "50", "procedures[0].modifiers",
            "expected a list, found \"50\""},
           {"/procedures/0/modifiers", json::array({"50", 59}), "procedures[0].modifiers[1]",
            "expected a string, found 59"},
           {"/diagnoses", "M54.16", "diagnoses", "expected a list, found \"M54.16\""},
           {"/diagnoses/0", json::object(), "diagnoses[0]", "expected a string, found an object"},
           {"/member", "M-1", "member", "expected an object, found \"M-1\""},
           {"/member/id", 7, "member.id", "expected a string, found 7"},
           {"/member/birth_date", "1970-5-20", "member.birth_date",
            "expected a date YYYY-MM-DD, found \"1970-5-20\""},
           {"/member/sex", "female", "member.sex",
            "expected one of `F`, `M`, `U`, found \"female\""},
           {"/member/enrolled", "true", "member.enrolled",
            "expected true or false, found \"true\""},
           {"/member/benefit_covers_service", 0, "member.benefit_covers_service",
            "expected true or false, found 0"},
           {"/ordering_provider", json::array(), "ordering_provider",
            "expected an object, found a list"},
           {"/ordering_provider/npi", 1234567890, "ordering_provider.npi",
            "expected a string, found 1234567890"},
           {"/ordering_provider/role", "referring", "ordering_provider.role",
            "expected one of `ordering`, `servicing`, found \"referring\""},
           {"/ordering_provider/in_network", "no", "ordering_provider.in_network",
            "expected true or false, found \"no\""},
           {"/servicing_facility", "ASC-1", "servicing_facility",
            "expected an object, found \"ASC-1\""},
           {"/servicing_facility/in_network", 1, "servicing_facility.in_network",
            "expected true or false, found 1"},
           {"/clinical", json::array(), "clinical", "expected an object, found a list"},
           {"/history", json::object(), "history", "expected a list, found an object"},
       }) {
    CaseError e = MustFail(With(BaseCase(), row.pointer, row.value));
    EXPECT_EQ(e.path, row.path) << row.pointer << " = " << row.value.dump();
    if (row.message != nullptr && *row.message) {
      EXPECT_EQ(e.message, row.message) << row.pointer << " = " << row.value.dump();
    }
  }
  EXPECT_EQ(MustFail(With(BaseCase(), "/setting", "ambulatory")).message,
            std::string(kSettings) + "\"ambulatory\"");
  EXPECT_EQ(MustFail(With(BaseCase(), "/setting", json::array())).message,
            std::string(kSettings) + "a list");
}

TEST(CaseReaderFieldsTest, HistoryItemWrongTypes) {
  json item = {{"code", "64483"}, {"date", "2020-01-01"}};
  struct Row {
    const char* field;
    json value;
    const char* message;
  };
  for (const Row& row : std::vector<Row>{
           {"code", "6448",
            "expected a procedure code of 5 digits or capital letters, found \"6448\""},
           {"date", "2020-02-30", "expected a date YYYY-MM-DD, found \"2020-02-30\""},
           {"level", 5, "expected a string, found 5"},
           {"laterality", false, "expected a string, found false"},
           {"relief_percent", "80%", "expected a number from 0 to 100, found \"80%\""},
           {"relief_weeks", "6", "expected a number of at least 0, found \"6\""},
           {"functional_improvement", "yes", "expected true or false, found \"yes\""},
       }) {
    json bad = item;
    bad[row.field] = row.value;
    CaseError e = MustFail(WithHistory(bad));
    EXPECT_EQ(e.path, std::string("history[0].") + row.field);
    EXPECT_EQ(e.message, row.message);
  }
  CaseError e = MustFail(With(BaseCase(), "/history", json::array({"64483"})));
  EXPECT_EQ(e.path, "history[0]");
  EXPECT_EQ(e.message, "expected an object, found \"64483\"");
}

TEST(CaseReaderFieldsTest, HistoryRanges) {
  json item = {{"code", "64483"}, {"date", "2020-01-01"}};
  auto with = [&](const char* field, json v) {
    json j = item;
    j[field] = std::move(v);
    return WithHistory(j);
  };
  EXPECT_EQ(MustRead(with("relief_percent", 0)).history[0].relief_percent, 0.0);
  EXPECT_EQ(MustRead(with("relief_percent", 100)).history[0].relief_percent, 100.0);
  EXPECT_EQ(MustFail(with("relief_percent", 100.5)).message,
            "expected a number from 0 to 100, found 100.5");
  EXPECT_EQ(MustFail(with("relief_percent", -1)).message,
            "expected a number from 0 to 100, found -1");
  EXPECT_EQ(MustRead(with("relief_weeks", 0)).history[0].relief_weeks, 0.0);
  EXPECT_EQ(MustFail(with("relief_weeks", -0.5)).message,
            "expected a number of at least 0, found -0.5");
  // null = absent, for every optional field.
  Case c = MustRead(with("relief_percent", nullptr));
  EXPECT_FALSE(c.history[0].relief_percent.has_value());
}

TEST(CaseReaderFieldsTest, EmptyProcedureAndDiagnosisLists) {
  CaseError e = MustFail(With(BaseCase(), "/procedures", json::array()));
  EXPECT_EQ(e.path, "procedures");
  EXPECT_EQ(e.message, "expected at least one procedure line, found an empty list");
  e = MustFail(With(BaseCase(), "/diagnoses", json::array()));
  EXPECT_EQ(e.path, "diagnoses");
  EXPECT_EQ(e.message, "expected at least one diagnosis, found an empty list");
}

TEST(CaseReaderFieldsTest, ProcedureCodeShapes) {
  for (const char* ok : {"62323", "G0260", "0213T", "ABCDE"}) {
    EXPECT_EQ(MustRead(With(BaseCase(), "/procedures/0/code", ok)).procedures[0].code, ok);
  }
  for (const char* bad : {"6232", "623230", "g0260", "62 23", "", "6232-", "62323 "}) {
    CaseError e = MustFail(With(BaseCase(), "/procedures/0/code", bad));
    EXPECT_EQ(e.path, "procedures[0].code") << bad;
    EXPECT_EQ(e.message, "expected a procedure code of 5 digits or capital letters, found \"" +
                             std::string(bad) + "\"");
  }
}

TEST(CaseReaderFieldsTest, DiagnosisCodeShapes) {
  for (const char* ok : {"M54.16", "M54", "M54.1", "M48.062", "S32.009A", "Z98.1", "M1A.0"}) {
    EXPECT_EQ(MustRead(With(BaseCase(), "/diagnoses/0", ok)).diagnoses[0], ok);
  }
  for (const char* bad :
       {"M5416", "M5", "54.16", "M54.", "M54.12345", "m54.16", "M54-16", "M54..1", "", "M54.1a"}) {
    CaseError e = MustFail(With(BaseCase(), "/diagnoses/0", bad));
    EXPECT_EQ(e.path, "diagnoses[0]") << bad;
    EXPECT_EQ(e.message, "expected an ICD-10-CM diagnosis code such as `M54.16`, found \"" +
                             std::string(bad) + "\"");
  }
  CaseError e = MustFail(With(BaseCase(), "/diagnoses", json::array({"M54.16", "oops"})));
  EXPECT_EQ(e.path, "diagnoses[1]");
}

TEST(CaseReaderFieldsTest, UnitsRange) {
  EXPECT_EQ(MustRead(With(BaseCase(), "/procedures/0/units", 1)).procedures[0].units, 1);
  EXPECT_EQ(MustRead(With(BaseCase(), "/procedures/0/units", 4)).procedures[0].units, 4);
  EXPECT_EQ(MustRead(With(BaseCase(), "/procedures/0/units", 2.0)).procedures[0].units, 2);
  EXPECT_EQ(MustFail(With(BaseCase(), "/procedures/0/units", 0)).message,
            "expected a whole number of at least 1, found 0");
  EXPECT_EQ(MustFail(With(BaseCase(), "/procedures/0/units", -1)).message,
            "expected a whole number of at least 1, found -1");
  EXPECT_EQ(MustFail(With(BaseCase(), "/procedures/0/units", 1.5)).message,
            "expected a whole number of at least 1, found 1.5");
}

TEST(CaseReaderFieldsTest, RequestedLengthOfStay) {
  EXPECT_EQ(MustRead(With(BaseCase(), "/requested_los_days", 0)).requested_los_days, 0);
  EXPECT_EQ(MustRead(With(BaseCase(), "/requested_los_days", 5)).requested_los_days, 5);
  EXPECT_FALSE(MustRead(With(BaseCase(), "/requested_los_days", nullptr)).requested_los_days);
  EXPECT_EQ(MustFail(With(BaseCase(), "/requested_los_days", -1)).message,
            "expected a whole number of at least 0, found -1");
}

TEST(CaseReaderFieldsTest, SettingAndSiteOfCarePairing) {
  json inpatient =
      With(With(BaseCase(), "/setting", "inpatient"), "/site_of_care", "inpatient_hospital");
  EXPECT_EQ(MustRead(inpatient).setting, Setting::kInpatient);
  for (const char* site : {"outpatient_hospital", "ambulatory_surgery_center", "office"}) {
    CaseError e = MustFail(With(inpatient, "/site_of_care", site));
    EXPECT_EQ(e.path, "site_of_care");
    EXPECT_EQ(e.message, "expected `inpatient_hospital` for an inpatient setting, found \"" +
                             std::string(site) + "\"");
    EXPECT_EQ(MustRead(With(BaseCase(), "/site_of_care", site)).setting, Setting::kOutpatient);
  }
  CaseError e = MustFail(With(BaseCase(), "/site_of_care", "inpatient_hospital"));
  EXPECT_EQ(e.path, "site_of_care");
  EXPECT_EQ(e.message,
            "expected an outpatient site of care for an outpatient setting, found "
            "\"inpatient_hospital\"");
}

TEST(CaseReaderFieldsTest, PerformedOnMustNotFollowSubmission) {
  EXPECT_TRUE(MustRead(With(BaseCase(), "/performed_on", "2021-03-01")).performed_on);
  EXPECT_TRUE(MustRead(With(BaseCase(), "/performed_on", "2021-02-28")).performed_on);
  CaseError e = MustFail(With(BaseCase(), "/performed_on", "2021-03-02"));
  EXPECT_EQ(e.path, "performed_on");
  EXPECT_EQ(e.message,
            "expected a date on or before `submitted_on` (2021-03-01), found \"2021-03-02\"");
}

TEST(CaseReaderFieldsTest, ImpossibleDates) {
  for (const char* bad : {"2021-02-29", "2021-04-31", "2021-13-01", "2021-00-01", "2021-01-00"}) {
    CaseError e = MustFail(With(BaseCase(), "/member/birth_date", bad));
    EXPECT_EQ(e.path, "member.birth_date");
    EXPECT_EQ(e.message, "expected a date YYYY-MM-DD, found \"" + std::string(bad) + "\"");
  }
  EXPECT_TRUE(MustRead(With(BaseCase(), "/member/birth_date", "2000-02-29")).member.id == "M-1");
}

TEST(CaseReaderFieldsTest, StateCodes) {
  EXPECT_EQ(MustRead(With(BaseCase(), "/state", "PA")).state, "PA");
  EXPECT_EQ(MustRead(With(BaseCase(), "/state", "nj")).state, "NJ");
  EXPECT_EQ(MustRead(With(BaseCase(), "/state", "DC")).state, "DC");
  EXPECT_FALSE(MustRead(With(BaseCase(), "/state", nullptr)).state);
  EXPECT_EQ(MustFail(With(BaseCase(), "/state", "P")).path, "state");
}

TEST(CaseReaderFieldsTest, NullOptionalFieldsTakeDefaults) {
  json j = BaseCase();
  for (const char* key :
       {"line_of_business", "state", "performed_on", "urgent", "emergency", "site_of_care_reasons",
        "requested_los_days", "servicing_facility", "clinical", "history"}) {
    j[key] = nullptr;
  }
  j["procedures"][0]["units"] = nullptr;
  j["procedures"][0]["laterality"] = nullptr;
  j["procedures"][0]["modifiers"] = nullptr;
  j["member"]["sex"] = nullptr;
  j["member"]["enrolled"] = nullptr;
  j["ordering_provider"]["in_network"] = nullptr;
  Case c = MustRead(j);
  EXPECT_EQ(c.line_of_business, LineOfBusiness::kCommercial);
  EXPECT_FALSE(c.performed_on);
  EXPECT_FALSE(c.urgent);
  EXPECT_FALSE(c.servicing_facility);
  EXPECT_TRUE(c.history.empty());
  EXPECT_EQ(c.procedures[0].units, 1);
  EXPECT_EQ(c.procedures[0].laterality, Laterality::kNone);
  EXPECT_EQ(c.member.sex, Sex::kU);
  EXPECT_TRUE(c.member.enrolled);
  EXPECT_TRUE(c.ordering_provider.in_network);
}

TEST(CaseReaderFieldsTest, UnknownFieldsAreIgnoredAtEveryLevel) {
  json j = BaseCase();
  j["portal_version"] = "7.2";
  j["extra"] = {{"nested", {1, 2, {{"deep", nullptr}}}}};
  j["procedures"][0]["note"] = "see chart";
  j["member"]["plan_tier"] = 3;
  j["ordering_provider"]["name"] = "Dr. X";
  j["servicing_facility"] = {{"npi", "9"}, {"address", "1 Main St"}};
  j["history"] = json::array({{{"code", "64483"}, {"date", "2020-01-01"}, {"provider", "Y"}}});
  Case c = MustRead(j);
  EXPECT_TRUE(c.warnings.empty());
  EXPECT_EQ(c.history.size(), 1u);
  EXPECT_FALSE(c.servicing_facility->in_network.has_value());
}

TEST(CaseReaderFieldsTest, SiteOfCareReasons) {
  json reasons = json::array();
  for (std::string_view name : Names(SiteOfCareReason{})) reasons.push_back(name);
  Case c = MustRead(With(BaseCase(), "/site_of_care_reasons", reasons));
  ASSERT_EQ(c.site_of_care_reasons.size(), 10u);
  EXPECT_EQ(c.site_of_care_reasons.back(), SiteOfCareReason::kNoAscPrivileges);
  EXPECT_TRUE(MustRead(With(BaseCase(), "/site_of_care_reasons", json::array()))
                  .site_of_care_reasons.empty());
}

}  // namespace
}  // namespace mskc::cases
