// Clinical facts: types and ranges from the fact dictionary, warnings with did-you-mean.
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

json WithClinical(json clinical) {
  json j = BaseCase();
  j["clinical"] = std::move(clinical);
  return j;
}

TEST(CaseReaderClinicalTest, TypedValues) {
  Case c = MustRead(WithClinical({{"pain_score", 6.5},
                                  {"radicular_pain", true},
                                  {"imaging_date", "2021-01-31"},
                                  {"imaging_type", "ct_myelogram"},
                                  {"complementary_modalities", {"nsaids", "cbt"}},
                                  {"sij_provocative_tests_positive", 3}}));
  EXPECT_EQ(std::get<double>(c.clinical.at("pain_score")), 6.5);
  EXPECT_EQ(std::get<bool>(c.clinical.at("radicular_pain")), true);
  EXPECT_EQ(std::get<Date>(c.clinical.at("imaging_date")), *Date::Parse("2021-01-31"));
  EXPECT_EQ(std::get<std::string>(c.clinical.at("imaging_type")), "ct_myelogram");
  EXPECT_EQ(std::get<std::vector<std::string>>(c.clinical.at("complementary_modalities")),
            (std::vector<std::string>{"nsaids", "cbt"}));
  EXPECT_EQ(std::get<double>(c.clinical.at("sij_provocative_tests_positive")), 3.0);
  EXPECT_TRUE(c.warnings.empty());
}

TEST(CaseReaderClinicalTest, PainScoreBoundaries) {
  EXPECT_EQ(
      std::get<double>(MustRead(WithClinical({{"pain_score", 10}})).clinical.at("pain_score")),
      10.0);
  EXPECT_EQ(std::get<double>(MustRead(WithClinical({{"pain_score", 0}})).clinical.at("pain_score")),
            0.0);
  CaseError e = MustFail(WithClinical({{"pain_score", 10.5}}));
  EXPECT_EQ(e.path, "clinical.pain_score");
  EXPECT_EQ(e.message, "expected a number from 0 to 10, found 10.5");
  e = MustFail(WithClinical({{"pain_score", -0.1}}));
  EXPECT_EQ(e.path, "clinical.pain_score");
  EXPECT_EQ(e.message, "expected a number from 0 to 10, found -0.1");
}

TEST(CaseReaderClinicalTest, OtherRanges) {
  MustRead(WithClinical({{"kellgren_lawrence_grade", 4}}));
  EXPECT_EQ(MustFail(WithClinical({{"kellgren_lawrence_grade", 5}})).message,
            "expected a number from 0 to 4, found 5");
  MustRead(WithClinical({{"diagnostic_block_relief_percent", 100}}));
  EXPECT_EQ(MustFail(WithClinical({{"diagnostic_block_relief_percent", 101}})).message,
            "expected a number from 0 to 100, found 101");
  MustRead(WithClinical({{"conservative_care_weeks", 0}}));
  EXPECT_EQ(MustFail(WithClinical({{"conservative_care_weeks", -1}})).message,
            "expected a number of at least 0, found -1");
  EXPECT_EQ(MustFail(WithClinical({{"sij_provocative_tests_positive", -2}})).path,
            "clinical.sij_provocative_tests_positive");
}

TEST(CaseReaderClinicalTest, WrongTypes) {
  struct Row {
    const char* key;
    json value;
    const char* message;
  };
  for (const Row& row : std::vector<Row>{
           {"pain_score", "7", "expected a number from 0 to 10, found \"7\""},
           {"pain_score", true, "expected a number from 0 to 10, found true"},
           {"smoker", "no", "expected true or false, found \"no\""},
           {"smoker", 0, "expected true or false, found 0"},
           {"imaging_date", "2021-02-30", "expected a date YYYY-MM-DD, found \"2021-02-30\""},
           {"imaging_type", "MRI",
            "expected one of `mri`, `ct`, `ct_myelogram`, `xray`, `none`, found \"MRI\""},
           {"imaging_type", json::array({"mri"}),
            "expected one of `mri`, `ct`, `ct_myelogram`, `xray`, `none`, found a list"},
           {"stimulator_stage", "temporary",
            "expected one of `trial`, `permanent`, found \"temporary\""},
           {"imaging_findings", "disc_herniation", "expected a list, found \"disc_herniation\""},
       }) {
    CaseError e = MustFail(WithClinical({{row.key, row.value}}));
    EXPECT_EQ(e.path, std::string("clinical.") + row.key) << row.value.dump();
    EXPECT_EQ(e.message, row.message) << row.value.dump();
  }
  CaseError e = MustFail(WithClinical({{"imaging_findings", {"disc_herniation", 3}}}));
  EXPECT_EQ(e.path, "clinical.imaging_findings[1]");
  EXPECT_EQ(e.message, "expected a string, found 3");
}

