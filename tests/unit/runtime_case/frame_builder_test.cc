#include "runtime/case/frame_builder.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <string_view>

#include "runtime/core/tri.h"
#include "tests/unit/runtime_case/test_case.h"

namespace mskc::cases {
namespace {

using ir::ValueType;
using nlohmann::json;

Date D(const char* text) { return *Date::Parse(text); }

size_t SizeOf(ValueType t) {
  switch (t) {
    case ValueType::kBool:
      return 1;
    case ValueType::kNumber:
      return 8;
    case ValueType::kDate:
    case ValueType::kEnum:
      return 4;
    default:
      return 16;
  }
}

// Lays slots out the way the compiler does: each value aligned to its size, known bytes after.
class ProgramBuilder {
 public:
  int Enum(std::string name, std::vector<std::string> members) {
    program_.enums.push_back({std::move(name), std::move(members)});
    return static_cast<int>(program_.enums.size()) - 1;
  }
  void Slot(std::string key, ValueType type, bool builtin, int enum_id = -1) {
    ir::Slot s;
    s.key = std::move(key);
    s.type = type;
    s.builtin = builtin;
    s.enum_id = enum_id;
    size_t size = SizeOf(type);
    size_t align = size >= 8 ? 8 : size;
    offset_ = (offset_ + align - 1) / align * align;
    s.value_offset = static_cast<uint32_t>(offset_);
    offset_ += size;
    program_.layout.slots.push_back(std::move(s));
  }
  ir::Program Build() {
    for (ir::Slot& s : program_.layout.slots) s.known_offset = static_cast<uint32_t>(offset_++);
    program_.layout.size = static_cast<uint32_t>((offset_ + 7) / 8 * 8);
    return std::move(program_);
  }

 private:
  ir::Program program_;
  size_t offset_ = 0;
};

ir::Program TestProgram() {
  ProgramBuilder b;
  int sex = b.Enum("sex", {"M", "F", "U"});  // not the case's order: mapped by name
  int setting = b.Enum("setting", {"outpatient", "inpatient"});
  int site = b.Enum("site_of_care", {"outpatient_hospital", "ambulatory_surgery_center", "office",
                                     "inpatient_hospital"});
  int reasons = b.Enum("site_of_care_reason", {"bmi_over_50", "age_under_18"});
  int lob = b.Enum("line_of_business", {"commercial", "medicare", "medicaid"});
  int laterality = b.Enum("laterality", {"left", "right", "bilateral", "none"});
  int imaging_type = b.Enum("imaging_type", {"mri", "ct", "ct_myelogram", "xray", "none"});
  int findings = b.Enum("imaging_findings", {"disc_herniation", "central_stenosis"});
  b.Slot("urgent", ValueType::kBool, true);
  b.Slot("date_of_service", ValueType::kDate, true);
  b.Slot("submitted_on", ValueType::kDate, true);
  b.Slot("member.birth_date", ValueType::kDate, true);
  b.Slot("member.age", ValueType::kNumber, true);
  b.Slot("member.sex", ValueType::kEnum, true, sex);
  b.Slot("diagnoses", ValueType::kCodeList, true);
  b.Slot("history", ValueType::kHistoryList, true);
  b.Slot("setting", ValueType::kEnum, true, setting);
  b.Slot("site_of_care", ValueType::kEnum, true, site);
  b.Slot("site_of_care_reasons", ValueType::kEnumList, true, reasons);
  b.Slot("emergency", ValueType::kBool, true);
  b.Slot("line_of_business", ValueType::kEnum, true, lob);
  b.Slot("requested_los_days", ValueType::kNumber, true);
  b.Slot("line.code", ValueType::kCode, true);
  b.Slot("line.units", ValueType::kNumber, true);
  b.Slot("line.revision", ValueType::kBool, true);
  b.Slot("line.laterality", ValueType::kEnum, true, laterality);
  b.Slot("line.modifiers", ValueType::kCodeList, true);
  b.Slot("pain_score", ValueType::kNumber, false);
  b.Slot("smoker", ValueType::kBool, false);
  b.Slot("imaging_date", ValueType::kDate, false);
  b.Slot("imaging_type", ValueType::kEnum, false, imaging_type);
  b.Slot("imaging_findings", ValueType::kEnumList, false, findings);
  b.Slot("bmi", ValueType::kNumber, false);  // never given below
  return b.Build();
}

class FrameBuilderTest : public ::testing::Test {
 protected:
  const ir::Slot& S(std::string_view key) {
    const ir::Slot* s = program_.layout.Find(key);
    EXPECT_NE(s, nullptr) << key;
    return *s;
  }
  template <typename T>
  T Value(const CaseFrame& f, std::string_view key) {
    T v;
    std::memcpy(&v, f.data() + S(key).value_offset, sizeof(T));
    return v;
  }
  bool Known(const CaseFrame& f, std::string_view key) {
    uint8_t k = f.data()[S(key).known_offset];
    EXPECT_LE(k, 1) << key;
    return k == 1;
  }
  std::string Str(const abi::StrRef& r) { return std::string(r.data, r.size); }
  template <typename T>
  const T* Items(const CaseFrame& f, std::string_view key, uint32_t* size) {
    abi::List l = Value<abi::List>(f, key);
    *size = l.size;
    return static_cast<const T*>(l.items);
  }

