// The kind of a guideline family decides its validity window (P12), soft-launch coverage (P9)
// and the smoking note (P10).
#pragma once
#include <optional>
#include <string_view>

namespace mskc {

enum class FamilyKind : uint8_t { kPainManagement, kSpine, kJoint };

constexpr std::string_view FamilyKindName(FamilyKind k) {
  switch (k) {
    case FamilyKind::kPainManagement: return "pain_management";
    case FamilyKind::kSpine: return "spine";
    case FamilyKind::kJoint: return "joint";
  }
  return "pain_management";
}
inline std::optional<FamilyKind> ParseFamilyKind(std::string_view s) {
  if (s == "pain_management") return FamilyKind::kPainManagement;
  if (s == "spine") return FamilyKind::kSpine;
  if (s == "joint") return FamilyKind::kJoint;
  return std::nullopt;
}

}  // namespace mskc
