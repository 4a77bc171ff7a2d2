// Builds the flat evaluation frame (ir::FrameLayout) of one case: the case-wide slots are decoded
// once, the `line.*` slots are rewritten per procedure line. Evaluators (interpreter and JIT)
// read the frame by byte offset, so every value is written in the abi.h encoding.
#pragma once
#include <cstdint>
#include <vector>

#include "compiler/lower/rule_ir.h"
#include "runtime/case/case.h"
#include "runtime/core/abi.h"

namespace mskc::cases {

class CaseFrame {
 public:
  // `program` (its layout and enums) and `c` must outlive the frame: StrRefs point into the
  // case's strings. The `line.*` slots stay unknown until SetLine.
  CaseFrame(const ir::Program& program, const Case& c);
  CaseFrame(const ir::FrameLayout& layout, const std::vector<ir::EnumType>& enums, const Case& c);

  CaseFrame(const CaseFrame&) = delete;
  CaseFrame& operator=(const CaseFrame&) = delete;
  CaseFrame(CaseFrame&&) noexcept = default;
  CaseFrame& operator=(CaseFrame&&) noexcept = default;

  // Rewrites the `line.*` slots for `line` (which must outlive its use in evaluation).
  void SetLine(const ProcedureLine& line);

  const uint8_t* data() const { return reinterpret_cast<const uint8_t*>(buffer_.data()); }
  uint32_t size() const { return size_; }

 private:
  void FillCaseSlot(const ir::Slot& slot);
  void FillBuiltin(const ir::Slot& slot);
  void FillClinical(const ir::Slot& slot);
  void FillLineSlot(const ir::Slot& slot, const ProcedureLine& line);

  // Raw writers; each checks the slot fits in the buffer and sets the known byte.
  template <typename T>
  void Write(const ir::Slot& slot, ir::ValueType type, const T& value);
  void WriteKnown(const ir::Slot& slot, bool known);
  void WriteList(const ir::Slot& slot, ir::ValueType type, const void* items, size_t size);

  int32_t Ordinal(const ir::Slot& slot, std::string_view member) const;
  const std::vector<int32_t>& Ordinals(const ir::Slot& slot,
                                       const std::vector<std::string_view>& members);

  const ir::FrameLayout* layout_;
  const std::vector<ir::EnumType>* enums_;
  const Case* case_;
  uint32_t size_ = 0;
  std::vector<uint64_t> buffer_;  // 8-byte aligned storage

  std::vector<const ir::Slot*> line_slots_;
  // Arrays the frame's lists point into. Moving the outer vectors keeps the inner buffers.
  std::vector<std::vector<int32_t>> ordinal_lists_;
  std::vector<abi::StrRef> diagnoses_;
  std::vector<abi::HistoryItem> history_;
  std::vector<abi::StrRef> line_modifiers_;
};

}  // namespace mskc::cases