TEST(CaseReaderClinicalTest, NullFactIsAbsent) {
  Case c = MustRead(WithClinical({{"pain_score", nullptr}, {"smoker", false}}));
  EXPECT_EQ(c.clinical.count("pain_score"), 0u);
  EXPECT_EQ(c.clinical.count("smoker"), 1u);
  EXPECT_TRUE(c.warnings.empty());
}

TEST(CaseReaderClinicalTest, UnknownKeyIsWarnedWithDidYouMean) {
  Case c = MustRead(WithClinical({{"pain_scor", 7}, {"smoker", true}}));
  EXPECT_EQ(c.clinical.count("pain_scor"), 0u);
  EXPECT_EQ(c.clinical.count("pain_score"), 0u);
  EXPECT_EQ(c.clinical.count("smoker"), 1u);
  EXPECT_EQ(c.warnings, (std::vector<std::string>{
                            "unknown clinical fact `pain_scor` (did you mean `pain_score`?); it "
                            "was ignored"}));
}

TEST(CaseReaderClinicalTest, UnknownKeyWithoutCloseMatch) {
  Case c = MustRead(WithClinical({{"favourite_color", "blue"}}));
  EXPECT_EQ(c.warnings,
            (std::vector<std::string>{"unknown clinical fact `favourite_color`; it was ignored"}));
  // An unknown key's value is not checked, even when it is null.
  c = MustRead(WithClinical({{"smokr", nullptr}}));
  EXPECT_EQ(c.warnings, (std::vector<std::string>{
                            "unknown clinical fact `smokr` (did you mean `smoker`?); it was "
                            "ignored"}));
}

TEST(CaseReaderClinicalTest, OutOfVocabularyEntryIsKeptAndWarned) {
  Case c =
      MustRead(WithClinical({{"imaging_findings", {"disc_hernation", "central_stenosis", "ufo"}}}));
  EXPECT_EQ(std::get<std::vector<std::string>>(c.clinical.at("imaging_findings")),
            (std::vector<std::string>{"disc_hernation", "central_stenosis", "ufo"}));
  EXPECT_EQ(c.warnings,
            (std::vector<std::string>{
                "`imaging_findings` entry `disc_hernation` is not a known value (did you mean "
                "`disc_herniation`?)",
                "`imaging_findings` entry `ufo` is not a known value"}));
}

TEST(CaseReaderClinicalTest, WarningsKeepInputOrder) {
  // Raw text: the JSON library of the tests would sort the keys.
  std::string text = BaseCase().dump();
  text.pop_back();
  text += R"(, "clinical": {"complementary_modalities": ["nsaid"], "bmii": 30}})";
  CaseResult r = ReadCase(text, testing::TestFacts());
  ASSERT_TRUE(std::holds_alternative<Case>(r));
  const Case& c = std::get<Case>(r);
  ASSERT_EQ(c.warnings.size(), 2u);
  EXPECT_EQ(c.warnings[0],
            "`complementary_modalities` entry `nsaid` is not a known value (did you mean "
            "`nsaids`?)");
  EXPECT_EQ(c.warnings[1], "unknown clinical fact `bmii` (did you mean `bmi`?); it was ignored");
}

TEST(CaseReaderClinicalTest, EmptyListIsGiven) {
  Case c = MustRead(WithClinical({{"imaging_findings", json::array()}}));
  EXPECT_TRUE(std::get<std::vector<std::string>>(c.clinical.at("imaging_findings")).empty());
}

TEST(CaseReaderClinicalTest, ErrorStopsTheRead) {
  CaseError e = MustFail(WithClinical({{"pain_scor", 1}, {"smoker", "y"}}));
  EXPECT_EQ(e.path, "clinical.smoker");
}

}  // namespace
}  // namespace mskc::cases
