// `mskc case submit` and `show`: order ids from one sequence (S6), the determination printed
// with `order_id`, lookups by every accepted id form, and bad input that consumes no number.
#include <gmock/gmock.h>

#include "tests/unit/store/store_fixture.h"

namespace mskc::store {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

class SubmitTest : public StoreTest {};
MSKC_STORE_BACKENDS(SubmitTest);

TEST_P(SubmitTest, OrderIdsComeFromOneSequenceStartingAtOne) {
  Json first = SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z");
  Json second = SubmitFile("notification_only", "2021-03-01T09:01:00Z");
  Json third = SubmitFile("not_enrolled", "2021-03-01T09:02:00Z");
  EXPECT_EQ(first.value("order_id", ""), "SU000000001");
  EXPECT_EQ(second.value("order_id", ""), "SU000000002");
  EXPECT_EQ(third.value("order_id", ""), "SU000000003");
}

TEST_P(SubmitTest, OutputIsTheDeterminationWithOrderIdAfterCaseId) {
  Json d = SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z");
  ASSERT_TRUE(d.is_object());
  // nlohmann::json sorts keys: the order of the printed fields is checked on the raw text below.
  EXPECT_EQ(d.value("case_id", ""), "ST-PENDED");
  EXPECT_EQ(d.value("order_id", ""), "SU000000001");
  EXPECT_EQ(d.value("outcome", ""), "pended");
  EXPECT_EQ(d.value("status", ""), "In Progress");
  EXPECT_EQ(d.value("review", ""), "nurse");
  EXPECT_THAT(ReasonCodes(d), ElementsAre("MISSING_INFORMATION"));
  EXPECT_FALSE(d.contains("duplicate_of"));
  ASSERT_EQ(d["lines"].size(), 1u);
  EXPECT_EQ(d["lines"][0].value("code", ""), "64483");
  EXPECT_EQ(d["lines"][0].value("outcome", ""), "pended");

  CommandResult raw = SubmitText(CaseFile("approved"), "2021-03-01T09:05:00Z");
  ASSERT_EQ(raw.kind, ResultKind::kDone) << raw.json;
  size_t case_id = raw.json.find("\"case_id\"");
  size_t order_id = raw.json.find("\"order_id\"");
  size_t outcome = raw.json.find("\"outcome\"");
  ASSERT_NE(order_id, std::string::npos);
  EXPECT_LT(case_id, order_id);
  EXPECT_LT(order_id, outcome);
}

TEST_P(SubmitTest, ApprovedCaseIsAuthorizedWithItsPainManagementWindow) {
  Json d = SubmitFile("approved", "2021-03-01T09:00:00Z");
  EXPECT_EQ(d.value("status", ""), "Authorized");
  EXPECT_THAT(ReasonCodes(d), IsEmpty());
  // DOS Thursday 2021-04-01: 10 business days end on Wednesday 2021-04-14.
  EXPECT_EQ(d.value("valid_from", ""), "2021-04-01");
  EXPECT_EQ(d.value("expires_on", ""), "2021-04-14");

  Json shown = Show("SU000000001");
  EXPECT_EQ(shown.value("status", ""), "Authorized");
  EXPECT_EQ(shown.value("valid_from", ""), "2021-04-01");
  EXPECT_EQ(shown.value("expires_on", ""), "2021-04-14");
  EXPECT_TRUE(shown["deadline"].is_null());
  EXPECT_EQ(shown.value("received_at", ""), "2021-03-01T09:00:00Z");
  EXPECT_EQ(shown["determination"].value("order_id", ""), "SU000000001");
}

TEST_P(SubmitTest, StatusPerOutcomeIsStoredAsEvaluated) {
  EXPECT_EQ(SubmitFile("notification_only", "2021-03-01").value("status", ""), "Completed");
  EXPECT_EQ(SubmitFile("not_enrolled", "2021-03-01").value("status", ""), "Non-Authorized");
  EXPECT_EQ(SubmitFile("rejected_servicing", "2021-03-01").value("status", ""),
            "Not Reviewed/Error Entry");
  EXPECT_EQ(Status("SU000000001"), "Completed");
  EXPECT_EQ(Status("SU000000002"), "Non-Authorized");
  EXPECT_TRUE(Show("SU000000002")["status_reason"].is_null());  // not a deadline closure
  EXPECT_EQ(Status("SU000000003"), "Not Reviewed/Error Entry");
}

TEST_P(SubmitTest, ShowFindsACaseByFullIdNineDigitsAndLowercase) {
  SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z");
  SubmitFile("approved", "2021-03-01T09:01:00Z");
  for (const char* id : {"SU000000002", "000000002", "su000000002", "sU000000002"}) {
    Json shown = Show(id);
    EXPECT_EQ(shown.value("order_id", ""), "SU000000002") << id;
    EXPECT_EQ(shown.value("case_id", ""), "ST-APPROVED") << id;
  }
  EXPECT_EQ(History("000000001").size(), 1u);
}

TEST_P(SubmitTest, UnknownOrMalformedIdIsNotFound) {
  SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z");
  for (const char* id : {"SU000000002", "000000000", "SU999999999", "SU00000001", "SU0000000001",
                         "XX000000001", "12345678", "", "SU00000000a"}) {
    ExpectRefused(store::Show(target_, id), "NOT_FOUND");
    ExpectRefused(store::History(target_, id), "NOT_FOUND");
    ExpectRefused(Cancel(id, "2021-03-02"), "NOT_FOUND");
  }
  // The refusals changed nothing: the only case is still there, still In Progress.
  EXPECT_EQ(Status("SU000000001"), "In Progress");
}

TEST_P(SubmitTest, MalformedCaseIsBadInputAndConsumesNoOrderNumber) {
  SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z");
  CommandResult bad = SubmitText(CaseFile("malformed_no_member"), "2021-03-01T09:01:00Z");
  EXPECT_EQ(bad.kind, ResultKind::kBadInput);
  EXPECT_NE(bad.message.find("member"), std::string::npos) << bad.message;
  Json error = Json::parse(bad.json, nullptr, false);
  ASSERT_FALSE(error.is_discarded()) << bad.json;
  EXPECT_TRUE(error.contains("error"));

  CommandResult not_json = SubmitText("{ this is not json", "2021-03-01T09:02:00Z");
  EXPECT_EQ(not_json.kind, ResultKind::kBadInput);
  CommandResult bad_date =
      SubmitText(EditedCase("approved", [](Json& c) { c["date_of_service"] = "2021-02-30"; }),
                 "2021-03-01T09:03:00Z");
  EXPECT_EQ(bad_date.kind, ResultKind::kBadInput);
  CommandResult bad_plan =
      SubmitText(EditedCase("approved", [](Json& c) { c["health_plan"] = "NO-SUCH-PLAN"; }),
                 "2021-03-01T09:04:00Z");
  EXPECT_EQ(bad_plan.kind, ResultKind::kBadInput);

  ExpectRefused(store::Show(target_, "SU000000002"), "NOT_FOUND");
  EXPECT_EQ(SubmitFile("approved", "2021-03-01T09:05:00Z").value("order_id", ""), "SU000000002");
}

TEST_P(SubmitTest, SubmitIsRecordedAsTheFirstAuditEvent) {
  SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z");
  Json h = History("SU000000001");
  ASSERT_EQ(h.size(), 1u);
  const Json& e = h[0];
  EXPECT_EQ(e.value("seq", 0), 1);
  EXPECT_EQ(CommandOf(e), "submit");
  EXPECT_EQ(e.value("actor", ""), "provider");
  EXPECT_EQ(e.value("at", ""), "2021-03-01T09:00:00Z");
  EXPECT_TRUE(e["from"].is_null());
  EXPECT_EQ(e.value("to", ""), "In Progress");
}

TEST_P(SubmitTest, JitBackendStoresTheSameDecisions) {
  target_.backend = driver::Backend::kJit;
  Json d = SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z");
  EXPECT_EQ(d.value("status", ""), "In Progress");
  EXPECT_THAT(ReasonCodes(d), ElementsAre("MISSING_INFORMATION"));
  Json updated = Ok(Update(d.value("order_id", ""),
                           R"({"clinical": {"pain_score": 6, "imaging_type": "mri"}})",
                           "2021-03-02T09:00:00Z"));
  EXPECT_EQ(updated.value("status", ""), "Authorized");
  EXPECT_EQ(updated.value("expires_on", ""), "2021-04-14");
}

}  // namespace
}  // namespace mskc::store
