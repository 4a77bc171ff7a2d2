// Comparisons and number arithmetic. Any unknown operand makes the result unknown; numbers are
// IEEE doubles compared as C++ does (== ordered, != unordered), division by zero is unknown.
#include "compiler/codegen/ir_emitter.h"

namespace mskc::codegen::internal {

using ir::Op;
using ir::ValueType;

namespace {

llvm::CmpInst::Predicate FloatPredicate(Op op) {
  switch (op) {
    case Op::kEq: return llvm::CmpInst::FCMP_OEQ;
    case Op::kNe: return llvm::CmpInst::FCMP_UNE;
    case Op::kLt: return llvm::CmpInst::FCMP_OLT;
    case Op::kLe: return llvm::CmpInst::FCMP_OLE;
    case Op::kGt: return llvm::CmpInst::FCMP_OGT;
    default: return llvm::CmpInst::FCMP_OGE;
  }
}

llvm::CmpInst::Predicate IntPredicate(Op op) {
  switch (op) {
    case Op::kEq: return llvm::CmpInst::ICMP_EQ;
    case Op::kNe: return llvm::CmpInst::ICMP_NE;
    case Op::kLt: return llvm::CmpInst::ICMP_SLT;
    case Op::kLe: return llvm::CmpInst::ICMP_SLE;
    case Op::kGt: return llvm::CmpInst::ICMP_SGT;
    default: return llvm::CmpInst::ICMP_SGE;
  }
}

}  // namespace

Val IrEmitter::EmitCompare(const ir::Node& n) {
  if (!CheckOperands(n, 2)) return Unknown(n.type);
  const ValueType t = n.a[0]->type;
  if (n.type != ValueType::kBool || n.a[1]->type != t)
    return Fail(n, "comparison of mismatched types");
  // rule_ir.h orders numbers and dates only; enums (by ordinal), bools (false < true) and codes
  // (byte-wise, as std::string_view) are ordered too, as in the interpreter.
  const bool comparable = t == ValueType::kNumber || t == ValueType::kDate ||
                          t == ValueType::kEnum || t == ValueType::kCode || t == ValueType::kBool;
  if (!comparable) return Fail(n, "comparison not defined for type");
  Val x = Emit(*n.a[0]);
  Val y = Emit(*n.a[1]);
  llvm::Value* known = b_.CreateAnd(x.known, y.known, "cmp.known");
  if (t == ValueType::kCode) {
    // The byte loops may only read codes that are present.
    return CallIfKnown(known, ValueType::kBool, [&] {
      if (n.op == Op::kEq) return KnownBool(EqualBytes(x, y));
      if (n.op == Op::kNe) return KnownBool(b_.CreateNot(EqualBytes(x, y)));
      return KnownBool(b_.CreateICmp(IntPredicate(n.op), CompareBytes(x, y), b_.getInt32(0)));
    });
  }
  if (t == ValueType::kBool) {  // widen so that the signed predicates order false < true
    x.v = b_.CreateZExt(x.v, b_.getInt32Ty());
    y.v = b_.CreateZExt(y.v, b_.getInt32Ty());
  }
  llvm::Value* v = t == ValueType::kNumber
                       ? b_.CreateFCmp(FloatPredicate(n.op), x.v, y.v, "cmp")
                       : b_.CreateICmp(IntPredicate(n.op), x.v, y.v, "cmp");
  return {v, nullptr, known};
}

Val IrEmitter::EmitArith(const ir::Node& n) {
  const size_t arity = n.op == Op::kNeg ? 1 : 2;
  if (!CheckOperands(n, arity)) return Unknown(n.type);
  if (n.type != ValueType::kNumber) return Fail(n, "arithmetic of non-number type");
  for (size_t i = 0; i < arity; ++i)
    if (!CheckType(n, n.a[i], ValueType::kNumber)) return Unknown(n.type);
  Val x = Emit(*n.a[0]);
  if (n.op == Op::kNeg) return {b_.CreateFNeg(x.v), nullptr, x.known};
  Val y = Emit(*n.a[1]);
  llvm::Value* known = b_.CreateAnd(x.known, y.known);
  llvm::Value* v = nullptr;
  switch (n.op) {
    case Op::kAdd: v = b_.CreateFAdd(x.v, y.v); break;
    case Op::kSub: v = b_.CreateFSub(x.v, y.v); break;
    case Op::kMul: v = b_.CreateFMul(x.v, y.v); break;
    default:
      v = b_.CreateFDiv(x.v, y.v);
      known = b_.CreateAnd(
          known, b_.CreateFCmpUNE(y.v, llvm::ConstantFP::get(b_.getDoubleTy(), 0.0), "nonzero"));
      break;
  }
  return {v, nullptr, known};
}

llvm::Value* IrEmitter::EqualValues(ValueType type, const Val& a, const Val& b) {
  switch (type) {
    case ValueType::kNumber: return b_.CreateFCmpOEQ(a.v, b.v);
    case ValueType::kCode: return EqualBytes(a, b);
    default: return b_.CreateICmpEQ(a.v, b.v);
  }
}

// Same length and same bytes. Both codes must be known.
llvm::Value* IrEmitter::EqualBytes(const Val& a, const Val& b) {
  Join done(*this, ValueType::kBool, "streq.done");
  done.AddIf(b_.CreateICmpNE(a.size, b.size), KnownBool(False()));
  llvm::AllocaInst* index = EntryAlloca(b_.getInt32Ty(), "streq.i");
  b_.CreateStore(b_.getInt32(0), index);
  llvm::BasicBlock* header = NewBlock("streq.header");
  b_.CreateBr(header);
  b_.SetInsertPoint(header);
  llvm::Value* i = b_.CreateLoad(b_.getInt32Ty(), index);
  done.AddIf(b_.CreateICmpUGE(i, a.size), KnownBool(True()));
  llvm::Value* wide = b_.CreateZExt(i, b_.getInt64Ty());
  llvm::Value* ca = b_.CreateLoad(b_.getInt8Ty(), b_.CreateInBoundsGEP(b_.getInt8Ty(), a.v, wide));
  llvm::Value* cb = b_.CreateLoad(b_.getInt8Ty(), b_.CreateInBoundsGEP(b_.getInt8Ty(), b.v, wide));
  done.AddIf(b_.CreateICmpNE(ca, cb), KnownBool(False()));
  b_.CreateStore(b_.CreateAdd(i, b_.getInt32(1)), index);
  b_.CreateBr(header);
  return done.Finish().v;
}

// <0, 0 or >0 as the codes compare lexicographically by unsigned byte, a proper prefix first.
llvm::Value* IrEmitter::CompareBytes(const Val& a, const Val& b) {
  Join done(*this, ValueType::kDate, "strcmp.done");  // kDate: an i32 result
  llvm::Value* shorter = b_.CreateSelect(b_.CreateICmpULT(a.size, b.size), a.size, b.size);
  llvm::AllocaInst* index = EntryAlloca(b_.getInt32Ty(), "strcmp.i");
  b_.CreateStore(b_.getInt32(0), index);
  llvm::BasicBlock* header = NewBlock("strcmp.header");
  b_.CreateBr(header);
  b_.SetInsertPoint(header);
  llvm::Value* i = b_.CreateLoad(b_.getInt32Ty(), index);
  // All common bytes equal: the shorter code sorts first.
  llvm::Value* by_length = b_.CreateSub(b_.CreateZExt(b_.CreateICmpUGT(a.size, b.size), b_.getInt32Ty()),
                                        b_.CreateZExt(b_.CreateICmpULT(a.size, b.size), b_.getInt32Ty()));
  done.AddIf(b_.CreateICmpUGE(i, shorter), {by_length, nullptr, True()});
  llvm::Value* wide = b_.CreateZExt(i, b_.getInt64Ty());
  llvm::Value* ca = b_.CreateLoad(b_.getInt8Ty(), b_.CreateInBoundsGEP(b_.getInt8Ty(), a.v, wide));
  llvm::Value* cb = b_.CreateLoad(b_.getInt8Ty(), b_.CreateInBoundsGEP(b_.getInt8Ty(), b.v, wide));
  llvm::Value* by_byte = b_.CreateSelect(b_.CreateICmpULT(ca, cb), b_.getInt32(-1), b_.getInt32(1));
  done.AddIf(b_.CreateICmpNE(ca, cb), {by_byte, nullptr, True()});
  b_.CreateStore(b_.CreateAdd(i, b_.getInt32(1)), index);
  b_.CreateBr(header);
  return done.Finish().v;
}

}  // namespace mskc::codegen::internal
