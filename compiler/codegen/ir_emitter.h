// Rule IR → LLVM IR: a visitor over ir::Node that emits value/validity pairs (Gandiva's
// ValueValidityPair) with the semantics documented in compiler/lower/rule_ir.h. Internal to codegen.
#pragma once
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "compiler/lower/rule_ir.h"
#include "llvm/Analysis/InstSimplifyFolder.h"
#include "llvm/IR/IRBuilder.h"
#include "llvm/IR/Module.h"

namespace mskc::codegen::internal {

// An emitted value. `v`: i1 (kBool), double (kNumber), i32 (kDate, kEnum), ptr (kCode data,
// list items, kHistoryItem record). `size`: i32 length of a code or list, else null.
// `known`: i1; when false, `v` and `size` are meaningless and consumers must not read them.
struct Val {
  llvm::Value* v = nullptr;
  llvm::Value* size = nullptr;
  llvm::Value* known = nullptr;
};

class IrEmitter {
 public:
  // `module` must have its data layout set.
  IrEmitter(const ir::Program& program, llvm::Module& module);

  // Emits `void name(ptr frame, ptr results, ptr ctx)` (abi::EvaluateFn) storing one Tri byte
  // per criterion of `version`. Returns nullptr once error() is set.
  llvm::Function* EmitVersion(const ir::Version& version, const std::string& name);

  // The first problem met (a malformed IR node); empty when emission succeeded.
  const std::string& error() const { return error_; }

 private:
  // Collects the incoming values of a join point and builds its phis (one per component).
  class Join {
   public:
    Join(IrEmitter& e, ir::ValueType type, const char* name);
    // A join abandoned after an error still hands its block to the function that owns it.
    ~Join();
    Join(const Join&) = delete;
    Join& operator=(const Join&) = delete;
    // Branches from the current block to the join with `v`, terminating the current block.
    void Add(const Val& v);
    // When `cond`, branches to the join with `v`; otherwise continues in a fresh block.
    void AddIf(llvm::Value* cond, const Val& v);
    // Positions the builder at the join block and returns the merged value.
    Val Finish();

   private:
    IrEmitter& e_;
    ir::ValueType type_;
    llvm::BasicBlock* block_;
    std::vector<std::pair<Val, llvm::BasicBlock*>> incoming_;
  };

  // A quantifier's bound element: a pointer to the current list item.
  struct Binding {
    ir::ValueType element_type;
    llvm::Value* item;
  };

  // Dispatch (ir_emitter.cc).
  Val Emit(const ir::Node& n);
  Val EmitConst(const ir::Node& n);
  Val EmitSlot(const ir::Node& n);
  Val EmitVar(const ir::Node& n);
  Val EmitField(const ir::Node& n);

  // Logic (ir_emitter_logic.cc).
  Val EmitNot(const ir::Node& n);
  Val EmitAndOr(const ir::Node& n);
  Val EmitAtLeast(const ir::Node& n);
  Val EmitIf(const ir::Node& n);

  // Comparison and arithmetic (ir_emitter_compare.cc).
  Val EmitCompare(const ir::Node& n);
  Val EmitArith(const ir::Node& n);
  // i1: a == b for two known values of `type` (codes compare byte-wise).
  llvm::Value* EqualValues(ir::ValueType type, const Val& a, const Val& b);
  llvm::Value* EqualBytes(const Val& a, const Val& b);
  llvm::Value* CompareBytes(const Val& a, const Val& b);

  // Dates and membership (ir_emitter_dates.cc).
  Val EmitDateOp(const ir::Node& n);
  Val EmitInCodeSet(const ir::Node& n);
  Val EmitInEnumSet(const ir::Node& n);
  Val EmitListHasAny(const ir::Node& n);
  Val EmitListSize(const ir::Node& n);
  // i1: `ordinal` (i32) is a member of the 64-bit `mask`.
  llvm::Value* EnumBitTest(llvm::Value* ordinal, uint64_t mask);
  // Calls `call` only when `known`; the result is `type`-typed and unknown otherwise.
  Val CallIfKnown(llvm::Value* known, ir::ValueType type, const std::function<Val()>& call);

  // Quantifiers (ir_emitter_quantifiers.cc).
  Val EmitAnyAll(const ir::Node& n);
  Val EmitCount(const ir::Node& n);
  Val EmitCountDistinct(const ir::Node& n);
  Val EmitLatest(const ir::Node& n);
  // One iteration of ForEach: the index (i32), a pointer to the item, the block that starts
  // the next iteration (`continue`) and the loop exit (`break`).
  struct LoopCtl {
    llvm::Value* index;
    llvm::Value* item;
    llvm::BasicBlock* next;
    llvm::BasicBlock* exit;
  };
  // Emits `for (i = 0; i < limit; ++i) body(...)` over the items of `list` (limit = its size
  // when null), leaving the builder at the loop exit. `body` binds the item itself.
  void ForEach(const Val& list, ir::ValueType list_type, llvm::Value* limit,
               const std::function<void(const LoopCtl&)>& body);
  // Continues at `target` when `cond`, else in a fresh block.
  void BranchIf(llvm::Value* cond, llvm::BasicBlock* target);
  // Evaluates an optional Boolean operand (null = true) for the bound element.
  Val EmitOptionalBool(const ir::Node* n);

  // Utilities (ir_emitter.cc).
  llvm::Type* TypeOf(ir::ValueType t);
  Val Unknown(ir::ValueType t);
  Val KnownBool(llvm::Value* b);
  llvm::Value* True();
  llvm::Value* False();
  llvm::BasicBlock* NewBlock(const char* name);
  llvm::AllocaInst* EntryAlloca(llvm::Type* type, const char* name);
  llvm::Value* ByteAt(llvm::Value* base, uint64_t offset);
  llvm::Value* Load(llvm::Type* type, llvm::Value* base, uint64_t offset, uint64_t align);
  // Records the first error; returns Unknown(t) so emission can unwind.
  Val Fail(const ir::Node& n, const std::string& message);
  // Checks that `n` has at least `count` non-null operands, of `type` when given.
  bool CheckOperands(const ir::Node& n, size_t count);
  bool CheckType(const ir::Node& n, const ir::Node* operand, ir::ValueType type);

  const ir::Program& program_;
  llvm::Module& module_;
  llvm::LLVMContext& ctx_;
  // Folds `and i1 true, %x` and the like as it goes: constant known flags are common, and less
  // IR to optimise is most of the JIT's compile time.
  llvm::IRBuilder<llvm::InstSimplifyFolder> b_;
  llvm::Function* fn_ = nullptr;
  llvm::Value* frame_ = nullptr;
  llvm::Value* eval_ctx_ = nullptr;
  std::vector<Binding> vars_;
  std::string error_;
};

// Element type of a list kind (kEnum, kCode, kHistoryItem) and its byte stride.
ir::ValueType ElementType(ir::ValueType list_type);
uint32_t ElementStride(ir::ValueType list_type);
bool IsList(ir::ValueType t);
// Whether values of `t` carry a `size` component (codes and lists).
bool HasSize(ir::ValueType t);

}  // namespace mskc::codegen::internal
