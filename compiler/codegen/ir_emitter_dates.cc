// Date arithmetic and membership tests. Months, business days, ages and code sets call the
// runtime helpers (the interpreter calls the same ones); enum sets compile to bit tests.
#include <cstddef>

#include "compiler/codegen/ir_emitter.h"
#include "compiler/codegen/runtime_symbols.h"
#include "runtime/core/abi.h"

namespace mskc::codegen::internal {

using ir::Op;
using ir::ValueType;

Val IrEmitter::CallIfKnown(llvm::Value* known, ValueType type, const std::function<Val()>& call) {
  Join done(*this, type, "call.done");
  // Helpers take known values only: never call one with the garbage of an absent fact.
  done.AddIf(b_.CreateNot(known), Unknown(type));
  done.Add(call());
  return done.Finish();
}

Val IrEmitter::EmitDateOp(const ir::Node& n) {
  if (!CheckOperands(n, 2)) return Unknown(n.type);
  const bool date_pair = n.op == Op::kDaysBetween || n.op == Op::kAgeYears;
  const ValueType want = date_pair ? ValueType::kNumber : ValueType::kDate;
  if (n.type != want || !CheckType(n, n.a[0], ValueType::kDate) ||
      !CheckType(n, n.a[1], date_pair ? ValueType::kDate : ValueType::kNumber))
    return Unknown(n.type);
  Val date = Emit(*n.a[0]);
  Val other = Emit(*n.a[1]);
  llvm::Value* known = b_.CreateAnd(date.known, other.known);
  // "Truncated toward zero"; NaN → 0 and out-of-range counts saturate, as in the interpreter.
  auto count = [&] {
    return b_.CreateIntrinsic(llvm::Intrinsic::fptosi_sat, {b_.getInt32Ty(), b_.getDoubleTy()},
                              {other.v}, nullptr, "count");
  };
  switch (n.op) {
    case Op::kDateAddDays:
      return {b_.CreateAdd(date.v, count()), nullptr, known};
    case Op::kDaysBetween:
      return {b_.CreateFSub(b_.CreateSIToFP(other.v, b_.getDoubleTy()),
                            b_.CreateSIToFP(date.v, b_.getDoubleTy()), "days"),
              nullptr, known};
    case Op::kDateAddMonths:
      return CallIfKnown(known, ValueType::kDate, [&] {
        llvm::Function* f = DeclareHelper(module_, Helper::kDateAddMonths);
        return Val{b_.CreateCall(f, {date.v, count()}), nullptr, True()};
      });
    case Op::kDateAddBusinessDays:
      return CallIfKnown(known, ValueType::kDate, [&] {
        llvm::Function* f = DeclareHelper(module_, Helper::kDateAddBusinessDays);
        llvm::Value* calendar =
            Load(b_.getPtrTy(), eval_ctx_, offsetof(abi::EvalContext, calendar), 8);
        return Val{b_.CreateCall(f, {date.v, count(), calendar}), nullptr, True()};
      });
    default:  // kAgeYears
      return CallIfKnown(known, ValueType::kNumber, [&] {
        llvm::Function* f = DeclareHelper(module_, Helper::kAgeYears);
        return Val{b_.CreateCall(f, {date.v, other.v}), nullptr, True()};
      });
  }
}

Val IrEmitter::EmitInCodeSet(const ir::Node& n) {
  if (!CheckOperands(n, 1) || !CheckType(n, n.a[0], ValueType::kCode)) return Unknown(n.type);
  if (n.type != ValueType::kBool) return Fail(n, "code-set test of non-Boolean type");
  if (n.int_value < 0 || static_cast<size_t>(n.int_value) >= program_.code_sets.size())
    return Fail(n, "code-set id out of range");
  Val code = Emit(*n.a[0]);
  return CallIfKnown(code.known, ValueType::kBool, [&] {
    llvm::Value* table =
        Load(b_.getPtrTy(), eval_ctx_, offsetof(abi::EvalContext, code_sets), 8);
    llvm::Value* set = b_.CreateAlignedLoad(
        b_.getPtrTy(),
        b_.CreateConstInBoundsGEP1_64(b_.getPtrTy(), table, static_cast<uint64_t>(n.int_value)),
        llvm::Align(8), "code_set");
    llvm::Function* f = DeclareHelper(module_, Helper::kCodeSetContains);
    llvm::Value* in = b_.CreateCall(f, {set, code.v, code.size});
    return KnownBool(b_.CreateICmpNE(in, b_.getInt8(0)));
  });
}

llvm::Value* IrEmitter::EnumBitTest(llvm::Value* ordinal, uint64_t mask) {
  // Ordinals outside 0..63 (including -1, "not a member") are in no set; the unsigned compare
  // catches both, and the select keeps the shift amount defined.
  llvm::Value* in_range = b_.CreateICmpULT(ordinal, b_.getInt32(64));
  llvm::Value* shift = b_.CreateZExt(b_.CreateSelect(in_range, ordinal, b_.getInt32(0)),
                                     b_.getInt64Ty());
  llvm::Value* bit = b_.CreateAnd(b_.CreateLShr(b_.getInt64(mask), shift), b_.getInt64(1));
  return b_.CreateAnd(in_range, b_.CreateICmpNE(bit, b_.getInt64(0)), "in_enum_set");
}

Val IrEmitter::EmitInEnumSet(const ir::Node& n) {
  if (!CheckOperands(n, 1) || !CheckType(n, n.a[0], ValueType::kEnum)) return Unknown(n.type);
  if (n.type != ValueType::kBool) return Fail(n, "enum-set test of non-Boolean type");
  Val x = Emit(*n.a[0]);
  return {EnumBitTest(x.v, n.enum_set), nullptr, x.known};
}

Val IrEmitter::EmitListHasAny(const ir::Node& n) {
  if (!CheckOperands(n, 1) || !CheckType(n, n.a[0], ValueType::kEnumList)) return Unknown(n.type);
  if (n.type != ValueType::kBool) return Fail(n, "list test of non-Boolean type");
  Val list = Emit(*n.a[0]);
  Join done(*this, ValueType::kBool, "hasany.done");
  done.AddIf(b_.CreateNot(list.known), Unknown(ValueType::kBool));
  ForEach(list, ValueType::kEnumList, nullptr, [&](const LoopCtl& loop) {
    llvm::Value* ordinal = Load(b_.getInt32Ty(), loop.item, 0, 4);
    done.AddIf(EnumBitTest(ordinal, n.enum_set), KnownBool(True()));
  });
  done.Add(KnownBool(False()));
  return done.Finish();
}

Val IrEmitter::EmitListSize(const ir::Node& n) {
  if (!CheckOperands(n, 1)) return Unknown(n.type);
  if (n.type != ValueType::kNumber || !IsList(n.a[0]->type))
    return Fail(n, "list size of a non-list");
  Val list = Emit(*n.a[0]);
  return {b_.CreateUIToFP(list.size, b_.getDoubleTy()), nullptr, list.known};
}

}  // namespace mskc::codegen::internal
