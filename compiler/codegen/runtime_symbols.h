// The one fixed list of native symbols JIT-compiled evaluators may call: the `extern "C"` helpers
// of runtime/core/helpers_abi.h plus the few C library routines LLVM itself may emit calls to.
// They are defined into the JITDylib as absolute symbols; nothing is looked up in the process.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace llvm {
class Function;
class Module;
namespace orc {
class LLJIT;
}  // namespace orc
}  // namespace llvm

namespace mskc::codegen {

// Helpers that emitted code calls by name. Each takes known values only: the emitter branches
// around the call when an operand is unknown (Gandiva's kUnknownIfAnyUnknown).
enum class Helper : uint8_t {
  kDateAddMonths,        // i32 (i32 date, i32 months)              never unknown, pure
  kDateAddBusinessDays,  // i32 (i32 date, i32 n, ptr calendar)     reads the calendar
  kAgeYears,             // double (i32 birth, i32 on)              pure
  kCodeSetContains,      // i8 (ptr code_set, ptr data, i32 size)   reads the code set
};

struct RuntimeSymbol {
  std::string_view name;   // the C symbol name
  const void* address;
};

// Every symbol defined into a program's JITDylib: the helpers above, then memset / memcpy /
// memmove / memcmp / bcmp, which LLVM's optimiser and code generator may introduce on their own.
std::span<const RuntimeSymbol> RuntimeSymbols();

// The C name of `helper` (an entry of RuntimeSymbols()).
std::string_view HelperName(Helper helper);

// Declares `helper` in `module` (idempotent) with its C signature and memory attributes.
llvm::Function* DeclareHelper(llvm::Module& module, Helper helper);

// Defines every RuntimeSymbols() entry in `jit`'s main JITDylib. Returns an error message, or
// an empty string on success.
std::string DefineRuntimeSymbols(llvm::orc::LLJIT& jit);

}  // namespace mskc::codegen
