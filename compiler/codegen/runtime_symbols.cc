#include "compiler/codegen/runtime_symbols.h"

#include <cstring>

#include "llvm/ExecutionEngine/Orc/Core.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/IR/DerivedTypes.h"
#include "llvm/IR/Function.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/Error.h"
#include "runtime/core/helpers_abi.h"

namespace mskc::codegen {
namespace {

// INVARIANT: the first entries are in `Helper` order (HelperName indexes this table).
const RuntimeSymbol kSymbols[] = {
    {"mskc_date_add_months", reinterpret_cast<const void*>(&mskc_date_add_months)},
    {"mskc_date_add_business_days", reinterpret_cast<const void*>(&mskc_date_add_business_days)},
    {"mskc_age_years", reinterpret_cast<const void*>(&mskc_age_years)},
    {"mskc_codeset_contains", reinterpret_cast<const void*>(&mskc_codeset_contains)},
    // Not called by the emitter, but LLVM may turn store or compare sequences into these.
    {"memset", reinterpret_cast<const void*>(&::memset)},
    {"memcpy", reinterpret_cast<const void*>(&::memcpy)},
    {"memmove", reinterpret_cast<const void*>(&::memmove)},
    {"memcmp", reinterpret_cast<const void*>(&::memcmp)},
    {"bcmp", reinterpret_cast<const void*>(&::memcmp)},  // bcmp's contract is weaker than memcmp's
};

}  // namespace

std::span<const RuntimeSymbol> RuntimeSymbols() { return kSymbols; }

std::string_view HelperName(Helper helper) { return kSymbols[static_cast<size_t>(helper)].name; }

llvm::Function* DeclareHelper(llvm::Module& module, Helper helper) {
  llvm::StringRef name(HelperName(helper).data(), HelperName(helper).size());
  if (llvm::Function* existing = module.getFunction(name)) return existing;
  llvm::LLVMContext& c = module.getContext();
  llvm::Type* i8 = llvm::Type::getInt8Ty(c);
  llvm::Type* i32 = llvm::Type::getInt32Ty(c);
  llvm::Type* f64 = llvm::Type::getDoubleTy(c);
  llvm::Type* ptr = llvm::PointerType::getUnqual(c);
  llvm::FunctionType* type = nullptr;
  llvm::MemoryEffects memory = llvm::MemoryEffects::none();
  switch (helper) {
    case Helper::kDateAddMonths:
      type = llvm::FunctionType::get(i32, {i32, i32}, false);
      break;
    case Helper::kDateAddBusinessDays:
      type = llvm::FunctionType::get(i32, {i32, i32, ptr}, false);
      memory = llvm::MemoryEffects::readOnly();
      break;
    case Helper::kAgeYears:
      type = llvm::FunctionType::get(f64, {i32, i32}, false);
      break;
    case Helper::kCodeSetContains:
      type = llvm::FunctionType::get(i8, {ptr, ptr, i32}, false);
      memory = llvm::MemoryEffects::readOnly();
      break;
  }
  llvm::Function* fn =
      llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, module);
  fn->setDoesNotThrow();
  fn->setMemoryEffects(memory);
  fn->addFnAttr(llvm::Attribute::WillReturn);
  if (helper == Helper::kCodeSetContains) fn->addRetAttr(llvm::Attribute::ZExt);
  return fn;
}

std::string DefineRuntimeSymbols(llvm::orc::LLJIT& jit) {
  llvm::orc::SymbolMap map;
  for (const RuntimeSymbol& s : kSymbols) {
    map[jit.mangleAndIntern(llvm::StringRef(s.name.data(), s.name.size()))] =
        llvm::orc::ExecutorSymbolDef(llvm::orc::ExecutorAddr::fromPtr(s.address),
                                     llvm::JITSymbolFlags::Exported |
                                         llvm::JITSymbolFlags::Callable);
  }
  if (llvm::Error err = jit.getMainJITDylib().define(llvm::orc::absoluteSymbols(std::move(map))))
    return "cannot define the runtime helpers: " + llvm::toString(std::move(err));
  return {};
}

}  // namespace mskc::codegen
