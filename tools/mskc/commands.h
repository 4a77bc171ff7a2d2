// The subcommands of `mskc`, each taking its parsed options and returning its exit code.
// Printing happens here and only here (stdout: results; stderr: diagnostics and errors).
#pragma once
#include <memory>
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

ExitCode RunCheck(const CheckOptions& options);
ExitCode RunEval(const EvalOptions& options);
ExitCode RunBatch(const BatchOptions& options);

// A compiled rule set with the sources its spans point into (kept together for traces).
struct LoadedRules {
  std::unique_ptr<source::SourceManager> sources;
  std::unique_ptr<driver::Ruleset> ruleset;
};

// Compiles the rules folder; on errors prints the rendered diagnostics to stderr and returns a
// null ruleset.
LoadedRules LoadRules(const std::string& rules_dir, driver::Backend backend);

}  // namespace mskc::tool
