#include "runtime/testing/runner.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "runtime/testing/test_file_reader.h"

namespace mskc::testing {
namespace {

namespace fs = std::filesystem;

std::string SourceDir() {
  const char* root = std::getenv("MSKC_SOURCE_DIR");
  return root ? root : ".";
}

struct Compiled {
  source::SourceManager sources;
  std::unique_ptr<driver::Ruleset> ruleset;
};

std::unique_ptr<Compiled> Compile(const std::string& dir, driver::Backend backend) {
  auto out = std::make_unique<Compiled>();
  diag::DiagnosticEngine diags;
  driver::CompileOptions options;
  options.backend = backend;
  out->ruleset = driver::Ruleset::Compile({dir}, options, out->sources, diags);
  return out;
}

// The shipped library, compiled once per backend; and a copy whose `duration` threshold is 5
// weeks instead of 4, standing in for a backend that disagrees.
class Rules {
 public:
  static Rules& Get() {
    static Rules rules;
    return rules;
  }
  std::unique_ptr<Compiled> jit, interp, altered;

 private:
  Rules() {
    std::string shipped = SourceDir() + "/guidelines";
    jit = Compile(shipped, driver::Backend::kJit);
    interp = Compile(shipped, driver::Backend::kInterpreter);
    fs::path copy = fs::temp_directory_path() / ("mskc_runner_" + std::to_string(::getpid()));
    fs::remove_all(copy);
    fs::copy(shipped, copy, fs::copy_options::recursive);
    std::vector<fs::path> others;  // test files and bases: only the rules are needed
    for (const auto& entry : fs::recursive_directory_iterator(copy))
      if (entry.is_regular_file() && entry.path().extension() != ".msk") others.push_back(entry);
    for (const auto& path : others) fs::remove(path);
    fs::path epidural = copy / "ipm" / "epidural.msk";
    std::ifstream in(epidural);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t at = text.find("pain_duration_weeks >= 4");
    if (at != std::string::npos) text.replace(at, 24, "pain_duration_weeks >= 5");
    std::ofstream(epidural) << text;
    altered = Compile(copy.string(), driver::Backend::kInterpreter);
    fs::remove_all(copy);
  }
};

constexpr char kFile[] = R"(
base_case:
  case_id: RUNNER
  health_plan: DEFAULT
  submitted_on: 2021-03-01
  date_of_service: 2021-03-01
  setting: outpatient
  site_of_care: ambulatory_surgery_center
  procedures: [ { code: "62323" } ]
  diagnoses: [M54.16]
  member: { id: M1, birth_date: 1970-05-20 }
  ordering_provider: { npi: "1234567890" }
  clinical:
    radicular_pain: true
    pain_duration_weeks: 8
    pain_score: 6
    functional_impairment: false
    conservative_care_weeks: 6
    physical_therapy: true
    complementary_modalities: [nsaids]
    imaging_type: mri
    active_infection: false
    bleeding_disorder_uncontrolled: false
tests:
  - name: approved
    expect:
      outcome: approved
      valid_from: 2021-03-01
      expires_on: 2021-03-12
      criteria: { "*": met }
  - name: wrong expectation
    set: { clinical.pain_duration_weeks: 3 }
    expect: { outcome: approved, criteria: { duration: met } }
  - name: refused case
    set: { clinical.pain_score: 11 }
    expect: { outcome: approved }
  - name: expected refusal
    set: { clinical.pain_score: 11 }
    expect: { error: clinical.pain_score }
  - name: malformed
    expect: { outcome: aproved }
  - name: duration at 4 weeks
    set: { clinical.pain_duration_weeks: 4 }
    expect: { criteria: { duration: met } }
)";

class RunnerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Rules& rules = Rules::Get();
    ASSERT_TRUE(rules.jit->ruleset && rules.interp->ruleset && rules.altered->ruleset);
    ReadResult read = ParseTestFile(kFile, "runner.test.yaml", ".");
    ASSERT_TRUE(std::holds_alternative<TestFile>(read));
    file_ = std::get<TestFile>(read);
    ASSERT_EQ(file_.tests.size(), 6u);
  }
  static RunnerBackend Jit() {
    return {Rules::Get().jit->ruleset.get(), &Rules::Get().jit->sources, "jit"};
  }
  static RunnerBackend Interp() {
    return {Rules::Get().interp->ruleset.get(), &Rules::Get().interp->sources, "interp"};
  }
  TestFile file_;
};

