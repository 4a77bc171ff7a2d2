// Entry points of the reference interpreter and the walker's dispatch on the node kind.
#include "compiler/interp/interpreter.h"

#include "compiler/interp/walker.h"

namespace mskc::interp {
namespace internal {

Value Walker::Dispatch(const ir::Node& n) {
  using ir::Op;
  switch (n.op) {
    case Op::kBoolConst: return Value::Bool(n.bool_value);
    case Op::kNumberConst: return Value::Number(n.number_value);
    case Op::kDateConst: return Value::Int(ir::ValueType::kDate, n.date_value);
    case Op::kEnumConst: return Value::Int(ir::ValueType::kEnum, static_cast<int32_t>(n.int_value));
    case Op::kSlot: return EvalSlot(n);
    case Op::kVar: return EvalVar(n);
    case Op::kField: return EvalField(n);
    case Op::kNot: return EvalNot(n);
    case Op::kAnd: return EvalAnd(n);
    case Op::kOr: return EvalOr(n);
    case Op::kAtLeast: return EvalAtLeast(n);
    case Op::kIf: return EvalIf(n);
    case Op::kEq: case Op::kNe: case Op::kLt: case Op::kLe: case Op::kGt: case Op::kGe:
      return EvalCompare(n);
    case Op::kAdd: case Op::kSub: case Op::kMul: case Op::kDiv: case Op::kNeg:
      return EvalArith(n);
    case Op::kDateAddDays: case Op::kDateAddMonths: case Op::kDateAddBusinessDays:
    case Op::kDaysBetween: case Op::kAgeYears:
      return EvalDate(n);
    case Op::kInCodeSet: case Op::kInEnumSet: case Op::kListHasAny: case Op::kListSize:
      return EvalMembership(n);
    case Op::kAny: return EvalAny(n);
    case Op::kAll: return EvalAll(n);
    case Op::kCount: return EvalCount(n);
    case Op::kCountDistinct: return EvalCountDistinct(n);
    case Op::kLatest: return EvalLatest(n);
  }
  return Value::Unknown(n.type);
}

const void* Walker::CodeSetFor(int64_t id) const {
  if (ctx_.code_sets != nullptr) return ctx_.code_sets[id];
  // No table in the context (a bare EvaluateCondition call): the program's own sets.
  if (id < 0 || static_cast<size_t>(id) >= program_.code_sets.size()) return nullptr;
  return &program_.code_sets[static_cast<size_t>(id)];
}

}  // namespace internal

namespace {

class InterpretedEvaluator final : public ir::VersionEvaluator {
 public:
  InterpretedEvaluator(const ir::Program& program, const ir::Version& version)
      : program_(program) {
    exprs_.reserve(version.criteria.size());
    for (const auto& c : version.criteria) exprs_.push_back(c.expr);
  }

  void Evaluate(const uint8_t* frame, uint8_t* results,
                const abi::EvalContext& ctx) const override {
    for (size_t i = 0; i < exprs_.size(); ++i) {
      Tri t = Tri::kUnknown;
      if (exprs_[i] != nullptr) {
        internal::Walker walker(program_, frame, ctx);
        t = walker.Eval(*exprs_[i]).tri();
      }
      results[i] = static_cast<uint8_t>(t);
    }
  }

 private:
  const ir::Program& program_;
  std::vector<const ir::Node*> exprs_;
};

}  // namespace

std::unique_ptr<ir::VersionEvaluator> MakeInterpretedEvaluator(const ir::Program& program,
                                                               const ir::Version& version) {
  return std::make_unique<InterpretedEvaluator>(program, version);
}

Tri EvaluateCondition(const ir::Program& program, const ir::Node& node, const uint8_t* frame,
                      const abi::EvalContext& ctx) {
  internal::Walker walker(program, frame, ctx);
  return walker.Eval(node).tri();
}

}  // namespace mskc::interp
