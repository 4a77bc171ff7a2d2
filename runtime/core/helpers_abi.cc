#include "runtime/core/helpers_abi.h"

#include <string_view>

#include "runtime/core/business_calendar.h"
#include "runtime/core/code_set.h"
#include "runtime/core/date.h"

extern "C" {

int32_t mskc_date_add_months(int32_t date, int32_t months) {
  return mskc::Date::FromDays(date).AddMonths(months).days();
}

int32_t mskc_date_add_business_days(int32_t date, int32_t n, const void* calendar) {
  const auto* cal =
      calendar ? static_cast<const mskc::BusinessCalendar*>(calendar) : &mskc::FederalCalendar();
  return cal->AddBusinessDays(mskc::Date::FromDays(date), n).days();
}

double mskc_age_years(int32_t birth, int32_t on) {
  return static_cast<double>(
      mskc::AgeInYears(mskc::Date::FromDays(birth), mskc::Date::FromDays(on)));
}

uint8_t mskc_codeset_contains(const void* code_set, const char* data, uint32_t size) {
  if (code_set == nullptr) return 0;
  std::string_view code = data ? std::string_view(data, size) : std::string_view();
  return static_cast<const mskc::CodeSet*>(code_set)->Contains(code) ? 1 : 0;
}

}  // extern "C"
