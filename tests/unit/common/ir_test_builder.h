// Test helper shared by the interpreter, JIT and property suites: builds a small ir::Program by
// hand (enums, code sets, slots, nodes, guideline versions) and fills one frame for it. It knows
// nothing of either backend; each suite evaluates through its own thin wrapper.
#pragma once
#include <algorithm>
#include <cstring>
#include <deque>
#include <initializer_list>
#include <ostream>
#include <string>
#include <vector>

#include "compiler/lower/rule_ir.h"
#include "runtime/core/abi.h"
#include "runtime/core/business_calendar.h"
#include "runtime/core/code_set.h"
#include "runtime/core/date.h"
#include "runtime/core/tri.h"

namespace mskc {
inline void PrintTo(Tri t, std::ostream* os) { *os << CriterionResultName(t); }
}  // namespace mskc

namespace mskc::ir::testing {

inline constexpr Tri kT = Tri::kTrue;
inline constexpr Tri kF = Tri::kFalse;
inline constexpr Tri kU = Tri::kUnknown;

inline int32_t D(const char* ymd) { return Date::Parse(ymd)->days(); }

// A history item; the optional fields start absent.
struct Hist {
  std::string code = "64483";
  std::string date = "2021-01-01";
  std::string level, laterality;       // empty: absent
  double relief_percent = -1;          // < 0: absent
  double relief_weeks = -1;            // < 0: absent
  uint8_t functional_improvement = 2;  // a Tri byte: 2 = absent
};

inline Hist H(const char* date, double relief_percent = -1, double relief_weeks = -1,
              const char* code = "64483") {
  Hist h;
  h.date = date;
  h.code = code;
  h.relief_percent = relief_percent;
  h.relief_weeks = relief_weeks;
  return h;
}

// How AddSlot places slots in the frame. Both are valid layouts: the backends must read only
// the offsets the layout gives.
enum class SlotLayout {
  kPacked,       // each value at its natural alignment, its known byte right after
  kFixedStride,  // 24 bytes a slot: the value at its start, the known byte at +16
};

class IrTestBuilder {
 public:
  using Op = ir::Op;
  using VT = ir::ValueType;
  using Nodes = std::vector<const ir::Node*>;

  explicit IrTestBuilder(SlotLayout layout = SlotLayout::kPacked) : layout_(layout) {
    frame_.assign(1, 0);
  }
  IrTestBuilder(const IrTestBuilder&) = delete;
  IrTestBuilder& operator=(const IrTestBuilder&) = delete;

  ir::Program& program() { return p_; }
  const ir::Program& program() const { return p_; }

  int32_t AddEnum(std::string name, std::vector<std::string> members) {
    p_.enums.push_back({std::move(name), std::move(members)});
    return static_cast<int32_t>(p_.enums.size() - 1);
  }
  int64_t AddCodeSet(CodeSet set) {
    p_.code_sets.push_back(std::move(set));
    return static_cast<int64_t>(p_.code_sets.size() - 1);
  }

  // Adds an (absent) slot and returns its index.
  uint32_t AddSlot(std::string key, VT type, int32_t enum_id = -1) {
    ir::Slot s;
    s.key = std::move(key);
    s.type = type;
    s.enum_id = enum_id;
    if (layout_ == SlotLayout::kFixedStride) {
      s.value_offset = static_cast<uint32_t>(p_.layout.slots.size() * 24);
      s.known_offset = s.value_offset + 16;
      end_ = s.value_offset + 24;
    } else {
      uint32_t bytes = 16, align = 8;  // StrRef, List
      if (type == VT::kBool) bytes = align = 1;
      if (type == VT::kDate || type == VT::kEnum) bytes = align = 4;
      if (type == VT::kNumber) bytes = 8;
      s.value_offset = (end_ + align - 1) / align * align;
      s.known_offset = s.value_offset + bytes;
      end_ = s.known_offset + 1;
    }
    p_.layout.slots.push_back(s);
    p_.layout.size = (end_ + 7) / 8 * 8;
    frame_.resize(std::max<size_t>(1, p_.layout.size / 8), 0);
    return static_cast<uint32_t>(p_.layout.slots.size() - 1);
  }

