// P13 change of date of service (inside the original window, both ends inclusive, window kept),
// cancel and void (allowed-from sets and resulting statuses), and the peer-to-peer record.
#include <gtest/gtest.h>

#include "runtime/lifecycle/lifecycle.h"
#include "tests/unit/lifecycle/record_builder.h"

namespace mskc::lifecycle {
namespace {

using testing::D;
using testing::RecordBuilder;
using testing::T;

const char* const kNow = "2021-03-05T10:00:00Z";

CaseRecord AuthorizedMarchToApril() {
  return RecordBuilder()
      .Status(CaseStatus::kAuthorized)
      .Line(LineState::kApproved, "63030", testing::Laterality::kNone, "2021-03-01", "2021-04-29")
      .CaseWindow(D("2021-03-01"), D("2021-04-29"))
      .Build();
}

TEST(ChangeDos, LastDayOfTheWindowAllowed) {
  CaseRecord r = AuthorizedMarchToApril();
  Events events;
  ASSERT_TRUE(testing::Done(ChangeDateOfService(r, D("2021-04-29"), T(kNow), events)));
  EXPECT_EQ(r.date_of_service, D("2021-04-29"));
  EXPECT_EQ(r.status, CaseStatus::kAuthorized);
  EXPECT_EQ(r.updated_at, T(kNow));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event, "change-dos");
  EXPECT_EQ(events[0].actor, Role::kProvider);
  EXPECT_EQ(events[0].at, T(kNow));
  EXPECT_EQ(events[0].from, CaseStatus::kAuthorized);
  EXPECT_EQ(events[0].to, CaseStatus::kAuthorized);
  EXPECT_NE(events[0].detail.find("2021-03-01"), std::string::npos) << events[0].detail;
  EXPECT_NE(events[0].detail.find("2021-04-29"), std::string::npos) << events[0].detail;
}

TEST(ChangeDos, FirstDayOfTheWindowAllowed) {
  CaseRecord r = AuthorizedMarchToApril();
  r.date_of_service = D("2021-03-10");
  Events events;
  ASSERT_TRUE(testing::Done(ChangeDateOfService(r, D("2021-03-01"), T(kNow), events)));
  EXPECT_EQ(r.date_of_service, D("2021-03-01"));
}

TEST(ChangeDos, DayAfterTheWindowRefused) {
  CaseRecord r = AuthorizedMarchToApril();
  Events events;
  EXPECT_REFUSED_UNCHANGED(ChangeDateOfService(r, D("2021-04-30"), T(kNow), events),
                           RefusalCode::kDosOutsideWindow, r, events);
}

TEST(ChangeDos, DayBeforeTheWindowRefused) {
  CaseRecord r = AuthorizedMarchToApril();
  Events events;
  EXPECT_REFUSED_UNCHANGED(ChangeDateOfService(r, D("2021-02-28"), T(kNow), events),
                           RefusalCode::kDosOutsideWindow, r, events);
}

TEST(ChangeDos, WindowIsKeptAcrossChanges) {
  CaseRecord r = AuthorizedMarchToApril();
  Events events;
  ASSERT_TRUE(testing::Done(ChangeDateOfService(r, D("2021-04-20"), T(kNow), events)));
  EXPECT_EQ(r.valid_from, D("2021-03-01"));
  EXPECT_EQ(r.expires_on, D("2021-04-29"));
  EXPECT_EQ(r.lines[0].window_from, D("2021-03-01"));
  EXPECT_EQ(r.lines[0].window_to, D("2021-04-29"));
  // The window stays the original one: moving back to its first day is still allowed, and
  // 60 days from the new date of service is not.
  ASSERT_TRUE(testing::Done(ChangeDateOfService(r, D("2021-03-01"), T(kNow), events)));
  ASSERT_TRUE(testing::Done(ChangeDateOfService(r, D("2021-04-20"), T(kNow), events)));
  EXPECT_REFUSED_UNCHANGED(ChangeDateOfService(r, D("2021-05-01"), T(kNow), events),
                           RefusalCode::kDosOutsideWindow, r, events);
  EXPECT_EQ(events.size(), 3u);
}

TEST(ChangeDos, InProgressIsIllegal) {
  CaseRecord r = RecordBuilder()
                     .Line(LineState::kAwaitingNurse)
                     .CaseWindow(D("2021-03-01"), D("2021-04-29"))
                     .Build();
  Events events;
  EXPECT_REFUSED_UNCHANGED(ChangeDateOfService(r, D("2021-03-10"), T(kNow), events),
                           RefusalCode::kIllegalTransition, r, events);
}

TEST(ChangeDos, CompletedAllowed) {
  // A notification-only case (P3) carries a pain-management window.
  CaseRecord r = RecordBuilder()
                     .Status(CaseStatus::kCompleted)
                     .Line(LineState::kNotificationOnly, "62322", testing::Laterality::kNone,
                           "2021-03-01", "2021-03-12")
                     .CaseWindow(D("2021-03-01"), D("2021-03-12"))
                     .Build();
  Events events;
  ASSERT_TRUE(testing::Done(ChangeDateOfService(r, D("2021-03-12"), T(kNow), events)));
  EXPECT_EQ(r.date_of_service, D("2021-03-12"));
  EXPECT_EQ(r.status, CaseStatus::kCompleted);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].from, CaseStatus::kCompleted);
  EXPECT_EQ(events[0].to, CaseStatus::kCompleted);
  EXPECT_REFUSED_UNCHANGED(ChangeDateOfService(r, D("2021-03-13"), T(kNow), events),
                           RefusalCode::kDosOutsideWindow, r, events);
}

