// Sema's view of types: richer than the IR's (durations, code sets, namespaces) so that
// messages can say exactly what was expected and found.
#pragma once
#include <string>

#include "compiler/ast/ast.h"
#include "compiler/lower/rule_ir.h"

namespace mskc::sema {

enum class TypeKind : uint8_t {
  kError,  // absorbs: no further diagnostics about an expression of this type
  kBool, kNumber, kDate, kDuration, kEnum, kCode, kEnumList, kCodeList, kHistoryList,
  kHistoryItem, kCodeSet, kString, kNamespace,
};

struct Type {
  TypeKind kind = TypeKind::kError;
  int32_t enum_id = -1;                                    // kEnum / kEnumList
  ast::DurationUnit unit = ast::DurationUnit::kNone;       // kDuration
  std::string ns;                                          // kNamespace: "member" / "line"

  static Type Of(TypeKind k) { Type t; t.kind = k; return t; }
  bool is_error() const { return kind == TypeKind::kError; }
};

// "a number", "a date", "a value of `imaging_type`" — for messages.
std::string Describe(const Type& t, const std::vector<ir::EnumType>& enums);

ir::ValueType ToValueType(const Type& t);

}  // namespace mskc::sema
