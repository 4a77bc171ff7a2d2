// Quantifiers over abi::List items: any, all, count, count-distinct, latest. The element is
// bound as kVar depth 0 while the filter (a[1]) and predicate / key (a[2]) are evaluated; loop
// state lives in entry-block allocas that SROA turns into phis. An unknown list is unknown.
#include "compiler/codegen/ir_emitter.h"

#include "runtime/core/abi.h"

namespace mskc::codegen::internal {

using ir::Op;
using ir::ValueType;

namespace {

const ir::Node* Operand(const ir::Node& n, size_t k) { return k < n.a.size() ? n.a[k] : nullptr; }

}  // namespace

void IrEmitter::ForEach(const Val& list, ValueType list_type, llvm::Value* limit,
                        const std::function<void(const LoopCtl&)>& body) {
  llvm::AllocaInst* counter = EntryAlloca(b_.getInt32Ty(), "i");
  b_.CreateStore(b_.getInt32(0), counter);
  llvm::BasicBlock* header = NewBlock("loop");
  llvm::BasicBlock* first = NewBlock("loop.body");
  llvm::BasicBlock* next = llvm::BasicBlock::Create(ctx_, "loop.next");
  llvm::BasicBlock* exit = llvm::BasicBlock::Create(ctx_, "loop.exit");
  b_.CreateBr(header);
  b_.SetInsertPoint(header);
  llvm::Value* i = b_.CreateLoad(b_.getInt32Ty(), counter, "i");
  b_.CreateCondBr(b_.CreateICmpULT(i, limit != nullptr ? limit : list.size), first, exit);
  b_.SetInsertPoint(first);
  llvm::Value* offset = b_.CreateMul(b_.CreateZExt(i, b_.getInt64Ty()),
                                     b_.getInt64(ElementStride(list_type)));
  llvm::Value* item = b_.CreateInBoundsGEP(b_.getInt8Ty(), list.v, offset, "item");
  body(LoopCtl{i, item, next, exit});
  if (b_.GetInsertBlock()->getTerminator() == nullptr) b_.CreateBr(next);
  next->insertInto(fn_);
  b_.SetInsertPoint(next);
  b_.CreateStore(b_.CreateAdd(i, b_.getInt32(1)), counter);
  b_.CreateBr(header);
  exit->insertInto(fn_);
  b_.SetInsertPoint(exit);
}

void IrEmitter::BranchIf(llvm::Value* cond, llvm::BasicBlock* target) {
  if (auto* c = llvm::dyn_cast<llvm::ConstantInt>(cond); c != nullptr && c->isZero()) return;
  llvm::BasicBlock* cont = NewBlock("cont");
  b_.CreateCondBr(cond, target, cont);
  b_.SetInsertPoint(cont);
}

Val IrEmitter::EmitOptionalBool(const ir::Node* n) {
  if (n == nullptr) return KnownBool(True());
  if (n->type != ValueType::kBool) {
    Fail(*n, "quantifier filter or predicate of non-Boolean type");
    return Unknown(ValueType::kBool);
  }
  return Emit(*n);
}

// any: OR over elements of AND(filter, pred), empty → false; a true element decides.
// all: AND over elements of OR(NOT filter, pred), empty → true; a false element decides.
Val IrEmitter::EmitAnyAll(const ir::Node& n) {
  const bool is_any = n.op == Op::kAny;
  if (!CheckOperands(n, 1)) return Unknown(n.type);
  const ValueType list_type = n.a[0]->type;
  if (n.type != ValueType::kBool || !IsList(list_type)) return Fail(n, "quantifier over a non-list");
  Val list = Emit(*n.a[0]);
  Join done(*this, ValueType::kBool, is_any ? "any.done" : "all.done");
  done.AddIf(b_.CreateNot(list.known), Unknown(ValueType::kBool));
  llvm::AllocaInst* any_unknown = EntryAlloca(b_.getInt1Ty(), "unknown");
  b_.CreateStore(False(), any_unknown);
  ForEach(list, list_type, nullptr, [&](const LoopCtl& loop) {
    vars_.push_back({ElementType(list_type), loop.item});
    Val f = EmitOptionalBool(Operand(n, 1));
    // A known-false filter makes the element false (any) or true (all): it neither decides
    // nor adds an unknown, and the predicate is not evaluated.
    BranchIf(b_.CreateAnd(f.known, b_.CreateNot(f.v)), loop.next);
    Val p = EmitOptionalBool(Operand(n, 2));
    vars_.pop_back();
    // The filter is now true or unknown. any: AND(f, p) is false when p is false, p when f is
    // true, else unknown. all: OR(NOT f, p) is true when p is true, p when f is true, else unknown.
    llvm::Value* p_decides = b_.CreateAnd(p.known, is_any ? b_.CreateNot(p.v) : p.v);
    llvm::Value* known = b_.CreateOr(p_decides, b_.CreateAnd(f.known, p.known));
    // The element decides the quantifier when it is true (any) or false (all).
    llvm::Value* decides = b_.CreateAnd(known, is_any ? p.v : b_.CreateNot(p.v));
    done.AddIf(decides, KnownBool(is_any ? True() : False()));
    llvm::Value* seen = b_.CreateLoad(b_.getInt1Ty(), any_unknown);
    b_.CreateStore(b_.CreateOr(seen, b_.CreateNot(known)), any_unknown);
  });
  llvm::Value* seen = b_.CreateLoad(b_.getInt1Ty(), any_unknown);
  done.Add({is_any ? False() : True(), nullptr, b_.CreateNot(seen)});
  return done.Finish();
}

// Number of elements whose filter is true; an unknown filter makes the count unknown.
Val IrEmitter::EmitCount(const ir::Node& n) {
  if (!CheckOperands(n, 1)) return Unknown(n.type);
  const ValueType list_type = n.a[0]->type;
  if (n.type != ValueType::kNumber || !IsList(list_type)) return Fail(n, "count over a non-list");
  Val list = Emit(*n.a[0]);
  const ir::Node* filter = Operand(n, 1);
  if (filter == nullptr) return {b_.CreateUIToFP(list.size, b_.getDoubleTy()), nullptr, list.known};
  Join done(*this, ValueType::kNumber, "count.done");
  done.AddIf(b_.CreateNot(list.known), Unknown(ValueType::kNumber));
  llvm::AllocaInst* count = EntryAlloca(b_.getInt32Ty(), "count");
  b_.CreateStore(b_.getInt32(0), count);
  ForEach(list, list_type, nullptr, [&](const LoopCtl& loop) {
    vars_.push_back({ElementType(list_type), loop.item});
    Val f = EmitOptionalBool(filter);
    vars_.pop_back();
    done.AddIf(b_.CreateNot(f.known), Unknown(ValueType::kNumber));
    llvm::Value* c = b_.CreateLoad(b_.getInt32Ty(), count);
    b_.CreateStore(b_.CreateAdd(c, b_.CreateZExt(f.v, b_.getInt32Ty())), count);
  });
  llvm::Value* c = b_.CreateLoad(b_.getInt32Ty(), count);
  done.Add({b_.CreateUIToFP(c, b_.getDoubleTy()), nullptr, True()});
  return done.Finish();
}

// Distinct keys among elements whose filter is true; unknown if any filter, or the key of a
// selected element, is unknown. Element i counts when no selected j < i has an equal key: a
// quadratic rescan that needs no memory (history lists are short).
Val IrEmitter::EmitCountDistinct(const ir::Node& n) {
  if (!CheckOperands(n, 1)) return Unknown(n.type);
  const ValueType list_type = n.a[0]->type;
  if (n.type != ValueType::kNumber || !IsList(list_type))
    return Fail(n, "count-distinct over a non-list");
  const ir::Node* filter = Operand(n, 1);
  const ir::Node* key = Operand(n, 2);
  const ValueType key_type = key != nullptr ? key->type : ValueType::kBool;
  if (key_type != ValueType::kNumber && key_type != ValueType::kDate &&
      key_type != ValueType::kEnum && key_type != ValueType::kCode && key_type != ValueType::kBool)
    return Fail(n, "count-distinct key of an unsupported type");
  auto key_of = [&]() -> Val { return key != nullptr ? Emit(*key) : KnownBool(True()); };

  Val list = Emit(*n.a[0]);
  Join done(*this, ValueType::kNumber, "distinct.done");
  done.AddIf(b_.CreateNot(list.known), Unknown(ValueType::kNumber));
  llvm::AllocaInst* count = EntryAlloca(b_.getInt32Ty(), "distinct");
  b_.CreateStore(b_.getInt32(0), count);
  ForEach(list, list_type, nullptr, [&](const LoopCtl& outer) {
    vars_.push_back({ElementType(list_type), outer.item});
    Val f = EmitOptionalBool(filter);
    done.AddIf(b_.CreateNot(f.known), Unknown(ValueType::kNumber));
    BranchIf(b_.CreateNot(f.v), outer.next);
    Val k = key_of();
    done.AddIf(b_.CreateNot(k.known), Unknown(ValueType::kNumber));
    // Earlier elements passed these checks already, so their filters and keys are known.
    llvm::BasicBlock* seen = llvm::BasicBlock::Create(ctx_, "distinct.seen");
    ForEach(list, list_type, outer.index, [&](const LoopCtl& inner) {
      vars_.back().item = inner.item;
      Val fj = EmitOptionalBool(filter);
      BranchIf(b_.CreateNot(b_.CreateAnd(fj.known, fj.v)), inner.next);
      Val kj = key_of();
      BranchIf(b_.CreateNot(kj.known), inner.next);
      vars_.back().item = outer.item;
      BranchIf(EqualValues(key_type, k, kj), seen);
    });
    vars_.pop_back();
    llvm::Value* c = b_.CreateLoad(b_.getInt32Ty(), count);
    b_.CreateStore(b_.CreateAdd(c, b_.getInt32(1)), count);
    b_.CreateBr(outer.next);
    seen->insertInto(fn_);
    b_.SetInsertPoint(seen);
  });
  llvm::Value* c = b_.CreateLoad(b_.getInt32Ty(), count);
  done.Add({b_.CreateUIToFP(c, b_.getDoubleTy()), nullptr, True()});
  return done.Finish();
}

// History lists only. Among elements whose filter is true (unknown if any filter is unknown),
// those with the greatest date must all satisfy the predicate (Kleene AND); none → true.
Val IrEmitter::EmitLatest(const ir::Node& n) {
  if (!CheckOperands(n, 1) || !CheckType(n, n.a[0], ValueType::kHistoryList))
    return Unknown(n.type);
  if (n.type != ValueType::kBool) return Fail(n, "latest of non-Boolean type");
  const ir::Node* filter = Operand(n, 1);
  const ir::Node* pred = Operand(n, 2);
  const uint64_t date_offset = offsetof(abi::HistoryItem, date);
  Val list = Emit(*n.a[0]);
  Join done(*this, ValueType::kBool, "latest.done");
  done.AddIf(b_.CreateNot(list.known), Unknown(ValueType::kBool));

  // Pass 1: the latest date among selected elements.
  llvm::AllocaInst* any = EntryAlloca(b_.getInt1Ty(), "latest.any");
  llvm::AllocaInst* latest = EntryAlloca(b_.getInt32Ty(), "latest.date");
  b_.CreateStore(False(), any);
  b_.CreateStore(b_.getInt32(0), latest);
  ForEach(list, ValueType::kHistoryList, nullptr, [&](const LoopCtl& loop) {
    vars_.push_back({ValueType::kHistoryItem, loop.item});
    Val f = EmitOptionalBool(filter);
    vars_.pop_back();
    done.AddIf(b_.CreateNot(f.known), Unknown(ValueType::kBool));
    BranchIf(b_.CreateNot(f.v), loop.next);
    llvm::Value* date = Load(b_.getInt32Ty(), loop.item, date_offset, 4);
    llvm::Value* had = b_.CreateLoad(b_.getInt1Ty(), any);
    llvm::Value* best = b_.CreateLoad(b_.getInt32Ty(), latest);
    llvm::Value* take = b_.CreateOr(b_.CreateNot(had), b_.CreateICmpSGT(date, best));
    b_.CreateStore(b_.CreateSelect(take, date, best), latest);
    b_.CreateStore(True(), any);
  });
  done.AddIf(b_.CreateNot(b_.CreateLoad(b_.getInt1Ty(), any)), KnownBool(True()));
  llvm::Value* best = b_.CreateLoad(b_.getInt32Ty(), latest);

  // Pass 2: Kleene AND of the predicate over the selected elements dated `best` (ties too).
  llvm::AllocaInst* any_unknown = EntryAlloca(b_.getInt1Ty(), "latest.unknown");
  b_.CreateStore(False(), any_unknown);
  ForEach(list, ValueType::kHistoryList, nullptr, [&](const LoopCtl& loop) {
    llvm::Value* date = Load(b_.getInt32Ty(), loop.item, date_offset, 4);
    BranchIf(b_.CreateICmpNE(date, best), loop.next);
    vars_.push_back({ValueType::kHistoryItem, loop.item});
    Val f = EmitOptionalBool(filter);
    BranchIf(b_.CreateNot(b_.CreateAnd(f.known, f.v)), loop.next);
    Val p = EmitOptionalBool(pred);
    vars_.pop_back();
    done.AddIf(b_.CreateAnd(p.known, b_.CreateNot(p.v)), KnownBool(False()));
    llvm::Value* seen = b_.CreateLoad(b_.getInt1Ty(), any_unknown);
    b_.CreateStore(b_.CreateOr(seen, b_.CreateNot(p.known)), any_unknown);
  });
  llvm::Value* seen = b_.CreateLoad(b_.getInt1Ty(), any_unknown);
  done.Add({True(), nullptr, b_.CreateNot(seen)});
  return done.Finish();
}

}  // namespace mskc::codegen::internal
