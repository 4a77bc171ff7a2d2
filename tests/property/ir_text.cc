#include "tests/property/ir_text.h"

#include <cstring>
#include <sstream>

#include "runtime/core/abi.h"
#include "runtime/core/date.h"

namespace mskc::property {
namespace {

using Op = ir::Op;
using VT = ir::ValueType;

std::string DateText(int32_t days) { return Date::FromDays(days).ToString(); }

std::string StrText(const abi::StrRef& s) {
  if (s.data == nullptr) return "absent";
  return "\"" + std::string(s.data, s.size) + "\"";
}

template <typename T>
T Load(const uint8_t* p) {
  T v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

std::string HistoryText(const abi::HistoryItem& h) {
  std::ostringstream os;
  os << "{code " << StrText(h.code) << ", date " << DateText(h.date) << ", level "
     << StrText(h.level) << ", laterality " << StrText(h.laterality) << ", relief_percent ";
  if (h.relief_percent_known)
    os << h.relief_percent;
  else
    os << "absent";
  os << ", relief_weeks ";
  if (h.relief_weeks_known)
    os << h.relief_weeks;
  else
    os << "absent";
  os << ", functional_improvement " << static_cast<int>(h.functional_improvement) << "}";
  return os.str();
}

}  // namespace

std::string_view OpName(Op op) {
  switch (op) {
    case Op::kBoolConst: return "bool";
    case Op::kNumberConst: return "number";
    case Op::kDateConst: return "date";
    case Op::kEnumConst: return "enum";
    case Op::kSlot: return "slot";
    case Op::kVar: return "var";
    case Op::kField: return "field";
    case Op::kNot: return "not";
    case Op::kAnd: return "and";
    case Op::kOr: return "or";
    case Op::kAtLeast: return "at-least";
    case Op::kIf: return "if";
    case Op::kEq: return "=";
    case Op::kNe: return "!=";
    case Op::kLt: return "<";
    case Op::kLe: return "<=";
    case Op::kGt: return ">";
    case Op::kGe: return ">=";
    case Op::kAdd: return "+";
    case Op::kSub: return "-";
    case Op::kMul: return "*";
    case Op::kDiv: return "/";
    case Op::kNeg: return "neg";
    case Op::kDateAddDays: return "add-days";
    case Op::kDateAddMonths: return "add-months";
    case Op::kDateAddBusinessDays: return "add-business-days";
    case Op::kDaysBetween: return "days-between";
    case Op::kAgeYears: return "age-years";
    case Op::kInCodeSet: return "in-code-set";
    case Op::kInEnumSet: return "in-enum-set";
    case Op::kListHasAny: return "list-has-any";
    case Op::kListSize: return "list-size";
    case Op::kAny: return "any";
    case Op::kAll: return "all";
    case Op::kCount: return "count";
    case Op::kCountDistinct: return "count-distinct";
    case Op::kLatest: return "latest";
  }
  return "?";
}

std::string ExprText(const ir::Program& program, const ir::Node* n) {
  if (n == nullptr) return "_";
  std::ostringstream os;
  switch (n->op) {
    case Op::kBoolConst: return n->bool_value ? "true" : "false";
    case Op::kNumberConst: os << n->number_value; return os.str();
    case Op::kDateConst: return DateText(n->date_value);
    case Op::kEnumConst: os << "#" << n->int_value; return os.str();
    case Op::kSlot:
      return n->slot < program.layout.slots.size() ? program.layout.slots[n->slot].key : "s?";
    case Op::kVar: os << "$" << n->var_depth; return os.str();
    case Op::kField:
      os << ExprText(program, n->a.empty() ? nullptr : n->a[0]) << "."
         << ir::HistoryFieldKey(n->field).substr(sizeof("history.") - 1);
      return os.str();
    default: break;
  }
  os << "(" << OpName(n->op);
  if (n->op == Op::kAtLeast) os << " " << n->int_value;
  if (n->op == Op::kInCodeSet) {
    const auto id = static_cast<size_t>(n->int_value);
    os << " {" << (id < program.code_sets.size() ? program.code_sets[id].ToString() : "?") << "}";
  }
  if (n->op == Op::kInEnumSet || n->op == Op::kListHasAny)
    os << " 0x" << std::hex << n->enum_set << std::dec;
  for (const ir::Node* a : n->a) os << " " << ExprText(program, a);
  os << ")";
  return os.str();
}

std::string FrameText(const ir::Program& program, const uint8_t* frame) {
  std::ostringstream os;
  for (const ir::Slot& s : program.layout.slots) {
    os << s.key << " = ";
    const uint8_t* p = frame + s.value_offset;
    if (frame[s.known_offset] == 0) {
      os << "unknown\n";
      continue;
    }
    switch (s.type) {
      case VT::kBool: os << (p[0] != 0 ? "true" : "false"); break;
      case VT::kNumber: os << Load<double>(p); break;
      case VT::kDate: os << DateText(Load<int32_t>(p)); break;
      case VT::kEnum: os << "#" << Load<int32_t>(p); break;
      case VT::kCode: os << StrText(Load<abi::StrRef>(p)); break;
      case VT::kEnumList:
      case VT::kCodeList:
      case VT::kHistoryList: {
        const auto list = Load<abi::List>(p);
        os << "[";
        for (uint32_t i = 0; i < list.size; ++i) {
          if (i > 0) os << ", ";
          if (s.type == VT::kEnumList) os << "#" << static_cast<const int32_t*>(list.items)[i];
          if (s.type == VT::kCodeList)
            os << StrText(static_cast<const abi::StrRef*>(list.items)[i]);
          if (s.type == VT::kHistoryList)
            os << HistoryText(static_cast<const abi::HistoryItem*>(list.items)[i]);
        }
        os << "]";
        break;
      }
      case VT::kHistoryItem: os << "?"; break;
    }
    os << "\n";
  }
  return os.str();
}

void ForEachNode(const ir::Node* n, const std::function<void(const ir::Node&)>& f) {
  if (n == nullptr) return;
  f(*n);
  for (const ir::Node* a : n->a) ForEachNode(a, f);
}

}  // namespace mskc::property