TEST(ChangeDos, NoWindowMeansANewRequest) {
  CaseRecord r = RecordBuilder()
                     .Status(CaseStatus::kCompleted)
                     .Line(LineState::kNotRequired, "99999")
                     .Build();
  ASSERT_FALSE(r.valid_from);
  Events events;
  EXPECT_REFUSED_UNCHANGED(ChangeDateOfService(r, D("2021-03-01"), T(kNow), events),
                           RefusalCode::kDosOutsideWindow, r, events);
}

TEST(Cancel, FromInProgressAndAuthorized) {
  CaseRecord pending = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  ASSERT_TRUE(pending.deadline);
  Events events;
  ASSERT_TRUE(testing::Done(Cancel(pending, T(kNow), events)));
  EXPECT_EQ(pending.status, CaseStatus::kVoluntarilyCancelled);
  EXPECT_FALSE(pending.deadline);  // a cancelled case is never closed at a deadline
  EXPECT_EQ(pending.updated_at, T(kNow));
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event, "cancel");
  EXPECT_EQ(events[0].actor, Role::kProvider);
  EXPECT_EQ(events[0].at, T(kNow));
  EXPECT_EQ(events[0].from, CaseStatus::kInProgress);
  EXPECT_EQ(events[0].to, CaseStatus::kVoluntarilyCancelled);

  CaseRecord approved = AuthorizedMarchToApril();
  Events events2;
  ASSERT_TRUE(testing::Done(Cancel(approved, T(kNow), events2)));
  EXPECT_EQ(approved.status, CaseStatus::kVoluntarilyCancelled);
  ASSERT_EQ(events2.size(), 1u);
  EXPECT_EQ(events2[0].from, CaseStatus::kAuthorized);
}

TEST(Cancel, RefusedFromEveryOtherStatus) {
  for (CaseStatus s : {CaseStatus::kCompleted, CaseStatus::kNonAuthorized,
                       CaseStatus::kMultipleDecisionsRendered, CaseStatus::kVoluntarilyCancelled,
                       CaseStatus::kNotReviewedErrorEntry, CaseStatus::kOtherImpact}) {
    SCOPED_TRACE(determination::CaseStatusName(s));
    CaseRecord r = RecordBuilder().Status(s).Line(LineState::kApproved).Build();
    Events events;
    EXPECT_REFUSED_UNCHANGED(Cancel(r, T(kNow), events), RefusalCode::kIllegalTransition, r,
                             events);
  }
}

