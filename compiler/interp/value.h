// The interpreter's value: one typed {known, payload} pair, the same shape the JIT keeps in
// registers. 16 bytes and trivially copyable, so it is returned in two registers and a tree walk
// never touches the heap (codes and lists keep their pointer here and their size beside it).
#pragma once
#include <bit>
#include <cstdint>

#include "compiler/lower/rule_ir.h"
#include "runtime/core/abi.h"
#include "runtime/core/tri.h"

namespace mskc::interp {

struct Value {
  union {
    uint64_t bits;
    bool b;                         // kBool
    double num;                     // kNumber
    int32_t i;                      // kDate (days), kEnum (ordinal)
    const char* data;               // kCode (with `size`)
    const void* items;              // kEnumList, kCodeList, kHistoryList (with `size`)
    const abi::HistoryItem* item;   // kHistoryItem
  };
  uint32_t size;
  ir::ValueType type;
  bool known;
  uint16_t pad;

  static Value Unknown(ir::ValueType t) { return Make(t, false, 0, 0); }
  static Value Bool(bool x) { return Make(ir::ValueType::kBool, true, x ? 1 : 0, 0); }
  static Value FromTri(Tri t) {
    return t == Tri::kUnknown ? Unknown(ir::ValueType::kBool) : Bool(t == Tri::kTrue);
  }
  static Value Number(double x) {
    return Make(ir::ValueType::kNumber, true, std::bit_cast<uint64_t>(x), 0);
  }
  static Value Int(ir::ValueType t, int32_t x) {  // kDate or kEnum
    return Make(t, true, static_cast<uint32_t>(x), 0);
  }
  static Value Code(abi::StrRef s) {
    return Make(ir::ValueType::kCode, true, reinterpret_cast<uintptr_t>(s.data), s.size);
  }
  static Value List(ir::ValueType t, abi::List l) {
    return Make(t, true, reinterpret_cast<uintptr_t>(l.items), l.size);
  }
  static Value Item(const abi::HistoryItem* it) {
    return Make(ir::ValueType::kHistoryItem, true, reinterpret_cast<uintptr_t>(it), 0);
  }

  Tri tri() const { return !known ? Tri::kUnknown : (b ? Tri::kTrue : Tri::kFalse); }
  abi::StrRef str() const { return abi::StrRef{data, size, 0}; }
  abi::List list() const { return abi::List{items, size, 0}; }

 private:
  // Both eightbytes are formed as whole integers: no byte-wise stores that a following 8-byte
  // load could not forward from (which cost more than the rest of a node's evaluation).
  static Value Make(ir::ValueType t, bool known, uint64_t bits, uint32_t size) {
    struct Raw {
      uint64_t bits, meta;
    };
    return std::bit_cast<Value>(Raw{bits, uint64_t{size} | uint64_t{static_cast<uint8_t>(t)} << 32 |
                                              uint64_t{known} << 40});
  }
};
static_assert(sizeof(Value) == 16);
static_assert(std::endian::native == std::endian::little, "Value::Make packs the header");

}  // namespace mskc::interp
