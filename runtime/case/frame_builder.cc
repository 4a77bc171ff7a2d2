#include "runtime/case/frame_builder.h"

#include <cstring>
#include <string_view>
#include <type_traits>

#include "runtime/core/tri.h"

namespace mskc::cases {
namespace {

using ir::ValueType;

abi::StrRef Ref(std::string_view s) {
  return abi::StrRef{s.data(), static_cast<uint32_t>(s.size()), 0};
}

size_t ValueSize(ValueType t) {
  switch (t) {
    case ValueType::kBool:
      return 1;
    case ValueType::kNumber:
      return sizeof(double);
    case ValueType::kDate:
    case ValueType::kEnum:
      return sizeof(int32_t);
    case ValueType::kCode:
      return sizeof(abi::StrRef);
    case ValueType::kEnumList:
    case ValueType::kCodeList:
    case ValueType::kHistoryList:
      return sizeof(abi::List);
    case ValueType::kHistoryItem:
      return sizeof(abi::HistoryItem);
  }
  return 0;
}

bool IsLineKey(std::string_view key) { return key.starts_with("line."); }

abi::HistoryItem ToItem(const HistoryRecord& h) {
  abi::HistoryItem item{};
  item.code = Ref(h.code);
  item.level = h.level ? Ref(*h.level) : abi::StrRef{h.code.data(), 0, 0};
  item.laterality = h.laterality ? Ref(*h.laterality) : abi::StrRef{h.code.data(), 0, 0};
  item.relief_percent = h.relief_percent.value_or(0);
  item.relief_weeks = h.relief_weeks.value_or(0);
  item.date = h.date.days();
  item.relief_percent_known = h.relief_percent.has_value();
  item.relief_weeks_known = h.relief_weeks.has_value();
  item.functional_improvement = static_cast<uint8_t>(
      h.functional_improvement ? TriOf(*h.functional_improvement) : Tri::kUnknown);
  return item;
}

}  // namespace

CaseFrame::CaseFrame(const ir::Program& program, const Case& c)
    : CaseFrame(program.layout, program.enums, c) {}

CaseFrame::CaseFrame(const ir::FrameLayout& layout, const std::vector<ir::EnumType>& enums,
                     const Case& c)
    : layout_(&layout), enums_(&enums), case_(&c), size_(layout.size) {
  buffer_.assign((static_cast<size_t>(size_) + 7) / 8, 0);
  for (const std::string& d : c.diagnoses) diagnoses_.push_back(Ref(d));
  Date dos = c.EffectiveDateOfService();
  for (const HistoryRecord& h : c.history) {
    if (h.date < dos) history_.push_back(ToItem(h));  // only services before the DOS count
  }
  for (const ir::Slot& slot : layout.slots) {
    if (slot.builtin && IsLineKey(slot.key)) {
      line_slots_.push_back(&slot);
    } else {
      FillCaseSlot(slot);
    }
  }
}

template <typename T>
void CaseFrame::Write(const ir::Slot& slot, ValueType type, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  // A slot declared with another type than the case gives stays unknown.
  if (slot.type != type || sizeof(T) != ValueSize(type)) return;
  if (static_cast<size_t>(slot.value_offset) + sizeof(T) > size_) return;
  std::memcpy(reinterpret_cast<uint8_t*>(buffer_.data()) + slot.value_offset, &value, sizeof(T));
  WriteKnown(slot, true);
}

void CaseFrame::WriteKnown(const ir::Slot& slot, bool known) {
  if (slot.known_offset >= size_) return;
  reinterpret_cast<uint8_t*>(buffer_.data())[slot.known_offset] = known ? 1 : 0;
}

void CaseFrame::WriteList(const ir::Slot& slot, ValueType type, const void* items, size_t size) {
  Write(slot, type, abi::List{items, static_cast<uint32_t>(size), 0});
}

int32_t CaseFrame::Ordinal(const ir::Slot& slot, std::string_view member) const {
  if (slot.enum_id < 0 || static_cast<size_t>(slot.enum_id) >= enums_->size()) return -1;
  const auto& members = (*enums_)[slot.enum_id].members;
  for (size_t i = 0; i < members.size(); ++i) {
    if (members[i] == member) return static_cast<int32_t>(i);
  }
  return -1;
}

const std::vector<int32_t>& CaseFrame::Ordinals(const ir::Slot& slot,
                                                const std::vector<std::string_view>& members) {
  std::vector<int32_t>& out = ordinal_lists_.emplace_back();
  out.reserve(members.size());
  for (std::string_view m : members) out.push_back(Ordinal(slot, m));
  return out;
}

void CaseFrame::FillCaseSlot(const ir::Slot& slot) {
  if (slot.builtin) {
    FillBuiltin(slot);
  } else {
    FillClinical(slot);
  }
}

void CaseFrame::FillBuiltin(const ir::Slot& slot) {
  const Case& c = *case_;
  const std::string& key = slot.key;
  if (key == "date_of_service") {
    Write(slot, ValueType::kDate, c.EffectiveDateOfService().days());
  } else if (key == "submitted_on") {
    Write(slot, ValueType::kDate, c.submitted_on.days());
  } else if (key == "member.birth_date") {
    Write(slot, ValueType::kDate, c.member.birth_date.days());
  } else if (key == "member.age") {
    Write(slot, ValueType::kNumber,
          static_cast<double>(AgeInYears(c.member.birth_date, c.EffectiveDateOfService())));
  } else if (key == "member.sex") {
    Write(slot, ValueType::kEnum, Ordinal(slot, ToString(c.member.sex)));
  } else if (key == "diagnoses") {
    WriteList(slot, ValueType::kCodeList, diagnoses_.data(), diagnoses_.size());
  } else if (key == "history") {
    WriteList(slot, ValueType::kHistoryList, history_.data(), history_.size());
  } else if (key == "setting") {
    Write(slot, ValueType::kEnum, Ordinal(slot, ToString(c.setting)));
  } else if (key == "site_of_care") {
    Write(slot, ValueType::kEnum, Ordinal(slot, ToString(c.site_of_care)));
  } else if (key == "site_of_care_reasons") {
    std::vector<std::string_view> names;
    for (SiteOfCareReason r : c.site_of_care_reasons) names.push_back(ToString(r));
    const auto& ordinals = Ordinals(slot, names);
    WriteList(slot, ValueType::kEnumList, ordinals.data(), ordinals.size());
  } else if (key == "urgent") {
    Write(slot, ValueType::kBool, static_cast<uint8_t>(c.urgent));
  } else if (key == "emergency") {
    Write(slot, ValueType::kBool, static_cast<uint8_t>(c.emergency));
  } else if (key == "line_of_business") {
    Write(slot, ValueType::kEnum, Ordinal(slot, ToString(c.line_of_business)));
  } else if (key == "requested_los_days") {
    if (c.requested_los_days)
      Write(slot, ValueType::kNumber, static_cast<double>(*c.requested_los_days));
  }
  // Any other builtin key stays unknown.
}

void CaseFrame::FillClinical(const ir::Slot& slot) {
  auto it = case_->clinical.find(slot.key);
  if (it == case_->clinical.end()) return;
  const ClinicalValue& value = it->second;
  switch (slot.type) {
    case ValueType::kBool:
      if (const bool* b = std::get_if<bool>(&value))
        Write(slot, ValueType::kBool, static_cast<uint8_t>(*b));
      break;
    case ValueType::kNumber:
      if (const double* d = std::get_if<double>(&value)) Write(slot, ValueType::kNumber, *d);
      break;
    case ValueType::kDate:
      if (const Date* d = std::get_if<Date>(&value)) Write(slot, ValueType::kDate, d->days());
      break;
    case ValueType::kEnum:
      if (const std::string* s = std::get_if<std::string>(&value))
        Write(slot, ValueType::kEnum, Ordinal(slot, *s));
      break;
    case ValueType::kCode:
      if (const std::string* s = std::get_if<std::string>(&value))
        Write(slot, ValueType::kCode, Ref(*s));
      break;
    case ValueType::kEnumList:
      if (const auto* list = std::get_if<std::vector<std::string>>(&value)) {
        std::vector<std::string_view> names(list->begin(), list->end());
        const auto& ordinals = Ordinals(slot, names);
        WriteList(slot, ValueType::kEnumList, ordinals.data(), ordinals.size());
      }
      break;
    default:
      break;  // no clinical fact has another shape
  }
}

void CaseFrame::SetLine(const ProcedureLine& line) {
  line_modifiers_.clear();
  for (const std::string& m : line.modifiers) line_modifiers_.push_back(Ref(m));
  for (const ir::Slot* slot : line_slots_) FillLineSlot(*slot, line);
}

void CaseFrame::FillLineSlot(const ir::Slot& slot, const ProcedureLine& line) {
  WriteKnown(slot, false);
  const std::string& key = slot.key;
  if (key == "line.code") {
    Write(slot, ValueType::kCode, Ref(line.code));
  } else if (key == "line.units") {
    Write(slot, ValueType::kNumber, static_cast<double>(line.units));
  } else if (key == "line.revision") {
    Write(slot, ValueType::kBool, static_cast<uint8_t>(line.revision));
  } else if (key == "line.laterality") {
    Write(slot, ValueType::kEnum, Ordinal(slot, ToString(line.laterality)));
  } else if (key == "line.modifiers") {
    WriteList(slot, ValueType::kCodeList, line_modifiers_.data(), line_modifiers_.size());
  } else if (key == "line.level") {
    if (!line.level.empty()) Write(slot, ValueType::kCode, Ref(line.level));
  }
}

}  // namespace mskc::cases
