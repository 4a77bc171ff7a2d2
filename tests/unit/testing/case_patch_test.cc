#include "runtime/testing/case_patch.h"

#include <gtest/gtest.h>

namespace mskc::testing {
namespace {

std::vector<PathStep> Steps(std::string_view path) {
  auto parsed = ParsePath(path);
  EXPECT_TRUE(std::holds_alternative<std::vector<PathStep>>(parsed)) << path;
  if (auto* steps = std::get_if<std::vector<PathStep>>(&parsed)) return *steps;
  return {};
}

std::string PathError(std::string_view path) {
  auto parsed = ParsePath(path);
  if (auto* error = std::get_if<std::string>(&parsed)) return *error;
  return "";
}

Json Case() {
  return Json::parse(R"({
    "case_id": "C",
    "procedures": [{"code": "62323"}],
    "clinical": {"pain_score": 6, "radicular_pain": true},
    "history": [{"code": "64483", "date": "2021-01-01"}, {"code": "64484", "date": "2021-01-02"}]
  })");
}

TEST(ParsePath, KeysAndIndexes) {
  auto steps = Steps("procedures[0].code");
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[0].key, "procedures");
  EXPECT_FALSE(steps[0].is_index);
  EXPECT_TRUE(steps[1].is_index);
  EXPECT_EQ(steps[1].index, 0u);
  EXPECT_EQ(steps[2].key, "code");

  steps = Steps("clinical.pain_score");
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[1].key, "pain_score");

  steps = Steps("history[12]");
  ASSERT_EQ(steps.size(), 2u);
  EXPECT_EQ(steps[1].index, 12u);

  steps = Steps("a[1][2]");
  ASSERT_EQ(steps.size(), 3u);
  EXPECT_EQ(steps[2].index, 2u);
}

TEST(ParsePath, MalformedPathsAreErrors) {
  EXPECT_EQ(PathError(""), "empty path");
  EXPECT_NE(PathError(".a"), "");
  EXPECT_NE(PathError("a."), "");
  EXPECT_NE(PathError("a..b"), "");
  EXPECT_EQ(PathError("[0]"), "path `[0]` starts with an index");
  EXPECT_EQ(PathError("a[x]"), "path `a[x]`: expected a list index, found `[x]`");
  EXPECT_EQ(PathError("a[-1]"), "path `a[-1]`: expected a list index, found `[-1]`");
  EXPECT_EQ(PathError("a[]"), "path `a[]`: expected a list index, found `[]`");
  EXPECT_EQ(PathError("a[1"), "path `a[1` has an unclosed `[`");
  EXPECT_EQ(PathError("a]b"), "path `a]b` has a `]` without `[`");
  EXPECT_EQ(PathError("a[0]b"), "path `a[0]b`: expected `.` or `[` after `]`");
}

TEST(SetPath, ReplacesAValueKeepingItsType) {
  Json doc = Case();
  EXPECT_EQ(SetPath(doc, "clinical.pain_score", 4), std::nullopt);
  EXPECT_TRUE(doc["clinical"]["pain_score"].is_number_integer());
  EXPECT_EQ(doc["clinical"]["pain_score"], 4);
  EXPECT_EQ(SetPath(doc, "clinical.pain_score", 3.5), std::nullopt);
  EXPECT_DOUBLE_EQ(doc["clinical"]["pain_score"].get<double>(), 3.5);
  EXPECT_EQ(SetPath(doc, "clinical.radicular_pain", false), std::nullopt);
  EXPECT_EQ(doc["clinical"]["radicular_pain"], false);
  EXPECT_EQ(SetPath(doc, "diagnoses", Json::array({"M54.16", "M51.16"})), std::nullopt);
  EXPECT_EQ(doc["diagnoses"].size(), 2u);
  EXPECT_EQ(SetPath(doc, "clinical.pain_score", nullptr), std::nullopt);
  EXPECT_TRUE(doc["clinical"].contains("pain_score"));  // null = absent for the case reader
  EXPECT_TRUE(doc["clinical"]["pain_score"].is_null());
}

TEST(SetPath, IndexesIntoLists) {
  Json doc = Case();
  EXPECT_EQ(SetPath(doc, "procedures[0].code", "64483"), std::nullopt);
  EXPECT_EQ(doc["procedures"][0]["code"], "64483");
  EXPECT_EQ(SetPath(doc, "history[1].relief_percent", 50), std::nullopt);
  EXPECT_EQ(doc["history"][1]["relief_percent"], 50);
  EXPECT_FALSE(doc["history"][0].contains("relief_percent"));
}

