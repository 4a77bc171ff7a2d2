#include "runtime/case/case.h"

#include <array>

namespace mskc::cases {
namespace {

// INVARIANT: each table lists the JSON spellings in enumerator order.
constexpr std::array<std::string_view, 3> kLineOfBusiness = {"commercial", "medicare", "medicaid"};
constexpr std::array<std::string_view, 2> kSetting = {"outpatient", "inpatient"};
constexpr std::array<std::string_view, 4> kSiteOfCare = {
    "outpatient_hospital", "ambulatory_surgery_center", "office", "inpatient_hospital"};
constexpr std::array<std::string_view, 4> kLaterality = {"left", "right", "bilateral", "none"};
constexpr std::array<std::string_view, 3> kSex = {"F", "M", "U"};
constexpr std::array<std::string_view, 2> kProviderRole = {"ordering", "servicing"};
constexpr std::array<std::string_view, 10> kSiteOfCareReason = {
    "no_network_asc_in_reach",
    "asc_lacks_equipment",
    "asa_class_3_or_higher",
    "bmi_over_50",
    "severe_cardiopulmonary_disease",
    "uncontrolled_sleep_apnea",
    "bleeding_disorder",
    "expected_overnight_stay",
    "age_under_18",
    "no_asc_privileges",
};

template <typename E, size_t N>
std::string_view NameOf(const std::array<std::string_view, N>& names, E v) {
  size_t i = static_cast<size_t>(v);
  return i < N ? names[i] : std::string_view();
}

}  // namespace

std::string_view ToString(LineOfBusiness v) { return NameOf(kLineOfBusiness, v); }
std::string_view ToString(Setting v) { return NameOf(kSetting, v); }
std::string_view ToString(SiteOfCare v) { return NameOf(kSiteOfCare, v); }
std::string_view ToString(Laterality v) { return NameOf(kLaterality, v); }
std::string_view ToString(Sex v) { return NameOf(kSex, v); }
std::string_view ToString(ProviderRole v) { return NameOf(kProviderRole, v); }
std::string_view ToString(SiteOfCareReason v) { return NameOf(kSiteOfCareReason, v); }

std::span<const std::string_view> Names(LineOfBusiness) { return kLineOfBusiness; }
std::span<const std::string_view> Names(Setting) { return kSetting; }
std::span<const std::string_view> Names(SiteOfCare) { return kSiteOfCare; }
std::span<const std::string_view> Names(Laterality) { return kLaterality; }
std::span<const std::string_view> Names(Sex) { return kSex; }
std::span<const std::string_view> Names(ProviderRole) { return kProviderRole; }
std::span<const std::string_view> Names(SiteOfCareReason) { return kSiteOfCareReason; }

std::optional<LineOfBusiness> ParseLineOfBusiness(std::string_view s) {
  return ParseEnum<LineOfBusiness>(s);
}
std::optional<Setting> ParseSetting(std::string_view s) { return ParseEnum<Setting>(s); }
std::optional<SiteOfCare> ParseSiteOfCare(std::string_view s) { return ParseEnum<SiteOfCare>(s); }
std::optional<Laterality> ParseLaterality(std::string_view s) { return ParseEnum<Laterality>(s); }
std::optional<Sex> ParseSex(std::string_view s) { return ParseEnum<Sex>(s); }
std::optional<ProviderRole> ParseProviderRole(std::string_view s) {
  return ParseEnum<ProviderRole>(s);
}
std::optional<SiteOfCareReason> ParseSiteOfCareReason(std::string_view s) {
  return ParseEnum<SiteOfCareReason>(s);
}

}  // namespace mskc::cases
