// JitProgram: emits one function per guideline version (one module per guideline), optimises
// each module with the new pass manager and compiles it to an object on a small pool of workers
// (each with its own TargetMachine), then links the objects in an LLJIT that sees only the
// runtime helpers.
#include "compiler/codegen/jit.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <utility>

#include "compiler/codegen/ir_emitter.h"
#include "compiler/codegen/object_cache.h"
#include "compiler/codegen/runtime_symbols.h"
#include "llvm/Analysis/CGSCCPassManager.h"
#include "llvm/Analysis/LoopAnalysisManager.h"
#include "llvm/ExecutionEngine/Orc/CompileUtils.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"

namespace mskc::codegen {
namespace {

// Native target registration is process-wide; do it once (Gandiva's InitOnce).
void InitNativeTargetOnce() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    llvm::InitializeNativeTargetAsmParser();
  });
}

std::string ToString(llvm::Error err) { return llvm::toString(std::move(err)); }

llvm::CodeGenOptLevel CodeGenLevel(int opt_level) {
  switch (opt_level) {
    case 0: return llvm::CodeGenOptLevel::None;
    case 1: return llvm::CodeGenOptLevel::Less;
    case 3: return llvm::CodeGenOptLevel::Aggressive;
    default: return llvm::CodeGenOptLevel::Default;
  }
}

llvm::OptimizationLevel PassLevel(int opt_level) {
  switch (opt_level) {
    case 0: return llvm::OptimizationLevel::O0;
    case 1: return llvm::OptimizationLevel::O1;
    case 3: return llvm::OptimizationLevel::O3;
    default: return llvm::OptimizationLevel::O2;
  }
}

void Optimize(llvm::Module& module, llvm::TargetMachine& tm, int opt_level) {
  llvm::LoopAnalysisManager lam;
  llvm::FunctionAnalysisManager fam;
  llvm::CGSCCAnalysisManager cgam;
  llvm::ModuleAnalysisManager mam;
  llvm::PassBuilder pb(&tm);
  pb.registerModuleAnalyses(mam);
  pb.registerCGSCCAnalyses(cgam);
  pb.registerFunctionAnalyses(fam);
  pb.registerLoopAnalyses(lam);
  pb.crossRegisterProxies(lam, fam, cgam, mam);
  llvm::OptimizationLevel level = PassLevel(opt_level);
  llvm::ModulePassManager mpm = level == llvm::OptimizationLevel::O0
                                    ? pb.buildO0DefaultPipeline(level)
                                    : pb.buildPerModuleDefaultPipeline(level);
  mpm.run(module, mam);
}

// The compiled evaluator of one version: a bare function pointer into the JIT's code.
class JitEvaluator final : public ir::VersionEvaluator {
 public:
  JitEvaluator(abi::EvaluateFn fn, const void* const* own_code_sets)
      : fn_(fn), own_code_sets_(own_code_sets) {}
  void Evaluate(const uint8_t* frame, uint8_t* results,
                const abi::EvalContext& ctx) const override {
    if (ctx.code_sets != nullptr) {
      fn_(frame, results, &ctx);
      return;
    }
    // No table given: use the program's own code sets, as the interpreter does.
    abi::EvalContext with_sets = ctx;
    with_sets.code_sets = own_code_sets_;
    fn_(frame, results, &with_sets);
  }

 private:
  abi::EvaluateFn fn_;
  const void* const* own_code_sets_;
};

class JitProgramImpl final : public JitProgram {
 public:
  const ir::VersionEvaluator& Evaluator(size_t g, size_t v) const override {
    return evaluators_[first_[g] + v];
  }
  const std::string& IrText() const override { return ir_text_; }

  std::unique_ptr<llvm::orc::LLJIT> jit_;
  std::vector<CodeSet> code_sets_;       // a copy: evaluators must not depend on the ir::Program
  std::vector<const void*> code_set_table_;
  std::vector<JitEvaluator> evaluators_;  // all versions, guideline by guideline
  std::vector<size_t> first_;             // index in evaluators_ of each guideline's version 0
  std::string ir_text_;
};

