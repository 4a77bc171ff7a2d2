#include "compiler/driver/ruleset.h"

#include <cstdlib>

#include "compiler/codegen/jit.h"
#include "compiler/driver/module_loader.h"
#include "compiler/interp/interpreter.h"
#include "compiler/sema/sema.h"

#ifndef MSKC_DEFAULT_RULES_DIR
#define MSKC_DEFAULT_RULES_DIR "guidelines"
#endif

namespace mskc::driver {
namespace {

class CompiledRuleset : public Ruleset {
 public:
  CompiledRuleset(std::unique_ptr<ir::Program> program, Backend backend)
      : program_(std::move(program)), backend_(backend) {}

  bool Build(diag::DiagnosticEngine& diags) {
    if (backend_ == Backend::kJit) {
      std::string error;
      codegen::JitOptions options;
      options.cache_dir = JitCacheDir();
      jit_ = codegen::JitProgram::Create(*program_, options, &error);
      if (!jit_) {
        diags.Error(diag::DiagId::kIoError, {}, "native code generation failed: " + error);
        return false;
      }
      return true;
    }
    for (const ir::Guideline& g : program_->guidelines) {
      std::vector<std::unique_ptr<ir::VersionEvaluator>> versions;
      for (const ir::Version& v : g.versions)
        versions.push_back(interp::MakeInterpretedEvaluator(*program_, v));
      interpreted_.push_back(std::move(versions));
    }
    return true;
  }

  const ir::Program& program() const override { return *program_; }
  Backend backend() const override { return backend_; }

  const ir::VersionEvaluator& EvaluatorFor(const ir::Guideline& guideline,
                                           const ir::Version& version) const override {
    size_t g = static_cast<size_t>(&guideline - program_->guidelines.data());
    size_t v = static_cast<size_t>(&version - guideline.versions.data());
    if (jit_) return jit_->Evaluator(g, v);
    return *interpreted_[g][v];
  }

 private:
  std::unique_ptr<ir::Program> program_;
  Backend backend_;
  std::unique_ptr<codegen::JitProgram> jit_;
  std::vector<std::vector<std::unique_ptr<ir::VersionEvaluator>>> interpreted_;
};

}  // namespace

std::unique_ptr<Ruleset> Ruleset::Compile(const std::vector<std::string>& paths,
                                          const CompileOptions& options,
                                          source::SourceManager& sources,
                                          diag::DiagnosticEngine& diags) {
  LoadResult loaded = LoadModules(paths, sources, diags,
                                  options.library_dir.empty() ? DefaultRulesDir()
                                                              : options.library_dir);
  if (!loaded.ok) return nullptr;
  std::unique_ptr<ir::Program> program = sema::Check(loaded.modules, sources, diags);
  if (diags.has_errors() || !program) return nullptr;
  auto ruleset = std::make_unique<CompiledRuleset>(std::move(program), options.backend);
  if (!ruleset->Build(diags)) return nullptr;
  return ruleset;
}

std::string JitCacheDir() {
  if (const char* env = std::getenv("MSKC_JIT_CACHE")) {
    std::string dir = env;
    return dir == "off" ? std::string() : dir;
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0')
    return std::string(xdg) + "/mskc/jit";
  if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
    return std::string(home) + "/.cache/mskc/jit";
  return {};
}

std::string DefaultRulesDir() {
  if (const char* env = std::getenv("MSKC_RULES")) return env;
  return MSKC_DEFAULT_RULES_DIR;
}

}  // namespace mskc::driver
