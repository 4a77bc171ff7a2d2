// The matcher the end-to-end cases rely on: a lenient matcher would let every case pass.
#include "tests/e2e/partial_match.h"

#include <gtest/gtest.h>

namespace mskc::e2e {
namespace {

using json = nlohmann::ordered_json;

bool Matches(const char* expected, const char* actual, std::vector<std::string>* out = nullptr) {
  std::vector<std::string> mismatches;
  bool ok = PartialMatch(json::parse(expected), json::parse(actual), mismatches);
  if (out) *out = mismatches;
  return ok;
}

TEST(PartialMatch, ExtraActualKeysAreIgnored) {
  EXPECT_TRUE(Matches(R"({"a": 1})", R"({"a": 1, "b": 2})"));
  EXPECT_TRUE(Matches(R"({})", R"({"a": 1})"));
}

TEST(PartialMatch, MissingOrDifferentKeysFail) {
  std::vector<std::string> m;
  EXPECT_FALSE(Matches(R"({"a": 1, "c": 3})", R"({"a": 1})", &m));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0], "c: expected 3, found no such key");
  EXPECT_FALSE(Matches(R"({"a": "x"})", R"({"a": "y"})"));
  EXPECT_FALSE(Matches(R"({"a": null})", R"({"a": "y"})"));
  EXPECT_FALSE(Matches(R"({"a": 1})", R"({"a": "1"})"));
  EXPECT_FALSE(Matches(R"({"a": true})", R"({"a": 1})"));
}

TEST(PartialMatch, NestedObjectsArePartialToo) {
  EXPECT_TRUE(Matches(R"({"g": {"id": "x"}})", R"({"g": {"id": "x", "version": "v"}})"));
  std::vector<std::string> m;
  EXPECT_FALSE(Matches(R"({"g": {"id": "x"}})", R"({"g": {"id": "y"}})", &m));
  EXPECT_EQ(m[0], R"(g.id: expected "x", found "y")");
}

TEST(PartialMatch, ArraysNeedSameLengthAndMatchElementWise) {
  EXPECT_TRUE(Matches(R"([{"id": "a"}, {"id": "b"}])", R"([{"id": "a", "t": 1}, {"id": "b"}])"));
  EXPECT_FALSE(Matches(R"([{"id": "a"}])", R"([{"id": "a"}, {"id": "b"}])"));
  EXPECT_FALSE(Matches(R"([])", R"(["x"])"));
  std::vector<std::string> m;
  EXPECT_FALSE(Matches(R"({"l": [{"id": "a"}, {"id": "b"}]})", R"({"l": [{"id": "b"}, {"id": "a"}]})", &m));
  EXPECT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0], R"(l[0].id: expected "a", found "b")");
}

TEST(PartialMatch, NumbersCompareByValue) {
  EXPECT_TRUE(Matches(R"({"n": 1})", R"({"n": 1.0})"));
  EXPECT_FALSE(Matches(R"({"n": 1})", R"({"n": 1.5})"));
}

TEST(PartialMatch, AbsentMarkerRequiresTheKeyToBeMissing) {
  EXPECT_TRUE(Matches(R"({"valid_from": "$absent"})", R"({"outcome": "pended"})"));
  EXPECT_FALSE(Matches(R"({"valid_from": "$absent"})", R"({"valid_from": "2021-03-01"})"));
  EXPECT_FALSE(Matches(R"({"valid_from": "$absent"})", R"({"valid_from": null})"));
}

TEST(PartialMatch, ContainsMarkerMatchesSubstrings) {
  EXPECT_TRUE(Matches(R"(["x", {"$contains": ["pain_scor", "pain_score"]}])",
                      R"j(["x", "unknown fact `pain_scor` (did you mean `pain_score`?)"])j"));
  EXPECT_FALSE(Matches(R"([{"$contains": ["pain_scor", "radicular"]}])",
                       R"(["unknown fact `pain_scor`"])"));
  EXPECT_FALSE(Matches(R"([{"$contains": ["a"]}])", R"([1])"));
}

}  // namespace
}  // namespace mskc::e2e
