// The subcommands of `mskc`, each taking its parsed options and returning its exit code.
// Printing happens here and only here (stdout: results; stderr: diagnostics and errors).
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "compiler/driver/ruleset.h"
#include "compiler/source/source_manager.h"
#include "tools/mskc/exit_code.h"

namespace mskc::tool {

struct CheckOptions {
  std::vector<std::string> paths;  // empty: the rules folder
  std::string rules_dir;
};

struct EvalOptions {
  std::string rules_dir;
  driver::Backend backend = driver::Backend::kJit;
  bool trace = false;
  std::string case_path;  // `-` = stdin
};

struct BatchOptions {
  std::string rules_dir;
  driver::Backend backend = driver::Backend::kJit;
  bool trace = false;
  int threads = 1;
};

struct TestOptions {
  std::string rules_dir;
  std::vector<std::string> paths;  // test files or folders; empty: every test file of the rules
  std::string backend;             // "jit" or "interp": only that one; empty: both, must agree
  bool verbose = false;            // list passing tests too
  bool trace = false;              // show the criterion trace of failing tests
  bool coverage = false;           // print the criterion-outcome coverage table
  std::optional<double> coverage_min;  // fail below this total percentage (implies coverage)
  std::string coverage_scope;      // "all" or "tested"; empty: all without PATHs, else tested
};

struct ReplOptions {
  std::string rules_dir;
  driver::Backend backend = driver::Backend::kInterpreter;  // quick to start and to reload
  std::string today;  // YYYY-MM-DD: the default case's date; empty = the system date
};

struct RequirementsOptions {
  std::string rules_dir;
  std::string code;
  std::string plan = "DEFAULT";
  std::string dos;  // YYYY-MM-DD; empty = today
  bool json = false;
};

struct ImpactOptions {
  std::string old_rules;
  std::string new_rules;
  std::string cases_path;  // NDJSON; `-` = stdin
  int examples = 3;        // case ids shown per kind of change
  bool json = false;
  driver::Backend backend = driver::Backend::kJit;
};

ExitCode RunCheck(const CheckOptions& options);
ExitCode RunEval(const EvalOptions& options);
ExitCode RunBatch(const BatchOptions& options);
ExitCode RunTest(const TestOptions& options);
ExitCode RunRepl(const ReplOptions& options);
ExitCode RunRequirements(const RequirementsOptions& options);
ExitCode RunImpact(const ImpactOptions& options);

// A compiled rule set with the sources its spans point into (kept together for traces).
struct LoadedRules {
  std::unique_ptr<source::SourceManager> sources;
  std::unique_ptr<driver::Ruleset> ruleset;
};

// Compiles the rules folder; on errors prints the rendered diagnostics to stderr and returns a
// null ruleset.
LoadedRules LoadRules(const std::string& rules_dir, driver::Backend backend);

}  // namespace mskc::tool
