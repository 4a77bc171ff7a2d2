#include "tests/property/random_ir.h"

#include <string>
#include <utility>
#include <vector>

#include "runtime/core/business_calendar.h"
#include "runtime/core/code_set.h"
#include "runtime/core/date.h"

namespace mskc::property {
namespace {

using Op = ir::Op;
using VT = ir::ValueType;
using HF = ir::HistoryField;
using ir::testing::D;

const std::vector<double> kConstNumbers = {0,  -0.0, 1,  2.5, -3,  3,     4,   5,
                                           12, 30,   50, 365, 0.5, 1e300, -1e9};

}  // namespace

RandomIr::RandomIr(uint64_t seed, ir::testing::IrTestBuilder& b) : state_(seed), b_(b) {
  enums_.push_back(
      {b.AddEnum("imaging_type", {"xray", "mri", "ct", "ct_myelogram", "none"}), 5, {}, 0});
  enums_.push_back({b.AddEnum("sex", {"female", "male", "unknown"}), 3, {}, 0});

  // Slots are declared in a seed-dependent order, so offsets differ from seed to seed.
  enum Kind { kBool, kNumber, kDate, kCode, kEnum0, kEnum1, kList0, kList1, kCodeList, kHistory };
  std::vector<Kind> kinds = {kBool,  kBool,  kBool,  kNumber,   kNumber, kNumber,
                             kDate,  kDate,  kCode,  kCode,     kEnum0,  kEnum0,
                             kEnum1, kList0, kList1, kCodeList, kHistory};
  for (size_t i = kinds.size() - 1; i > 0; --i)
    std::swap(kinds[i], kinds[static_cast<size_t>(R(static_cast<int>(i) + 1))]);
  static constexpr const char* kKeys[] = {"bool",      "number", "date",         "code",
                                          "imaging",   "sex",    "imaging_list", "sex_list",
                                          "diagnoses", "history"};
  for (Kind k : kinds) {
    // `number_4`: the kind and the slot index, for readable failure messages.
    std::string key = std::string(kKeys[k]) + "_" + std::to_string(b.program().layout.slots.size());
    switch (k) {
      case kBool: bools_.push_back(b.AddSlot(key, VT::kBool)); break;
      case kNumber: numbers_.push_back(b.AddSlot(key, VT::kNumber)); break;
      case kDate: dates_.push_back(b.AddSlot(key, VT::kDate)); break;
      case kCode: codes_.push_back(b.AddSlot(key, VT::kCode)); break;
      case kEnum0: enums_[0].slots.push_back(b.AddSlot(key, VT::kEnum, enums_[0].id)); break;
      case kEnum1: enums_[1].slots.push_back(b.AddSlot(key, VT::kEnum, enums_[1].id)); break;
      case kList0: enums_[0].list = b.AddSlot(key, VT::kEnumList, enums_[0].id); break;
      case kList1: enums_[1].list = b.AddSlot(key, VT::kEnumList, enums_[1].id); break;
      case kCodeList: code_list_ = b.AddSlot(key, VT::kCodeList); break;
      case kHistory: history_ = b.AddSlot(key, VT::kHistoryList); break;
    }
  }

  CodeSet prefix_and_range, exact, ranges, empty;
  prefix_and_range.AddPrefix("M5");
  prefix_and_range.AddRange("64480", "64484");
  exact.AddExact("B");
  exact.AddExact("64483");
  ranges.AddRange("62320", "62323");
  ranges.AddPrefix("L4");
  for (CodeSet* s : {&prefix_and_range, &exact, &ranges, &empty})
    code_sets_.push_back(b.AddCodeSet(std::move(*s)));

  // Plan closures next to pool dates, and more over the random dates' span: up to 40 for a
  // quarter of the seeds, else 100 to 400 (an eighth to two fifths of the days), so that a
  // calendar mix-up moves results by days to weeks. (Frames evaluated without a context use the
  // federal calendar.)
  std::vector<Date> closures = {Date::FromDays(D("2021-03-08")), Date::FromDays(D("2021-07-06")),
                                Date::FromDays(D("2021-11-26"))};
  for (int i = P(0.25) ? R(41) : 100 + R(301); i > 0; --i)
    closures.push_back(Date::FromDays(D("2021-01-01") + R(801) - 400));
  b.calendar() = BusinessCalendar(std::move(closures));
}

uint64_t RandomIr::Next() {
  if (choices_left_ > 0) {  // fuzzer-given choices first, little-endian, zero-padded
    uint64_t v = 0;
    const size_t n = choices_left_ < 8 ? choices_left_ : 8;
    for (size_t i = 0; i < n; ++i) v |= uint64_t{choices_[i]} << (8 * i);
    choices_ += n;
    choices_left_ -= n;
    return v;
  }
  // splitmix64
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

const RandomIr::EnumSlots& RandomIr::EnumOf(int32_t id) const {
  for (const EnumSlots& e : enums_)
    if (e.id == id) return e;
  return enums_[0];
}

const ir::Node* RandomIr::Criterion(int max_depth) {
  const int depth = 2 + R(max_depth - 1);
  return P(0.2) ? DateWindow(depth) : Bool(depth);
}

const ir::Node* RandomIr::VarOf(VT type, int32_t enum_id) {
  std::vector<uint32_t> depths;
  for (size_t i = 0; i < scope_.size(); ++i) {
    const Element& e = scope_[scope_.size() - 1 - i];
    if (e.type == type && (type != VT::kEnum || e.enum_id == enum_id))
      depths.push_back(static_cast<uint32_t>(i));
  }
  if (depths.empty()) return nullptr;
  auto* n = b_.N(Op::kVar, type);
  n->var_depth = Pick(depths);
  n->enum_id = enum_id;
  return n;
}

const ir::Node* RandomIr::FieldOf(HF f, VT type) {
  std::vector<uint32_t> depths;
  for (size_t i = 0; i < scope_.size(); ++i)
    if (scope_[scope_.size() - 1 - i].type == VT::kHistoryItem)
      depths.push_back(static_cast<uint32_t>(i));
  if (depths.empty()) return nullptr;
  return b_.Field(f, type, Pick(depths));
}

const ir::Node* RandomIr::Of(VT type, int32_t enum_id, int depth) {
  switch (type) {
    case VT::kBool: return Bool(depth);
    case VT::kNumber: return Number(depth);
    case VT::kDate: return DateExpr(depth);
    case VT::kEnum: return Enum(enum_id, depth);
    default: return Code(depth);
  }
}

const ir::Node* RandomIr::Bool(int depth) {
  if (depth <= 0 || P(0.15)) {
    if (P(0.2)) return b_.B(P(0.5));
    if (P(0.3))
      if (const ir::Node* f = FieldOf(HF::kFunctionalImprovement, VT::kBool)) return f;
    return b_.S(Pick(bools_));
  }
  auto operands = [&] {
    ir::testing::IrTestBuilder::Nodes a;
    for (int i = R(5); i > 0; --i) a.push_back(Bool(depth - 1));
    return a;
  };
  auto mask = [&](int members) {
    uint64_t m = Next() & ((uint64_t{1} << members) - 1);
    return P(0.1) ? m | uint64_t{1} << 63 : m;
  };
  switch (R(16)) {
    case 0: return b_.Not(Bool(depth - 1));
    case 1: return b_.And(operands());
    case 2: return b_.Or(operands());
    case 3: {
      auto a = operands();
      return b_.AtLeast(R(static_cast<int>(a.size()) + 3) - 1, a);  // -1 .. size + 1
    }
    case 4: return IfOf(VT::kBool, -1, depth);
    case 5:
    case 6:
    case 7:
    case 14: return Compare(depth);
    case 8: {
      const int64_t set = Pick(code_sets_);
      return b_.InCodeSet(Code(depth - 1), set);
    }
    case 9: {
      const EnumSlots& e = Pick(enums_);
      const uint64_t m = mask(e.members);
      return b_.EnumMask(Op::kInEnumSet, Enum(e.id, depth - 1), m);
    }
    case 10: {
      const EnumSlots& e = Pick(enums_);
      return b_.EnumMask(Op::kListHasAny, b_.S(e.list), mask(e.members));
    }
    case 11: return Quantifier(Op::kAny, depth);
    case 12: return Quantifier(Op::kAll, depth);
    case 13: return Quantifier(Op::kLatest, depth);
    default: return b_.S(Pick(bools_));
  }
}

const ir::Node* RandomIr::IfOf(VT type, int32_t enum_id, int depth) {
  const ir::Node* c = Bool(depth - 1);
  const ir::Node* t = Of(type, enum_id, depth - 1);
  return b_.If(c, t, Of(type, enum_id, depth - 1));
}

const ir::Node* RandomIr::Compare(int depth) {
  static constexpr Op kOps[] = {Op::kEq, Op::kNe, Op::kLt, Op::kLe, Op::kGt, Op::kGe};
  static constexpr VT kTypes[] = {VT::kNumber, VT::kNumber, VT::kDate, VT::kDate,
                                  VT::kEnum,   VT::kCode,   VT::kBool};
  if (P(0.2)) return DateWindow(depth);
  const Op op = kOps[R(6)];
  const VT type = kTypes[R(7)];
  const int32_t enum_id = AnyEnum();
  const ir::Node* l = Of(type, enum_id, depth - 1);
  return b_.Cmp(op, l, Of(type, enum_id, depth - 1));
}

const ir::Node* RandomIr::DateWindow(int depth) {
  static constexpr Op kOps[] = {Op::kEq, Op::kNe, Op::kLt, Op::kLe, Op::kGt, Op::kGe};
  const Op op = kOps[R(6)];
  // The base is one node used twice, as an inlined `let` gives.
  const ir::Node* base = DateExpr(depth - 1);
  switch (R(3)) {
    case 0: {
      // The exact length of a business-day shift against a small threshold.
      const ir::Node* shifted = b_.DateOp(Op::kDateAddBusinessDays, base, Count(depth - 1));
      const double threshold = R(29) - 14;
      return b_.Cmp(op, b_.DateOp(Op::kDaysBetween, base, shifted), b_.Num(threshold));
    }
    case 1: {
      // A business-day shift against a calendar-day shift of the same date.
      const ir::Node* l = b_.DateOp(Op::kDateAddBusinessDays, base, Count(depth - 1));
      return b_.Cmp(op, l, b_.DateOp(Op::kDateAddDays, base, Count(depth - 1)));
    }
    default: {
      const ir::Node* l = Shift(base, depth);
      return b_.Cmp(op, l, P(0.5) ? base : Shift(base, depth));
    }
  }
}

const ir::Node* RandomIr::Shift(const ir::Node* date, int depth) {
  static constexpr Op kShifts[] = {Op::kDateAddDays, Op::kDateAddMonths, Op::kDateAddBusinessDays,
                                   Op::kDateAddBusinessDays};
  const Op op = kShifts[R(4)];
  return b_.DateOp(op, date, Count(depth - 1));
}

const ir::Node* RandomIr::Number(int depth) {
  if (depth <= 0 || P(0.2)) {
    if (P(0.3)) return b_.Num(Pick(kConstNumbers));
    if (P(0.3))
      if (const ir::Node* f = FieldOf(P(0.5) ? HF::kReliefPercent : HF::kReliefWeeks, VT::kNumber))
        return f;
    return b_.S(Pick(numbers_));
  }
  static constexpr Op kArith[] = {Op::kAdd, Op::kSub, Op::kMul, Op::kDiv};
  switch (R(12)) {
    case 0:
    case 1:
    case 10: {
      const Op op = kArith[R(4)];
      const ir::Node* l = Number(depth - 1);
      return b_.Arith(op, l, Number(depth - 1));
    }
    case 2: return b_.Arith(Op::kNeg, Number(depth - 1));
    case 3:
    case 4: {
      const Op op = R(2) == 0 ? Op::kDaysBetween : Op::kAgeYears;
      const ir::Node* l = DateExpr(depth - 1);
      return b_.DateOp(op, l, DateExpr(depth - 1));
    }
    case 5: {
      const uint32_t lists[] = {enums_[0].list, enums_[1].list, code_list_, history_};
      return b_.ListSize(b_.S(lists[R(4)]));
    }
    case 6: return Quantifier(Op::kCount, depth);
    case 7: return Quantifier(Op::kCountDistinct, depth);
    case 8: return IfOf(VT::kNumber, -1, depth);
    case 9: {
      // The exact length of a shift (shared node): one day more or less is observable here, as
      // when a closure moves a business day.
      const ir::Node* base = DateExpr(depth - 1);
      return b_.DateOp(Op::kDaysBetween, base, Shift(base, depth));
    }
    default: return b_.S(Pick(numbers_));
  }
}

const ir::Node* RandomIr::Count(int depth) {
  // Business-day and month shifts walk the calendar: keep their counts small.
  if (depth > 0 && P(0.1)) {
    const ir::Node* c = Bool(depth - 1);
    const ir::Node* t = Count(depth - 1);
    return b_.If(c, t, Count(depth - 1));
  }
  if (P(0.3)) return b_.S(Pick(numbers_));  // frame numbers stay within ±365
  if (P(0.2))
    if (const ir::Node* f = FieldOf(HF::kReliefWeeks, VT::kNumber)) return f;
  const double whole = R(41) - 20;
  return b_.Num(P(0.3) ? whole + (whole < 0 ? -0.7 : 0.7) : whole);  // counts truncate to zero
}

const ir::Node* RandomIr::DateExpr(int depth) {
  if (depth <= 0 || P(0.3)) {
    if (P(0.3))
      return P(0.7) ? b_.DateC(Pick(kDates)) : b_.DateDays(D("2021-01-01") + R(801) - 400);
    if (P(0.3))
      if (const ir::Node* f = FieldOf(HF::kDate, VT::kDate)) return f;
    return b_.S(Pick(dates_));
  }
  switch (R(6)) {
    case 0: {
      const ir::Node* d = DateExpr(depth - 1);
      return b_.DateOp(Op::kDateAddDays, d, Number(depth - 1));
    }
    case 1:
    case 2:
    case 3: {
      const Op op = R(3) == 0 ? Op::kDateAddMonths : Op::kDateAddBusinessDays;
      const ir::Node* d = DateExpr(depth - 1);
      return b_.DateOp(op, d, Count(depth - 1));
    }
    case 4: return IfOf(VT::kDate, -1, depth);
    default: return b_.S(Pick(dates_));
  }
}

const ir::Node* RandomIr::Enum(int32_t enum_id, int depth) {
  const EnumSlots& e = EnumOf(enum_id);
  if (P(0.4))
    if (const ir::Node* v = VarOf(VT::kEnum, enum_id)) return v;
  if (depth > 0 && P(0.2)) return IfOf(VT::kEnum, enum_id, depth);
  if (P(0.4)) return b_.EnumC(enum_id, R(e.members));
  return b_.S(Pick(e.slots));
}

const ir::Node* RandomIr::Code(int depth) {
  static constexpr HF kFields[] = {HF::kCode, HF::kCode, HF::kLevel, HF::kLaterality};
  if (P(0.4))
    if (const ir::Node* v = VarOf(VT::kCode, -1)) return v;
  if (P(0.4))
    if (const ir::Node* f = FieldOf(kFields[R(4)], VT::kCode)) return f;
  if (depth > 0 && P(0.2)) return IfOf(VT::kCode, -1, depth);
  return b_.S(Pick(codes_));
}

const ir::Node* RandomIr::Quantifier(Op op, int depth) {
  uint32_t list = history_;
  Element element{VT::kHistoryItem, -1};
  if (op != Op::kLatest) {
    switch (R(5)) {
      case 0: {
        const EnumSlots& e = Pick(enums_);
        list = e.list;
        element = {VT::kEnum, e.id};
        break;
      }
      case 1:
        list = code_list_;
        element = {VT::kCode, -1};
        break;
      default: break;  // history, the list the guidelines quantify over most
    }
  }
  scope_.push_back(element);
  const ir::Node* filter = P(0.3) ? nullptr : Bool(depth - 1);
  const ir::Node* pred = nullptr;
  if (op == Op::kCountDistinct) {
    static constexpr VT kKeys[] = {VT::kNumber, VT::kDate, VT::kEnum, VT::kCode};
    if (!P(0.1)) {
      const VT key = kKeys[R(4)];
      const int32_t enum_id = element.type == VT::kEnum ? element.enum_id : AnyEnum();
      pred = Of(key, enum_id, depth - 1);
    }
  } else if (op != Op::kCount && !P(0.1)) {
    pred = Bool(depth - 1);
  }
  scope_.pop_back();
  return b_.Quant(op, b_.S(list), filter, pred);
}

}  // namespace mskc::property
