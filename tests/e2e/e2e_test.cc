// End-to-end contract tests: every tests/e2e/cases/**/NAME.case.json is read and decided with the
// shipped guidelines on both backends; the two determinations must be identical and must match
// NAME.expected.json partially (partial_match.h), or the case must be refused at the expected
// `error_path` (exit-2 kind: the case reader or Decide).
#include <memory>
#include <ostream>
#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/diag/renderer.h"
#include "compiler/driver/ruleset.h"
#include "compiler/source/source_manager.h"
#include "runtime/case/case_reader.h"
#include "runtime/determination/json_writer.h"
#include "runtime/rules/decide.h"
#include "tests/e2e/case_files.h"
#include "tests/e2e/partial_match.h"

namespace mskc::e2e {

// Short, so that CTest names (which carry it) stay readable.
void PrintTo(const CaseFile& file, std::ostream* os) { *os << file.relative; }

namespace {

using json = nlohmann::ordered_json;

struct CompiledRules {
  std::unique_ptr<source::SourceManager> sources;  // outlives the ruleset
  std::unique_ptr<driver::Ruleset> ruleset;
  std::string diagnostics;
};

CompiledRules Compile(driver::Backend backend) {
  CompiledRules out;
  out.sources = std::make_unique<source::SourceManager>();
  diag::DiagnosticEngine diags;
  driver::CompileOptions options;
  options.backend = backend;
  out.ruleset =
      driver::Ruleset::Compile({SourceDir() + "/guidelines"}, options, *out.sources, diags);
  if (!out.ruleset) out.diagnostics = diag::RenderAll(diags, *out.sources);
  return out;
}

// Compiled once per backend for the whole binary.
const CompiledRules& Rules(driver::Backend backend) {
  static const CompiledRules jit = Compile(driver::Backend::kJit);
  static const CompiledRules interpreter = Compile(driver::Backend::kInterpreter);
  return backend == driver::Backend::kJit ? jit : interpreter;
}

// What one backend made of a case: a determination (compact JSON) or a refusal.
struct BackendResult {
  bool refused = false;
  std::string error_path;
  std::string error_message;
  std::string determination;
};

BackendResult Decide(const driver::Ruleset& ruleset, const std::string& text) {
  BackendResult run;
  auto refuse = [&run](const cases::CaseError& e) {
    run.refused = true;
    run.error_path = e.path;
    run.error_message = cases::FormatCaseError(e);
  };
  cases::CaseResult read = cases::ReadCase(text, ruleset.program().facts);
  if (auto* error = std::get_if<cases::CaseError>(&read)) {
    refuse(*error);
    return run;
  }
  rules::DecideResult decided = rules::Decide(ruleset, std::get<cases::Case>(read));
  if (auto* error = std::get_if<cases::CaseError>(&decided)) {
    refuse(*error);
    return run;
  }
  run.determination = determination::ToJson(std::get<determination::Determination>(decided),
                                             determination::JsonStyle{.pretty = false});
  return run;
}

std::string Describe(const BackendResult& run) {
  if (run.refused) return "refused: " + run.error_message;
  json parsed = json::parse(run.determination, nullptr, false);
  return parsed.is_discarded() ? run.determination : parsed.dump(2);
}

std::string CasesDir() { return SourceDir() + "/tests/e2e/cases"; }

class E2eCase : public ::testing::TestWithParam<CaseFile> {};

TEST_P(E2eCase, MatchesContract) {
  const CaseFile& file = GetParam();
  std::string case_text, expected_text;
  ASSERT_TRUE(ReadFile(file.case_path, case_text)) << "cannot read " << file.case_path;
  ASSERT_TRUE(ReadFile(file.expected_path, expected_text)) << "cannot read " << file.expected_path;
  json expected = json::parse(expected_text, nullptr, false);
  ASSERT_FALSE(expected.is_discarded()) << file.expected_path << " is not valid JSON";

  const CompiledRules& jit = Rules(driver::Backend::kJit);
  const CompiledRules& interpreter = Rules(driver::Backend::kInterpreter);
  ASSERT_NE(jit.ruleset, nullptr) << "guidelines/ do not compile (JIT):\n" << jit.diagnostics;
  ASSERT_NE(interpreter.ruleset, nullptr)
      << "guidelines/ do not compile (interpreter):\n" << interpreter.diagnostics;

  BackendResult native = Decide(*jit.ruleset, case_text);
  BackendResult reference = Decide(*interpreter.ruleset, case_text);
  EXPECT_EQ(native.refused, reference.refused);
  EXPECT_EQ(native.error_path, reference.error_path);
  EXPECT_EQ(native.determination, reference.determination)
      << "JIT and interpreter determinations differ";

  if (expected.is_object() && expected.contains("error_path")) {
    ASSERT_TRUE(native.refused) << "expected a refusal at `"
                                << expected["error_path"].get<std::string>()
                                << "`, got a determination:\n" << Describe(native);
    EXPECT_EQ(native.error_path, expected["error_path"].get<std::string>())
        << native.error_message;
    return;
  }
  ASSERT_FALSE(native.refused) << Describe(native);
  json actual = json::parse(native.determination, nullptr, false);
  ASSERT_FALSE(actual.is_discarded()) << "the determination is not valid JSON:\n"
                                      << native.determination;
  std::vector<std::string> mismatches;
  if (!PartialMatch(expected, actual, mismatches)) {
    std::string list;
    for (const std::string& m : mismatches) list += "  " + m + "\n";
    ADD_FAILURE() << file.case_path << "\n" << list << "determination:\n" << actual.dump(2);
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, E2eCase, ::testing::ValuesIn(DiscoverCases(CasesDir())),
                         [](const ::testing::TestParamInfo<CaseFile>& info) {
                           return info.param.name;
                         });

TEST(E2eSuite, CompilesTheShippedLibraryWithBothBackends) {
  const CompiledRules& jit = Rules(driver::Backend::kJit);
  const CompiledRules& interpreter = Rules(driver::Backend::kInterpreter);
  ASSERT_NE(jit.ruleset, nullptr) << jit.diagnostics;
  ASSERT_NE(interpreter.ruleset, nullptr) << interpreter.diagnostics;
  EXPECT_EQ(jit.ruleset->backend(), driver::Backend::kJit);
  EXPECT_EQ(interpreter.ruleset->backend(), driver::Backend::kInterpreter);
}

TEST(E2eSuite, FindsTheCaseFiles) {
  EXPECT_GE(DiscoverCases(CasesDir()).size(), 100u) << "looked in " << CasesDir();
}

}  // namespace
}  // namespace mskc::e2e