  // --- frame values ---
  void SetUnknown(uint32_t slot) { Bytes()[Slot(slot).known_offset] = 0; }
  void SetBool(uint32_t slot, bool b) { Put(slot, static_cast<uint8_t>(b ? 1 : 0)); }
  void SetTri(uint32_t slot, Tri t) {
    if (t == Tri::kUnknown) {
      // Garbage under an unknown value must not leak into results.
      Put(slot, static_cast<uint8_t>(0xA5));
      SetUnknown(slot);
    } else {
      SetBool(slot, t == Tri::kTrue);
    }
  }
  void SetNumber(uint32_t slot, double x) { Put(slot, x); }
  void SetDate(uint32_t slot, const char* ymd) { Put(slot, D(ymd)); }
  void SetDateDays(uint32_t slot, int32_t days) { Put(slot, days); }
  void SetEnum(uint32_t slot, int32_t ordinal) { Put(slot, ordinal); }
  void SetCode(uint32_t slot, std::string code) { Put(slot, Str(std::move(code))); }
  void SetEnumList(uint32_t slot, std::vector<int32_t> items) {
    auto& v = int_lists_.emplace_back(std::move(items));
    Put(slot, abi::List{v.data(), static_cast<uint32_t>(v.size()), 0});
  }
  void SetCodeList(uint32_t slot, std::vector<std::string> codes) {
    auto& v = str_lists_.emplace_back();
    for (auto& c : codes) v.push_back(Str(std::move(c)));
    Put(slot, abi::List{v.data(), static_cast<uint32_t>(v.size()), 0});
  }
  void SetHistory(uint32_t slot, const std::vector<Hist>& items) {
    auto& v = hist_lists_.emplace_back();
    for (const auto& h : items) {
      abi::HistoryItem it{};
      it.code = Str(h.code);
      it.level = h.level.empty() ? abi::StrRef{nullptr, 0, 0} : Str(h.level);
      it.laterality = h.laterality.empty() ? abi::StrRef{nullptr, 0, 0} : Str(h.laterality);
      it.date = D(h.date.c_str());
      it.relief_percent_known = h.relief_percent >= 0;
      it.relief_percent = h.relief_percent >= 0 ? h.relief_percent : 0;
      it.relief_weeks_known = h.relief_weeks >= 0;
      it.relief_weeks = h.relief_weeks >= 0 ? h.relief_weeks : 0;
      it.functional_improvement = h.functional_improvement;
      v.push_back(it);
    }
    Put(slot, abi::List{v.data(), static_cast<uint32_t>(v.size()), 0});
  }

  // --- nodes (each gets a distinct span so `deciding` can be checked by node) ---
  ir::Node* N(Op op, VT type, Nodes a = {}) {
    ir::Node* n = p_.arena.New();
    n->op = op;
    n->type = type;
    n->a = std::move(a);
    n->span = source::Span{0, next_span_, next_span_ + 1};
    ++next_span_;
    return n;
  }
  const ir::Node* B(bool b) {
    auto* n = N(Op::kBoolConst, VT::kBool);
    n->bool_value = b;
    return n;
  }
  const ir::Node* Num(double x) {
    auto* n = N(Op::kNumberConst, VT::kNumber);
    n->number_value = x;
    return n;
  }
  const ir::Node* DateC(const char* ymd) { return DateDays(D(ymd)); }
  const ir::Node* DateDays(int32_t days) {
    auto* n = N(Op::kDateConst, VT::kDate);
    n->date_value = days;
    return n;
  }
  const ir::Node* EnumC(int32_t enum_id, int64_t ordinal) {
    auto* n = N(Op::kEnumConst, VT::kEnum);
    n->enum_id = enum_id;
    n->int_value = ordinal;
    return n;
  }
  const ir::Node* S(uint32_t slot) {
    auto* n = N(Op::kSlot, Slot(slot).type);
    n->slot = slot;
    n->enum_id = Slot(slot).enum_id;
    return n;
  }
  const ir::Node* Var(VT type, uint32_t depth = 0) {
    auto* n = N(Op::kVar, type);
    n->var_depth = depth;
    return n;
  }
  const ir::Node* Field(ir::HistoryField f, VT type, uint32_t depth = 0) {
    auto* n = N(Op::kField, type, {Var(VT::kHistoryItem, depth)});
    n->field = f;
    return n;
  }
  const ir::Node* Not(const ir::Node* x) { return N(Op::kNot, VT::kBool, {x}); }
  const ir::Node* And(Nodes a) { return N(Op::kAnd, VT::kBool, std::move(a)); }
  const ir::Node* Or(Nodes a) { return N(Op::kOr, VT::kBool, std::move(a)); }
  const ir::Node* AtLeast(int64_t k, Nodes a) {
    auto* n = N(Op::kAtLeast, VT::kBool, std::move(a));
    n->int_value = k;
    return n;
  }
  const ir::Node* If(const ir::Node* c, const ir::Node* t, const ir::Node* e) {
    auto* n = N(Op::kIf, t->type, {c, t, e});
    n->enum_id = t->enum_id;
    return n;
  }
  const ir::Node* Cmp(Op op, const ir::Node* l, const ir::Node* r) {
    return N(op, VT::kBool, {l, r});
  }
  const ir::Node* Arith(Op op, const ir::Node* l, const ir::Node* r = nullptr) {
    return r ? N(op, VT::kNumber, {l, r}) : N(op, VT::kNumber, {l});
  }
  const ir::Node* DateOp(Op op, const ir::Node* l, const ir::Node* r) {
    VT t = (op == Op::kDaysBetween || op == Op::kAgeYears) ? VT::kNumber : VT::kDate;
    return N(op, t, {l, r});
  }
  const ir::Node* InCodeSet(const ir::Node* code, int64_t set) {
    auto* n = N(Op::kInCodeSet, VT::kBool, {code});
    n->int_value = set;
    return n;
  }
  const ir::Node* InEnumSet(Op op, const ir::Node* x, std::initializer_list<int> ordinals) {
    uint64_t mask = 0;
    for (int o : ordinals) mask |= uint64_t{1} << o;
    return EnumMask(op, x, mask);
  }
  // kInEnumSet / kListHasAny with the bitmask given directly.
  const ir::Node* EnumMask(Op op, const ir::Node* x, uint64_t mask) {
    auto* n = N(op, VT::kBool, {x});
    n->enum_set = mask;
    return n;
  }
  const ir::Node* ListSize(const ir::Node* l) { return N(Op::kListSize, VT::kNumber, {l}); }
  const ir::Node* Quant(Op op, const ir::Node* list, const ir::Node* filter, const ir::Node* pred) {
    VT t = (op == Op::kCount || op == Op::kCountDistinct) ? VT::kNumber : VT::kBool;
    return N(op, t, {list, filter, pred});
  }

