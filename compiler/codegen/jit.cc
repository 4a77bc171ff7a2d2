// JitProgram: emits one function per guideline version into a single module, optimises it with
// the new pass manager, and compiles it with an LLJIT that sees only the runtime helpers.
#include "compiler/codegen/jit.h"

#include <mutex>
#include <utility>

#include "compiler/codegen/ir_emitter.h"
#include "compiler/codegen/runtime_symbols.h"
#include "llvm/Analysis/CGSCCPassManager.h"
#include "llvm/Analysis/LoopAnalysisManager.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/ExecutionEngine/Orc/ThreadSafeModule.h"
#include "llvm/IR/LLVMContext.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/IR/Verifier.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/Error.h"
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

}  // namespace

std::unique_ptr<JitProgram> JitProgram::Create(const ir::Program& program,
                                               const JitOptions& options, std::string* error) {
  auto fail = [&](std::string message) -> std::unique_ptr<JitProgram> {
    if (error != nullptr) *error = "JIT: " + std::move(message);
    return nullptr;
  };
  InitNativeTargetOnce();

  auto jtmb = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!jtmb) return fail("cannot detect the host target: " + ToString(jtmb.takeError()));
  jtmb->setCodeGenOptLevel(CodeGenLevel(options.opt_level));
  auto tm = jtmb->createTargetMachine();
  if (!tm) return fail("cannot create the target machine: " + ToString(tm.takeError()));

  auto context = std::make_unique<llvm::LLVMContext>();
  auto module = std::make_unique<llvm::Module>("mskc_program", *context);
  module->setDataLayout((*tm)->createDataLayout());
  module->setTargetTriple((*tm)->getTargetTriple().str());

  internal::IrEmitter emitter(program, *module);
  for (size_t g = 0; g < program.guidelines.size(); ++g) {
    const ir::Guideline& guideline = program.guidelines[g];
    for (size_t v = 0; v < guideline.versions.size(); ++v) {
      if (emitter.EmitVersion(guideline.versions[v], FunctionName(g, v)) == nullptr)
        return fail("guideline `" + guideline.id + "` version " + guideline.versions[v].label +
                    ": " + emitter.error());
    }
  }
  if (options.verify) {
    std::string problems;
    llvm::raw_string_ostream os(problems);
    if (llvm::verifyModule(*module, &os)) return fail("emitted invalid LLVM IR: " + os.str());
  }
  Optimize(*module, **tm, options.opt_level);

  auto impl = std::make_unique<JitProgramImpl>();
  {
    llvm::raw_string_ostream os(impl->ir_text_);
    module->print(os, nullptr);
  }

  // No process symbols (only the explicit helper list) and no platform runtime: evaluators
  // have no static constructors and call nothing else.
  auto jit = llvm::orc::LLJITBuilder()
                 .setJITTargetMachineBuilder(std::move(*jtmb))
                 .setLinkProcessSymbolsByDefault(false)
                 .setPlatformSetUp(llvm::orc::setUpInactivePlatform)
                 .create();
  if (!jit) return fail("cannot create the JIT: " + ToString(jit.takeError()));
  impl->jit_ = std::move(*jit);
  if (std::string err = DefineRuntimeSymbols(*impl->jit_); !err.empty()) return fail(err);
  if (llvm::Error err = impl->jit_->addIRModule(
          llvm::orc::ThreadSafeModule(std::move(module), std::move(context))))
    return fail("cannot add the module: " + ToString(std::move(err)));

  impl->code_sets_ = program.code_sets;
  for (const CodeSet& s : impl->code_sets_) impl->code_set_table_.push_back(&s);
  const void* const* table = impl->code_set_table_.data();
  for (size_t g = 0; g < program.guidelines.size(); ++g) {
    impl->first_.push_back(impl->evaluators_.size());
    for (size_t v = 0; v < program.guidelines[g].versions.size(); ++v) {
      // The first lookup compiles the whole module.
      auto addr = impl->jit_->lookup(FunctionName(g, v));
      if (!addr) return fail("cannot compile " + FunctionName(g, v) + ": " +
                             ToString(addr.takeError()));
      impl->evaluators_.emplace_back(addr->toPtr<abi::EvaluateFn>(), table);
    }
  }
  return impl;
}

}  // namespace mskc::codegen