  ir::Program program_ = TestProgram();
};

Case FullCase() {
  return testing::MustRead(json::parse(R"({
    "case_id": "C", "health_plan": "IBX", "line_of_business": "medicaid",
    "submitted_on": "2021-03-01", "date_of_service": "2021-03-10", "urgent": true,
    "setting": "outpatient", "site_of_care": "office",
    "site_of_care_reasons": ["age_under_18", "bleeding_disorder", "bmi_over_50"],
    "procedures": [{"code": "64483", "units": 2, "laterality": "left", "revision": true,
                    "modifiers": ["50", "RT"]},
                   {"code": "62323"}],
    "diagnoses": ["M54.16", "M51.26"],
    "member": {"id": "M", "birth_date": "2000-03-10", "sex": "F"},
    "ordering_provider": {"npi": "1"},
    "clinical": {"pain_score": 7.5, "smoker": false, "imaging_date": "2021-01-02",
                 "imaging_type": "ct", "imaging_findings": ["central_stenosis", "typo_entry"]},
    "history": [
      {"code": "64483", "date": "2021-03-09", "relief_percent": 60, "functional_improvement": false},
      {"code": "64484", "date": "2021-03-10"},
      {"code": "64490", "date": "2021-03-11"},
      {"code": "62323", "date": "2020-12-01", "level": "L5-S1", "laterality": "right",
       "relief_weeks": 4}
    ]
  })"));
}

TEST_F(FrameBuilderTest, FrameIsAlignedAndSized) {
  Case c = FullCase();
  CaseFrame f(program_, c);
  EXPECT_EQ(f.size(), program_.layout.size);
  EXPECT_EQ(reinterpret_cast<uintptr_t>(f.data()) % 8, 0u);
}

TEST_F(FrameBuilderTest, EnvelopeSlots) {
  Case c = FullCase();
  CaseFrame f(program_, c);
  EXPECT_TRUE(Known(f, "urgent"));
  EXPECT_EQ(Value<uint8_t>(f, "urgent"), 1);
  EXPECT_TRUE(Known(f, "emergency"));
  EXPECT_EQ(Value<uint8_t>(f, "emergency"), 0);
  EXPECT_EQ(Value<int32_t>(f, "date_of_service"), D("2021-03-10").days());
  EXPECT_EQ(Value<int32_t>(f, "submitted_on"), D("2021-03-01").days());
  EXPECT_EQ(Value<int32_t>(f, "member.birth_date"), D("2000-03-10").days());
  EXPECT_TRUE(Known(f, "member.age"));
  EXPECT_EQ(Value<double>(f, "member.age"), 21.0);  // the 21st birthday is the DOS
  EXPECT_EQ(Value<int32_t>(f, "member.sex"), 1);    // "F" in {"M", "F", "U"}
  EXPECT_EQ(Value<int32_t>(f, "setting"), 0);
  EXPECT_EQ(Value<int32_t>(f, "site_of_care"), 2);
  EXPECT_EQ(Value<int32_t>(f, "line_of_business"), 2);
  EXPECT_FALSE(Known(f, "requested_los_days"));
  uint32_t n = 0;
  const int32_t* reasons = Items<int32_t>(f, "site_of_care_reasons", &n);
  ASSERT_EQ(n, 3u);
  EXPECT_EQ(reasons[0], 1);   // age_under_18
  EXPECT_EQ(reasons[1], -1);  // bleeding_disorder is not in this program's enum
  EXPECT_EQ(reasons[2], 0);
  const abi::StrRef* dx = Items<abi::StrRef>(f, "diagnoses", &n);
  ASSERT_EQ(n, 2u);
  EXPECT_EQ(Str(dx[0]), "M54.16");
  EXPECT_EQ(Str(dx[1]), "M51.26");
  EXPECT_EQ(dx[0].data, c.diagnoses[0].data());  // points into the case
}

TEST_F(FrameBuilderTest, HistoryHoldsOnlyItemsBeforeTheDateOfService) {
  Case c = FullCase();
  CaseFrame f(program_, c);
  EXPECT_TRUE(Known(f, "history"));
  uint32_t n = 0;
  const abi::HistoryItem* h = Items<abi::HistoryItem>(f, "history", &n);
  ASSERT_EQ(n, 2u);  // 03-09 (day before) and 2020-12-01; not 03-10 (same day) nor 03-11
  EXPECT_EQ(Str(h[0].code), "64483");
  EXPECT_EQ(h[0].date, D("2021-03-09").days());
  EXPECT_EQ(h[0].relief_percent_known, 1);
  EXPECT_EQ(h[0].relief_percent, 60.0);
  EXPECT_EQ(h[0].relief_weeks_known, 0);
  EXPECT_EQ(h[0].functional_improvement, static_cast<uint8_t>(Tri::kFalse));
  EXPECT_EQ(h[0].level.size, 0u);
  EXPECT_EQ(h[0].laterality.size, 0u);
  EXPECT_EQ(Str(h[1].code), "62323");
  EXPECT_EQ(Str(h[1].level), "L5-S1");
  EXPECT_EQ(Str(h[1].laterality), "right");
  EXPECT_EQ(h[1].relief_weeks_known, 1);
  EXPECT_EQ(h[1].relief_weeks, 4.0);
  EXPECT_EQ(h[1].relief_percent_known, 0);
  EXPECT_EQ(h[1].functional_improvement, static_cast<uint8_t>(Tri::kUnknown));
}

TEST_F(FrameBuilderTest, RetrospectiveCaseUsesPerformedOn) {
  Case c = FullCase();
  c.performed_on = D("2021-03-09");
  CaseFrame f(program_, c);
  EXPECT_EQ(Value<int32_t>(f, "date_of_service"), D("2021-03-09").days());
  EXPECT_EQ(Value<double>(f, "member.age"), 20.0);  // the day before the birthday
  uint32_t n = 0;
  Items<abi::HistoryItem>(f, "history", &n);
  EXPECT_EQ(n, 1u);  // the 03-09 item is now on the date of service
}

TEST_F(FrameBuilderTest, ClinicalSlots) {
  Case c = FullCase();
  CaseFrame f(program_, c);
  EXPECT_TRUE(Known(f, "pain_score"));
  EXPECT_EQ(Value<double>(f, "pain_score"), 7.5);
  EXPECT_TRUE(Known(f, "smoker"));
  EXPECT_EQ(Value<uint8_t>(f, "smoker"), 0);
  EXPECT_EQ(Value<int32_t>(f, "imaging_date"), D("2021-01-02").days());
  EXPECT_EQ(Value<int32_t>(f, "imaging_type"), 1);
  uint32_t n = 0;
  const int32_t* findings = Items<int32_t>(f, "imaging_findings", &n);
  ASSERT_EQ(n, 2u);
  EXPECT_EQ(findings[0], 1);
  EXPECT_EQ(findings[1], -1);  // kept but outside the vocabulary
  EXPECT_FALSE(Known(f, "bmi"));
}

TEST_F(FrameBuilderTest, LineSlotsAreUnknownUntilSetLine) {
  Case c = FullCase();
  CaseFrame f(program_, c);
  for (const char* key :
       {"line.code", "line.units", "line.revision", "line.laterality", "line.modifiers"}) {
    EXPECT_FALSE(Known(f, key)) << key;
  }
  f.SetLine(c.procedures[0]);
  EXPECT_EQ(Str(Value<abi::StrRef>(f, "line.code")), "64483");
  EXPECT_EQ(Value<double>(f, "line.units"), 2.0);
  EXPECT_EQ(Value<uint8_t>(f, "line.revision"), 1);
  EXPECT_EQ(Value<int32_t>(f, "line.laterality"), 0);
  uint32_t n = 0;
  const abi::StrRef* mods = Items<abi::StrRef>(f, "line.modifiers", &n);
  ASSERT_EQ(n, 2u);
  EXPECT_EQ(Str(mods[0]), "50");
  EXPECT_EQ(Str(mods[1]), "RT");
  for (const char* key :
       {"line.code", "line.units", "line.revision", "line.laterality", "line.modifiers"}) {
    EXPECT_TRUE(Known(f, key)) << key;
  }

  f.SetLine(c.procedures[1]);
  EXPECT_EQ(Str(Value<abi::StrRef>(f, "line.code")), "62323");
  EXPECT_EQ(Value<double>(f, "line.units"), 1.0);
  EXPECT_EQ(Value<uint8_t>(f, "line.revision"), 0);
  EXPECT_EQ(Value<int32_t>(f, "line.laterality"), 3);
  Items<abi::StrRef>(f, "line.modifiers", &n);
  EXPECT_EQ(n, 0u);
  EXPECT_TRUE(Known(f, "line.modifiers"));
  // Case-wide slots are untouched by SetLine.
  EXPECT_EQ(Value<double>(f, "pain_score"), 7.5);
}

TEST_F(FrameBuilderTest, AbsentFactsAndOptionalsAreUnknown) {
  Case c = testing::MustRead(testing::BaseCase());
  c.requested_los_days = 4;
  CaseFrame f(program_, c);
  for (const char* key :
       {"pain_score", "smoker", "imaging_date", "imaging_type", "imaging_findings", "bmi"}) {
    EXPECT_FALSE(Known(f, key)) << key;
  }
  EXPECT_TRUE(Known(f, "requested_los_days"));
  EXPECT_EQ(Value<double>(f, "requested_los_days"), 4.0);
  EXPECT_EQ(Value<int32_t>(f, "member.sex"), 2);  // "U"
  uint32_t n = 1;
  Items<abi::HistoryItem>(f, "history", &n);
  EXPECT_EQ(n, 0u);
  EXPECT_TRUE(Known(f, "history"));  // no history = an empty list, known
  Items<int32_t>(f, "site_of_care_reasons", &n);
  EXPECT_EQ(n, 0u);
  EXPECT_TRUE(Known(f, "site_of_care_reasons"));
}

TEST(FrameBuilderLayoutTest, SmallLayoutWithOnlySomeBuiltins) {
  ProgramBuilder b;
  b.Slot("date_of_service", ValueType::kDate, true);
  b.Slot("no_such_builtin", ValueType::kNumber, true);
  b.Slot("pain_score", ValueType::kBool, false);  // declared with another type than given
  ir::Program p = b.Build();
  Case c = testing::MustRead(testing::With(testing::BaseCase(), "/clinical", {{"pain_score", 3}}));
  CaseFrame f(p, c);
  ASSERT_EQ(f.size(), p.layout.size);
  EXPECT_EQ(f.data()[p.layout.slots[0].known_offset], 1);
  EXPECT_EQ(f.data()[p.layout.slots[1].known_offset], 0);
  EXPECT_EQ(f.data()[p.layout.slots[2].known_offset], 0);
}

TEST(FrameBuilderLayoutTest, EmptyLayout) {
  ir::Program p;
  Case c = testing::MustRead(testing::BaseCase());
  CaseFrame f(p, c);
  EXPECT_EQ(f.size(), 0u);
  f.SetLine(c.procedures[0]);
}

TEST(FrameBuilderLayoutTest, MovedFrameKeepsItsLists) {
  ProgramBuilder b;
  int findings = b.Enum("imaging_findings", {"disc_herniation"});
  b.Slot("imaging_findings", ValueType::kEnumList, false, findings);
  b.Slot("diagnoses", ValueType::kCodeList, true);
  ir::Program p = b.Build();
  Case c = testing::MustRead(
      testing::With(testing::BaseCase(), "/clinical", {{"imaging_findings", {"disc_herniation"}}}));
  CaseFrame first(p, c);
  CaseFrame f(std::move(first));
  abi::List l;
  std::memcpy(&l, f.data() + p.layout.slots[0].value_offset, sizeof l);
  ASSERT_EQ(l.size, 1u);
  EXPECT_EQ(static_cast<const int32_t*>(l.items)[0], 0);
  std::memcpy(&l, f.data() + p.layout.slots[1].value_offset, sizeof l);
  ASSERT_EQ(l.size, 1u);
  const auto* dx = static_cast<const abi::StrRef*>(l.items);
  EXPECT_EQ(std::string(dx[0].data, dx[0].size), "M54.16");
}

}  // namespace
}  // namespace mskc::cases
