#include "runtime/testing/test_file_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "runtime/testing/case_patch.h"

namespace mskc::testing {
namespace {

constexpr char kHeader[] = R"(
guideline: ipm.epidural
base_case:
  case_id: T
  clinical: { pain_score: 6, radicular_pain: true }
  procedures: [ { code: "62323" } ]
tests:
)";

TestFile Parse(const std::string& text) {
  ReadResult read = ParseTestFile(text, "t.test.yaml", ".");
  if (auto* error = std::get_if<FileError>(&read)) {
    ADD_FAILURE() << error->line << ": " << error->message;
    return {};
  }
  return std::get<TestFile>(read);
}

FileError ParseError(const std::string& text) {
  ReadResult read = ParseTestFile(text, "t.test.yaml", ".");
  if (auto* error = std::get_if<FileError>(&read)) return *error;
  ADD_FAILURE() << "expected a file error";
  return {};
}

Json CaseOf(const TestCase& test) { return Json::parse(test.case_json); }

TEST(TestFileReader, ReadsNameLineAndPatchedCase) {
  TestFile file = Parse(std::string(kHeader) + R"(
  - name: pain score at the threshold
    set: { clinical.pain_score: 4 }
    unset: [clinical.radicular_pain]
    expect: { outcome: approved }
)");
  EXPECT_EQ(file.guideline, "ipm.epidural");
  ASSERT_EQ(file.tests.size(), 1u);
  const TestCase& test = file.tests[0];
  EXPECT_EQ(test.name, "pain score at the threshold");
  EXPECT_EQ(test.line, 9);
  EXPECT_EQ(test.error, "");
  Json c = CaseOf(test);
  EXPECT_EQ(c["clinical"]["pain_score"], 4);
  EXPECT_FALSE(c["clinical"].contains("radicular_pain"));
  EXPECT_EQ(c["case_id"], "T");
  EXPECT_EQ(test.expect.outcome, "approved");
}

TEST(TestFileReader, PlainScalarsAreTypedQuotedOnesAreText) {
  TestFile file = Parse(std::string(kHeader) + R"(
  - name: types
    set:
      a: 4
      b: 4.5
      c: true
      d: "4"
      e: 2021-03-01
      f: ~
      g: null
      h: M54.16
      i: 0x10
      j: 1e3
      k: -3
      l: 'true'
      m: False
      n: [1, "2", x]
      o: 007
    expect: {}
)");
  ASSERT_EQ(file.tests.size(), 1u);
  ASSERT_EQ(file.tests[0].error, "");
  Json c = CaseOf(file.tests[0]);
  EXPECT_TRUE(c["a"].is_number_integer());
  EXPECT_EQ(c["a"], 4);
  EXPECT_DOUBLE_EQ(c["b"].get<double>(), 4.5);
  EXPECT_EQ(c["c"], true);
  EXPECT_EQ(c["d"], "4");
  EXPECT_EQ(c["e"], "2021-03-01");
  EXPECT_TRUE(c["f"].is_null());
  EXPECT_TRUE(c["g"].is_null());
  EXPECT_EQ(c["h"], "M54.16");
  EXPECT_EQ(c["i"], "0x10");
  EXPECT_DOUBLE_EQ(c["j"].get<double>(), 1000.0);
  EXPECT_EQ(c["k"], -3);
  EXPECT_EQ(c["l"], "true");
  EXPECT_EQ(c["m"], false);
  EXPECT_EQ(c["n"], Json::parse(R"([1, "2", "x"])"));
  EXPECT_EQ(c["o"], 7);
}

TEST(TestFileReader, UnsetRunsBeforeSet) {
  TestFile file = Parse(std::string(kHeader) + R"(
  - name: replace clinical
    unset: [clinical]
    set: { clinical.bmi: 30 }
    expect: {}
)");
  ASSERT_EQ(file.tests[0].error, "");
  EXPECT_EQ(CaseOf(file.tests[0])["clinical"], Json::parse(R"({"bmi": 30})"));
}

TEST(TestFileReader, GroupsPatchEveryTestInsideAndPrefixNames) {
  TestFile file = Parse(std::string(kHeader) + R"(
  - group: older version
    set: { date_of_service: 2020-08-14 }
    tests:
      - name: first
        expect: {}
      - group: with history
        set: { history: [ { code: "64483", date: 2020-06-01 } ] }
        tests:
          - name: second
            set: { clinical.pain_score: 3 }
            expect: {}
  - name: outside
    expect: {}
)");
  ASSERT_EQ(file.tests.size(), 3u);
  EXPECT_EQ(file.tests[0].name, "older version: first");
  EXPECT_EQ(file.tests[1].name, "older version: with history: second");
  EXPECT_EQ(file.tests[2].name, "outside");
  EXPECT_EQ(CaseOf(file.tests[0])["date_of_service"], "2020-08-14");
  Json second = CaseOf(file.tests[1]);
  EXPECT_EQ(second["date_of_service"], "2020-08-14");
  EXPECT_EQ(second["history"][0]["code"], "64483");
  EXPECT_EQ(second["clinical"]["pain_score"], 3);
  EXPECT_FALSE(CaseOf(file.tests[2]).contains("date_of_service"));
}

TEST(TestFileReader, FileLevelSetPatchesTheBase) {
  TestFile file = Parse(R"(
base_case: { case_id: T, clinical: { pain_score: 6 } }
set: { clinical.pain_score: 2 }
tests:
  - name: a
    expect: {}
)");
  EXPECT_EQ(CaseOf(file.tests[0])["clinical"]["pain_score"], 2);
}

TEST(TestFileReader, LinePartsGoToTheTestsLine) {
  TestFile file = Parse(std::string(kHeader) + R"(
  - name: second line
    line: 2
    expect:
      outcome: pended
      criteria: { severity: met, "*": unknown }
      missing: [pain_score]
      lines:
        1: { outcome: approved, valid_from: 2021-03-01, expires_on: null, guideline: null }
)");
  const Expectation& e = file.tests[0].expect;
  ASSERT_EQ(file.tests[0].error, "");
  ASSERT_EQ(e.lines.size(), 2u);
  const LineExpectation& second = e.lines.at(2);
  ASSERT_EQ(second.criteria.size(), 1u);
  EXPECT_EQ(second.criteria[0], (std::pair<std::string, std::string>{"severity", "met"}));
  EXPECT_EQ(second.others, "unknown");
  EXPECT_EQ(second.missing, std::vector<std::string>{"pain_score"});
  const LineExpectation& first = e.lines.at(1);
  EXPECT_EQ(first.outcome, "approved");
  EXPECT_EQ(first.valid_from, "2021-03-01");
  EXPECT_EQ(first.expires_on, kAbsent);
  EXPECT_EQ(first.guideline, kAbsent);
}

TEST(TestFileReader, ReadsEveryCaseLevelPart) {
  TestFile file = Parse(std::string(kHeader) + R"(
  - name: all parts
    expect:
      outcome: pended
      status: In Progress
      review: physician
      reason_codes: [SITE_OF_CARE_REVIEW, CRITERIA_NOT_MET]
      valid_from: null
      expires_on: ~
      notes: [ notice, { kind: education, line: 2, contains: therapy } ]
      warnings: [pain_scor]
)");
  ASSERT_EQ(file.tests[0].error, "");
  const Expectation& e = file.tests[0].expect;
  EXPECT_EQ(e.status, "In Progress");
  EXPECT_EQ(e.review, "physician");
  EXPECT_EQ(e.reason_codes, (std::vector<std::string>{"SITE_OF_CARE_REVIEW", "CRITERIA_NOT_MET"}));
  EXPECT_EQ(e.valid_from, kAbsent);
  EXPECT_EQ(e.expires_on, kAbsent);
  ASSERT_EQ(e.notes->size(), 2u);
  EXPECT_EQ((*e.notes)[0].kind, "notice");
  EXPECT_EQ((*e.notes)[1].kind, "education");
  EXPECT_EQ((*e.notes)[1].line, 2);
  EXPECT_EQ((*e.notes)[1].contains, "therapy");
  EXPECT_EQ(e.warnings, std::vector<std::string>{"pain_scor"});
}

TEST(TestFileReader, AMalformedTestFailsAloneWithItsLine) {
  TestFile file = Parse(std::string(kHeader) + R"(
  - name: typo in the outcome
    expect: { outcome: aproved }
  - name: good
    expect: { outcome: approved }
  - name: bad path
    set: { clinical.pain_score.x: 1 }
    expect: {}
  - name: unset of nothing
    unset: [clinical.pain_scor]
    expect: {}
  - nam: no name
    expect: {}
  - name: no expect
  - name: bad date
    expect: { expires_on: 2021-02-30 }
  - name: unknown criterion result
    expect: { criteria: { adult: yes } }
  - name: duplicate path
    set: { clinical.bmi: 1, clinical.bmi: 2 }
    expect: {}
)");
  ASSERT_EQ(file.tests.size(), 9u);
  EXPECT_EQ(file.tests[0].error,
            "`outcome`: expected one of approved, pended, not_required, notification_only, "
            "denied_administrative, rejected; found `aproved`; did you mean `approved`?");
  EXPECT_EQ(file.tests[0].error_line, 10);
  EXPECT_EQ(file.tests[1].error, "");
  EXPECT_EQ(file.tests[2].error,
            "cannot set `clinical.pain_score.x`: `clinical.pain_score` is a number, not an object");
  EXPECT_EQ(file.tests[2].error_line, 14);
  EXPECT_EQ(file.tests[3].error,
            "cannot unset `clinical.pain_scor`: the case has no `clinical.pain_scor`");
  EXPECT_EQ(file.tests[4].error, "unknown key `nam` in a test; did you mean `name`?");
  EXPECT_EQ(file.tests[4].name, "test at line 19");
  EXPECT_EQ(file.tests[5].error, "a test needs an `expect`");
  EXPECT_EQ(file.tests[6].error,
            "`expires_on`: expected a date YYYY-MM-DD or null, found `2021-02-30`");
  EXPECT_NE(file.tests[7].error.find("expected one of met, unmet, unknown, absent"),
            std::string::npos);
  EXPECT_NE(file.tests[8].error.find("duplicate"), std::string::npos);
}

TEST(TestFileReader, AMalformedGroupIsOneFailingTest) {
  TestFile file = Parse(std::string(kHeader) + R"(
  - group: broken
    set: { "a[": 1 }
    tests:
      - name: inside
        expect: {}
)");
  ASSERT_EQ(file.tests.size(), 1u);
  EXPECT_EQ(file.tests[0].name, "broken");
  EXPECT_EQ(file.tests[0].error, "path `a[` has an unclosed `[`");
}

TEST(TestFileReader, YamlSyntaxErrorsNameTheLine) {
  FileError error = ParseError("tests:\n  - name: x\n    expect: { outcome: approved\n");
  EXPECT_EQ(error.path, "t.test.yaml");
  EXPECT_GT(error.line, 0);
  EXPECT_FALSE(error.message.empty());
}

TEST(TestFileReader, WrongShapesAreFileErrors) {
  EXPECT_EQ(ParseError("").message, "expected a map with `tests`, found nothing");
  EXPECT_EQ(ParseError("- a\n- b\n").message, "expected a map with `tests`, found a list");
  EXPECT_EQ(ParseError("base_case: {}\n").message, "the file has no `tests`");
  EXPECT_EQ(ParseError("base_case: {}\ntests: []\n").message,
            "`tests`: expected a list of tests, found a list");
  FileError typo = ParseError("base_case: {}\ntest:\n  - name: x\n");
  EXPECT_EQ(typo.message, "unknown key `test` in the test file; did you mean `tests`?");
  EXPECT_EQ(typo.line, 2);
  EXPECT_EQ(ParseError("base: a.json\nbase_case: {}\ntests: [ { name: x, expect: {} } ]\n").message,
            "give either `base` or `base_case`, not both");
  EXPECT_EQ(ParseError("base: nowhere.json\ntests: [ { name: x, expect: {} } ]\n").message,
            "cannot read the base case `nowhere.json`");
}

TEST(TestFileReader, NoBaseAnywhereFailsTheTest) {
  TestFile file = Parse("tests:\n  - name: x\n    expect: {}\n");
  ASSERT_EQ(file.tests.size(), 1u);
  EXPECT_EQ(file.tests[0].error,
            "no base case: give `base` or `base_case` in the file or in the test");
}

TEST(TestFileReader, DeepNestingIsAnErrorNotACrash) {
  std::string deep = "tests: " + std::string(100000, '[') + std::string(100000, ']') + "\n";
  EXPECT_EQ(ParseError(deep).message, "the YAML is nested too deeply");
}

TEST(TestFileReader, AliasesCannotExpandWithoutBound) {
  // "Billion laughs": 10^12 values in a few lines.
  std::string laughs = "base_case:\n  a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 12; ++i) {
    laughs += "  a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
    for (int j = 0; j < 10; ++j) laughs += (j ? ", *a" : "*a") + std::to_string(i - 1);
    laughs += "]\n";
  }
  laughs += "tests: [ { name: x, expect: {} } ]\n";
  EXPECT_EQ(ParseError(laughs).message,
            "the value is too large (more than 100000 items, aliases expanded)");