TEST(SetPath, IndexEqualToLengthAppends) {
  Json doc = Case();
  EXPECT_EQ(SetPath(doc, "procedures[1]", Json{{"code", "64484"}}), std::nullopt);
  ASSERT_EQ(doc["procedures"].size(), 2u);
  EXPECT_EQ(doc["procedures"][1]["code"], "64484");
  EXPECT_EQ(SetPath(doc, "procedures[2].code", "62321"), std::nullopt);
  ASSERT_EQ(doc["procedures"].size(), 3u);
  EXPECT_EQ(doc["procedures"][2]["code"], "62321");
}

TEST(SetPath, IndexPastTheEndIsAnError) {
  Json doc = Case();
  EXPECT_EQ(SetPath(doc, "procedures[2].code", "64484"),
            "cannot set `procedures[2].code`: index 2 is out of range (`procedures` has 1 item)");
  EXPECT_EQ(doc["procedures"].size(), 1u);
}

TEST(SetPath, CreatesMissingObjectsAndAFirstListItem) {
  Json doc = Json::parse(R"({"case_id": "C"})");
  EXPECT_EQ(SetPath(doc, "clinical.pain_score", 7), std::nullopt);
  EXPECT_EQ(doc["clinical"]["pain_score"], 7);
  EXPECT_EQ(SetPath(doc, "history[0].code", "64483"), std::nullopt);
  ASSERT_TRUE(doc["history"].is_array());
  EXPECT_EQ(doc["history"][0]["code"], "64483");
}

TEST(SetPath, ThroughTheWrongKindIsAnError) {
  Json doc = Case();
  EXPECT_EQ(SetPath(doc, "clinical.pain_score.value", 1),
            "cannot set `clinical.pain_score.value`: `clinical.pain_score` is a number, not an "
            "object");
  EXPECT_EQ(SetPath(doc, "clinical[0]", 1),
            "cannot set `clinical[0]`: `clinical` is an object, not a list");
  EXPECT_EQ(SetPath(doc, "procedures.code", 1),
            "cannot set `procedures.code`: `procedures` is a list, not an object");
  EXPECT_EQ(doc, Case());  // unchanged
}

TEST(UnsetPath, RemovesKeysAndListItems) {
  Json doc = Case();
  EXPECT_EQ(UnsetPath(doc, "clinical.pain_score"), std::nullopt);
  EXPECT_FALSE(doc["clinical"].contains("pain_score"));
  EXPECT_TRUE(doc["clinical"].contains("radicular_pain"));
  EXPECT_EQ(UnsetPath(doc, "history[0]"), std::nullopt);
  ASSERT_EQ(doc["history"].size(), 1u);
  EXPECT_EQ(doc["history"][0]["code"], "64484");  // later items move up
  EXPECT_EQ(UnsetPath(doc, "history[0].date"), std::nullopt);
  EXPECT_FALSE(doc["history"][0].contains("date"));
  EXPECT_EQ(UnsetPath(doc, "clinical"), std::nullopt);
  EXPECT_FALSE(doc.contains("clinical"));
}

TEST(UnsetPath, SomethingNotThereIsAnError) {
  Json doc = Case();
  EXPECT_EQ(UnsetPath(doc, "clinical.pain_scor"),
            "cannot unset `clinical.pain_scor`: the case has no `clinical.pain_scor`");
  EXPECT_EQ(UnsetPath(doc, "history[2]"),
            "cannot unset `history[2]`: the case has no `history[2]`");
  EXPECT_EQ(UnsetPath(doc, "member.birth_date"),
            "cannot unset `member.birth_date`: the case has no `member`");
  EXPECT_EQ(UnsetPath(doc, "clinical[0]"),
            "cannot unset `clinical[0]`: the case has no `clinical[0]`");
  EXPECT_EQ(doc, Case());
}

TEST(KindName, NamesEachKind) {
  EXPECT_EQ(KindName(Json(1)), "a number");
  EXPECT_EQ(KindName(Json(1.5)), "a number");
  EXPECT_EQ(KindName(Json("x")), "a string");
  EXPECT_EQ(KindName(Json(true)), "a boolean");
  EXPECT_EQ(KindName(Json::array()), "a list");
  EXPECT_EQ(KindName(Json::object()), "an object");
  EXPECT_EQ(KindName(Json()), "null");
}

}  // namespace
}  // namespace mskc::testing
