#include "runtime/core/reason_code.h"

#include <array>

namespace mskc {
namespace {

// Indexed by the enumerator; same order as the table in determination-format.md.
constexpr std::array<std::string_view, kReasonCodeCount> kNames = {
    "MANUAL_REVIEW",
    "NOT_MANAGED",
    "EMERGENCY_EXEMPT",
    "NOTIFICATION_ONLY",
    "MEMBER_NOT_ENROLLED",
    "BENEFIT_NOT_COVERED",
    "SERVICING_PROVIDER_CANNOT_ORDER",
    "RETRO_WINDOW_EXCEEDED",
    "CRITERIA_NOT_MET",
    "MISSING_INFORMATION",
    "SOFT_LAUNCH_EDUCATION",
    "SITE_OF_CARE_REVIEW",
    "SMOKING_CESSATION_REQUIRED",
    "DUPLICATE_ORDER",
    "INFO_NOT_PROVIDED",
    "RECONSIDERATION_WINDOW_EXCEEDED",
};
static_assert(static_cast<int>(ReasonCode::kReconsiderationWindowExceeded) + 1 == kReasonCodeCount);

}  // namespace

std::string_view ReasonCodeName(ReasonCode c) { return kNames[static_cast<size_t>(c)]; }

std::optional<ReasonCode> ParseReasonCode(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i)
    if (kNames[i] == name) return static_cast<ReasonCode>(i);
  return std::nullopt;
}

std::vector<ReasonCode> ReasonCodeSet::ToVector() const {
  std::vector<ReasonCode> out;
  for (int i = 0; i < kReasonCodeCount; ++i) {
    auto c = static_cast<ReasonCode>(i);
    if (Has(c)) out.push_back(c);
  }
  return out;
}

}  // namespace mskc