  // A case that contains itself.
  EXPECT_EQ(ParseError("base_case: &b {case_id: x, c: [*b]}\ntests: [ { name: x, expect: {} } ]\n")
                .message,
            "the value is nested too deeply");

  // A group whose tests are the list that holds it.
  TestFile cycle = Parse("base_case: {case_id: x}\ntests: &t\n  - {group: a, tests: *t}\n");
  ASSERT_EQ(cycle.tests.size(), 1u);
  EXPECT_EQ(cycle.tests[0].error, "groups are nested too deeply");

  // Groups that double at each level: 2^39 tests.
  std::string doubling = "base_case: {case_id: x}\ntests:\n  - &g0 {name: t, expect: {}}\n";
  for (int i = 1; i < 40; ++i)
    doubling += "  - &g" + std::to_string(i) + " {group: g, tests: [*g" + std::to_string(i - 1) +
                ", *g" + std::to_string(i - 1) + "]}\n";
  EXPECT_EQ(ParseError(doubling).message, "too many tests (more than 100000, aliases expanded)");
}

class TestFileOnDisk : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("mskc_testing_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_ / "sub");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }
  std::filesystem::path dir_;
};

TEST_F(TestFileOnDisk, BaseIsRelativeToTheTestFile) {
  Write("sub/base.json", R"({"case_id": "FROM-FILE", "clinical": {"pain_score": 6}})");
  std::string path = Write("sub/a.test.yaml", R"(
base: base.json
tests:
  - name: a
    set: { clinical.pain_score: 5 }
    expect: {}
)");
  ReadResult read = ReadTestFile(path);
  ASSERT_TRUE(std::holds_alternative<TestFile>(read)) << std::get<FileError>(read).message;
  Json c = Json::parse(std::get<TestFile>(read).tests[0].case_json);
  EXPECT_EQ(c["case_id"], "FROM-FILE");
  EXPECT_EQ(c["clinical"]["pain_score"], 5);
}

