// S5 pend deadlines: 72 hours after receipt when urgent, the plan's 14 days otherwise; closed
// when now ≥ deadline, by `tick` or by any command on the case; reconsideration counted from the
// deadline's date (S3).
#include <gmock/gmock.h>

#include "tests/unit/store/store_fixture.h"

namespace mskc::store {
namespace {

using ::testing::ElementsAre;

class DeadlineTest : public StoreTest {
 protected:
  static std::vector<std::string> Closed(const Json& tick) {
    std::vector<std::string> ids;
    for (const Json& c : ClosedOf(tick)) ids.push_back(c.value("order_id", ""));
    return ids;
  }

  // The case shows a deadline closure dated `deadline`.
  void ExpectClosedAt(const std::string& id, const std::string& deadline) {
    Json c = Show(id);
    EXPECT_EQ(c.value("status", ""), "Non-Authorized");
    EXPECT_EQ(c.value("status_reason", ""), "INFO_NOT_PROVIDED");
    EXPECT_EQ(c.value("denied_at", ""), deadline);
    EXPECT_TRUE(c["deadline"].is_null());
    for (const Json& l : c["lines"]) {
      EXPECT_EQ(l.value("decision", ""), "denied");
      EXPECT_EQ(l.value("reason_code", ""), "INFO_NOT_PROVIDED");
    }
    Json h = History(id);
    ASSERT_FALSE(h.empty());
    const Json* closure = nullptr;
    for (const Json& e : h)
      if (CommandOf(e) == "deadline") closure = &e;
    ASSERT_NE(closure, nullptr) << h.dump(2);
    EXPECT_EQ(closure->value("actor", ""), "system");
    EXPECT_EQ(closure->value("from", ""), "In Progress");
    EXPECT_EQ(closure->value("to", ""), "Non-Authorized");
    EXPECT_EQ(closure->value("reason_code", ""), "INFO_NOT_PROVIDED");
    EXPECT_EQ(closure->value("at", ""), deadline);
  }
};
MSKC_STORE_BACKENDS(DeadlineTest);

TEST_P(DeadlineTest, UrgentCaseCanBeReviewedUntil72HoursAndTickClosesItAt72) {
  Json d = SubmitFile("pended_urgent", "2021-03-01T08:00:00Z");
  std::string id = d.value("order_id", "");
  EXPECT_EQ(Show(id).value("deadline", ""), "2021-03-04T08:00:00Z");

  Json escalated = Ok(Review(id, Nurse(ReviewDecision::kEscalate), "2021-03-04T07:59:00Z"));
  EXPECT_EQ(escalated.value("status", ""), "In Progress");
  EXPECT_EQ(escalated.value("deadline", ""), "2021-03-04T08:00:00Z");  // a review keeps it

  Json early = Ok(Tick("2021-03-04T07:59:59Z"));
  EXPECT_TRUE(ClosedOf(early).empty()) << early.dump();
  EXPECT_EQ(Status(id), "In Progress");

  Json tick = Ok(Tick("2021-03-04T08:00:00Z"));
  ASSERT_EQ(ClosedOf(tick).size(), 1u) << tick.dump();
  const Json closed = ClosedOf(tick)[0];
  EXPECT_EQ(closed.value("order_id", ""), id);
  EXPECT_EQ(closed.value("from", ""), "In Progress");
  EXPECT_EQ(closed.value("to", ""), "Non-Authorized");
  EXPECT_EQ(closed.value("reason_code", ""), "INFO_NOT_PROVIDED");
  EXPECT_EQ(closed.value("deadline", ""), "2021-03-04T08:00:00Z");
  ExpectClosedAt(id, "2021-03-04T08:00:00Z");

  Json again = Ok(Tick("2021-03-05T00:00:00Z"));
  EXPECT_TRUE(ClosedOf(again).empty()) << again.dump();
}

TEST_P(DeadlineTest, NonUrgentCaseClosesAtFourteenDaysExactly) {
  std::string plain = SubmitFile("pended_missing_info", "2021-03-01").value("order_id", "");
  std::string urgent =
      Submit(ForMember("pended_urgent", "MBR-ST-0002"), "2021-03-01").value("order_id", "");
  std::string approved =
      Submit(ForMember("approved", "MBR-ST-0003"), "2021-03-01").value("order_id", "");
  EXPECT_EQ(Show(plain).value("deadline", ""), "2021-03-15T00:00:00Z");
  EXPECT_TRUE(Show(approved)["deadline"].is_null());

  EXPECT_THAT(Closed(Ok(Tick("2021-03-04T00:00:00Z"))), ElementsAre(urgent));
  EXPECT_THAT(Closed(Ok(Tick("2021-03-14T23:59:00Z"))), ElementsAre());
  EXPECT_EQ(Status(plain), "In Progress");
  EXPECT_THAT(Closed(Ok(Tick("2021-03-15"))), ElementsAre(plain));
  ExpectClosedAt(plain, "2021-03-15T00:00:00Z");
  EXPECT_EQ(Status(approved), "Authorized");
}

TEST_P(DeadlineTest, TickListsEveryCaseItClosesOldestOrderFirst) {
  std::string a = SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  std::string b = Submit(ForMember("pended_missing_info", "MBR-ST-0002"), "2021-03-01T10:00:00Z")
                      .value("order_id", "");
  std::string c = Submit(ForMember("pended_missing_info", "MBR-ST-0003"), "2021-03-02T10:00:00Z")
                      .value("order_id", "");
  // A late tick: both due cases close at their own deadline, the third is not due yet.
  EXPECT_THAT(Closed(Ok(Tick("2021-03-15T12:00:00Z"))), ElementsAre(a, b));
  ExpectClosedAt(a, "2021-03-15T09:00:00Z");
  ExpectClosedAt(b, "2021-03-15T10:00:00Z");
  EXPECT_EQ(Status(c), "In Progress");
}

TEST_P(DeadlineTest, ACommandOnAnOverdueCaseFindsItClosed) {
  std::string due = SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  std::string in_time =
      Submit(ForMember("pended_missing_info", "MBR-ST-0002"), "2021-03-01T09:00:00Z")
          .value("order_id", "");
  // One second before the deadline the nurse may still approve.
  EXPECT_EQ(Ok(Review(in_time, Nurse(ReviewDecision::kApprove), "2021-03-15T08:59:59Z"))
                .value("status", ""),
            "Authorized");
  // At the deadline the case is closed first: the approval meets a Non-Authorized case.
  ExpectRefused(Review(due, Nurse(ReviewDecision::kApprove), "2021-03-15T09:00:00Z"),
                "ILLEGAL_TRANSITION");
  ExpectClosedAt(due, "2021-03-15T09:00:00Z");  // the closure is persisted
  std::string closed = Visible(due);
  ExpectRefused(P2p(due, "2021-03-15T10:00:00Z"), "ILLEGAL_TRANSITION");
  ExpectRefused(Update(due, R"({"clinical": {"pain_score": 7}})", "2021-03-15T10:00:00Z"),
                "ILLEGAL_TRANSITION");
  EXPECT_EQ(Visible(due), closed);
  EXPECT_THAT(Closed(Ok(Tick("2021-03-16"))), ElementsAre());
}

TEST_P(DeadlineTest, OverdueCaseCancelledLateIsClosedInstead) {
  std::string id = SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  ExpectRefused(Cancel(id, "2021-03-20T00:00:00Z"), "ILLEGAL_TRANSITION");
  ExpectClosedAt(id, "2021-03-15T09:00:00Z");
}

TEST_P(DeadlineTest, ReconsiderationAfterADeadlineClosureCountsFromTheDeadlinesDate) {
  std::string id = SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  // Deadline 2021-03-15T09:00Z; the tick comes five days late and dates the denial at the deadline.
  EXPECT_THAT(Closed(Ok(Tick("2021-03-20T00:00:00Z"))), ElementsAre(id));
  std::string closed = Visible(id);
  // Day 11 after the deadline's date is too late, whenever the closure was noticed.
  ExpectRefused(Reconsider(id, "2021-03-26T00:00:00Z"), "RECONSIDERATION_WINDOW_EXCEEDED");
  EXPECT_EQ(Visible(id), closed);
  Json reopened = Ok(Reconsider(id, "2021-03-25T23:59:59Z"));  // day 10
  EXPECT_EQ(reopened.value("status", ""), "In Progress");
  EXPECT_EQ(reopened.value("review", ""), "physician");
  EXPECT_EQ(reopened["lines"][0].value("decision", ""), "awaiting_physician");
  EXPECT_TRUE(reopened["status_reason"].is_null());
  // A new deadline from the reconsideration's own "now".
  EXPECT_EQ(reopened.value("deadline", ""), "2021-04-08T23:59:59Z");
  EXPECT_THAT(Closed(Ok(Tick("2021-04-08T23:59:58Z"))), ElementsAre());
  EXPECT_THAT(Closed(Ok(Tick("2021-04-08T23:59:59Z"))), ElementsAre(id));
  ExpectClosedAt(id, "2021-04-08T23:59:59Z");
}

TEST_P(DeadlineTest, ReconsiderOnAnOverdueCaseClosesItThenCountsTheDays) {
  std::string late =
      SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  std::string in_time =
      Submit(ForMember("pended_missing_info", "MBR-ST-0002"), "2021-03-01T09:00:00Z")
          .value("order_id", "");
  // No tick: the reconsider command applies the due deadline itself (denied 2021-03-15).
  ExpectRefused(Reconsider(late, "2021-03-26T00:00:00Z"), "RECONSIDERATION_WINDOW_EXCEEDED");
  ExpectClosedAt(late, "2021-03-15T09:00:00Z");
  Json reopened = Ok(Reconsider(in_time, "2021-03-25T12:00:00Z"));
  EXPECT_EQ(reopened.value("status", ""), "In Progress");
  EXPECT_THAT(EventNames(History(in_time)), ElementsAre("submit", "deadline", "reconsider"));
}

TEST_P(DeadlineTest, DeadlineDeniesTheLinesStillAwaitingReview) {
  std::string id = SubmitFile("two_lines_pended", "2021-03-01T09:00:00Z").value("order_id", "");
  Ok(Review(id, Nurse(ReviewDecision::kApprove, 1), "2021-03-02T09:00:00Z"));
  EXPECT_THAT(Closed(Ok(Tick("2021-03-15T09:00:00Z"))), ElementsAre(id));
  Json c = Show(id);
  EXPECT_EQ(c.value("status", ""), "Non-Authorized");
  EXPECT_EQ(c.value("status_reason", ""), "INFO_NOT_PROVIDED");
  EXPECT_EQ(c["lines"][1].value("decision", ""), "denied");
  EXPECT_EQ(c["lines"][1].value("reason_code", ""), "INFO_NOT_PROVIDED");
  Json reopened = Ok(Reconsider(id, "2021-03-16T09:00:00Z"));
  EXPECT_EQ(reopened["lines"][1].value("decision", ""), "awaiting_physician");
}

// `show`, `history` and `list` only read without `--at`; with it they apply the deadlines due.
TEST_P(DeadlineTest, ReadsApplyDueDeadlinesOnlyWhenGivenANow) {
  std::string plain = SubmitFile("pended_missing_info", "2021-03-01").value("order_id", "");
  EXPECT_EQ(Status(plain), "In Progress");  // the system clock is years past the deadline
  Json before = Ok(store::Show(target_, plain, At("2021-03-14T23:59:59Z")));
  EXPECT_EQ(before.value("status", ""), "In Progress");
  Json listed = CasesOf(Ok(store::List(target_, {}, At("2021-03-15"))));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].value("status", ""), "Non-Authorized");
  ExpectClosedAt(plain, "2021-03-15T00:00:00Z");
  Json events = EventsOf(Ok(store::History(target_, plain, At("2021-04-01"))));
  EXPECT_EQ(EventNames(events), (std::vector<std::string>{"submit", "deadline"}));
}

}  // namespace
}  // namespace mskc::store
