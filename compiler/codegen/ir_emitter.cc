// Dispatch, leaves (constants, frame slots, quantifier variables, history fields) and the
// plumbing shared by the other ir_emitter_*.cc files.
#include "compiler/codegen/ir_emitter.h"

#include <cstddef>

#include "runtime/core/abi.h"
#include "runtime/core/tri.h"

namespace mskc::codegen::internal {

using ir::Op;
using ir::ValueType;

bool IsList(ValueType t) {
  return t == ValueType::kEnumList || t == ValueType::kCodeList || t == ValueType::kHistoryList;
}

bool HasSize(ValueType t) { return t == ValueType::kCode || IsList(t); }

ValueType ElementType(ValueType list_type) {
  switch (list_type) {
    case ValueType::kEnumList: return ValueType::kEnum;
    case ValueType::kCodeList: return ValueType::kCode;
    default: return ValueType::kHistoryItem;
  }
}

uint32_t ElementStride(ValueType list_type) {
  switch (list_type) {
    case ValueType::kEnumList: return sizeof(int32_t);
    case ValueType::kCodeList: return sizeof(abi::StrRef);
    default: return sizeof(abi::HistoryItem);
  }
}

namespace {

// Bytes a slot of type `t` occupies in the frame.
uint32_t SlotBytes(ValueType t) {
  switch (t) {
    case ValueType::kBool: return 1;
    case ValueType::kNumber: return 8;
    case ValueType::kDate:
    case ValueType::kEnum: return 4;
    default: return 16;
  }
}

// Alignment that `offset` is known to have inside an 8-byte aligned frame, capped at `natural`.
uint64_t AlignAt(uint64_t offset, uint64_t natural) {
  uint64_t a = offset == 0 ? 8 : (offset & (~offset + 1));
  return a < natural ? a : natural;
}

}  // namespace

IrEmitter::IrEmitter(const ir::Program& program, llvm::Module& module)
    : program_(program),
      module_(module),
      ctx_(module.getContext()),
      b_(module.getContext(), llvm::InstSimplifyFolder(module.getDataLayout())) {}

llvm::Function* IrEmitter::EmitVersion(const ir::Version& version, const std::string& name) {
  llvm::Type* ptr = b_.getPtrTy();
  auto* type = llvm::FunctionType::get(b_.getVoidTy(), {ptr, ptr, ptr}, false);
  fn_ = llvm::Function::Create(type, llvm::Function::ExternalLinkage, name, module_);
  fn_->setDoesNotThrow();
  // Frames and result buffers are distinct, read-only / write-only buffers (abi::EvaluateFn).
  fn_->addParamAttr(0, llvm::Attribute::NoAlias);
  fn_->addParamAttr(0, llvm::Attribute::ReadOnly);
  fn_->addParamAttr(1, llvm::Attribute::NoAlias);
  fn_->addParamAttr(2, llvm::Attribute::ReadOnly);
  frame_ = fn_->getArg(0);
  llvm::Value* results = fn_->getArg(1);
  eval_ctx_ = fn_->getArg(2);
  frame_->setName("frame");
  results->setName("results");
  eval_ctx_->setName("ctx");
  b_.SetInsertPoint(llvm::BasicBlock::Create(ctx_, "entry", fn_));
  vars_.clear();

  for (size_t i = 0; i < version.criteria.size() && error_.empty(); ++i) {
    const ir::Node* expr = version.criteria[i].expr;
    if (expr == nullptr || expr->type != ValueType::kBool) {
      error_ = "criterion `" + version.criteria[i].id + "` has no Boolean expression";
      break;
    }
    Val r = Emit(*expr);
    llvm::Value* tri = b_.CreateSelect(
        r.known, b_.CreateZExt(r.v, b_.getInt8Ty()),
        b_.getInt8(static_cast<uint8_t>(Tri::kUnknown)), "tri");
    b_.CreateStore(tri, ByteAt(results, i));
  }
  if (!error_.empty()) return nullptr;
  b_.CreateRetVoid();
  return fn_;
}

Val IrEmitter::Emit(const ir::Node& n) {
  if (!error_.empty()) return Unknown(n.type);
  switch (n.op) {
    case Op::kBoolConst:
    case Op::kNumberConst:
    case Op::kDateConst:
    case Op::kEnumConst: return EmitConst(n);
    case Op::kSlot: return EmitSlot(n);
    case Op::kVar: return EmitVar(n);
    case Op::kField: return EmitField(n);
    case Op::kNot: return EmitNot(n);
    case Op::kAnd:
    case Op::kOr: return EmitAndOr(n);
    case Op::kAtLeast: return EmitAtLeast(n);
    case Op::kIf: return EmitIf(n);
    case Op::kEq:
    case Op::kNe:
    case Op::kLt:
    case Op::kLe:
    case Op::kGt:
    case Op::kGe: return EmitCompare(n);
    case Op::kAdd:
    case Op::kSub:
    case Op::kMul:
    case Op::kDiv:
    case Op::kNeg: return EmitArith(n);
    case Op::kDateAddDays:
    case Op::kDateAddMonths:
    case Op::kDateAddBusinessDays:
    case Op::kDaysBetween:
    case Op::kAgeYears: return EmitDateOp(n);
    case Op::kInCodeSet: return EmitInCodeSet(n);
    case Op::kInEnumSet: return EmitInEnumSet(n);
    case Op::kListHasAny: return EmitListHasAny(n);
    case Op::kListSize: return EmitListSize(n);
    case Op::kAny:
    case Op::kAll: return EmitAnyAll(n);
    case Op::kCount: return EmitCount(n);
    case Op::kCountDistinct: return EmitCountDistinct(n);
    case Op::kLatest: return EmitLatest(n);
  }
  return Fail(n, "unknown operation");
}

Val IrEmitter::EmitConst(const ir::Node& n) {
  switch (n.op) {
    case Op::kBoolConst:
      if (n.type != ValueType::kBool) break;
      return KnownBool(b_.getInt1(n.bool_value));
    case Op::kNumberConst:
      if (n.type != ValueType::kNumber) break;
      return {llvm::ConstantFP::get(b_.getDoubleTy(), n.number_value), nullptr, True()};
    case Op::kDateConst:
      if (n.type != ValueType::kDate) break;
      return {b_.getInt32(static_cast<uint32_t>(n.date_value)), nullptr, True()};
    case Op::kEnumConst:
      if (n.type != ValueType::kEnum) break;
      return {b_.getInt32(static_cast<uint32_t>(n.int_value)), nullptr, True()};
    default: break;
  }
  return Fail(n, "constant of the wrong type");
}

Val IrEmitter::EmitSlot(const ir::Node& n) {
  const auto& slots = program_.layout.slots;
  if (n.slot >= slots.size()) return Fail(n, "slot index out of range");
  const ir::Slot& s = slots[n.slot];
  if (s.type != n.type) return Fail(n, "slot `" + s.key + "` read with the wrong type");
  if (uint64_t{s.value_offset} + SlotBytes(s.type) > program_.layout.size ||
      s.known_offset >= program_.layout.size)
    return Fail(n, "slot `" + s.key + "` lies outside the frame");
  // Slots are read by byte offset only: no fact name reaches the emitted code.
  Val r;
  r.known = b_.CreateICmpNE(Load(b_.getInt8Ty(), frame_, s.known_offset, 1), b_.getInt8(0),
                            "slot.known");
  const uint64_t off = s.value_offset;
  switch (s.type) {
    case ValueType::kBool:
      r.v = b_.CreateICmpNE(Load(b_.getInt8Ty(), frame_, off, 1), b_.getInt8(0), "slot.b");
      break;
    case ValueType::kNumber: r.v = Load(b_.getDoubleTy(), frame_, off, 8); break;
    case ValueType::kDate:
    case ValueType::kEnum: r.v = Load(b_.getInt32Ty(), frame_, off, 4); break;
    case ValueType::kCode:
    case ValueType::kEnumList:
    case ValueType::kCodeList:
    case ValueType::kHistoryList:
      // abi::StrRef and abi::List share the shape {ptr, u32 size, u32 pad}.
      r.v = Load(b_.getPtrTy(), frame_, off, 8);
      r.size = Load(b_.getInt32Ty(), frame_, off + offsetof(abi::List, size), 4);
      break;
    case ValueType::kHistoryItem: return Fail(n, "a slot cannot hold a history item");
  }
  return r;
}

Val IrEmitter::EmitVar(const ir::Node& n) {
  if (n.var_depth >= vars_.size()) return Fail(n, "variable outside its quantifier");
  const Binding& bound = vars_[vars_.size() - 1 - n.var_depth];
  if (bound.element_type != n.type) return Fail(n, "variable read with the wrong type");
  switch (n.type) {
    case ValueType::kEnum: return {Load(b_.getInt32Ty(), bound.item, 0, 4), nullptr, True()};
    case ValueType::kCode:
      return {Load(b_.getPtrTy(), bound.item, 0, 8),
              Load(b_.getInt32Ty(), bound.item, offsetof(abi::StrRef, size), 4), True()};
    default: return {bound.item, nullptr, True()};
  }
}

Val IrEmitter::EmitField(const ir::Node& n) {
  if (!CheckOperands(n, 1) || !CheckType(n, n.a[0], ValueType::kHistoryItem))
    return Unknown(n.type);
  Val item = Emit(*n.a[0]);
  llvm::Value* p = item.v;
  using H = abi::HistoryItem;
  auto str_field = [&](uint64_t off, bool optional) -> Val {
    Val r{Load(b_.getPtrTy(), p, off, 8),
          Load(b_.getInt32Ty(), p, off + offsetof(abi::StrRef, size), 4), item.known};
    // Optional strings are absent when empty (abi.h: "size 0 when absent").
    if (optional) r.known = b_.CreateAnd(r.known, b_.CreateICmpNE(r.size, b_.getInt32(0)));
    return r;
  };
  auto num_field = [&](uint64_t off, uint64_t known_off) -> Val {
    llvm::Value* k = b_.CreateICmpNE(Load(b_.getInt8Ty(), p, known_off, 1), b_.getInt8(0));
    return {Load(b_.getDoubleTy(), p, off, 8), nullptr, b_.CreateAnd(item.known, k)};
  };
  ValueType want = ValueType::kCode;
  Val r;
  switch (n.field) {
    case ir::HistoryField::kCode: r = str_field(offsetof(H, code), false); break;
    case ir::HistoryField::kLevel: r = str_field(offsetof(H, level), true); break;
    case ir::HistoryField::kLaterality: r = str_field(offsetof(H, laterality), true); break;
    case ir::HistoryField::kReliefPercent:
      want = ValueType::kNumber;
      r = num_field(offsetof(H, relief_percent), offsetof(H, relief_percent_known));
      break;
    case ir::HistoryField::kReliefWeeks:
      want = ValueType::kNumber;
      r = num_field(offsetof(H, relief_weeks), offsetof(H, relief_weeks_known));
      break;
    case ir::HistoryField::kDate:
      want = ValueType::kDate;
      r = {Load(b_.getInt32Ty(), p, offsetof(H, date), 4), nullptr, item.known};
      break;
    case ir::HistoryField::kFunctionalImprovement: {
      want = ValueType::kBool;
      llvm::Value* t = Load(b_.getInt8Ty(), p, offsetof(H, functional_improvement), 1);
      r.v = b_.CreateICmpEQ(t, b_.getInt8(static_cast<uint8_t>(Tri::kTrue)));
      r.known = b_.CreateAnd(item.known,
                             b_.CreateICmpNE(t, b_.getInt8(static_cast<uint8_t>(Tri::kUnknown))));
      break;
    }
  }
  if (n.type != want) return Fail(n, "history field read with the wrong type");
  return r;
}

// ---------------------------------------------------------------------------------------------
// Join points
// ---------------------------------------------------------------------------------------------

IrEmitter::Join::Join(IrEmitter& e, ValueType type, const char* name)
    : e_(e), type_(type), block_(llvm::BasicBlock::Create(e.ctx_, name)) {}

IrEmitter::Join::~Join() {
  if (block_->getParent() == nullptr) block_->insertInto(e_.fn_);
}

void IrEmitter::Join::Add(const Val& v) {
  incoming_.push_back({v, e_.b_.GetInsertBlock()});
  e_.b_.CreateBr(block_);
}

void IrEmitter::Join::AddIf(llvm::Value* cond, const Val& v) {
  // A constant condition needs no branch (e.g. the known flag of a constant or a bound element).
  if (auto* c = llvm::dyn_cast<llvm::ConstantInt>(cond)) {
    if (c->isZero()) return;
    Add(v);
    e_.b_.SetInsertPoint(e_.NewBlock("dead"));
    return;
  }
  llvm::BasicBlock* cont = e_.NewBlock("cont");
  incoming_.push_back({v, e_.b_.GetInsertBlock()});
  e_.b_.CreateCondBr(cond, block_, cont);
  e_.b_.SetInsertPoint(cont);
}

Val IrEmitter::Join::Finish() {
  block_->insertInto(e_.fn_);
  e_.b_.SetInsertPoint(block_);
  const unsigned count = static_cast<unsigned>(incoming_.size());
  auto phi = [&](llvm::Type* type, llvm::Value* Val::*member) -> llvm::Value* {
    llvm::PHINode* node = e_.b_.CreatePHI(type, count);
    for (const auto& [v, from] : incoming_) node->addIncoming(v.*member, from);
    return node;
  };
  Val r;
  r.v = phi(e_.TypeOf(type_), &Val::v);
  if (HasSize(type_)) r.size = phi(e_.b_.getInt32Ty(), &Val::size);
  r.known = phi(e_.b_.getInt1Ty(), &Val::known);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Utilities
// ---------------------------------------------------------------------------------------------

llvm::Type* IrEmitter::TypeOf(ValueType t) {
  switch (t) {
    case ValueType::kBool: return b_.getInt1Ty();
    case ValueType::kNumber: return b_.getDoubleTy();
    case ValueType::kDate:
    case ValueType::kEnum: return b_.getInt32Ty();
    default: return b_.getPtrTy();
  }
}

Val IrEmitter::Unknown(ValueType t) {
  Val r;
  r.v = llvm::Constant::getNullValue(TypeOf(t));
  if (HasSize(t)) r.size = b_.getInt32(0);
  r.known = False();
  return r;
}

Val IrEmitter::KnownBool(llvm::Value* b) { return {b, nullptr, True()}; }
llvm::Value* IrEmitter::True() { return b_.getTrue(); }
llvm::Value* IrEmitter::False() { return b_.getFalse(); }

llvm::BasicBlock* IrEmitter::NewBlock(const char* name) {
  return llvm::BasicBlock::Create(ctx_, name, fn_);
}

llvm::AllocaInst* IrEmitter::EntryAlloca(llvm::Type* type, const char* name) {
  llvm::BasicBlock& entry = fn_->getEntryBlock();
  llvm::IRBuilder<> at(&entry, entry.begin());
  return at.CreateAlloca(type, nullptr, name);
}

llvm::Value* IrEmitter::ByteAt(llvm::Value* base, uint64_t offset) {
  if (offset == 0) return base;
  return b_.CreateConstInBoundsGEP1_64(b_.getInt8Ty(), base, offset);
}

llvm::Value* IrEmitter::Load(llvm::Type* type, llvm::Value* base, uint64_t offset,
                             uint64_t align) {
  return b_.CreateAlignedLoad(type, ByteAt(base, offset), llvm::Align(AlignAt(offset, align)));
}

Val IrEmitter::Fail(const ir::Node& n, const std::string& message) {
  if (error_.empty()) {
    error_ = "cannot compile expression (operation " + std::to_string(static_cast<int>(n.op)) +
             "): " + message;
  }
  return Unknown(n.type);
}

bool IrEmitter::CheckOperands(const ir::Node& n, size_t count) {
  if (n.a.size() < count) {
    Fail(n, "expected " + std::to_string(count) + " operands");
    return false;
  }
  for (size_t i = 0; i < count; ++i) {
    if (n.a[i] == nullptr) {
      Fail(n, "missing operand " + std::to_string(i));
      return false;
    }
  }
  return true;
}

bool IrEmitter::CheckType(const ir::Node& n, const ir::Node* operand, ValueType type) {
  if (operand != nullptr && operand->type == type) return true;
  Fail(n, "operand of the wrong type");
  return false;
}

}  // namespace mskc::codegen::internal
