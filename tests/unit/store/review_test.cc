// `review` per line and per case (S2): who may decide what, Multiple Decisions Rendered, and a
// reconsideration that reopens only the denied line (S3).
#include <gmock/gmock.h>

#include "tests/unit/store/store_fixture.h"

namespace mskc::store {
namespace {

using ::testing::ElementsAre;

class ReviewTest : public StoreTest {
 protected:
  static std::vector<std::string> Decisions(const Json& c) {
    std::vector<std::string> out;
    for (const Json& l : c["lines"]) out.push_back(l.value("decision", ""));
    return out;
  }
};
MSKC_STORE_BACKENDS(ReviewTest);

TEST_P(ReviewTest, ApprovedAndDeniedLinesMakeMultipleDecisionsRendered) {
  std::string id = MakeMultipleDecisions();
  Json c = Show(id);
  EXPECT_EQ(c.value("status", ""), "Multiple Decisions Rendered");
  EXPECT_THAT(Decisions(c), ElementsAre("approved", "denied"));
  EXPECT_EQ(c.value("review", ""), "none");
  EXPECT_EQ(c.value("denied_at", ""), "2021-03-02T12:00:00Z");
  // The case window is the approved line's.
  EXPECT_EQ(c.value("valid_from", ""), "2021-04-01");
  EXPECT_EQ(c.value("expires_on", ""), "2021-04-14");
  EXPECT_EQ(c["lines"][0].value("expires_on", ""), "2021-04-14");
  EXPECT_TRUE(c["lines"][1]["expires_on"].is_null());

  Json h = History(id);
  ASSERT_EQ(h.size(), 4u);
  EXPECT_EQ(h[2].value("line", 0), 1);
  EXPECT_EQ(h[2].value("to", ""), "In Progress");  // line 2 still awaited review
  EXPECT_EQ(h[3].value("line", 0), 2);
  EXPECT_EQ(h[3].value("to", ""), "Multiple Decisions Rendered");
}

TEST_P(ReviewTest, ReconsiderationReopensOnlyTheDeniedLine) {
  std::string id = MakeMultipleDecisions();
  Json reopened = Ok(Reconsider(id, "2021-03-05T09:00:00Z"));
  EXPECT_EQ(reopened.value("status", ""), "In Progress");
  EXPECT_EQ(reopened.value("review", ""), "physician");
  EXPECT_THAT(Decisions(reopened), ElementsAre("approved", "awaiting_physician"));

  // A nurse may not act on the reconsidered line; line 1 is decided already.
  std::string before = Visible(id);
  ExpectRefused(Review(id, Nurse(ReviewDecision::kApprove), "2021-03-06T09:00:00Z"),
                "REVIEWER_NOT_AUTHORIZED");
  ExpectRefused(Review(id, Physician(ReviewDecision::kApprove, 1), "2021-03-06T09:00:00Z"),
                "ILLEGAL_TRANSITION");
  EXPECT_EQ(Visible(id), before);

  // Without --line the decision applies to the lines still awaiting review: only line 2.
  Json overturned = Ok(Review(id, Physician(ReviewDecision::kApprove), "2021-03-06T10:00:00Z"));
  EXPECT_EQ(overturned.value("status", ""), "Authorized");
  EXPECT_THAT(Decisions(overturned), ElementsAre("approved", "approved"));
}

TEST_P(ReviewTest, EveryReviewedLineDeniedIsNonAuthorized) {
  std::string id = SubmitFile("two_lines_pended", "2021-03-01T09:00:00Z").value("order_id", "");
  Ok(P2p(id, "2021-03-02T09:00:00Z"));
  Json first = Ok(Review(id, Physician(ReviewDecision::kDeny, 2), "2021-03-02T10:00:00Z"));
  EXPECT_EQ(first.value("status", ""), "In Progress");
  EXPECT_THAT(Decisions(first), ElementsAre("awaiting_nurse", "denied"));
  Json both = Ok(Review(id, Physician(ReviewDecision::kDeny), "2021-03-02T11:00:00Z"));
  EXPECT_EQ(both.value("status", ""), "Non-Authorized");
  EXPECT_THAT(Decisions(both), ElementsAre("denied", "denied"));
}

TEST_P(ReviewTest, NurseEscalatesOneLineAndThenCannotActOnIt) {
  std::string id = SubmitFile("two_lines_pended", "2021-03-01T09:00:00Z").value("order_id", "");
  EXPECT_EQ(Show(id).value("review", ""), "nurse");
  Json escalated = Ok(Review(id, Nurse(ReviewDecision::kEscalate, 1), "2021-03-02T09:00:00Z"));
  EXPECT_THAT(Decisions(escalated), ElementsAre("awaiting_physician", "awaiting_nurse"));
  EXPECT_EQ(escalated.value("review", ""), "physician");

  std::string before = Visible(id);
  // Without --line the nurse would act on line 1 too, which awaits a physician.
  ExpectRefused(Review(id, Nurse(ReviewDecision::kApprove), "2021-03-02T10:00:00Z"),
                "REVIEWER_NOT_AUTHORIZED");
  ExpectRefused(Review(id, Nurse(ReviewDecision::kApprove, 1), "2021-03-02T10:00:00Z"),
                "REVIEWER_NOT_AUTHORIZED");
  ExpectRefused(Review(id, Nurse(ReviewDecision::kEscalate, 1), "2021-03-02T10:00:00Z"),
                "REVIEWER_NOT_AUTHORIZED");
  EXPECT_EQ(Visible(id), before);

  Json line2 = Ok(Review(id, Nurse(ReviewDecision::kApprove, 2), "2021-03-02T11:00:00Z"));
  EXPECT_THAT(Decisions(line2), ElementsAre("awaiting_physician", "approved"));
  EXPECT_EQ(line2.value("status", ""), "In Progress");
  Json line1 = Ok(Review(id, Physician(ReviewDecision::kApprove, 1), "2021-03-02T12:00:00Z"));
  EXPECT_EQ(line1.value("status", ""), "Authorized");
}

TEST_P(ReviewTest, NurseNeverDeniesEvenAfterAPeerToPeerOffer) {
  std::string id = SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  Ok(P2p(id, "2021-03-02T09:00:00Z"));
  std::string before = Visible(id);
  ExpectRefused(Review(id, Nurse(ReviewDecision::kDeny), "2021-03-02T10:00:00Z"),
                "REVIEWER_NOT_AUTHORIZED");
  ExpectRefused(Review(id, Nurse(ReviewDecision::kDeny, 1), "2021-03-02T10:00:00Z"),
                "REVIEWER_NOT_AUTHORIZED");
  EXPECT_EQ(Visible(id), before);
}

TEST_P(ReviewTest, PhysicianMayDecideALineAwaitingTheNurse) {
  std::string id = SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  Json approved = Ok(Review(id, Physician(ReviewDecision::kApprove), "2021-03-02T09:00:00Z"));
  EXPECT_EQ(approved.value("status", ""), "Authorized");
}

TEST_P(ReviewTest, ReviewOfAMissingLineIsRefused) {
  std::string id = SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  std::string before = Visible(id);
  for (int line : {0, 2, -1}) {
    CommandResult r = Review(id, Nurse(ReviewDecision::kApprove, line), "2021-03-02T09:00:00Z");
    EXPECT_EQ(r.kind, ResultKind::kRefused) << "line " << line << ": " << r.json;
  }
  EXPECT_EQ(Visible(id), before);
}

}  // namespace
}  // namespace mskc::store
