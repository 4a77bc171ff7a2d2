// `mskc check [PATH...]`: parse and type-check guideline files or folders; every diagnostic on
// stderr, exit 0 when clean, 1 on errors.
#include <iostream>

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/diag/renderer.h"
#include "tools/mskc/commands.h"

namespace mskc::tool {

ExitCode RunCheck(const CheckOptions& options) {
  std::vector<std::string> paths = options.paths;
  if (paths.empty()) paths.push_back(options.rules_dir);
  source::SourceManager sources;
  diag::DiagnosticEngine diags;
  // The interpreter backend: checking needs no machine code.
  driver::CompileOptions compile;
  compile.backend = driver::Backend::kInterpreter;
  auto ruleset = driver::Ruleset::Compile(paths, compile, sources, diags);
  std::cerr << diag::RenderAll(diags, sources);
  return ruleset && !diags.has_errors() ? ExitCode::kOk : ExitCode::kFailure;
}

}  // namespace mskc::tool