  // --- guidelines ---
  // A criterion with just an id and an expression; its other fields keep their defaults.
  static ir::Criterion CriterionOf(std::string id, const ir::Node* expr) {
    ir::Criterion c;
    c.id = std::move(id);
    c.expr = expr;
    return c;
  }
  // Appends a version holding `criteria` (ids c0, c1, ...) to guideline `guideline_id`, which is
  // created when new. Versions start 2018-01-01 and follow one a year.
  ir::Version& AddVersion(const std::string& guideline_id, const Nodes& criteria) {
    auto it = std::find_if(p_.guidelines.begin(), p_.guidelines.end(),
                           [&](const ir::Guideline& g) { return g.id == guideline_id; });
    if (it == p_.guidelines.end()) {
      p_.guidelines.emplace_back().id = guideline_id;
      it = p_.guidelines.end() - 1;
    }
    ir::Version& version = it->versions.emplace_back();
    version.label = std::to_string(2018 + it->versions.size() - 1) + "-01-01";
    version.start = *Date::Parse(version.label);
    for (size_t i = 0; i < criteria.size(); ++i)
      version.criteria.push_back(CriterionOf("c" + std::to_string(i), criteria[i]));
    return version;
  }
  // Makes `criteria` the only version of the only guideline ("test").
  ir::Version& SetCriteria(const Nodes& criteria) {
    p_.guidelines.clear();
    return AddVersion("test", criteria);
  }

  // --- evaluation inputs ---
  abi::EvalContext Ctx() {
    code_set_ptrs_.clear();
    for (const auto& c : p_.code_sets) code_set_ptrs_.push_back(&c);
    return abi::EvalContext{&calendar_, code_set_ptrs_.data()};
  }
  const uint8_t* frame() { return Bytes(); }
  BusinessCalendar& calendar() { return calendar_; }

 private:
  const ir::Slot& Slot(uint32_t i) const { return p_.layout.slots[i]; }
  uint8_t* Bytes() { return reinterpret_cast<uint8_t*>(frame_.data()); }
  template <typename T>
  void Put(uint32_t slot, const T& v) {
    std::memcpy(Bytes() + Slot(slot).value_offset, &v, sizeof v);
    Bytes()[Slot(slot).known_offset] = 1;
  }
  abi::StrRef Str(std::string s) {
    const std::string& kept = strings_.emplace_back(std::move(s));
    return abi::StrRef{kept.data(), static_cast<uint32_t>(kept.size()), 0};
  }

  SlotLayout layout_;
  ir::Program p_;
  uint32_t end_ = 0;
  std::vector<uint64_t> frame_;  // 8-byte aligned
  // Owners of what frame values point to: deques, so earlier values stay valid.
  std::deque<std::string> strings_;
  std::deque<std::vector<int32_t>> int_lists_;
  std::deque<std::vector<abi::StrRef>> str_lists_;
  std::deque<std::vector<abi::HistoryItem>> hist_lists_;
  std::vector<const void*> code_set_ptrs_;
  BusinessCalendar calendar_;
  uint32_t next_span_ = 0;
};

}  // namespace mskc::ir::testing
