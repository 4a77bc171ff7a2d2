// Seeded generator of random well-typed rule IR and of random frames for it, for the property
// test that holds the JIT to the reference interpreter. Everything it makes depends only on the
// seed, so a failing seed reproduces exactly (MSKC_PROPERTY_SEED).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "compiler/lower/rule_ir.h"
#include "tests/unit/common/ir_test_builder.h"

namespace mskc::property {

// Small pools so that equal values, thresholds and ties come up often: codes inside, at the
// edges of and outside the program's code sets, and dates on weekends, federal holidays and the
// days around them, month ends, leap days and before 1970.
inline const std::vector<std::string> kCodes = {"M54.16", "M54.1", "64483", "64480", "64484",
                                                "64485",  "6448",  "B",     "",      "M5",
                                                "62323",  "L4-L5", "left",  "right"};
inline const std::vector<const char*> kDates = {
    "2021-01-01", "2021-07-02", "2021-07-05", "2020-02-29", "2021-03-05", "2021-03-06",
    "2003-03-01", "1969-12-31", "2021-11-24", "2021-12-31", "2000-02-29", "2021-01-31"};

class RandomIr {
 public:
  // Declares the program's enums, code sets and slots on `b`, and sets its calendar's closures.
  RandomIr(uint64_t seed, ir::testing::IrTestBuilder& b);

  // A random boolean expression of 2 to `max_depth` operator levels; one in five a date window.
  const ir::Node* Criterion(int max_depth);
  // Gives every slot a random value, about one in five unknown.
  void FillFrame();

  // Takes the next choices from `bytes` (8 per choice, while they last; then the seeded
  // sequence resumes), so that a fuzzer's mutations steer the program and the frames
  // (tests/fuzz/random_ir_fuzz.cc). The bytes must outlive the generator's use of them.
  void TakeChoicesFrom(const uint8_t* bytes, size_t size) {
    choices_ = bytes;
    choices_left_ = size;
  }

  // Uniform in [0, n) and true with probability p. Stable across standard libraries.
  int R(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
  bool P(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }

 private:
  struct Element {  // a quantifier variable in scope
    ir::ValueType type;
    int32_t enum_id;
  };
  struct EnumSlots {
    int32_t id;
    int members;
    std::vector<uint32_t> slots;
    uint32_t list;
  };

  uint64_t Next();
  const ir::Node* Of(ir::ValueType type, int32_t enum_id, int depth);
  const ir::Node* Bool(int depth);
  const ir::Node* Compare(int depth);
  // `if` over two random `type` operands.
  const ir::Node* IfOf(ir::ValueType type, int32_t enum_id, int depth);
  const ir::Node* Number(int depth);
  const ir::Node* DateExpr(int depth);
  const ir::Node* Enum(int32_t enum_id, int depth);
  const ir::Node* Code(int depth);
  const ir::Node* Count(int depth);  // a small whole number: counts for date shifts
  // "Within N (business) days": a date against shifts of itself, where a day more or less shows.
  const ir::Node* DateWindow(int depth);
  // `date` moved by a small count of days, months or business days.
  const ir::Node* Shift(const ir::Node* date, int depth);
  // A quantifier over a random list (history only for kLatest).
  const ir::Node* Quantifier(ir::Op op, int depth);
  // A variable / history field bound by an enclosing quantifier, or nullptr when none is.
  const ir::Node* VarOf(ir::ValueType type, int32_t enum_id);
  const ir::Node* FieldOf(ir::HistoryField f, ir::ValueType type);
  int32_t AnyEnum() { return enums_[static_cast<size_t>(R(static_cast<int>(enums_.size())))].id; }
  const EnumSlots& EnumOf(int32_t id) const;
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[static_cast<size_t>(R(static_cast<int>(v.size())))];
  }

  uint64_t state_;
  const uint8_t* choices_ = nullptr;
  size_t choices_left_ = 0;
  ir::testing::IrTestBuilder& b_;
  std::vector<EnumSlots> enums_;
  std::vector<uint32_t> bools_, numbers_, dates_, codes_;
  uint32_t code_list_ = 0, history_ = 0;
  std::vector<int64_t> code_sets_;
  std::vector<Element> scope_;  // innermost last
};

}  // namespace mskc::property
