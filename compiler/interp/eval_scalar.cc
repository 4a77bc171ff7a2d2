// Leaves (slots, quantifier variables, history fields), comparisons, arithmetic, date
// arithmetic and membership tests. Dates, business days, ages and code sets go through the
// runtime helpers the JIT calls too (runtime/core/helpers_abi.h).
#include <cmath>
#include <cstring>
#include <limits>
#include <string_view>

#include "compiler/interp/walker.h"
#include "runtime/core/helpers_abi.h"

namespace mskc::interp::internal {
namespace {

using ir::Op;
using ir::ValueType;

template <typename T>
bool Compare(Op op, const T& a, const T& b) {
  switch (op) {
    case Op::kEq: return a == b;
    case Op::kNe: return a != b;
    case Op::kLt: return a < b;
    case Op::kLe: return a <= b;
    case Op::kGt: return a > b;
    case Op::kGe: return a >= b;
    default: return false;
  }
}

std::string_view View(const abi::StrRef& s) { return {s.data, s.size}; }

bool InMask(uint64_t mask, int32_t ordinal) {
  return ordinal >= 0 && ordinal < 64 && ((mask >> ordinal) & 1u) != 0;
}

// Reads a T at byte `p` of the frame (frames are byte buffers; no alignment assumed).
template <typename T>
T Load(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

}  // namespace

int32_t TruncToInt32(double x) {
  if (std::isnan(x)) return 0;
  if (x >= 2147483647.0) return std::numeric_limits<int32_t>::max();
  if (x <= -2147483648.0) return std::numeric_limits<int32_t>::min();
  return static_cast<int32_t>(x);  // the conversion truncates toward zero
}

Value Walker::EvalSlot(const ir::Node& n) {
  const ir::Slot& s = program_.layout.slots[n.slot];
  Value v = Value::Unknown(s.type);
  if (frame_[s.known_offset] != 0) {
    const uint8_t* p = frame_ + s.value_offset;
    switch (s.type) {
      case ValueType::kBool: v = Value::Bool(*p != 0); break;
      case ValueType::kNumber: v = Value::Number(Load<double>(p)); break;
      case ValueType::kDate:
      case ValueType::kEnum: v = Value::Int(s.type, Load<int32_t>(p)); break;
      case ValueType::kCode: v = Value::Code(Load<abi::StrRef>(p)); break;
      case ValueType::kEnumList:
      case ValueType::kCodeList:
      case ValueType::kHistoryList: v = Value::List(s.type, Load<abi::List>(p)); break;
      case ValueType::kHistoryItem: break;  // never a slot type
    }
  }
  if (sink_ != nullptr) {
    RecordRead(s.key, v, s.enum_id, /*latest_wins=*/false);
    if (!v.known) sink_->candidates.push_back(s.key);
  }
  return v;
}

Value Walker::EvalVar(const ir::Node& n) const {
  if (n.var_depth >= static_cast<uint32_t>(depth_)) return Value::Unknown(n.type);
  return vars_[depth_ - 1 - static_cast<int>(n.var_depth)];
}

Value Walker::EvalField(const ir::Node& n) {
  Value base = Eval(*n.a[0]);
  if (!base.known || base.type != ValueType::kHistoryItem) return Value::Unknown(n.type);
  const abi::HistoryItem& it = *base.item;
  Value v = Value::Unknown(n.type);
  switch (n.field) {
    case ir::HistoryField::kCode: v = Value::Code(it.code); break;
    case ir::HistoryField::kDate: v = Value::Int(ValueType::kDate, it.date); break;
    case ir::HistoryField::kLevel:
      v = it.level.size > 0 ? Value::Code(it.level) : Value::Unknown(ValueType::kCode);
      break;
    case ir::HistoryField::kLaterality:
      v = it.laterality.size > 0 ? Value::Code(it.laterality) : Value::Unknown(ValueType::kCode);
      break;
    case ir::HistoryField::kReliefPercent:
      v = it.relief_percent_known ? Value::Number(it.relief_percent)
                                  : Value::Unknown(ValueType::kNumber);
      break;
    case ir::HistoryField::kReliefWeeks:
      v = it.relief_weeks_known ? Value::Number(it.relief_weeks)
                                : Value::Unknown(ValueType::kNumber);
      break;
    case ir::HistoryField::kFunctionalImprovement:
      v = Value::FromTri(it.functional_improvement <= 1 ? static_cast<Tri>(it.functional_improvement)
                                                        : Tri::kUnknown);
      break;
  }
  if (sink_ != nullptr) {
    std::string_view key = ir::HistoryFieldKey(n.field);
    RecordRead(key, v, -1, /*latest_wins=*/true);
    if (!v.known) sink_->candidates.push_back(key);
  }
  return v;
}

Value Walker::EvalCompare(const ir::Node& n) {
  Value l = Eval(*n.a[0]);
  if (!l.known && sink_ == nullptr) return Value::Unknown(ValueType::kBool);
  Value r = Eval(*n.a[1]);
  if (!l.known || !r.known) return Value::Unknown(ValueType::kBool);
  // The operands' own type decides (a field read carries its runtime type).
  switch (l.type) {
    case ValueType::kNumber: return Value::Bool(Compare(n.op, l.num, r.num));
    case ValueType::kDate:
    case ValueType::kEnum: return Value::Bool(Compare(n.op, l.i, r.i));
    case ValueType::kBool: return Value::Bool(Compare(n.op, l.b, r.b));
    case ValueType::kCode: return Value::Bool(Compare(n.op, View(l.str()), View(r.str())));
    default: return Value::Unknown(ValueType::kBool);
  }
}

Value Walker::EvalArith(const ir::Node& n) {
  Value l = Eval(*n.a[0]);
  if (n.op == Op::kNeg) return l.known ? Value::Number(-l.num) : Value::Unknown(ValueType::kNumber);
  if (!l.known && sink_ == nullptr) return Value::Unknown(ValueType::kNumber);
  Value r = Eval(*n.a[1]);
  if (!l.known || !r.known) return Value::Unknown(ValueType::kNumber);
  switch (n.op) {
    case Op::kAdd: return Value::Number(l.num + r.num);
    case Op::kSub: return Value::Number(l.num - r.num);
    case Op::kMul: return Value::Number(l.num * r.num);
    case Op::kDiv:
      if (r.num == 0) return Value::Unknown(ValueType::kNumber);
      return Value::Number(l.num / r.num);
    default: return Value::Unknown(ValueType::kNumber);
  }
}

Value Walker::EvalDate(const ir::Node& n) {
  Value a = Eval(*n.a[0]);
  if (!a.known && sink_ == nullptr) return Value::Unknown(n.type);
  Value b = Eval(*n.a[1]);
  if (!a.known || !b.known) return Value::Unknown(n.type);
  switch (n.op) {
    case Op::kDateAddDays: {
      // Wrapping add, as the JIT's plain i32 add.
      uint32_t d = static_cast<uint32_t>(a.i) + static_cast<uint32_t>(TruncToInt32(b.num));
      return Value::Int(ValueType::kDate, static_cast<int32_t>(d));
    }
    case Op::kDateAddMonths:
      return Value::Int(ValueType::kDate, mskc_date_add_months(a.i, TruncToInt32(b.num)));
    case Op::kDateAddBusinessDays:  // a null calendar means the federal one (helper's rule)
      return Value::Int(ValueType::kDate,
                        mskc_date_add_business_days(a.i, TruncToInt32(b.num), ctx_.calendar));
    case Op::kDaysBetween:
      return Value::Number(static_cast<double>(b.i) - static_cast<double>(a.i));
    case Op::kAgeYears: return Value::Number(mskc_age_years(a.i, b.i));
    default: return Value::Unknown(n.type);
  }
}

Value Walker::EvalMembership(const ir::Node& n) {
  Value a = Eval(*n.a[0]);
  if (n.op == Op::kListSize) {
    return a.known ? Value::Number(static_cast<double>(a.size))
                   : Value::Unknown(ValueType::kNumber);
  }
  if (!a.known) return Value::Unknown(ValueType::kBool);
  switch (n.op) {
    case Op::kInCodeSet: {
      // A null set contains nothing (the helper's rule, as in JIT code).
      const void* set = CodeSetFor(n.int_value);
      return Value::Bool(mskc_codeset_contains(set, a.data, a.size) != 0);
    }
    case Op::kInEnumSet: return Value::Bool(InMask(n.enum_set, a.i));
    case Op::kListHasAny: {
      const auto* items = static_cast<const int32_t*>(a.items);
      for (uint32_t i = 0; i < a.size; ++i)
        if (InMask(n.enum_set, items[i])) return Value::Bool(true);
      return Value::Bool(false);
    }
    default: return Value::Unknown(ValueType::kBool);
  }
}

}  // namespace mskc::interp::internal