TEST_F(TestFileOnDisk, BadBaseFilesAreFileErrors) {
  Write("broken.json", R"({"case_id": )");
  Write("list.json", "[1, 2]");
  Write("deep.json", std::string(1000, '[') + std::string(1000, ']'));
  auto message = [&](const std::string& base) {
    ReadResult read = ReadTestFile(
        Write("t.test.yaml", "base: " + base + "\ntests: [ { name: x, expect: {} } ]\n"));
    return std::holds_alternative<FileError>(read) ? std::get<FileError>(read).message : "";
  };
  EXPECT_NE(message("broken.json").find("the base case `broken.json` is not valid JSON"),
            std::string::npos);
  EXPECT_EQ(message("list.json"), "the base case `list.json` is not a JSON object");
  EXPECT_EQ(message("deep.json"), "the base case `deep.json` is nested too deeply");
}

TEST_F(TestFileOnDisk, UnreadableFileIsAFileError) {
  ReadResult read = ReadTestFile((dir_ / "missing.test.yaml").string());
  ASSERT_TRUE(std::holds_alternative<FileError>(read));
  EXPECT_EQ(std::get<FileError>(read).message, "cannot read the file");
  read = ReadTestFile(dir_.string());  // a folder
  ASSERT_TRUE(std::holds_alternative<FileError>(read));
}

TEST_F(TestFileOnDisk, BinaryGarbageIsAFileError) {
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage += static_cast<char>((i * 7919 + 13) % 256);
  ReadResult read = ReadTestFile(Write("garbage.test.yaml", garbage));
  EXPECT_TRUE(std::holds_alternative<FileError>(read));
}

}  // namespace
}  // namespace mskc::testing