TEST_F(RunnerTest, PassingTestOnBothBackends) {
  Runner runner(Jit(), Interp());
  TestResult result = runner.Run(file_.tests[0], false);
  EXPECT_TRUE(result.passed);
  EXPECT_TRUE(result.mismatches.empty());
  ASSERT_TRUE(result.determination);
  EXPECT_EQ(result.determination->lines.size(), 1u);
}

TEST_F(RunnerTest, FailingTestListsEachMismatchingPart) {
  Runner runner(Jit(), Interp());
  TestResult result = runner.Run(file_.tests[1], false);
  EXPECT_FALSE(result.passed);
  ASSERT_EQ(result.mismatches.size(), 2u);
  EXPECT_EQ(FormatMismatch(result.mismatches[0]), "outcome: expected approved / actual pended");
  EXPECT_EQ(FormatMismatch(result.mismatches[1]), "criteria.duration: expected met / actual unmet");
  ASSERT_TRUE(result.determination);
  EXPECT_FALSE(result.determination->lines[0].criteria[0].trace);
}

TEST_F(RunnerTest, TraceOnFailureDecidesAgainWithTraces) {
  Runner runner(Jit(), Interp());
  TestResult result = runner.Run(file_.tests[1], true);
  ASSERT_TRUE(result.determination);
  for (const auto& c : result.determination->lines[0].criteria) EXPECT_TRUE(c.trace) << c.id;
  TestResult passed = Runner(Jit(), Interp()).Run(file_.tests[0], true);
  EXPECT_FALSE(passed.determination->lines[0].criteria[0].trace);  // only failures are traced
}

TEST_F(RunnerTest, RefusedCases) {
  Runner runner(Jit(), Interp());
  TestResult refused = runner.Run(file_.tests[2], false);
  EXPECT_FALSE(refused.passed);
  EXPECT_FALSE(refused.determination);
  ASSERT_EQ(refused.mismatches.size(), 1u);
  EXPECT_EQ(refused.mismatches[0].part, "case");
  EXPECT_EQ(refused.mismatches[0].expected, "a determination");
  EXPECT_EQ(refused.mismatches[0].actual.rfind("refused: clinical.pain_score: ", 0), 0u)
      << refused.mismatches[0].actual;
  EXPECT_TRUE(runner.Run(file_.tests[3], false).passed);
}

TEST_F(RunnerTest, MalformedTestFailsWithoutEvaluation) {
  TestResult result = Runner(Jit(), Interp()).Run(file_.tests[4], false);
  EXPECT_FALSE(result.passed);
  EXPECT_FALSE(result.determination);
  ASSERT_EQ(result.mismatches.size(), 1u);
  EXPECT_NE(FormatMismatch(result.mismatches[0]).find("did you mean `approved`?"),
            std::string::npos);
}

TEST_F(RunnerTest, OneBackendOnly) {
  Runner interp_only(Interp(), RunnerBackend{});
  EXPECT_TRUE(interp_only.Run(file_.tests[0], false).passed);
  EXPECT_FALSE(interp_only.Run(file_.tests[1], false).passed);
}

TEST_F(RunnerTest, DisagreeingBackendsFailTheTest) {
  RunnerBackend altered{Rules::Get().altered->ruleset.get(), nullptr, "interp"};
  Runner runner(Jit(), altered);
  TestResult result = runner.Run(file_.tests[5], false);  // 4 weeks: met here, unmet there
  EXPECT_FALSE(result.passed);
  ASSERT_EQ(result.mismatches.size(), 1u);
  EXPECT_EQ(FormatMismatch(result.mismatches[0]),
            "backends differ at outcome: jit \"approved\" / interp \"pended\"");
  EXPECT_TRUE(runner.Run(file_.tests[0], false).passed);  // 8 weeks: both met
}

TEST(FirstDifference, FindsThePathOfTheFirstDifference) {
  EXPECT_FALSE(FirstDifference(R"({"a":1})", R"({"a":1})"));
  auto d = FirstDifference(R"({"a":1,"lines":[{"c":[{"r":"met"},{"r":"met"}]}]})",
                           R"({"a":1,"lines":[{"c":[{"r":"met"},{"r":"unknown"}]}]})");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->path, "lines[0].c[1].r");
  EXPECT_EQ(d->left, "\"met\"");
  EXPECT_EQ(d->right, "\"unknown\"");
  d = FirstDifference(R"({"a":[1,2]})", R"({"a":[1]})");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->path, "a");
  EXPECT_EQ(d->left, "2 items");
  d = FirstDifference(R"({"a":1})", R"({"a":1,"b":2})");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->path, "b");
  EXPECT_EQ(d->left, "(absent)");
  d = FirstDifference("refused: x", R"({"a":1})");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->path, "(document)");
}

}  // namespace
}  // namespace mskc::testing
