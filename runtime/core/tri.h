// Three-valued (Kleene) truth: the value of every criterion and boolean expression.
// A fact the case does not give is unknown, never false.
#pragma once
#include <cstdint>
#include <string_view>

namespace mskc {

// INVARIANT: the numeric values are the ABI used by JIT code and result buffers.
enum class Tri : uint8_t { kFalse = 0, kTrue = 1, kUnknown = 2 };

constexpr Tri TriOf(bool b) { return b ? Tri::kTrue : Tri::kFalse; }

constexpr Tri Not(Tri a) {
  return a == Tri::kUnknown ? Tri::kUnknown : (a == Tri::kTrue ? Tri::kFalse : Tri::kTrue);
}
constexpr Tri And(Tri a, Tri b) {
  if (a == Tri::kFalse || b == Tri::kFalse) return Tri::kFalse;
  if (a == Tri::kTrue && b == Tri::kTrue) return Tri::kTrue;
  return Tri::kUnknown;
}
constexpr Tri Or(Tri a, Tri b) {
  if (a == Tri::kTrue || b == Tri::kTrue) return Tri::kTrue;
  if (a == Tri::kFalse && b == Tri::kFalse) return Tri::kFalse;
  return Tri::kUnknown;
}

// Criterion vocabulary used in determinations: met / unmet / unknown.
constexpr std::string_view CriterionResultName(Tri t) {
  return t == Tri::kTrue ? "met" : (t == Tri::kFalse ? "unmet" : "unknown");
}

}  // namespace mskc
