// `list [--member ID] [--status S]`: the matching cases, newest first.
#include <gmock/gmock.h>

#include "tests/unit/store/store_fixture.h"

namespace mskc::store {
namespace {

using ::testing::ElementsAre;

class ListTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    // SU1 member A In Progress; SU2 member B Authorized; SU3 member A Authorized (another code);
    // SU4 member A Voluntarily Cancelled.
    SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z");
    Submit(ForMember("approved", "MBR-ST-B"), "2021-03-01T10:00:00Z");
    Submit(EditedCase("approved", [](Json& c) { c["procedures"][0]["code"] = "64479"; }),
           "2021-03-01T11:00:00Z");
    Submit(EditedCase("pended_missing_info",
                      [](Json& c) { c["procedures"][0]["laterality"] = "right"; }),
           "2021-03-01T12:00:00Z");
    Ok(Cancel("SU000000004", "2021-03-01T13:00:00Z"));
  }

  static std::vector<std::string> Ids(const Json& list) {
    std::vector<std::string> ids;
    for (const Json& c : CasesOf(list)) ids.push_back(c.value("order_id", ""));
    return ids;
  }

  std::vector<std::string> Listed(std::optional<std::string> member,
                                  std::optional<lifecycle::CaseStatus> status) {
    return Ids(Ok(List(ListFilter{std::move(member), status})));
  }
};
MSKC_STORE_BACKENDS(ListTest);

TEST_P(ListTest, EveryCaseNewestFirst) {
  Json list = Ok(List());
  EXPECT_THAT(Ids(list), ElementsAre("SU000000004", "SU000000003", "SU000000002", "SU000000001"));
  const Json cases = CasesOf(list);
  ASSERT_EQ(cases.size(), 4u);
  const Json& newest = cases[0];
  EXPECT_EQ(newest.value("case_id", ""), "ST-PENDED");
  EXPECT_EQ(newest.value("member_id", ""), "MBR-ST-0001");
  EXPECT_EQ(newest.value("status", ""), "Voluntarily Cancelled");
  EXPECT_EQ(cases[3].value("status", ""), "In Progress");
  EXPECT_EQ(cases[3].value("date_of_service", ""), "2021-04-01");
}

TEST_P(ListTest, ByMember) {
  EXPECT_THAT(Listed("MBR-ST-0001", std::nullopt),
              ElementsAre("SU000000004", "SU000000003", "SU000000001"));
  EXPECT_THAT(Listed("MBR-ST-B", std::nullopt), ElementsAre("SU000000002"));
  EXPECT_THAT(Listed("MBR-ST-000", std::nullopt), ElementsAre());  // exact ids, no prefixes
  EXPECT_THAT(Listed("mbr-st-b", std::nullopt), ElementsAre());
}

TEST_P(ListTest, ByStatus) {
  using lifecycle::CaseStatus;
  EXPECT_THAT(Listed(std::nullopt, CaseStatus::kAuthorized),
              ElementsAre("SU000000003", "SU000000002"));
  EXPECT_THAT(Listed(std::nullopt, CaseStatus::kInProgress), ElementsAre("SU000000001"));
  EXPECT_THAT(Listed(std::nullopt, CaseStatus::kVoluntarilyCancelled), ElementsAre("SU000000004"));
  EXPECT_THAT(Listed(std::nullopt, CaseStatus::kOtherImpact), ElementsAre());
}

TEST_P(ListTest, ByMemberAndStatus) {
  using lifecycle::CaseStatus;
  EXPECT_THAT(Listed("MBR-ST-0001", CaseStatus::kAuthorized), ElementsAre("SU000000003"));
  EXPECT_THAT(Listed("MBR-ST-B", CaseStatus::kInProgress), ElementsAre());
}

}  // namespace
}  // namespace mskc::store
