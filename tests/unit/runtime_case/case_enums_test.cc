#include <gtest/gtest.h>

#include "runtime/case/case.h"

namespace mskc::cases {
namespace {

template <typename E>
void ExpectRoundTrip() {
  auto names = Names(E{});
  ASSERT_FALSE(names.empty());
  for (size_t i = 0; i < names.size(); ++i) {
    E v = static_cast<E>(i);
    EXPECT_EQ(ToString(v), names[i]);
    EXPECT_EQ(ParseEnum<E>(names[i]), v);
  }
  EXPECT_FALSE(ParseEnum<E>("no_such_value"));
  EXPECT_FALSE(ParseEnum<E>(""));
}

TEST(CaseEnumsTest, RoundTrips) {
  ExpectRoundTrip<LineOfBusiness>();
  ExpectRoundTrip<Setting>();
  ExpectRoundTrip<SiteOfCare>();
  ExpectRoundTrip<Laterality>();
  ExpectRoundTrip<Sex>();
  ExpectRoundTrip<ProviderRole>();
  ExpectRoundTrip<SiteOfCareReason>();
}

TEST(CaseEnumsTest, JsonSpellings) {
  EXPECT_EQ(ToString(SiteOfCare::kOutpatientHospital), "outpatient_hospital");
  EXPECT_EQ(ToString(SiteOfCare::kAmbulatorySurgeryCenter), "ambulatory_surgery_center");
  EXPECT_EQ(ToString(Laterality::kLeft), "left");
  EXPECT_EQ(ToString(Sex::kF), "F");
  EXPECT_EQ(ToString(LineOfBusiness::kMedicaid), "medicaid");
  EXPECT_EQ(ToString(SiteOfCareReason::kAsaClass3OrHigher), "asa_class_3_or_higher");
  EXPECT_EQ(ParseSetting("inpatient"), Setting::kInpatient);
  EXPECT_EQ(ParseSex("M"), Sex::kM);
  EXPECT_FALSE(ParseSex("m"));
  EXPECT_EQ(ParseProviderRole("servicing"), ProviderRole::kServicing);
  EXPECT_EQ(ParseSiteOfCareReason("no_asc_privileges"), SiteOfCareReason::kNoAscPrivileges);
  EXPECT_EQ(ParseLaterality("bilateral"), Laterality::kBilateral);
  EXPECT_EQ(ParseLineOfBusiness("medicare"), LineOfBusiness::kMedicare);
  EXPECT_EQ(ParseSiteOfCare("office"), SiteOfCare::kOffice);
}

}  // namespace
}  // namespace mskc::cases
