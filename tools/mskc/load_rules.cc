#include <iostream>

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/diag/renderer.h"
#include "tools/mskc/commands.h"

namespace mskc::tool {

LoadedRules LoadRules(const std::string& rules_dir, driver::Backend backend) {
  LoadedRules out;
  out.sources = std::make_unique<source::SourceManager>();
  diag::DiagnosticEngine diags;
  driver::CompileOptions options;
  options.backend = backend;
  out.ruleset = driver::Ruleset::Compile({rules_dir}, options, *out.sources, diags);
  if (!out.ruleset) {
    std::cerr << diag::RenderAll(diags, *out.sources);
    std::cerr << "error: the rules in '" << rules_dir << "' do not compile\n";
  }
  return out;
}

}  // namespace mskc::tool
