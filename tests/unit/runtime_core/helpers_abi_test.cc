#include "runtime/core/helpers_abi.h"

#include <gtest/gtest.h>

#include <string>

#include "runtime/core/business_calendar.h"
#include "runtime/core/code_set.h"
#include "runtime/core/date.h"

namespace mskc {
namespace {

int32_t Days(const char* text) { return Date::Parse(text)->days(); }

TEST(HelpersAbiTest, AddMonths) {
  EXPECT_EQ(mskc_date_add_months(Days("2021-01-31"), 1), Days("2021-02-28"));
  EXPECT_EQ(mskc_date_add_months(Days("2021-01-31"), -2), Days("2020-11-30"));
}

TEST(HelpersAbiTest, AddBusinessDaysUsesTheGivenCalendar) {
  EXPECT_EQ(mskc_date_add_business_days(Days("2021-03-06"), 2, &FederalCalendar()),
            Days("2021-03-09"));
  BusinessCalendar closed({*Date::Parse("2021-03-08")});
  EXPECT_EQ(mskc_date_add_business_days(Days("2021-03-06"), 2, &closed), Days("2021-03-10"));
  // No calendar: the federal one.
  EXPECT_EQ(mskc_date_add_business_days(Days("2021-03-06"), 2, nullptr), Days("2021-03-09"));
  EXPECT_EQ(mskc_date_add_business_days(Days("2021-01-19"), -1, nullptr), Days("2021-01-15"));
}

TEST(HelpersAbiTest, AgeYears) {
  EXPECT_EQ(mskc_age_years(Days("2000-02-29"), Days("2021-02-28")), 20.0);
  EXPECT_EQ(mskc_age_years(Days("2000-02-29"), Days("2021-03-01")), 21.0);
}

TEST(HelpersAbiTest, CodeSetContains) {
  CodeSet set;
  set.AddPrefix("M54.1");
  std::string yes = "M54.16xxx";
  EXPECT_EQ(mskc_codeset_contains(&set, yes.data(), 6), 1);  // only the first 6 bytes count
  EXPECT_EQ(mskc_codeset_contains(&set, "M54.50", 6), 0);
  EXPECT_EQ(mskc_codeset_contains(nullptr, "M54.16", 6), 0);
}

}  // namespace
}  // namespace mskc