std::string FunctionName(size_t g, size_t v) {
  return "mskc_eval_g" + std::to_string(g) + "_v" + std::to_string(v);
}

// One guideline's module with the context that owns it (declared first: destroyed last), and
// what compiling it produced.
struct GuidelineModule {
  std::unique_ptr<llvm::LLVMContext> context;
  std::unique_ptr<llvm::Module> module;
  std::unique_ptr<llvm::MemoryBuffer> object;
  std::string ir_text;  // after optimisation
  std::string error;
};

// Emits guideline `g` into a module of its own context. Returns an error message or "".
std::string EmitGuideline(const ir::Program& program, size_t g,
                          const llvm::orc::JITTargetMachineBuilder& target,
                          const llvm::DataLayout& layout, bool verify, GuidelineModule* out) {
  const ir::Guideline& guideline = program.guidelines[g];
  out->context = std::make_unique<llvm::LLVMContext>();
  out->module = std::make_unique<llvm::Module>("mskc_g" + std::to_string(g), *out->context);
  out->module->setDataLayout(layout);
  out->module->setTargetTriple(target.getTargetTriple().str());
  internal::IrEmitter emitter(program, *out->module);
  for (size_t v = 0; v < guideline.versions.size(); ++v) {
    if (emitter.EmitVersion(guideline.versions[v], FunctionName(g, v)) == nullptr)
      return "guideline `" + guideline.id + "` version " + guideline.versions[v].label + ": " +
             emitter.error();
  }
  if (verify) {
    std::string problems;
    llvm::raw_string_ostream os(problems);
    if (llvm::verifyModule(*out->module, &os))
      return "emitted invalid LLVM IR for guideline `" + guideline.id + "`: " + os.str();
  }
  return {};
}

// Optimises and compiles modules to objects until none is left. Each worker has its own
// TargetMachine (they are not thread-safe); each module its own context, so workers share nothing.
void CompileModules(std::vector<GuidelineModule>& modules, std::atomic<size_t>& next,
                    llvm::TargetMachine& tm, int opt_level, const internal::ObjectCache& cache,
                    const llvm::orc::JITTargetMachineBuilder& target) {
  for (size_t i = next++; i < modules.size(); i = next++) {
    GuidelineModule& gm = modules[i];
    internal::CacheIdentity id;
    if (cache.enabled()) {
      id = cache.Identify(*gm.module, target, opt_level);
      if (cache.Load(id, &gm.object, &gm.ir_text)) {
        gm.module.reset();
        gm.context.reset();
        continue;
      }
    }
    Optimize(*gm.module, tm, opt_level);
    llvm::raw_string_ostream os(gm.ir_text);
    gm.module->print(os, nullptr);
    os.flush();
    llvm::orc::SimpleCompiler compile(tm);
    auto object = compile(*gm.module);
    if (object) {
      gm.object = std::move(*object);
      if (cache.enabled()) cache.Store(id, *gm.object, gm.ir_text);
    } else {
      gm.error = ToString(object.takeError());
    }
    gm.module.reset();  // the IR is no longer needed
    gm.context.reset();
  }
}

}  // namespace

