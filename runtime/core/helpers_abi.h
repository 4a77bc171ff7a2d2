// The runtime helpers that evaluators call: one fixed list, exported to JIT code by
// codegen/runtime_symbols.cc and called directly by the interpreter, so date and code-set
// semantics cannot differ between the backends. Each comment says how unknowns are treated:
// every helper here takes known values only (callers propagate unknown).
#pragma once
#include <cstdint>

extern "C" {
// date + n calendar months (day clamped to the month's end).
int32_t mskc_date_add_months(int32_t date, int32_t months);
// date shifted by n business days using `calendar` (a const mskc::BusinessCalendar*).
int32_t mskc_date_add_business_days(int32_t date, int32_t n, const void* calendar);
// Completed years from birth to on (29 Feb birthdays fall on 1 Mar in non-leap years).
double mskc_age_years(int32_t birth, int32_t on);
// 1 when the code is in `code_set` (a const mskc::CodeSet*), else 0.
uint8_t mskc_codeset_contains(const void* code_set, const char* data, uint32_t size);
}
