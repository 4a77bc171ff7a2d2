// The tree walker behind every interpreter entry point. One Walker evaluates one expression tree
// over one frame; it is cheap to construct (no allocation) and used once per evaluation.
// With an ExplainSink it also records fact reads and `missing` candidates, and evaluates every
// operand of and/or/at-least instead of short-circuiting (Kleene gives the same result).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "compiler/interp/interpreter.h"
#include "compiler/interp/value.h"

namespace mskc::interp::internal {

// What an explaining walk collects.
struct ExplainSink {
  // Keys of absent facts whose every enclosing expression evaluated so far is unknown: the
  // walker truncates back to a node's entry mark whenever that node's value is known.
  std::vector<std::string_view> candidates;
  std::vector<FactRead> reads;  // first-read order, one per key
};

// Nesting limit for quantifiers; deeper nesting evaluates to unknown (sema never produces it).
inline constexpr int kMaxVarDepth = 32;
// Distinct keys kept inline by kCountDistinct; longer lists fall back to a quadratic rescan.
inline constexpr uint32_t kDistinctInline = 64;

class Walker {
 public:
  Walker(const ir::Program& program, const uint8_t* frame, const abi::EvalContext& ctx,
         ExplainSink* sink = nullptr)
      : program_(program), frame_(frame), ctx_(ctx), sink_(sink) {}

  Value Eval(const ir::Node& n) {
    if (sink_ == nullptr) return Dispatch(n);
    size_t mark = sink_->candidates.size();
    Value v = Dispatch(n);
    if (v.known) sink_->candidates.resize(mark);
    return v;
  }
  // A boolean operand that may be null (quantifier filter / predicate): null means true.
  Tri EvalTri(const ir::Node* n) { return n == nullptr ? Tri::kTrue : Eval(*n).tri(); }

 private:
  Value Dispatch(const ir::Node& n);

  // eval_scalar.cc: leaves, comparison, arithmetic, dates, membership.
  Value EvalSlot(const ir::Node& n);
  Value EvalVar(const ir::Node& n) const;
  Value EvalField(const ir::Node& n);
  Value EvalCompare(const ir::Node& n);
  Value EvalArith(const ir::Node& n);
  Value EvalDate(const ir::Node& n);
  Value EvalMembership(const ir::Node& n);

  // eval_logic.cc
  Value EvalNot(const ir::Node& n);
  Value EvalAnd(const ir::Node& n);
  Value EvalOr(const ir::Node& n);
  Value EvalAtLeast(const ir::Node& n);
  Value EvalIf(const ir::Node& n);

  // eval_quantifiers.cc
  Value EvalAny(const ir::Node& n);
  Value EvalAll(const ir::Node& n);
  Value EvalCount(const ir::Node& n);
  Value EvalCountDistinct(const ir::Node& n);
  Value EvalLatest(const ir::Node& n);
  // Binds element `i` of the (known) list value as kVar depth 0; false when too deep. Callers
  // check the depth once before their loop, so every Bind there succeeds.
  bool Bind(const Value& list, uint32_t i);
  void Unbind() { --depth_; }
  // Truncates `missing` candidates recorded since `mark` when an implicit per-element
  // combination (and(filter, pred) etc.) came out known.
  void SettleElement(size_t mark, Tri r) {
    if (sink_ != nullptr && r != Tri::kUnknown) sink_->candidates.resize(mark);
  }
  size_t Mark() const { return sink_ == nullptr ? 0 : sink_->candidates.size(); }

  // explain.cc: records a read of `key` (value rendered; enum names from `enum_id`). A key read
  // again keeps its first position; `latest_wins` (history fields) updates its value.
  void RecordRead(std::string_view key, const Value& v, int32_t enum_id, bool latest_wins);

  const void* CodeSetFor(int64_t id) const;

  const ir::Program& program_;
  const uint8_t* frame_;
  const abi::EvalContext& ctx_;
  ExplainSink* sink_;
  int depth_ = 0;
  Value vars_[kMaxVarDepth];  // uninitialised: only [0, depth_) is ever read
};

// explain.cc: JSON-ish rendering of a value (`unknown` when not known).
std::string RenderValue(const ir::Program& program, const Value& v, int32_t enum_id);

// Double → int32 for date arithmetic: truncation toward zero, NaN → 0, clamped to int32.
int32_t TruncToInt32(double x);

}  // namespace mskc::interp::internal