std::unique_ptr<JitProgram> JitProgram::Create(const ir::Program& program,
                                               const JitOptions& options, std::string* error) {
  auto fail = [&](std::string message) -> std::unique_ptr<JitProgram> {
    if (error != nullptr) *error = "JIT: " + std::move(message);
    return nullptr;
  };
  InitNativeTargetOnce();

  auto target = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!target) return fail("cannot detect the host target: " + ToString(target.takeError()));
  target->setCodeGenOptLevel(CodeGenLevel(options.opt_level));
  auto layout = target->getDefaultDataLayoutForTarget();
  if (!layout) return fail("cannot get the data layout: " + ToString(layout.takeError()));

  // One module (and context) per guideline, so that guidelines compile in parallel.
  const size_t count = program.guidelines.size();
  std::vector<GuidelineModule> modules(count);
  for (size_t g = 0; g < count; ++g) {
    std::string err = EmitGuideline(program, g, *target, *layout, options.verify, &modules[g]);
    if (!err.empty()) return fail(err);
  }

  unsigned workers = options.compile_threads > 0
                         ? static_cast<unsigned>(options.compile_threads)
                         : std::max(1u, std::thread::hardware_concurrency());
  workers = std::min<unsigned>(workers, static_cast<unsigned>(std::max<size_t>(count, 1)));
  std::vector<std::unique_ptr<llvm::TargetMachine>> machines;
  for (unsigned w = 0; w < workers; ++w) {
    auto tm = target->createTargetMachine();
    if (!tm) return fail("cannot create the target machine: " + ToString(tm.takeError()));
    machines.push_back(std::move(*tm));
  }
  std::atomic<size_t> next{0};
  internal::ObjectCache cache(options.cache_dir);
  std::vector<std::thread> threads;
  for (unsigned w = 1; w < workers; ++w)
    threads.emplace_back(
        [&, w] { CompileModules(modules, next, *machines[w], options.opt_level, cache, *target); });
  CompileModules(modules, next, *machines[0], options.opt_level, cache, *target);  // caller too
  for (std::thread& t : threads) t.join();

  // The JIT only links: no process symbols (only the explicit helper list) and no platform
  // runtime, as evaluators have no static constructors and call nothing else.
  auto jit = llvm::orc::LLJITBuilder()
                 .setJITTargetMachineBuilder(*target)
                 .setLinkProcessSymbolsByDefault(false)
                 .setPlatformSetUp(llvm::orc::setUpInactivePlatform)
                 .create();
  if (!jit) return fail("cannot create the JIT: " + ToString(jit.takeError()));
  auto impl = std::make_unique<JitProgramImpl>();
  impl->jit_ = std::move(*jit);
  llvm::orc::LLJIT& lljit = *impl->jit_;
  if (std::string err = DefineRuntimeSymbols(lljit); !err.empty()) return fail(err);
  for (size_t g = 0; g < count; ++g) {
    GuidelineModule& gm = modules[g];
    if (!gm.error.empty())
      return fail("cannot compile guideline `" + program.guidelines[g].id + "`: " + gm.error);
    if (llvm::Error err = lljit.addObjectFile(std::move(gm.object)))
      return fail("cannot add an object: " + ToString(std::move(err)));
    impl->ir_text_ += gm.ir_text;
  }

  // One lookup of every evaluator links all objects at once.
  llvm::orc::SymbolLookupSet names;
  for (size_t g = 0; g < count; ++g)
    for (size_t v = 0; v < program.guidelines[g].versions.size(); ++v)
      names.add(lljit.mangleAndIntern(FunctionName(g, v)));
  auto symbols = lljit.getExecutionSession().lookup(
      llvm::orc::makeJITDylibSearchOrder(&lljit.getMainJITDylib()), std::move(names));
  if (!symbols) return fail("cannot link: " + ToString(symbols.takeError()));

  impl->code_sets_ = program.code_sets;
  for (const CodeSet& s : impl->code_sets_) impl->code_set_table_.push_back(&s);
  const void* const* table = impl->code_set_table_.data();
  for (size_t g = 0; g < count; ++g) {
    impl->first_.push_back(impl->evaluators_.size());
    for (size_t v = 0; v < program.guidelines[g].versions.size(); ++v) {
      auto found = symbols->find(lljit.mangleAndIntern(FunctionName(g, v)));
      if (found == symbols->end()) return fail("missing " + FunctionName(g, v));
      impl->evaluators_.emplace_back(found->second.getAddress().toPtr<abi::EvaluateFn>(), table);
    }
  }
  return impl;
}

}  // namespace mskc::codegen
