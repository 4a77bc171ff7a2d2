// The one interface both backends implement: evaluate every criterion of one guideline version
// over a frame. Implementations are pure and thread-safe (batch shares them across threads).
#pragma once
#include <cstdint>

#include "runtime/core/abi.h"

namespace mskc::ir {

class VersionEvaluator {
 public:
  virtual ~VersionEvaluator() = default;
  // Writes one Tri byte per criterion of the version, in criterion order, into `results`.
  virtual void Evaluate(const uint8_t* frame, uint8_t* results, const abi::EvalContext& ctx) const = 0;
};

}  // namespace mskc::ir
