#include "compiler/sema/types.h"

#include <fmt/format.h>

namespace mskc::sema {

std::string Describe(const Type& t, const std::vector<ir::EnumType>& enums) {
  auto enum_name = [&](int32_t id) {
    return id >= 0 && static_cast<size_t>(id) < enums.size() ? enums[id].name : std::string("?");
  };
  switch (t.kind) {
    case TypeKind::kError: return "an invalid expression";
    case TypeKind::kBool: return "a condition (bool)";
    case TypeKind::kNumber: return "a number";
    case TypeKind::kDate: return "a date";
    case TypeKind::kDuration: return "a duration";
    case TypeKind::kEnum: return fmt::format("a value of `{}`", enum_name(t.enum_id));
    case TypeKind::kCode: return "a code";
    case TypeKind::kEnumList: return fmt::format("a list of `{}` values", enum_name(t.enum_id));
    case TypeKind::kCodeList: return "a list of codes";
    case TypeKind::kHistoryList: return "the history list";
    case TypeKind::kHistoryItem: return "a history item";
    case TypeKind::kCodeSet: return "a code set";
    case TypeKind::kString: return "a string";
    case TypeKind::kNamespace: return fmt::format("`{}` (use one of its fields)", t.ns);
  }
  return "a value";
}

ir::ValueType ToValueType(const Type& t) {
  switch (t.kind) {
    case TypeKind::kNumber: return ir::ValueType::kNumber;
    case TypeKind::kDate: return ir::ValueType::kDate;
    case TypeKind::kEnum: return ir::ValueType::kEnum;
    case TypeKind::kCode: return ir::ValueType::kCode;
    case TypeKind::kEnumList: return ir::ValueType::kEnumList;
    case TypeKind::kCodeList: return ir::ValueType::kCodeList;
    case TypeKind::kHistoryList: return ir::ValueType::kHistoryList;
    case TypeKind::kHistoryItem: return ir::ValueType::kHistoryItem;
    default: return ir::ValueType::kBool;
  }
}

}  // namespace mskc::sema
