// Plain data shared by the frame builder, the interpreter and JIT-compiled evaluators.
// A frame is one flat byte buffer laid out by the compiler (ir::FrameLayout); JIT code reads
// slots by byte offset. Every struct here has a fixed layout that codegen mirrors exactly.
#pragma once
#include <cstdint>

namespace mskc::abi {

// A string owned elsewhere (the decoded case); not NUL-terminated.
struct StrRef {
  const char* data;
  uint32_t size;
  uint32_t pad;
};
static_assert(sizeof(StrRef) == 16);

// A list owned elsewhere: `items` points to `size` elements whose type the slot kind gives
// (int32 enum ordinals, StrRef codes, or HistoryItem records).
struct List {
  const void* items;
  uint32_t size;
  uint32_t pad;
};
static_assert(sizeof(List) == 16);

// One prior service (`history` item). Dates are days since 1970-01-01 (see Date).
// `*_known` bytes are 0 when the field was absent; functional_improvement is a Tri byte.
struct HistoryItem {
  StrRef code;                     // offset 0
  StrRef level;                    // offset 16 (size 0 when absent)
  StrRef laterality;               // offset 32 (size 0 when absent)
  double relief_percent;           // offset 48
  double relief_weeks;             // offset 56
  int32_t date;                    // offset 64
  uint8_t relief_percent_known;    // offset 68
  uint8_t relief_weeks_known;      // offset 69
  uint8_t functional_improvement;  // offset 70: Tri
  uint8_t pad;
};
static_assert(sizeof(HistoryItem) == 72);

// Per-evaluation context: what an evaluator may consult besides the frame.
struct EvalContext {
  const void* calendar;  // const BusinessCalendar*: business-day arithmetic
  // const CodeSet* table indexed by ir code-set id; null = the evaluated program's own sets.
  const void* const* code_sets;
};

// Signature of every compiled guideline-version evaluator: writes one Tri byte per criterion
// into `results`, in the version's criterion order. Pure and thread-safe.
using EvaluateFn = void (*)(const uint8_t* frame, uint8_t* results, const EvalContext* ctx);

}  // namespace mskc::abi
