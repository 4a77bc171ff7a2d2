// One prior-authorization request, decoded once from JSON (case-format.md) into typed values.
// Everything downstream reads this, never the JSON.
#pragma once
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "runtime/core/date.h"

namespace mskc::cases {

enum class LineOfBusiness : uint8_t { kCommercial, kMedicare, kMedicaid };
enum class Setting : uint8_t { kOutpatient, kInpatient };
enum class SiteOfCare : uint8_t { kOutpatientHospital, kAmbulatorySurgeryCenter, kOffice, kInpatientHospital };
enum class Laterality : uint8_t { kLeft, kRight, kBilateral, kNone };
enum class Sex : uint8_t { kF, kM, kU };
enum class ProviderRole : uint8_t { kOrdering, kServicing };
enum class SiteOfCareReason : uint8_t {
  kNoNetworkAscInReach, kAscLacksEquipment, kAsaClass3OrHigher, kBmiOver50,
  kSevereCardiopulmonaryDisease, kUncontrolledSleepApnea, kBleedingDisorder,
  kExpectedOvernightStay, kAgeUnder18, kNoAscPrivileges,
};

struct ProcedureLine {
  std::string code;
  int units = 1;
  std::string level;  // empty when absent
  Laterality laterality = Laterality::kNone;
  bool revision = false;
  std::vector<std::string> modifiers;
};

struct Member {
  std::string id;
  Date birth_date;
  Sex sex = Sex::kU;
  bool enrolled = true;
  bool benefit_covers_service = true;
};

struct Provider {
  std::string npi;
  ProviderRole role = ProviderRole::kOrdering;
  bool in_network = true;
};

struct Facility {
  std::string npi;
  std::optional<bool> in_network;
};

struct HistoryRecord {
  std::string code;
  Date date;
  std::optional<std::string> level;
  std::optional<std::string> laterality;
  std::optional<double> relief_percent;
  std::optional<double> relief_weeks;
  std::optional<bool> functional_improvement;
};

// A clinical fact's value, typed by the fact dictionary: bool, number, date, enum member or
// list of vocabulary strings (kept as given, unknown entries included).
using ClinicalValue = std::variant<bool, double, Date, std::string, std::vector<std::string>>;

struct Case {
  std::string case_id;
  std::string health_plan;
  LineOfBusiness line_of_business = LineOfBusiness::kCommercial;
  std::optional<std::string> state;
  Date submitted_on;
  Date date_of_service;             // as given
  std::optional<Date> performed_on; // as given
  bool urgent = false;
  bool emergency = false;
  Setting setting = Setting::kOutpatient;
  SiteOfCare site_of_care = SiteOfCare::kOutpatientHospital;
  std::vector<SiteOfCareReason> site_of_care_reasons;
  std::optional<int> requested_los_days;
  std::vector<ProcedureLine> procedures;
  std::vector<std::string> diagnoses;
  Member member;
  Provider ordering_provider;
  std::optional<Facility> servicing_facility;
  std::map<std::string, ClinicalValue> clinical;  // only facts given (null = absent)
  std::vector<HistoryRecord> history;             // absent list = empty
  std::vector<std::string> warnings;              // accepted-but-suspicious input, in order

  // The date every rule uses: `performed_on` on a retrospective case, else `date_of_service`.
  Date EffectiveDateOfService() const { return performed_on ? *performed_on : date_of_service; }
  // A case is retrospective when `performed_on` is set or the DOS precedes `submitted_on`.
  bool IsRetrospective() const { return performed_on.has_value() || date_of_service < submitted_on; }
  Date RetroPerformedOn() const { return performed_on ? *performed_on : date_of_service; }
};

std::string_view ToString(LineOfBusiness v);
std::string_view ToString(Setting v);
std::string_view ToString(SiteOfCare v);
std::string_view ToString(Laterality v);
std::string_view ToString(Sex v);
std::string_view ToString(ProviderRole v);
std::string_view ToString(SiteOfCareReason v);

// The JSON spellings of each enumeration, in enumerator order, and their inverse: nullopt for a
// spelling outside the enumeration.
std::span<const std::string_view> Names(LineOfBusiness);
std::span<const std::string_view> Names(Setting);
std::span<const std::string_view> Names(SiteOfCare);
std::span<const std::string_view> Names(Laterality);
std::span<const std::string_view> Names(Sex);
std::span<const std::string_view> Names(ProviderRole);
std::span<const std::string_view> Names(SiteOfCareReason);

// ParseEnum<Setting>("inpatient") == Setting::kInpatient.
template <typename E>
std::optional<E> ParseEnum(std::string_view s) {
  auto names = Names(E{});
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

std::optional<LineOfBusiness> ParseLineOfBusiness(std::string_view s);
std::optional<Setting> ParseSetting(std::string_view s);
std::optional<SiteOfCare> ParseSiteOfCare(std::string_view s);
std::optional<Laterality> ParseLaterality(std::string_view s);
std::optional<Sex> ParseSex(std::string_view s);
std::optional<ProviderRole> ParseProviderRole(std::string_view s);
std::optional<SiteOfCareReason> ParseSiteOfCareReason(std::string_view s);

}  // namespace mskc::cases
