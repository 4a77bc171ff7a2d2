// `mskc test [PATH...]`: runs guideline test files (docs/testing.md). One line per failing test
// (`-v`: per test), an optional coverage table, and last `N passed, N failed`. Exit 0 when every
// test passed (and coverage reached --coverage-min), 1 otherwise, 2 when the rules do not compile
// or a PATH does not exist.
#include <iostream>
#include <set>
#include <variant>

#include "runtime/core/did_you_mean.h"
#include "runtime/testing/coverage.h"
#include "runtime/testing/discover.h"
#include "runtime/testing/runner.h"
#include "runtime/testing/test_file_reader.h"
#include "runtime/testing/trace_text.h"
#include "tools/mskc/commands.h"

namespace mskc::tool {
namespace {

using testing::TestCase;
using testing::TestFile;
using testing::TestResult;

struct Counts {
  int passed = 0;
  int failed = 0;
};

std::string Location(const std::string& path, int line) {
  return line > 0 ? path + ":" + std::to_string(line) : path;
}

void PrintFileError(const testing::FileError& error) {
  std::string where = error.path;
  if (error.line > 0) where += ":" + std::to_string(error.line);
  if (error.line > 0 && error.column > 0) where += ":" + std::to_string(error.column);
  std::cout << where << ": error: " << error.message << "\n";
}

// The `guideline:` field is informative, but a misspelled one is worth a failure.
bool CheckGuidelineField(const TestFile& file, const ir::Program& program) {
  if (file.guideline.empty()) return true;
  std::vector<std::string> ids;
  for (const auto& g : program.guidelines) {
    if (g.id == file.guideline) return true;
    ids.push_back(g.id);
  }
  std::string message = "unknown guideline `" + file.guideline + "`";
  if (auto close = ClosestMatch(file.guideline, ids)) message += "; did you mean `" + *close + "`?";
  PrintFileError({file.path, file.guideline_line, 0, message});
  return false;
}

void PrintResult(const TestFile& file, const TestCase& test, const TestResult& result,
                 const TestOptions& options) {
  std::string where = Location(file.path, test.line);
  if (result.passed) {
    if (options.verbose) std::cout << where << ": PASS " << test.name << "\n";
    return;
  }
  std::cout << where << ": FAIL " << test.name << " -- ";
  for (size_t i = 0; i < result.mismatches.size(); ++i)
    std::cout << (i ? "; " : "") << testing::FormatMismatch(result.mismatches[i]);
  std::cout << "\n";
  if (options.trace && result.determination)
    std::cout << testing::FormatTrace(*result.determination, "    ");
}

}  // namespace

ExitCode RunTest(const TestOptions& options) {
  std::vector<std::string> roots = options.paths;
  if (roots.empty()) roots.push_back(options.rules_dir);
  testing::Discovered found = testing::DiscoverTestFiles(roots);
  for (const auto& error : found.errors) std::cerr << "error: " << error << "\n";
  if (!found.errors.empty()) return ExitCode::kUsage;

  // Both backends unless one is chosen; the JIT's determination is the one reported.
  bool both = options.backend.empty();
  driver::Backend reported_backend =
      options.backend == "interp" ? driver::Backend::kInterpreter : driver::Backend::kJit;
  LoadedRules reported = LoadRules(options.rules_dir, reported_backend);
  if (!reported.ruleset) return ExitCode::kUsage;
  LoadedRules check;
  if (both) {
    check = LoadRules(options.rules_dir, driver::Backend::kInterpreter);
    if (!check.ruleset) return ExitCode::kUsage;
  }
  auto name = [](driver::Backend b) { return b == driver::Backend::kJit ? "jit" : "interp"; };
  testing::Runner runner({reported.ruleset.get(), reported.sources.get(), name(reported_backend)},
                         {check.ruleset.get(), check.sources.get(), "interp"});
  const ir::Program& program = reported.ruleset->program();
  testing::Coverage coverage(program);

  Counts counts;
  for (const auto& path : found.files) {
    testing::ReadResult read = testing::ReadTestFile(path);
    if (auto* error = std::get_if<testing::FileError>(&read)) {
      PrintFileError(*error);
      ++counts.failed;
      continue;
    }
    const TestFile& file = std::get<TestFile>(read);
    if (!CheckGuidelineField(file, program)) ++counts.failed;
    for (const auto& test : file.tests) {
      TestResult result = runner.Run(test, options.trace);
      if (result.determination) coverage.Record(*result.determination);
      ++(result.passed ? counts.passed : counts.failed);
      PrintResult(file, test, result, options);
    }
  }
  if (found.files.empty()) std::cerr << "warning: no test files (*.test.yaml) found\n";

  bool coverage_ok = true;
  if (options.coverage || options.coverage_min) {
    std::string scope_name = options.coverage_scope;
    if (scope_name.empty()) scope_name = options.paths.empty() ? "all" : "tested";
    auto scope =
        scope_name == "tested" ? testing::CoverageScope::kTested : testing::CoverageScope::kAll;
    std::vector<testing::VersionCoverage> report = coverage.Report(scope);
    std::cout << testing::FormatCoverage(report);
    testing::CoverageTotal total = testing::Total(report);
    if (options.coverage_min && !total.AtLeast(*options.coverage_min)) {
      coverage_ok = false;
      std::cout << "coverage " << total.Percent() << " is below --coverage-min "
                << *options.coverage_min << "%\n";
    }
  }
  std::cout << counts.passed << " passed, " << counts.failed << " failed\n";
  std::cout.flush();
  return counts.failed == 0 && coverage_ok ? ExitCode::kOk : ExitCode::kFailure;
}

}  // namespace mskc::tool
