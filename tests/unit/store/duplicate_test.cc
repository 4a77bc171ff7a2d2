// S4 duplicates: same member, same code, overlapping lateralities and windows, against the lines
// of In Progress, Authorized and Multiple Decisions Rendered cases (their approved lines).
#include <gmock/gmock.h>

#include "tests/unit/store/store_fixture.h"

namespace mskc::store {
namespace {

using ::testing::Contains;
using ::testing::Not;

class DuplicateTest : public StoreTest {
 protected:
  // `cases/pended_missing_info.json` (member MBR-ST-0001, 64483 left, DOS 2021-04-01, window
  // to 2021-04-14) with `edit` applied.
  std::string Pended(const std::function<void(Json&)>& edit) {
    return EditedCase("pended_missing_info", edit);
  }

  // Submits and expects a new active case, not a duplicate.
  void ExpectNotDuplicate(const std::string& case_text, const std::string& why) {
    SCOPED_TRACE(why);
    Json d = Submit(case_text, "2021-03-02T09:00:00Z");
    EXPECT_NE(d.value("status", ""), "Other Impact");
    EXPECT_THAT(ReasonCodes(d), Not(Contains("DUPLICATE_ORDER")));
    EXPECT_FALSE(d.contains("duplicate_of"));
  }

  // Submits and expects `Other Impact`, DUPLICATE_ORDER, exit 0, stored, pointing at `of`.
  void ExpectDuplicateOf(const std::string& case_text, const std::string& of,
                         const std::string& why) {
    SCOPED_TRACE(why);
    CommandResult result = SubmitText(case_text, "2021-03-02T09:00:00Z");
    Json d = Ok(result);
    EXPECT_EQ(d.value("status", ""), "Other Impact");
    EXPECT_EQ(d.value("review", ""), "none");
    EXPECT_THAT(ReasonCodes(d), Contains("DUPLICATE_ORDER"));
    EXPECT_EQ(d.value("duplicate_of", ""), of);
    std::string id = d.value("order_id", "");
    Json shown = Show(id);
    EXPECT_EQ(shown.value("status", ""), "Other Impact");
    EXPECT_EQ(shown.value("status_reason", ""), "DUPLICATE_ORDER");
    EXPECT_EQ(shown.value("duplicate_of", ""), of);
    EXPECT_TRUE(shown["deadline"].is_null());
    Json h = History(id);
    ASSERT_EQ(h.size(), 1u);
    EXPECT_EQ(h[0].value("to", ""), "Other Impact");
    EXPECT_EQ(h[0].value("reason_code", ""), "DUPLICATE_ORDER");
  }
};
MSKC_STORE_BACKENDS(DuplicateTest);

TEST_P(DuplicateTest, SameRequestAgainstAnInProgressCaseIsOtherImpact) {
  std::string first =
      SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  ExpectDuplicateOf(CaseFile("pended_missing_info"), first, "identical request");
  // A duplicate is not active itself: the next one is again a duplicate of the first.
  ExpectDuplicateOf(CaseFile("approved"), first, "approved request, same line");
  EXPECT_EQ(Status(first), "In Progress");
  EXPECT_EQ(Show("SU000000003").value("duplicate_of", ""), first);
}

TEST_P(DuplicateTest, DifferentMemberCodeSideOrWindowIsNotADuplicate) {
  SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z");
  ExpectNotDuplicate(Pended([](Json& c) { c["member"]["id"] = "MBR-ST-0002"; }), "another member");
  ExpectNotDuplicate(Pended([](Json& c) { c["procedures"][0]["code"] = "64479"; }), "another code");
  ExpectNotDuplicate(Pended([](Json& c) { c["procedures"][0]["laterality"] = "right"; }),
                     "right against left");
  // Window 2021-04-15 to 2021-04-28 starts the day after the first one ends.
  ExpectNotDuplicate(Pended([](Json& c) { c["date_of_service"] = "2021-04-15"; }), "windows apart");
}

TEST_P(DuplicateTest, WindowsSharingTheirLastDayOverlap) {
  std::string first =
      SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  // Window 2021-04-14 to 2021-04-27: its first day is the first case's last.
  ExpectDuplicateOf(Pended([](Json& c) { c["date_of_service"] = "2021-04-14"; }), first,
                    "DOS on the last day of the first window");
}

TEST_P(DuplicateTest, BilateralAndNoneOverlapEverySide) {
  std::string left =
      SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  ExpectDuplicateOf(Pended([](Json& c) { c["procedures"][0]["laterality"] = "bilateral"; }), left,
                    "bilateral against left");
  ExpectDuplicateOf(Pended([](Json& c) { c["procedures"][0]["laterality"] = "none"; }), left,
                    "none against left");
}

TEST_P(DuplicateTest, ACancelledOrClosedCaseIsNoLongerActive) {
  std::string first =
      SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  Ok(Cancel(first, "2021-03-01T10:00:00Z"));
  ExpectNotDuplicate(CaseFile("pended_missing_info"), "the first case was cancelled");
  // The new case is now the active one; voided, it no longer counts either.
  Ok(Void("SU000000002", "2021-03-02T10:00:00Z"));
  ExpectNotDuplicate(CaseFile("pended_missing_info"), "the second case was voided");
}

TEST_P(DuplicateTest, AnAuthorizedCaseIsActive) {
  Json first = SubmitFile("approved", "2021-03-01T09:00:00Z");
  EXPECT_EQ(first.value("status", ""), "Authorized");
  ExpectDuplicateOf(CaseFile("pended_missing_info"), first.value("order_id", ""),
                    "against an authorized case");
}

TEST_P(DuplicateTest, OnlyTheApprovedLinesOfAMultipleDecisionsCaseCount) {
  std::string mdr = MakeMultipleDecisions();  // line 1 64483 left approved, line 2 62323 denied
  ExpectNotDuplicate(Pended([](Json& c) {
                       c["procedures"] = Json::array(
                           {{{"code", "62323"}, {"level", "L4-L5"}, {"laterality", "none"}}});
                     }),
                     "the denied line's code");
  // That new 62323 case is active itself now, so check the approved line with 64483 only.
  ExpectDuplicateOf(CaseFile("pended_missing_info"), mdr, "the approved line's code");
}

}  // namespace
}  // namespace mskc::store
