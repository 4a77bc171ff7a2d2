// The reference interpreter: walks the rule IR with the semantics documented in rule_ir.h.
// It is the oracle the JIT is tested against, and it also explains results (`missing`, trace).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "compiler/lower/evaluator.h"
#include "compiler/lower/rule_ir.h"
#include "runtime/core/tri.h"

namespace mskc::interp {

// A VersionEvaluator that interprets `version`'s criteria. `program` must outlive it.
std::unique_ptr<ir::VersionEvaluator> MakeInterpretedEvaluator(const ir::Program& program,
                                                               const ir::Version& version);

// Evaluates one boolean expression (e.g. a note's condition).
Tri EvaluateCondition(const ir::Program& program, const ir::Node& node, const uint8_t* frame,
                      const abi::EvalContext& ctx);

// A fact read while evaluating a criterion, with its value as text (`unknown` when absent).
struct FactRead {
  std::string key;    // `pain_score`, `line.code`, `history.relief_percent`
  std::string value;  // JSON-ish rendering: 6, true, "mri", "2021-03-01", ["nsaids"], unknown
};

struct Explanation {
  Tri result = Tri::kUnknown;
  // Absent facts whose absence left the criterion unknown (program-rules.md "`missing`, exactly"):
  // a fact is listed when its own read and every enclosing expression up to the criterion are
  // unknown. Sorted, without duplicates. Empty unless result is unknown.
  std::vector<std::string> missing;
  std::vector<FactRead> reads;  // every slot/field read, in first-read order, no duplicates
  // The smallest enclosing sub-expression whose value decided the criterion (its span).
  source::Span deciding;
};

Explanation Explain(const ir::Program& program, const ir::Criterion& criterion,
                    const uint8_t* frame, const abi::EvalContext& ctx);

}  // namespace mskc::interp
