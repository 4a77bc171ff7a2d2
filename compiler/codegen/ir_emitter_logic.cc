// Kleene logic: not, n-ary and/or with short-circuit on a deciding operand, at-least-N, if.
#include "compiler/codegen/ir_emitter.h"

namespace mskc::codegen::internal {

using ir::Op;
using ir::ValueType;

Val IrEmitter::EmitNot(const ir::Node& n) {
  if (!CheckOperands(n, 1) || !CheckType(n, n.a[0], ValueType::kBool)) return Unknown(n.type);
  Val x = Emit(*n.a[0]);
  return {b_.CreateNot(x.v), nullptr, x.known};
}

// and: a known false decides (false); else unknown if any operand was unknown; else true.
// or:  a known true decides (true);  else unknown if any operand was unknown; else false.
// Later operands are not evaluated once one decides.
Val IrEmitter::EmitAndOr(const ir::Node& n) {
  const bool is_and = n.op == Op::kAnd;
  if (n.type != ValueType::kBool) return Fail(n, "logic operation of non-Boolean type");
  Join done(*this, ValueType::kBool, is_and ? "and.done" : "or.done");
  llvm::Value* any_unknown = False();
  for (const ir::Node* operand : n.a) {
    if (!CheckType(n, operand, ValueType::kBool)) return Unknown(n.type);
    Val x = Emit(*operand);
    if (!error_.empty()) return Unknown(n.type);
    llvm::Value* decides = b_.CreateAnd(x.known, is_and ? b_.CreateNot(x.v) : x.v, "decides");
    any_unknown = b_.CreateOr(any_unknown, b_.CreateNot(x.known));
    done.AddIf(decides, KnownBool(is_and ? False() : True()));
  }
  done.Add({is_and ? True() : False(), nullptr, b_.CreateNot(any_unknown)});
  return done.Finish();
}

// True when ≥ N operands are true; false when even every unknown turning true cannot reach N.
Val IrEmitter::EmitAtLeast(const ir::Node& n) {
  if (n.type != ValueType::kBool) return Fail(n, "at-least of non-Boolean type");
  if (n.int_value <= 0) return KnownBool(True());
  // N beyond the operand count can never be reached; clamping keeps it in i32 range.
  const int64_t limit = static_cast<int64_t>(n.a.size()) + 1;
  const uint32_t need = static_cast<uint32_t>(n.int_value < limit ? n.int_value : limit);
  llvm::Value* trues = b_.getInt32(0);
  llvm::Value* unknowns = b_.getInt32(0);
  for (const ir::Node* operand : n.a) {
    if (!CheckType(n, operand, ValueType::kBool)) return Unknown(n.type);
    Val x = Emit(*operand);
    trues = b_.CreateAdd(trues, b_.CreateZExt(b_.CreateAnd(x.known, x.v), b_.getInt32Ty()));
    unknowns = b_.CreateAdd(unknowns, b_.CreateZExt(b_.CreateNot(x.known), b_.getInt32Ty()));
  }
  llvm::Value* is_true = b_.CreateICmpUGE(trues, b_.getInt32(need), "atleast.true");
  llvm::Value* is_false =
      b_.CreateICmpULT(b_.CreateAdd(trues, unknowns), b_.getInt32(need), "atleast.false");
  return {is_true, nullptr, b_.CreateOr(is_true, is_false)};
}

// An unknown condition makes the result unknown; only the chosen branch is evaluated.
Val IrEmitter::EmitIf(const ir::Node& n) {
  if (!CheckOperands(n, 3) || !CheckType(n, n.a[0], ValueType::kBool) ||
      !CheckType(n, n.a[1], n.type) || !CheckType(n, n.a[2], n.type))
    return Unknown(n.type);
  Val cond = Emit(*n.a[0]);
  Join done(*this, n.type, "if.done");
  done.AddIf(b_.CreateNot(cond.known), Unknown(n.type));
  llvm::BasicBlock* then_block = NewBlock("if.then");
  llvm::BasicBlock* else_block = NewBlock("if.else");
  b_.CreateCondBr(cond.v, then_block, else_block);
  b_.SetInsertPoint(then_block);
  done.Add(Emit(*n.a[1]));
  b_.SetInsertPoint(else_block);
  done.Add(Emit(*n.a[2]));
  return done.Finish();
}

}  // namespace mskc::codegen::internal
