// A case's life through the review path (S2), reconsideration (S3) and a date-of-service change
// (P13), with the audit history that records it.
#include <gmock/gmock.h>

#include "tests/unit/store/store_fixture.h"

namespace mskc::store {
namespace {

using ::testing::ElementsAre;

class LifecycleTest : public StoreTest {};
MSKC_STORE_BACKENDS(LifecycleTest);

TEST_P(LifecycleTest, FullLifeFromPendedToAuthorizedWithADateChange) {
  Json d = SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z");
  const std::string id = d.value("order_id", "");
  ASSERT_EQ(id, "SU000000001");
  EXPECT_EQ(d.value("status", ""), "In Progress");
  EXPECT_EQ(Show(id).value("review", ""), "nurse");

  Json escalated = Ok(Review(id, Nurse(ReviewDecision::kEscalate), "2021-03-02T09:00:00Z"));
  EXPECT_EQ(escalated.value("status", ""), "In Progress");
  EXPECT_EQ(escalated.value("review", ""), "physician");
  EXPECT_EQ(escalated["lines"][0].value("decision", ""), "awaiting_physician");

  std::string before = Visible(id);
  ExpectRefused(Review(id, Physician(ReviewDecision::kDeny), "2021-03-03T09:00:00Z"),
                "P2P_NOT_OFFERED");
  EXPECT_EQ(Visible(id), before);

  Json offered = Ok(P2p(id, "2021-03-03T10:00:00Z"));
  EXPECT_EQ(offered.value("peer_to_peer", ""), "offered");
  EXPECT_EQ(offered.value("status", ""), "In Progress");

  Json denied = Ok(Review(id, Physician(ReviewDecision::kDeny), "2021-03-04T09:00:00Z"));
  EXPECT_EQ(denied.value("status", ""), "Non-Authorized");
  EXPECT_EQ(denied.value("denied_at", ""), "2021-03-04T09:00:00Z");
  EXPECT_EQ(denied["lines"][0].value("decision", ""), "denied");
  EXPECT_TRUE(denied["deadline"].is_null());
  EXPECT_TRUE(denied["expires_on"].is_null());

  // Day 9 after the denial.
  Json reopened = Ok(Reconsider(id, "2021-03-13T09:00:00Z"));
  EXPECT_EQ(reopened.value("status", ""), "In Progress");
  EXPECT_EQ(reopened.value("review", ""), "physician");
  EXPECT_EQ(reopened["lines"][0].value("decision", ""), "awaiting_physician");
  EXPECT_EQ(reopened.value("deadline", ""), "2021-03-27T09:00:00Z");  // a new one from "now"
  EXPECT_TRUE(reopened["denied_at"].is_null());

  Json approved = Ok(Review(id, Physician(ReviewDecision::kApprove), "2021-03-14T09:00:00Z"));
  EXPECT_EQ(approved.value("status", ""), "Authorized");
  EXPECT_EQ(approved.value("valid_from", ""), "2021-04-01");
  EXPECT_EQ(approved.value("expires_on", ""), "2021-04-14");
  EXPECT_TRUE(approved["deadline"].is_null());

  Json moved = Ok(ChangeDos(id, "2021-04-14", "2021-03-15T09:00:00Z"));
  EXPECT_EQ(moved.value("status", ""), "Authorized");
  EXPECT_EQ(moved.value("date_of_service", ""), "2021-04-14");
  EXPECT_EQ(moved.value("valid_from", ""), "2021-04-01");
  EXPECT_EQ(moved.value("expires_on", ""), "2021-04-14");
  // The determination made at submit is kept as evaluated (show gives both).
  Json shown = Show(id);
  ASSERT_TRUE(shown.contains("determination")) << shown.dump(2);
  EXPECT_EQ(shown["determination"].value("status", ""), "In Progress");
  EXPECT_EQ(shown["determination"].value("outcome", ""), "pended");

  Json h = History(id);
  EXPECT_THAT(EventNames(h), ElementsAre("submit", "review", "p2p", "review", "reconsider",
                                         "review", "change-dos"));
  std::vector<std::string> actors, froms, tos, ats;
  std::vector<int> seqs;
  for (const Json& e : h) {
    actors.push_back(e.value("actor", ""));
    froms.push_back(e["from"].is_null() ? "-" : e["from"].get<std::string>());
    tos.push_back(e["to"].is_null() ? "-" : e["to"].get<std::string>());
    ats.push_back(e.value("at", ""));
    seqs.push_back(e.value("seq", 0));
  }
  EXPECT_THAT(actors, ElementsAre("provider", "nurse", "physician", "physician", "provider",
                                  "physician", "provider"));
  EXPECT_THAT(froms, ElementsAre("-", "In Progress", "In Progress", "In Progress", "Non-Authorized",
                                 "In Progress", "Authorized"));
  EXPECT_THAT(tos, ElementsAre("In Progress", "In Progress", "In Progress", "Non-Authorized",
                               "In Progress", "Authorized", "Authorized"));
  EXPECT_THAT(ats,
              ElementsAre("2021-03-01T09:00:00Z", "2021-03-02T09:00:00Z", "2021-03-03T10:00:00Z",
                          "2021-03-04T09:00:00Z", "2021-03-13T09:00:00Z", "2021-03-14T09:00:00Z",
                          "2021-03-15T09:00:00Z"));
  EXPECT_THAT(seqs, ElementsAre(1, 2, 3, 4, 5, 6, 7));
}

TEST_P(LifecycleTest, NurseApprovalAuthorizesAndEveryPeerToPeerKindCountsAsAnOffer) {
  std::string a = SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  Json approved = Ok(Review(a, Nurse(ReviewDecision::kApprove), "2021-03-02T09:00:00Z"));
  EXPECT_EQ(approved.value("status", ""), "Authorized");
  EXPECT_EQ(approved.value("expires_on", ""), "2021-04-14");
  EXPECT_EQ(History(a)[1].value("actor", ""), "nurse");

  int member = 2;
  for (auto what : {lifecycle::PeerToPeer::kHeld, lifecycle::PeerToPeer::kDeclined}) {
    std::string other = "MBR-ST-000" + std::to_string(member++);
    std::string id =
        Submit(EditedCase("pended_missing_info", [&](Json& c) { c["member"]["id"] = other; }),
               "2021-03-01T10:00:00Z")
            .value("order_id", "");
    Json recorded = Ok(P2p(id, "2021-03-02T10:00:00Z", what));
    EXPECT_EQ(recorded.value("peer_to_peer", ""), lifecycle::PeerToPeerName(what));
    Json denied = Ok(Review(id, Physician(ReviewDecision::kDeny), "2021-03-02T11:00:00Z"));
    EXPECT_EQ(denied.value("status", ""), "Non-Authorized");
  }
}

TEST_P(LifecycleTest, ReconsiderationAfterAClinicalDenialIsAllowedThroughDayTen) {
  std::string id = SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  Ok(P2p(id, "2021-03-02T09:00:00Z"));
  Ok(Review(id, Physician(ReviewDecision::kDeny), "2021-03-04T09:00:00Z"));
  std::string before = Visible(id);
  // Calendar days between the UTC dates: 2021-03-15 is day 11, whatever the hour.
  ExpectRefused(Reconsider(id, "2021-03-15T00:00:00Z"), "RECONSIDERATION_WINDOW_EXCEEDED");
  EXPECT_EQ(Visible(id), before);
  Json reopened = Ok(Reconsider(id, "2021-03-14T23:59:59Z"));
  EXPECT_EQ(reopened.value("status", ""), "In Progress");
}

TEST_P(LifecycleTest, AdministrativeDenialCannotBeReconsidered) {
  Json d = SubmitFile("not_enrolled", "2021-03-01T09:00:00Z");
  EXPECT_EQ(d.value("status", ""), "Non-Authorized");
  EXPECT_THAT(ReasonCodes(d), ElementsAre("MEMBER_NOT_ENROLLED"));
  std::string id = d.value("order_id", "");
  std::string before = Visible(id);
  ExpectRefused(Reconsider(id, "2021-03-02T09:00:00Z"), "ILLEGAL_TRANSITION");
  ExpectRefused(Reconsider(id, "2021-03-01T09:00:01Z"), "ILLEGAL_TRANSITION");
  EXPECT_EQ(Visible(id), before);
}

TEST_P(LifecycleTest, ChangeOfDateOfServiceStaysInsideTheOriginalWindow) {
  std::string id = SubmitFile("approved", "2021-03-01T09:00:00Z").value("order_id", "");
  std::string before = Visible(id);
  ExpectRefused(ChangeDos(id, "2021-04-15", "2021-03-02"), "DOS_OUTSIDE_WINDOW");
  ExpectRefused(ChangeDos(id, "2021-03-31", "2021-03-02"), "DOS_OUTSIDE_WINDOW");
  EXPECT_EQ(Visible(id), before);
  EXPECT_EQ(Ok(ChangeDos(id, "2021-04-14", "2021-03-02")).value("date_of_service", ""),
            "2021-04-14");
  // The window is the original one, not recomputed from the new date: back to its first day.
  Json back = Ok(ChangeDos(id, "2021-04-01", "2021-03-03"));
  EXPECT_EQ(back.value("date_of_service", ""), "2021-04-01");
  EXPECT_EQ(back.value("expires_on", ""), "2021-04-14");
  ExpectRefused(ChangeDos(id, "2021-04-15", "2021-03-04"), "DOS_OUTSIDE_WINDOW");
  Json h = History(id);
  ASSERT_EQ(h.size(), 3u);
  EXPECT_EQ(CommandOf(h[1]), "change-dos");
  EXPECT_EQ(h[1].value("from", ""), "Authorized");
  EXPECT_EQ(h[1].value("to", ""), "Authorized");
}

TEST_P(LifecycleTest, ChangeOfDateOfServiceOnACompletedNotificationOnlyCase) {
  Json d = SubmitFile("notification_only", "2021-03-01T09:00:00Z");
  EXPECT_EQ(d.value("status", ""), "Completed");
  std::string id = d.value("order_id", "");
  EXPECT_EQ(Ok(ChangeDos(id, "2021-04-14", "2021-03-02")).value("status", ""), "Completed");
  ExpectRefused(ChangeDos(id, "2021-04-15", "2021-03-02"), "DOS_OUTSIDE_WINDOW");
}

TEST_P(LifecycleTest, ChangeOfDateOfServiceNeedsAnApprovedCase) {
  std::string pended =
      SubmitFile("pended_missing_info", "2021-03-01T09:00:00Z").value("order_id", "");
  ExpectRefused(ChangeDos(pended, "2021-04-02", "2021-03-02"), "ILLEGAL_TRANSITION");
  std::string denied = SubmitFile("not_enrolled", "2021-03-01T09:00:00Z").value("order_id", "");
  ExpectRefused(ChangeDos(denied, "2021-04-02", "2021-03-02"), "ILLEGAL_TRANSITION");
}

TEST_P(LifecycleTest, ReconsiderationCountsTheUtcDatesWhateverTheOffsetGiven) {
  // 01:00 at +02:00 is 23:00 UTC the day before: receipt and deadline are kept in UTC.
  std::string id =
      SubmitFile("pended_missing_info", "2021-03-01T01:00:00+02:00").value("order_id", "");
  Json filed = Show(id);
  EXPECT_EQ(filed.value("received_at", ""), "2021-02-28T23:00:00Z");
  EXPECT_EQ(filed.value("deadline", ""), "2021-03-14T23:00:00Z");
  Ok(P2p(id, "2021-03-02T09:00:00Z"));
  // 23:30 on 2021-03-04 in New York is 2021-03-05 in UTC: the denial's date is 2021-03-05.
  Ok(Review(id, Physician(ReviewDecision::kDeny), "2021-03-04T23:30:00-05:00"));
  EXPECT_EQ(Show(id).value("denied_at", ""), "2021-03-05T04:30:00Z");
  // 20:00 on 2021-03-15 in New York is 2021-03-16 in UTC: day 11.
  ExpectRefused(Reconsider(id, "2021-03-15T20:00:00-05:00"), "RECONSIDERATION_WINDOW_EXCEEDED");
  EXPECT_EQ(Ok(Reconsider(id, "2021-03-15T18:59:59-05:00")).value("status", ""), "In Progress");
}

}  // namespace
}  // namespace mskc::store
