// LLVM ORC JIT backend: compiles every guideline version of a program to native evaluators
// (one function per version, reading frame slots by offset). Only this folder sees LLVM.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "compiler/lower/evaluator.h"
#include "compiler/lower/rule_ir.h"

namespace mskc::codegen {

struct JitOptions {
  int opt_level = 2;          // LLVM optimisation level (0..3)
  bool verify = true;         // run llvm::verifyModule before compiling
  // Threads that optimise and compile guidelines concurrently; 0 = one per hardware thread.
  // Always capped at the number of guidelines. (Added by codegen.)
  int compile_threads = 0;
  // Compiled objects are kept here by content and reused by later processes; empty = no cache.
  std::string cache_dir;
};

// Owns the LLJIT instance and the compiled code of one program. Thread-safe after Create.
class JitProgram {
 public:
  // Compiles every version of every guideline. On failure returns nullptr and sets *error.
  static std::unique_ptr<JitProgram> Create(const ir::Program& program, const JitOptions& options,
                                            std::string* error);
  virtual ~JitProgram() = default;
  // The evaluator of guideline `g`, version `v` (indices into program.guidelines / versions).
  virtual const ir::VersionEvaluator& Evaluator(size_t g, size_t v) const = 0;
  // The optimised LLVM IR of the whole module, as text (for tests and `--emit-llvm`).
  virtual const std::string& IrText() const = 0;
};

}  // namespace mskc::codegen