TEST(Void, FromInProgressAuthorizedAndCompleted) {
  for (CaseStatus s :
       {CaseStatus::kInProgress, CaseStatus::kAuthorized, CaseStatus::kCompleted}) {
    SCOPED_TRACE(determination::CaseStatusName(s));
    CaseRecord r = RecordBuilder().Status(s).Line(LineState::kApproved).Build();
    Events events;
    ASSERT_TRUE(testing::Done(Void(r, T(kNow), events)));
    EXPECT_EQ(r.status, CaseStatus::kNotReviewedErrorEntry);
    EXPECT_FALSE(r.deadline);
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(events[0].event, "void");
    EXPECT_EQ(events[0].actor, Role::kStaff);
    EXPECT_EQ(events[0].from, s);
    EXPECT_EQ(events[0].to, CaseStatus::kNotReviewedErrorEntry);
  }
}

TEST(Void, RefusedFromEveryOtherStatus) {
  for (CaseStatus s : {CaseStatus::kNonAuthorized, CaseStatus::kMultipleDecisionsRendered,
                       CaseStatus::kVoluntarilyCancelled, CaseStatus::kNotReviewedErrorEntry,
                       CaseStatus::kOtherImpact}) {
    SCOPED_TRACE(determination::CaseStatusName(s));
    CaseRecord r = RecordBuilder().Status(s).Line(LineState::kApproved).Build();
    Events events;
    EXPECT_REFUSED_UNCHANGED(Void(r, T(kNow), events), RefusalCode::kIllegalTransition, r,
                             events);
  }
}

TEST(Void, ACancelledCaseCannotBeCancelledOrVoidedAgain) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingNurse).Build();
  Events events;
  ASSERT_TRUE(testing::Done(Cancel(r, T(kNow), events)));
  EXPECT_REFUSED_UNCHANGED(Cancel(r, T(kNow), events), RefusalCode::kIllegalTransition, r,
                           events);
  EXPECT_REFUSED_UNCHANGED(Void(r, T(kNow), events), RefusalCode::kIllegalTransition, r, events);
  EXPECT_EQ(events.size(), 1u);
}

TEST(PeerToPeerRecord, RecordedWithoutChangingStatus) {
  CaseRecord r = RecordBuilder().Line(LineState::kAwaitingPhysician).Build();
  const std::optional<Timestamp> deadline = r.deadline;
  Events events;
  ASSERT_TRUE(testing::Done(RecordPeerToPeer(r, PeerToPeer::kOffered, T(kNow), events)));
  EXPECT_EQ(r.p2p, PeerToPeer::kOffered);
  EXPECT_EQ(r.status, CaseStatus::kInProgress);
  EXPECT_EQ(r.deadline, deadline);
  EXPECT_EQ(r.lines[0].state, LineState::kAwaitingPhysician);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].event, "p2p");
  EXPECT_EQ(events[0].from, CaseStatus::kInProgress);
  EXPECT_EQ(events[0].to, CaseStatus::kInProgress);
  EXPECT_NE(events[0].detail.find("offered"), std::string::npos) << events[0].detail;
  ASSERT_TRUE(testing::Done(RecordPeerToPeer(r, PeerToPeer::kHeld, T(kNow), events)));
  EXPECT_EQ(r.p2p, PeerToPeer::kHeld);
  EXPECT_EQ(events.size(), 2u);
}

TEST(PeerToPeerRecord, RefusedOutsideInProgress) {
  CaseRecord r = AuthorizedMarchToApril();
  Events events;
  EXPECT_REFUSED_UNCHANGED(RecordPeerToPeer(r, PeerToPeer::kOffered, T(kNow), events),
                           RefusalCode::kIllegalTransition, r, events);
}

TEST(RefusalCodes, ContractSpellings) {
  EXPECT_EQ(RefusalCodeName(RefusalCode::kIllegalTransition), "ILLEGAL_TRANSITION");
  EXPECT_EQ(RefusalCodeName(RefusalCode::kReviewerNotAuthorized), "REVIEWER_NOT_AUTHORIZED");
  EXPECT_EQ(RefusalCodeName(RefusalCode::kP2pNotOffered), "P2P_NOT_OFFERED");
  EXPECT_EQ(RefusalCodeName(RefusalCode::kDosOutsideWindow), "DOS_OUTSIDE_WINDOW");
  EXPECT_EQ(RefusalCodeName(RefusalCode::kReconsiderationWindowExceeded),
            "RECONSIDERATION_WINDOW_EXCEEDED");
  EXPECT_EQ(RefusalCodeName(RefusalCode::kNotFound), "NOT_FOUND");
}

}  // namespace
}  // namespace mskc::lifecycle
