// Compiled guideline objects kept on disk by content: a process that compiles a module it has
// compiled before (every `mskc eval`, `mskc case submit` of the same rules) only links it. The
// key covers the unoptimised IR, the target, CPU and features, the optimisation level, the LLVM
// version and the compiler build. An entry is trusted only when it proves it belongs to its key:
// it carries its key, the compiler build and the source fingerprint under a checksum, and all
// three must match; anything else (damaged, swapped from other rules, not a regular file, too
// large) is recompiled and replaced, never used. A cache folder that other users can write is
// not used at all.
#pragma once
#include <memory>
#include <string>

#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/MemoryBuffer.h"

namespace mskc::codegen::internal {

// What an entry must match: the key (its file name) and what the key was made from.
struct CacheIdentity {
  std::string key;
  std::string source_fingerprint;  // sha256 of the unoptimised IR
};

class ObjectCache {
 public:
  // Checks the folder once: a folder that other users can write is not used (one warning line).
  explicit ObjectCache(std::string dir);
  bool enabled() const { return !dir_.empty(); }

  CacheIdentity Identify(const llvm::Module& module,
                         const llvm::orc::JITTargetMachineBuilder& target, int opt_level) const;
  // The object and the optimised IR stored for `id`, when present, intact and really its own.
  bool Load(const CacheIdentity& id, std::unique_ptr<llvm::MemoryBuffer>* object,
            std::string* ir_text) const;
  // Best effort: a cache that cannot be written is simply not used.
  void Store(const CacheIdentity& id, const llvm::MemoryBuffer& object,
             const std::string& ir_text) const;

 private:
  std::string dir_;
};

}  // namespace mskc::codegen::internal
