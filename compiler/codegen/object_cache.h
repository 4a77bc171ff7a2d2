// Compiled guideline objects kept on disk by content: a process that compiles a module it has
// compiled before (every `mskc eval`, `mskc case submit` of the same rules) only links it. The
// key covers the unoptimised IR, the target, CPU and features, the optimisation level and the
// LLVM version; each entry carries a checksum, so a damaged entry is recompiled, never used.
#pragma once
#include <memory>
#include <string>

#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/MemoryBuffer.h"

namespace mskc::codegen::internal {

class ObjectCache {
 public:
  explicit ObjectCache(std::string dir) : dir_(std::move(dir)) {}
  bool enabled() const { return !dir_.empty(); }

  std::string Key(const llvm::Module& module, const llvm::orc::JITTargetMachineBuilder& target,
                  int opt_level) const;
  // The object and the optimised IR stored under `key`, when present and intact.
  bool Load(const std::string& key, std::unique_ptr<llvm::MemoryBuffer>* object,
            std::string* ir_text) const;
  // Best effort: a cache that cannot be written is simply not used.
  void Store(const std::string& key, const llvm::MemoryBuffer& object,
             const std::string& ir_text) const;

 private:
  std::string dir_;
};

}  // namespace mskc::codegen::internal
