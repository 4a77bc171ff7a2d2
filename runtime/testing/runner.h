// Runs one test: reads its patched case, decides it with the rule set (exactly as `mskc eval`
// does) and matches the expected parts; optionally decides it again with a second backend and
// fails the test when the two determinations differ.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "compiler/driver/ruleset.h"
#include "compiler/source/source_manager.h"
#include "runtime/determination/determination.h"
#include "runtime/testing/matcher.h"
#include "runtime/testing/test_file.h"

namespace mskc::testing {

struct TestResult {
  bool passed = false;
  std::vector<Mismatch> mismatches;  // why it failed (a malformed test: one with part `test`)
  // The reported backend's determination, when the case was decided; with `trace` and a failure,
  // decided again with per-criterion traces.
  std::optional<determination::Determination> determination;
};

struct RunnerBackend {
  const driver::Ruleset* ruleset = nullptr;
  const source::SourceManager* sources = nullptr;  // for traces; may be null
  std::string name;                                // "jit" / "interp"
};

class Runner {
 public:
  // `reported` decides every test; `check`, when it has a ruleset, decides it too and must agree.
  Runner(RunnerBackend reported, RunnerBackend check);

  TestResult Run(const TestCase& test, bool trace_failures) const;

 private:
  RunnerBackend reported_, check_;
};

// The first place, in document order, where two determination JSON texts differ: (path, left
// value, right value);
// nullopt when equal.
struct JsonDifference {
  std::string path;
  std::string left, right;
};
std::optional<JsonDifference> FirstDifference(const std::string& left_json,
                                              const std::string& right_json);

}  // namespace mskc::testing
