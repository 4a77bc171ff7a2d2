// The compiler's product: a checked, lowered program (guidelines, plans, facts) with one
// evaluator per guideline version, from either backend. The runtime uses only this.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "compiler/diag/diagnostic_engine.h"
#include "compiler/lower/evaluator.h"
#include "compiler/lower/rule_ir.h"
#include "compiler/source/source_manager.h"

namespace mskc::driver {

enum class Backend : uint8_t { kJit, kInterpreter };

struct CompileOptions {
  Backend backend = Backend::kJit;
  // Where `import` looks after the importing file's folders; empty = DefaultRulesDir(). The case
  // store sets it when it recompiles the snapshot of rules kept with a case.
  std::string library_dir;
};

class Ruleset {
 public:
  // Loads every `.msk` file under `paths` (files or folders, recursively), checks and compiles
  // them. Returns nullptr when any error was reported to `diags` (which then holds them all).
  static std::unique_ptr<Ruleset> Compile(const std::vector<std::string>& paths,
                                          const CompileOptions& options,
                                          source::SourceManager& sources,
                                          diag::DiagnosticEngine& diags);
  virtual ~Ruleset() = default;

  virtual const ir::Program& program() const = 0;
  virtual Backend backend() const = 0;
  // Evaluator of `version` of `guideline` (both owned by program()).
  virtual const ir::VersionEvaluator& EvaluatorFor(const ir::Guideline& guideline,
                                                   const ir::Version& version) const = 0;
};

// The shipped library folder compiled into the binary (`--rules` default).
std::string DefaultRulesDir();

// Where the JIT keeps compiled objects between runs: `MSKC_JIT_CACHE` (`off` or empty: no
// cache), else `$XDG_CACHE_HOME/mskc/jit`, else `~/.cache/mskc/jit`.
std::string JitCacheDir();

}  // namespace mskc::driver
